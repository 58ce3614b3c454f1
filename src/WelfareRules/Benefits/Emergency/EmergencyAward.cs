using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Benefits.Emergency;

/// <summary>
/// The emergency assistance due for one <see cref="EmergencyEvent"/>: a cash amount, or rice in
/// kilograms. Every figure is a minimum ("tối thiểu"): the locality may pay more.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EmergencyAward
{
    internal EmergencyAward(EmergencySupport support, Dong amount, decimal riceKilograms, int months, ImmutableArray<Citation> basis, ImmutableArray<string> warnings, ImmutableArray<ExplanationStep> explanation)
    {
        Support = support;
        Amount = amount;
        RiceKilograms = riceKilograms;
        Months = months;
        Basis = basis;
        Warnings = warnings;
        Explanation = explanation;
    }

    /// <summary>The support computed.</summary>
    public EmergencySupport Support { get; }

    /// <summary>The minimum cash amount (per person for an injury, per household otherwise); zero for rice.</summary>
    public Dong Amount { get; }

    /// <summary>The rice in kilograms for the whole round and household; zero for cash support.</summary>
    public decimal RiceKilograms { get; }

    /// <summary>The months of rice of the round; zero for cash support.</summary>
    public int Months { get; }

    /// <summary>Every provision behind the figure.</summary>
    public ImmutableArray<Citation> Basis { get; }

    /// <summary>Whether any provision behind the figure is provisional.</summary>
    public bool Provisional => Basis.Any(c => c.IsProvisional);

    /// <summary>One line for each provisional provision behind the figure.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>The reasoning, step by step (empty when explanation was turned off).</summary>
    public ImmutableArray<ExplanationStep> Explanation { get; }

    /// <summary>Formats the award for reading.</summary>
    /// <returns>The award as text.</returns>
    public override string ToString() =>
        (RiceKilograms > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Support}: {RiceKilograms} kg rice over {Months} month(s)") : string.Create(CultureInfo.InvariantCulture, $"{Support}: at least {Amount}")) + (Provisional ? " (provisional)" : "");
}
