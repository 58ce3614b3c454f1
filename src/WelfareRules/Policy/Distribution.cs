using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using WelfareRules.Benefits;
using WelfareRules.Facts;
using WelfareRules.Money;
using WelfareRules.Reports;
using WelfareRules.Serialization;

namespace WelfareRules.Policy;

/// <summary>
/// One line of a distribution: the people under a key (weighted), what they cost under each law (every
/// entitlement and the state's health-insurance payment), and how many of them gain or lose.
/// </summary>
/// <param name="Key">The band, age band, sex, poverty class, commune or decile.</param>
/// <param name="Persons">The people the persons stand for (the sum of their weights).</param>
/// <param name="Baseline">Their cost under the baseline, weighted.</param>
/// <param name="Changed">Their cost under the change, weighted.</param>
/// <param name="Gainers">The people among them who receive more.</param>
/// <param name="Losers">The people among them who receive less.</param>
/// <exception cref="ArgumentNullException"><paramref name="Key"/> is null.</exception>
public sealed record DistributionLine(string Key, decimal Persons, Dong Baseline, Dong Changed, decimal Gainers, decimal Losers)
{
    /// <summary>The band, age band, sex, poverty class, commune or decile.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string Key { get; init => field = Preconditions.CheckNotNull(value, nameof(Key)); } = Preconditions.CheckNotNull(Key, nameof(Key));

    /// <summary>Changed minus baseline.</summary>
    public Dong Difference => Changed - Baseline;
}

/// <summary>
/// Who gains and who loses under a change, and where its cost goes: the persons of a comparison by band of
/// change, by age band, sex, poverty class and commune, and by decile of baseline income where an income is
/// given. Every figure is weighted by the situations' <see cref="Situation.Weight"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Made by <see cref="DistributionBuilder"/>.</remarks>
public sealed class ComparisonDistribution
{
    internal ComparisonDistribution(ImmutableArray<DistributionLine> byChange, ImmutableArray<DistributionLine> byAge, ImmutableArray<DistributionLine> bySex,
        ImmutableArray<DistributionLine> byPoverty, ImmutableArray<DistributionLine> byCommune, ImmutableArray<DistributionLine> byDecile, decimal persons, decimal personsWithIncome)
    {
        ByChange = byChange;
        ByAgeBand = byAge;
        BySex = bySex;
        ByPoverty = byPoverty;
        ByCommune = byCommune;
        ByDecile = byDecile;
        Persons = persons;
        PersonsWithIncome = personsWithIncome;
    }

    /// <summary>
    /// The bands of change of each person's cost, in this order: <c>up-more-than-5%</c>, <c>up-to-5%</c>,
    /// <c>unchanged</c>, <c>down-to-5%</c>, <c>down-more-than-5%</c> (a person with nothing under the baseline who
    /// receives something is up more than 5%).
    /// </summary>
    public ImmutableArray<DistributionLine> ByChange { get; }

    /// <summary>By age in completed years at the end of the month: <c>0-5</c>, <c>6-15</c>, <c>16-21</c>, <c>22-59</c>, <c>60-69</c>, <c>70-79</c>, <c>80+</c>.</summary>
    public ImmutableArray<DistributionLine> ByAgeBand { get; }

    /// <summary>By sex (<c>female</c>, <c>male</c>, <c>notGiven</c>), the keys present only.</summary>
    public ImmutableArray<DistributionLine> BySex { get; }

    /// <summary>By the household's poverty class (<c>poor</c>, <c>nearPoor</c>, <c>none</c>).</summary>
    public ImmutableArray<DistributionLine> ByPoverty { get; }

    /// <summary>By commune code (empty when no situation gives one; <c>not-given</c> for those that do not).</summary>
    public ImmutableArray<DistributionLine> ByCommune { get; }

    /// <summary>
    /// By decile of baseline income, <c>1</c> (lowest) to <c>10</c>: the household's income per person plus the
    /// person's recurring entitlements under the baseline; deciles fixed on the baseline, each holding about a
    /// tenth of the weighted persons who have an income. Empty when no situation gives an income.
    /// </summary>
    public ImmutableArray<DistributionLine> ByDecile { get; }

    /// <summary>The people the persons stand for.</summary>
    public decimal Persons { get; }

    /// <summary>The people among them whose income is given (the deciles cover these).</summary>
    public decimal PersonsWithIncome { get; }
}

/// <summary>
/// Collects a comparison's persons into a <see cref="ComparisonDistribution"/>: pass <see cref="Add"/> as the
/// <c>onEvaluated</c> callback of <see cref="PolicyComparison.Run(Law.RuleSet, Law.RuleSet, IEnumerable{Situation}, Action{PersonDifference}?, Action{long, Evaluation.EvaluationException}?, Action{Situation, Report, Report}?)"/>.
/// </summary>
/// <remarks>Not thread-safe: the comparison calls it on one thread. It keeps one small record per person with an income (for the deciles).</remarks>
public sealed class DistributionBuilder
{
    /// <summary>The bands of change, in order.</summary>
    public static readonly ImmutableArray<string> ChangeBands = ["up-more-than-5%", "up-to-5%", "unchanged", "down-to-5%", "down-more-than-5%"];

    /// <summary>The age bands, in order.</summary>
    public static readonly ImmutableArray<string> AgeBands = ["0-5", "6-15", "16-21", "22-59", "60-69", "70-79", "80+"];

    private static readonly int[] AgeBandStarts = [0, 6, 16, 22, 60, 70, 80];

    private readonly Acc[] byChange = new Acc[5], byAge = new Acc[7];
    private readonly Dictionary<string, Acc> bySex = new(StringComparer.Ordinal), byPoverty = new(StringComparer.Ordinal), byCommune = new(StringComparer.Ordinal);
    private readonly List<(long Income, int Order, decimal Weight, long Baseline, long Changed)> incomes = [];
    private bool anyCommune;
    private decimal persons;

    private struct Acc
    {
        internal decimal Persons, Baseline, Changed, Gainers, Losers;

        internal void Add(decimal weight, long baseline, long changed)
        {
            Persons += weight;
            Baseline += baseline * weight;
            Changed += changed * weight;
            if (changed > baseline)
            {
                Gainers += weight;
            }
            else if (changed < baseline)
            {
                Losers += weight;
            }
        }
    }

    /// <summary>Adds a person and its two reports.</summary>
    /// <param name="situation">The situation (its weight, commune and person's facts).</param>
    /// <param name="baseline">The report under the baseline.</param>
    /// <param name="changed">The report under the change.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Add(Situation situation, Report baseline, Report changed)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(changed);
        decimal weight = situation.Weight;
        long before = baseline.Cost.Value, after = changed.Cost.Value;
        persons += weight;
        byChange[Band(before, after)].Add(weight, before, after);
        int age = AgeReading.CompletedYears(situation.Person.BirthDate, situation.Month.OnDayOfMonth(situation.Month.Calendar.GetDaysInMonth(situation.Month.Year, situation.Month.Month)));
        int band = AgeBandStarts.Length - 1;
        while (band > 0 && age < AgeBandStarts[band])
        {
            band--;
        }

        byAge[band].Add(weight, before, after);
        Into(bySex, ContractEnum<Sex>.Spell(situation.Person.Sex), weight, before, after);
        Into(byPoverty, ContractEnum<Poverty>.Spell(situation.Person.Household.Poverty), weight, before, after);
        anyCommune |= situation.Commune is not null;
        Into(byCommune, situation.Commune ?? "not-given", weight, before, after);
        if (situation.Person.Household.IncomePerPerson is { } income)
        {
            // Ties of income keep the order persons were added in, so a decile's edge does not depend on the sort.
            incomes.Add((income + baseline.MonthlyTotal.Value, incomes.Count, weight, before, after));
        }
    }

    private static void Into(Dictionary<string, Acc> lines, string key, decimal weight, long before, long after)
    {
        var acc = lines.GetValueOrDefault(key);
        acc.Add(weight, before, after);
        lines[key] = acc;
    }

    internal static int Band(long before, long after)
    {
        if (after == before)
        {
            return 2;
        }

        // Compared in whole numbers: 5% of the baseline is before / 20.
        long change = after - before;
        if (change > 0)
        {
            return before == 0 || change * 20 > before ? 0 : 1;
        }

        return -change * 20 > before ? 4 : 3;
    }

    /// <summary>The distribution of the persons added.</summary>
    /// <returns>The distribution.</returns>
    public ComparisonDistribution Build()
    {
        var deciles = new Acc[10];
        decimal withIncome = 0;
        if (incomes.Count > 0)
        {
            incomes.Sort((a, b) => a.Income != b.Income ? a.Income.CompareTo(b.Income) : a.Order.CompareTo(b.Order));
            withIncome = incomes.Sum(i => i.Weight);
            decimal below = 0;
            foreach (var (_, _, weight, before, after) in incomes)
            {
                // A person falls in the decile its weight's midpoint falls in, so each decile holds about a tenth of the weight.
                decimal middle = below + (weight / 2);
                int decile = withIncome == 0 ? 0 : Math.Min(9, (int)(middle * 10 / withIncome));
                deciles[decile].Add(weight, before, after);
                below += weight;
            }
        }

        return new ComparisonDistribution(
            [.. ChangeBands.Select((key, i) => Line(key, byChange[i]))],
            [.. AgeBands.Select((key, i) => Line(key, byAge[i]))],
            Lines(bySex),
            Lines(byPoverty),
            anyCommune ? Lines(byCommune) : [],
            incomes.Count > 0 ? [.. deciles.Select((acc, i) => Line((i + 1).ToString(CultureInfo.InvariantCulture), acc))] : [],
            persons,
            withIncome);
    }

    private static ImmutableArray<DistributionLine> Lines(Dictionary<string, Acc> lines) =>
        [.. lines.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => Line(l.Key, l.Value))];

    private static DistributionLine Line(string key, Acc acc) =>
        new(key, acc.Persons, Round(acc.Baseline), Round(acc.Changed), acc.Gainers, acc.Losers);

    private static Dong Round(decimal amount) => new(checked((long)decimal.Round(amount, MidpointRounding.AwayFromZero)));
}
