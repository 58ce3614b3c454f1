using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Benefits.PovertyStandard;

/// <summary>The class of a household under the poverty standard in force on a date, with the lines used and their citations.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PovertyClassification
{
    internal PovertyClassification(LocalDate on, Area area, Dong incomePerPerson, int deprivations, LivingStandard result, Dong povertyLine, Dong averageLivingStandardLine, int deprivationThreshold, ImmutableArray<Citation> basis)
    {
        On = on;
        Area = area;
        IncomePerPerson = incomePerPerson;
        Deprivations = deprivations;
        Class = result;
        PovertyLine = povertyLine;
        AverageLivingStandardLine = averageLivingStandardLine;
        DeprivationThreshold = deprivationThreshold;
        Basis = basis;
    }

    /// <summary>The date whose standard was applied.</summary>
    public LocalDate On { get; }

    /// <summary>Rural or urban.</summary>
    public Area Area { get; }

    /// <summary>The household's income per person per month.</summary>
    public Dong IncomePerPerson { get; }

    /// <summary>The number of deprivation indicators the household lacks.</summary>
    public int Deprivations { get; }

    /// <summary>The class.</summary>
    public LivingStandard Class { get; }

    /// <summary>The poverty line (income per person per month) for the area.</summary>
    public Dong PovertyLine { get; }

    /// <summary>The top of the average-living-standard band for the area.</summary>
    public Dong AverageLivingStandardLine { get; }

    /// <summary>The number of deprivations from which a household at or below the line is poor.</summary>
    public int DeprivationThreshold { get; }

    /// <summary>The provisions applied.</summary>
    public ImmutableArray<Citation> Basis { get; }

    /// <summary>Whether any provision applied is provisional.</summary>
    public bool Provisional => Basis.Any(c => c.IsProvisional);
}
