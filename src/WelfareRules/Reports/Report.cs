using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using WelfareRules.Law;
using WelfareRules.Money;

namespace WelfareRules.Reports;

/// <summary>
/// What one person is entitled to in one month, and why: the standard used, each entitlement with its
/// citations, warnings for provisional law, and an ordered explanation.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Report
{
    internal Report(Jurisdiction jurisdiction, YearMonth month, AppliedStandard standard, ImmutableArray<Entitlement> entitlements, ImmutableArray<string> warnings, ImmutableArray<ExplanationStep> explanation, HealthInsuranceContribution? healthInsurance = null)
    {
        Jurisdiction = jurisdiction;
        Month = month;
        Standard = standard;
        Entitlements = entitlements;
        Warnings = warnings;
        Explanation = explanation;
        HealthInsurance = healthInsurance;
        Total = entitlements.Aggregate(Dong.Zero, (sum, e) => sum + e.Amount);
    }

    /// <summary>The same report for another month (the population engine's reuse of a profile's report across months with the same law).</summary>
    internal Report ForMonth(YearMonth month) => new(Jurisdiction, month, Standard, Entitlements, Warnings, Explanation, HealthInsurance);

    /// <summary>The jurisdiction evaluated.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The benefit month.</summary>
    public YearMonth Month { get; }

    /// <summary>The standard applied, with its basis.</summary>
    public AppliedStandard Standard { get; }

    /// <summary>The entitlements with a non-zero amount.</summary>
    public ImmutableArray<Entitlement> Entitlements { get; }

    /// <summary>The sum of the entitlements.</summary>
    public Dong Total { get; }

    /// <summary>
    /// The health-insurance contribution: premium, state share and who pays what; null when the person
    /// already holds a card through another scheme, has died, or no base salary is encoded for the month.
    /// Not part of <see cref="Total"/>.
    /// </summary>
    public HealthInsuranceContribution? HealthInsurance { get; }

    /// <summary>One line for each provisional instrument behind a figure.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>The reasoning, step by step (empty when explanation was turned off).</summary>
    public ImmutableArray<ExplanationStep> Explanation { get; }

    /// <summary>Whether any figure (entitlements or health insurance) rests on provisional law.</summary>
    public bool IsProvisional => !Warnings.IsEmpty;

    /// <summary>The total of the entitlements of one kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The total.</returns>
    public Dong AmountOf(EntitlementKind kind) => Entitlements.Where(e => e.Kind == kind).Aggregate(Dong.Zero, (sum, e) => sum + e.Amount);
}
