using NodaTime;
using WelfareRules.Law;

namespace WelfareRules.Facts;

/// <summary>One person in one jurisdiction, evaluated for one benefit month.</summary>
/// <param name="Jurisdiction">Where the person lives.</param>
/// <param name="Month">The benefit month evaluated.</param>
/// <param name="Person">The person's circumstances.</param>
/// <exception cref="System.ArgumentNullException"><paramref name="Jurisdiction"/> or <paramref name="Person"/> is null.</exception>
/// <exception cref="System.ArgumentException"><paramref name="Month"/> is not in the ISO calendar.</exception>
/// <exception cref="System.ArgumentOutOfRangeException"><paramref name="Month"/> is before 1900 (such as <c>default</c>).</exception>
public sealed record Situation(Jurisdiction Jurisdiction, YearMonth Month, Person Person)
{
    /// <summary>Where the person lives.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public Jurisdiction Jurisdiction { get; init => field = Preconditions.CheckNotNull(value, nameof(Jurisdiction)); } = Preconditions.CheckNotNull(Jurisdiction, nameof(Jurisdiction));

    /// <summary>The benefit month evaluated (ISO calendar, from 1900).</summary>
    /// <exception cref="System.ArgumentException">The month is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The month is before 1900 (such as <c>default</c>).</exception>
    public YearMonth Month { get; init => field = Preconditions.CheckMonth(value, nameof(Month)); } = Preconditions.CheckMonth(Month, nameof(Month));

    /// <summary>The person's circumstances.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public Person Person { get; init => field = Preconditions.CheckNotNull(value, nameof(Person)); } = Preconditions.CheckNotNull(Person, nameof(Person));

    /// <summary>The largest weight a situation may carry.</summary>
    public const int MaxWeight = 1_000_000_000;

    /// <summary>
    /// How many real people the situation stands for in a population (a survey or register weight); 1 by default.
    /// Every total of a comparison counts a person this many times.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is negative or above <see cref="MaxWeight"/>.</exception>
    public decimal Weight
    {
        get;
        init => field = value >= 0 && value <= MaxWeight ? value : throw new System.ArgumentOutOfRangeException(nameof(Weight), value, $"a weight is from 0 to {MaxWeight:#,0}");
    } = 1m;

    /// <summary>The commune or ward (xã, phường) the person lives in, as a code (for totals by commune), or null.</summary>
    /// <exception cref="System.ArgumentException">The code is empty or longer than 32 characters.</exception>
    public string? Commune
    {
        get;
        init => field = value is null || value.Length is > 0 and <= 32 ? value : throw new System.ArgumentException("a commune code is 1 to 32 characters", nameof(Commune));
    }

    /// <summary>The most characters an <see cref="Id"/> holds.</summary>
    public const int MaxIdLength = 256;

    /// <summary>
    /// The caller's name for this situation (a case number, a row key), or null: echoed in its report's JSON and in
    /// the tool's difference and error lines, so that results can be joined back to their input. It takes no part in
    /// the evaluation.
    /// </summary>
    /// <exception cref="System.ArgumentException">The value is empty or longer than <see cref="MaxIdLength"/> characters.</exception>
    public string? Id
    {
        get;
        init => field = value is null || value.Length is > 0 and <= MaxIdLength
            ? value
            : throw new System.ArgumentException($"an id is 1 to {MaxIdLength} characters", nameof(Id));
    }
}
