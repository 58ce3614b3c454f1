using NodaTime;
using WelfareRules.Law;

namespace WelfareRules.Benefits.Emergency;

/// <summary>The kinds of emergency assistance (trợ giúp xã hội khẩn cấp) of ND 20/2021 Chapter III that have a figure.</summary>
public enum EmergencySupport
{
    /// <summary>Rice for a hungry household at Lunar New Year: 15 kg per person per month, for one month per round (Art 12 k1).</summary>
    TetFood = 0,

    /// <summary>Rice for hunger from disaster, fire, crop failure, the lean season or force majeure: 15 kg per person per month, up to 3 months per round (Art 12 k1).</summary>
    DisasterFood = 1,

    /// <summary>A person severely injured (emergency care and 3+ days of treatment, Art 2 k2) by disaster, fire, traffic or serious work accident or force majeure: at least 10 × standard (Art 13 k1).</summary>
    SevereInjury = 2,

    /// <summary>A household with a member dead or missing from disaster, fire, epidemic, traffic or serious work accident or force majeure: funeral support of at least 50 × standard (Art 14 k1).</summary>
    DisasterDeath = 3,

    /// <summary>A poor, near-poor or hardship household whose house collapsed, was swept away or burned completely: at least 40,000,000 VND (Art 15 k1).</summary>
    HouseLost = 4,

    /// <summary>A household that must relocate its house urgently by decision of the authorities: at least 30,000,000 VND (Art 15 k2).</summary>
    UrgentRelocation = 5,

    /// <summary>A poor, near-poor or hardship household whose house is severely damaged and uninhabitable: at least 20,000,000 VND (Art 15 k3).</summary>
    HouseSeverelyDamaged = 6,
}

/// <summary>
/// One emergency for which assistance is computed: where, when, and which support. The figures are
/// those in force in the jurisdiction on <see cref="Date"/> (a province's higher level over the national minimum).
/// </summary>
/// <remarks>Immutable and thread-safe; equality is by value.</remarks>
public sealed record EmergencyEvent
{
    private readonly int people = 1;
    private readonly int? months;

    /// <summary>Creates an event.</summary>
    /// <param name="jurisdiction">Where the person or household lives.</param>
    /// <param name="date">The date of the event (or of the support decision); the law in force on its month's first day applies.</param>
    /// <param name="support">The support asked for.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is before 1900 (a default date?), or <paramref name="support"/> is not a defined support.</exception>
    public EmergencyEvent(Jurisdiction jurisdiction, LocalDate date, EmergencySupport support)
    {
        Jurisdiction = Preconditions.CheckNotNull(jurisdiction, nameof(jurisdiction));
        Date = Preconditions.CheckDate(date, nameof(date));
        Support = Preconditions.CheckDefined(support, nameof(support));
    }

    /// <summary>Where the person or household lives.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public Jurisdiction Jurisdiction { get; init => field = Preconditions.CheckNotNull(value, nameof(Jurisdiction)); }

    /// <summary>The date of the event.</summary>
    /// <exception cref="System.ArgumentException">The date is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The date is before 1900 (a default date?).</exception>
    public LocalDate Date { get; init => field = Preconditions.CheckDate(value, nameof(Date)); }

    /// <summary>The support asked for.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a defined support.</exception>
    public EmergencySupport Support { get; init => field = Preconditions.CheckDefined(value, nameof(Support)); }

    /// <summary>For rice (<see cref="EmergencySupport.TetFood"/>, <see cref="EmergencySupport.DisasterFood"/>): the number of people in the household who are short of food; 1 by default.</summary>
    /// <exception cref="System.ArgumentException">The number is below 1.</exception>
    public int People
    {
        get => people;
        init
        {
            Preconditions.CheckArgument(value >= 1, nameof(People), "A household short of food has at least one person.");
            people = value;
        }
    }

    /// <summary>
    /// For <see cref="EmergencySupport.DisasterFood"/>: the months of rice of this round, at most the
    /// law's limit (3); null for the limit. Ignored for the Tết round, which is always the law's one month.
    /// </summary>
    /// <exception cref="System.ArgumentException">The number is below 1.</exception>
    public int? Months
    {
        get => months;
        init
        {
            Preconditions.CheckArgument(value is null or >= 1, nameof(Months), "A round of food support lasts at least one month.");
            months = value;
        }
    }
}
