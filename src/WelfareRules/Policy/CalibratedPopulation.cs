using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;

namespace WelfareRules.Policy;

/// <summary>A published figure the calibrated population is weighted to, or checked against, with its source and grade.</summary>
/// <remarks>Immutable and thread-safe; read from the library's data.</remarks>
public sealed class PublishedFigure
{
    internal PublishedFigure(string name, decimal value, string year, string grade, string source) =>
        (Name, Value, Year, Grade, Source) = (name, value, year, grade, source);

    /// <summary>The stratum (<c>merit</c>, <c>social-allowance</c>, …) or the check.</summary>
    public string Name { get; }

    /// <summary>The figure.</summary>
    public decimal Value { get; }

    /// <summary>The year it refers to.</summary>
    public string Year { get; }

    /// <summary>verified, reported or provisional.</summary>
    public string Grade { get; }

    /// <summary>Where it was published.</summary>
    public string Source { get; }
}

/// <summary>
/// A synthetic Hanoi population weighted to published figures (<c>docs/population.md</c>): a sample of beneficiaries,
/// merit persons and the general population, each person then weighted so that the weighted count of each stratum —
/// merit persons, people in facilities, social-pension recipients, monthly-allowance recipients, everyone else —
/// equals the city's published figure (post-stratification). The figures and their sources are data
/// (<c>Policy/Data/hanoi-calibration.json</c>).
/// </summary>
public static class CalibratedPopulation
{
    /// <summary>The strata, in the order a person is placed in the first it belongs to.</summary>
    public static readonly ImmutableArray<string> Strata = ["merit", "facility", "social-pension", "social-allowance", "other"];

    private static readonly Lazy<(ImmutableArray<PublishedFigure> Targets, ImmutableArray<PublishedFigure> Checks)> Figures = new(Load);

    /// <summary>The published figures the strata are weighted to (and <c>population</c>, the whole).</summary>
    public static ImmutableArray<PublishedFigure> Targets => Figures.Value.Targets;

    /// <summary>Published figures the weighted population is compared with but not weighted to.</summary>
    public static ImmutableArray<PublishedFigure> Checks => Figures.Value.Checks;

    /// <summary>
    /// Generates <paramref name="size"/> Hanoi situations in <paramref name="month"/>, weighted to the published
    /// figures; the same arguments give the same persons and weights. Each person is evaluated twice under
    /// <paramref name="rules"/> (once to count the strata, once to weigh it), so the sample is never held in memory.
    /// </summary>
    /// <param name="size">The number of persons (at least one per stratum is needed for its weight; 1,000 or more is sensible).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="month">The month of every situation, the month the strata are read in.</param>
    /// <param name="rules">The law the strata are read under.</param>
    /// <returns>The situations, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 1, or <paramref name="month"/> is before 1900.</exception>
    public static IEnumerable<Situation> Generate(long size, ulong seed, YearMonth month, RuleSet rules)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentNullException.ThrowIfNull(rules);
        Preconditions.CheckMonth(month, nameof(month));
        return Iterate(size, seed, month, rules);
    }

    private static IEnumerable<Situation> Iterate(long size, ulong seed, YearMonth month, RuleSet rules)
    {
        // Everyone else is weighted from the general-population part of the sample only: a person of the
        // beneficiary-heavy or merit part who is paid nothing this month stands for nobody (weight 0).
        var counts = new long[Strata.Length];
        long index = 0;
        foreach (var situation in PopulationGenerator.Sample(size, seed, month))
        {
            int stratum = Stratum(rules, situation);
            if (stratum < Strata.Length - 1 || PopulationGenerator.IsGeneral(index))
            {
                counts[stratum]++;
            }

            index++;
        }

        var targets = Targets.ToDictionary(t => t.Name, t => t.Value, StringComparer.Ordinal);
        decimal others = targets["population"] - Strata.Take(Strata.Length - 1).Sum(s => targets[s]);
        var weights = new decimal[Strata.Length];
        for (int k = 0; k < Strata.Length; k++)
        {
            decimal target = k == Strata.Length - 1 ? others : targets[Strata[k]];
            weights[k] = counts[k] == 0 ? 0 : decimal.Round(target / counts[k], 4);
        }

        index = 0;
        foreach (var situation in PopulationGenerator.Sample(size, seed, month))
        {
            int stratum = Stratum(rules, situation);
            yield return situation with { Weight = stratum < Strata.Length - 1 || PopulationGenerator.IsGeneral(index) ? weights[stratum] : 0m };
            index++;
        }
    }

    /// <summary>The stratum a person falls in this month: the first of <see cref="Strata"/> it belongs to.</summary>
    /// <param name="rules">The law.</param>
    /// <param name="situation">The person and month.</param>
    /// <returns>The index of the stratum in <see cref="Strata"/> (a person who cannot be evaluated is everyone else).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or <paramref name="situation"/> is null.</exception>
    public static int Stratum(RuleSet rules, Situation situation)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(situation);
        Report report;
        try
        {
            report = rules.Evaluate(situation, EvaluationOptions.Default with { Explain = false });
        }
        catch (EvaluationException)
        {
            return Strata.Length - 1;
        }

        var kinds = report.Entitlements.Select(e => e.Kind).ToHashSet();
        return kinds.Contains(EntitlementKind.MeritAllowance) ? 0
            : kinds.Contains(EntitlementKind.InstitutionalCare) ? 1
            : kinds.Contains(EntitlementKind.SocialPension) ? 2
            : kinds.Contains(EntitlementKind.SocialAllowance) ? 3
            : 4;
    }

    private static (ImmutableArray<PublishedFigure>, ImmutableArray<PublishedFigure>) Load()
    {
        using var stream = typeof(CalibratedPopulation).Assembly.GetManifestResourceStream("WelfareRules.Policy.hanoi-calibration.json")
            ?? throw new InvalidOperationException("the calibration figures are not embedded");
        using var document = JsonDocument.Parse(stream);
        ImmutableArray<PublishedFigure> Read(string list, string name) =>
        [
            .. document.RootElement.GetProperty(list).EnumerateArray().Select(f => new PublishedFigure(
                f.GetProperty(name).GetString()!, f.GetProperty("value").GetDecimal(), f.GetProperty("year").GetString()!,
                f.GetProperty("grade").GetString()!, f.GetProperty("source").GetString()!)),
        ];
        return (Read("targets", "stratum"), Read("checks", "name"));
    }
}
