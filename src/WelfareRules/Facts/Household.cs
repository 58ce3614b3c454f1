using NodaTime;

namespace WelfareRules.Facts;

/// <summary>The circumstances of the person's household.</summary>
/// <remarks>Immutable and thread-safe; equality is by value. The default is a household that is neither poor nor near-poor, in an urban area.</remarks>
public sealed record Household
{
    private readonly Poverty poverty;
    private readonly Area area;
    private readonly YearMonth? escapedPovertyMonth;

    /// <summary>A household with every fact at its default.</summary>
    public static Household Default { get; } = new();

    /// <summary>The recognised poverty status in the person's jurisdiction.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a defined <see cref="Poverty"/>.</exception>
    public Poverty Poverty { get => poverty; init => poverty = Preconditions.CheckDefined(value, nameof(Poverty)); }

    /// <summary>Urban or rural.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a defined <see cref="Area"/>.</exception>
    public Area Area { get => area; init => area = Preconditions.CheckDefined(value, nameof(Area)); }

    /// <summary>Lives in an extremely disadvantaged ethnic-minority or mountain commune or village (groups K5b, K7).</summary>
    public bool ExtremelyDifficultArea { get; init; }

    /// <summary>The month the household was recognised as having left poverty or near-poverty, or null.</summary>
    /// <exception cref="System.ArgumentException">The month is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The month is before 1900 (such as <c>default</c>).</exception>
    public YearMonth? EscapedPovertyMonth { get => escapedPovertyMonth; init => escapedPovertyMonth = value is { } m ? Preconditions.CheckMonth(m, nameof(EscapedPovertyMonth)) : null; }

    /// <summary>A farming, forestry, fishery or salt household with an average living standard (health insurance).</summary>
    public bool AverageLivingStandardFarming { get; init; }

    /// <summary>
    /// The household's income per person per month, whole đồng, when known: for the distribution of a comparison
    /// by decile of income (no condition of the law reads it).
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is negative or above <see cref="MaxIncomePerPerson"/>.</exception>
    public long? IncomePerPerson
    {
        get;
        init => field = value is null or (>= 0 and <= MaxIncomePerPerson) ? value
            : throw new System.ArgumentOutOfRangeException(nameof(IncomePerPerson), value, $"an income is from 0 to {MaxIncomePerPerson:#,0} đồng");
    }

    /// <summary>Whether the household is poor or near-poor.</summary>
    public bool IsPoorOrNearPoor => Poverty is Poverty.Poor or Poverty.NearPoor;

    /// <summary>The largest income per person a month a household may give (a bound of the representation, far above any income).</summary>
    public const long MaxIncomePerPerson = 1_000_000_000_000;
}
