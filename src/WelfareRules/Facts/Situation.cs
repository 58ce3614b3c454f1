using NodaTime;
using WelfareRules.Law;

namespace WelfareRules.Facts;

/// <summary>One person in one jurisdiction, evaluated for one benefit month.</summary>
/// <param name="Jurisdiction">Where the person lives.</param>
/// <param name="Month">The benefit month evaluated.</param>
/// <param name="Person">The person's circumstances.</param>
public sealed record Situation(Jurisdiction Jurisdiction, YearMonth Month, Person Person);
