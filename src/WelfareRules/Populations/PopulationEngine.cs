using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Populations;

/// <summary>
/// Evaluates millions of person-months. For each month it sorts the population into profiles (everything
/// the law can see of a person then: see <c>docs/design.md</c>), evaluates one person of each profile on
/// the single-person path, and gives every person their profile's report. The results are the
/// single-person path's, to the đồng, by construction; a test over a generated population checks it.
/// </summary>
/// <remarks>Thread-safe. Uses all cores unless told otherwise; allocates nothing per person beyond one
/// <see cref="int"/> for the person's profile.</remarks>
public static class PopulationEngine
{
    /// <summary>Evaluates every person of a population in one month.</summary>
    /// <param name="rules">The law.</param>
    /// <param name="population">The persons.</param>
    /// <param name="month">The benefit month.</param>
    /// <param name="maxDegreeOfParallelism">The number of cores to use; 0 or less for all of them.</param>
    /// <returns>Each person's report and the totals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or <paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is before 1900 (such as <c>default</c>).</exception>
    public static PopulationResult Evaluate(RuleSet rules, Population population, YearMonth month, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(population);
        Preconditions.CheckMonth(month, nameof(month));
        int parallelism = Parallelism(maxDegreeOfParallelism);
        var profiles = MonthProfiles.Classify(population, month, parallelism, rules);
        var outcomes = profiles.Evaluate(rules, population, parallelism);
        return new PopulationResult(rules, population, profiles, outcomes, parallelism);
    }

    /// <summary>
    /// Evaluates every person of a population in each of several months, lazily, month by month. A profile
    /// is evaluated once for all the months in which its jurisdiction's law is the same, which is most of
    /// them: the law changes a few times a year.
    /// </summary>
    /// <param name="rules">The law.</param>
    /// <param name="population">The persons.</param>
    /// <param name="months">The benefit months, in any order.</param>
    /// <param name="maxDegreeOfParallelism">The number of cores to use; 0 or less for all of them.</param>
    /// <returns>One result per month, in the order of <paramref name="months"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/>, <paramref name="population"/> or <paramref name="months"/> is null.</exception>
    /// <exception cref="ArgumentException">A month of <paramref name="months"/> is not in the ISO calendar, or is before 1900 (such as <c>default</c>): thrown as the results are enumerated, when that month is reached.</exception>
    public static IEnumerable<PopulationResult> Evaluate(RuleSet rules, Population population, IEnumerable<YearMonth> months, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(months);
        return Iterate(rules, population, months, Parallelism(maxDegreeOfParallelism));
    }

    private static IEnumerable<PopulationResult> Iterate(RuleSet rules, Population population, IEnumerable<YearMonth> months, int parallelism)
    {
        var cache = new OutcomeCache(byProfileId: true);
        var sorter = new ProfileSorter(population, parallelism, true, rules);
        foreach (var month in months)
        {
            Preconditions.CheckMonth(month, nameof(months));
            // Each month's result keeps its own array of the persons' profiles: the caller may hold it while the next is sorted.
            var profiles = sorter.Sort(month, copy: true);
            var outcomes = profiles.Evaluate(rules, population, parallelism, cache, out var followed);
            yield return new PopulationResult(rules, population, profiles, outcomes, parallelism, followed);
        }
    }

    internal static int Parallelism(int requested) => requested > 0 ? requested : Environment.ProcessorCount;
}

/// <summary>A total of one entitlement kind, group or payee over a population.</summary>
/// <param name="Key">The kind (contract spelling), group id (or kind for entitlements without a group), or payee.</param>
/// <param name="Amount">The total.</param>
/// <param name="Persons">The number of persons with a non-zero amount.</param>
/// <exception cref="System.ArgumentNullException"><paramref name="Key"/> is null.</exception>
public sealed record PopulationTotal(string Key, Dong Amount, long Persons)
{
    /// <summary>The kind (contract spelling), group id (or kind for entitlements without a group), or payee.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public string Key { get; init => field = Preconditions.CheckNotNull(value, nameof(Key)); } = Preconditions.CheckNotNull(Key, nameof(Key));
}

/// <summary>The result of <see cref="PopulationEngine"/> for one month: each person's report and the totals.</summary>
/// <remarks>Immutable and thread-safe. Persons of one profile share one <see cref="Report"/> instance, and so do profiles whose reports say the same (reports are immutable, and carry no explanation).</remarks>
public sealed class PopulationResult
{
    private readonly RuleSet rules;
    private readonly Population population;
    private readonly MonthProfiles profiles;
    private readonly Outcome[] outcomes;
    private Report?[]? datedReports;

    internal PopulationResult(RuleSet rules, Population population, MonthProfiles profiles, Outcome[] outcomes, int parallelism = 1, FollowedOutcomes? followed = null)
    {
        this.rules = rules;
        this.population = population;
        this.profiles = profiles;
        this.outcomes = outcomes;
        // The persons of each shape of report the totals read (a few hundred in a caseload, against a profile for every
        // other person), then the totals once a shape: whole đồng, the same sums as profile by profile.
        var shapes = profiles.Sorter.Shapes;
        var persons = shapes.Persons(outcomes, profiles.Counts, parallelism, followed);
        var all = new Tally();
        for (int shape = 0; shape < persons.Length; shape++)
        {
            if (persons[shape] > 0)
            {
                all.Add(shapes.Report(shape), persons[shape]);
            }
        }

        Evaluated = all.Evaluated;
        Errors = all.Errors;
        Total = all.Total;
        var (byKind, byGroup, byPayee) = (all.ByKind, all.ByGroup, all.ByPayee);
        ByKind = Lines(byKind);
        ByGroup = Lines(byGroup);
        ByPayee = Lines(byPayee);
    }

    /// <summary>The benefit month.</summary>
    public YearMonth Month => profiles.Month;

    /// <summary>The number of persons.</summary>
    public int Count => population.Count;

    /// <summary>The number of distinct profiles, each evaluated once.</summary>
    public int Profiles => profiles.Present;

    /// <summary>The persons evaluated (errors excluded).</summary>
    public long Evaluated { get; }

    /// <summary>The persons who could not be evaluated (see <see cref="ErrorOf"/>).</summary>
    public long Errors { get; }

    /// <summary>What the month costs: the sum of every evaluated person's entitlements and of the state's share of their health-insurance premiums.</summary>
    public Dong Total { get; }

    /// <summary>Totals by entitlement kind, and the state's health-insurance payments under the key <c>health-insurance</c>, in ordinal order of the key.</summary>
    public ImmutableArray<PopulationTotal> ByKind { get; }

    /// <summary>Totals by beneficiary group (entitlements without a group are keyed by kind; health insurance by <c>health-insurance</c>).</summary>
    public ImmutableArray<PopulationTotal> ByGroup { get; }

    /// <summary>Totals by payee (the state's health-insurance payment counts for the beneficiary).</summary>
    public ImmutableArray<PopulationTotal> ByPayee { get; }

    /// <summary>The report of a person: the one <see cref="RuleSet.Evaluate"/> gives without explanation.</summary>
    /// <param name="index">The person's 0-based position.</param>
    /// <returns>The report, or null when the person cannot be evaluated.</returns>
    public Report? ReportOf(int index)
    {
        int p = ProfileOf(index);
        var outcome = outcomes[p];
        if (outcome.Report is not { } report || report.Month == Month)
        {
            return outcome.Report;
        }

        // A profile met in an earlier month: its report dated to this month, made once and shared by the profile's persons.
        var dated = Volatile.Read(ref datedReports) ?? Interlocked.CompareExchange(ref datedReports, new Report?[outcomes.Length], null) ?? datedReports;
        return Volatile.Read(ref dated[p]) ?? Interlocked.CompareExchange(ref dated[p], outcome.ReportIn(Month), null) ?? dated[p];
    }

    /// <summary>The error of a person who cannot be evaluated, as <see cref="RuleSet.Evaluate"/> raises it.</summary>
    /// <param name="index">The person's 0-based position.</param>
    /// <returns>The error, or null when the person was evaluated.</returns>
    public EvaluationException? ErrorOf(int index)
    {
        if (outcomes[ProfileOf(index)].Report is not null)
        {
            return null;
        }

        try
        {
            rules.Evaluate(population.SituationAt(index, Month), new EvaluationOptions { Explain = false });
        }
        catch (EvaluationException error)
        {
            return error;
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"person {index} was evaluated on the single-person path but not by profile: the profile misses a fact"));
    }

    internal int ProfileOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return profiles.PersonProfile[index];
    }

    internal static Dong Weighted(Dong amount, long count) => new(checked(amount.Value * count));

    private static void Accumulate(Dictionary<string, (Dong Amount, long Persons)> totals, Report report, long count, Func<Entitlement, string> key)
    {
        var entitlements = report.Entitlements;
        for (int i = 0; i < entitlements.Length; i++)
        {
            string k = key(entitlements[i]);
            bool seen = false;
            for (int j = 0; j < i && !seen; j++)
            {
                seen = key(entitlements[j]) == k;
            }

            var t = totals.GetValueOrDefault(k);
            totals[k] = (t.Amount + Weighted(entitlements[i].Amount, count), seen ? t.Persons : t.Persons + count);
        }
    }

    /// <summary>
    /// The month's totals, added a report at a time for as many persons as have it. What it reads of a report is what
    /// <see cref="TallyShapes.Key"/> keeps: change one, change the other.
    /// </summary>
    private sealed class Tally
    {
        internal readonly Dictionary<string, (Dong Amount, long Persons)> ByKind = [], ByGroup = [], ByPayee = [];
        internal long Evaluated, Errors;
        internal Dong Total;

        internal void Add(Report? report, long count)
        {
            if (report is null)
            {
                Errors += count;
                return;
            }

            Evaluated += count;
            Total += Weighted(report.Cost, count);
            Accumulate(ByKind, report, count, e => ContractNames.Of(e.Kind));
            Accumulate(ByGroup, report, count, e => e.Group ?? ContractNames.Of(e.Kind));
            Accumulate(ByPayee, report, count, e => ContractNames.Of(e.Payee));
            var statePays = report.HealthInsuranceStatePays;
            if (statePays != Dong.Zero)
            {
                var weighted = Weighted(statePays, count);
                AddHealthInsurance(ByKind, Report.HealthInsuranceKey, weighted, count);
                AddHealthInsurance(ByGroup, Report.HealthInsuranceKey, weighted, count);
                bool counted = false;
                foreach (var e in report.Entitlements)
                {
                    counted |= e.Payee == Payee.Beneficiary;
                }

                var b = ByPayee.GetValueOrDefault(ContractNames.Of(Payee.Beneficiary));
                ByPayee[ContractNames.Of(Payee.Beneficiary)] = (b.Amount + weighted, counted ? b.Persons : b.Persons + count);
            }
        }
    }

    private static void AddHealthInsurance(Dictionary<string, (Dong Amount, long Persons)> totals, string key, Dong weighted, long count)
    {
        var t = totals.GetValueOrDefault(key);
        totals[key] = (t.Amount + weighted, t.Persons + count);
    }

    private static ImmutableArray<PopulationTotal> Lines(Dictionary<string, (Dong Amount, long Persons)> totals) =>
        [.. totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new PopulationTotal(t.Key, t.Value.Amount, t.Value.Persons))];
}
