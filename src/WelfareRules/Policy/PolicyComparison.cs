using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Populations;
using WelfareRules.Reports;

namespace WelfareRules.Policy;

/// <summary>One entitlement that differs between the baseline and the changed law.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Payee">Who is paid.</param>
/// <param name="Group">The group, or null.</param>
/// <param name="Baseline">The amount under the baseline.</param>
/// <param name="Changed">The amount under the change.</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="Kind"/> or <paramref name="Payee"/> is not a defined value.</exception>
public sealed record EntitlementChange(EntitlementKind Kind, Payee Payee, string? Group, Dong Baseline, Dong Changed)
{
    /// <summary>The kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined kind.</exception>
    public EntitlementKind Kind { get; init => field = Preconditions.CheckDefined(value, nameof(Kind)); } = Preconditions.CheckDefined(Kind, nameof(Kind));

    /// <summary>Who is paid.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined payee.</exception>
    public Payee Payee { get; init => field = Preconditions.CheckDefined(value, nameof(Payee)); } = Preconditions.CheckDefined(Payee, nameof(Payee));

    /// <summary>Changed minus baseline.</summary>
    public Dong Difference => Changed - Baseline;
}

/// <summary>How what the state pays towards one person's health-insurance premium differs under a change.</summary>
/// <param name="Baseline">The state's monthly payment under the baseline (0 without a contribution).</param>
/// <param name="Changed">The state's monthly payment under the change.</param>
public sealed record HealthInsuranceChange(Dong Baseline, Dong Changed)
{
    /// <summary>Changed minus baseline.</summary>
    public Dong Difference => Changed - Baseline;
}

/// <summary>How one person's entitlements (and the state's health-insurance payment) differ under a change, and the provisions that caused it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PersonDifference
{
    internal PersonDifference(long index, Situation situation, Report baseline, Report changed, ImmutableArray<EntitlementChange> changes, ImmutableArray<Citation> causes)
    {
        HealthInsurance = baseline.HealthInsuranceStatePays == changed.HealthInsuranceStatePays
            ? null
            : new HealthInsuranceChange(baseline.HealthInsuranceStatePays, changed.HealthInsuranceStatePays);
        Index = index;
        Situation = situation;
        BaselineReport = baseline;
        ChangedReport = changed;
        Changes = changes;
        Causes = causes;
    }

    /// <summary>The person's 0-based position in the population.</summary>
    public long Index { get; }

    /// <summary>The situation.</summary>
    public Situation Situation { get; }

    /// <summary>The report under the baseline.</summary>
    public Report BaselineReport { get; }

    /// <summary>The report under the change.</summary>
    public Report ChangedReport { get; }

    /// <summary>The entitlements that differ.</summary>
    public ImmutableArray<EntitlementChange> Changes { get; }

    /// <summary>How the state's health-insurance payment differs, or null when it does not.</summary>
    public HealthInsuranceChange? HealthInsurance { get; }

    /// <summary>The provisions behind the difference: cited by one report's changed figures (entitlements, health insurance) and not by the other's.</summary>
    public ImmutableArray<Citation> Causes { get; }

    /// <summary>
    /// What the change costs for this person a month: changed minus baseline, over every entitlement and the state's
    /// share of the health-insurance premium.
    /// </summary>
    public Dong Difference => ChangedReport.Cost - BaselineReport.Cost;
}

/// <summary>A total under the baseline and the change, for one benefit kind, group or payee.</summary>
/// <param name="Key">The kind (contract spelling), group id, or payee.</param>
/// <param name="Baseline">The baseline total.</param>
/// <param name="Changed">The changed total.</param>
/// <param name="Persons">The number of persons with a non-zero amount under either.</param>
/// <exception cref="ArgumentNullException"><paramref name="Key"/> is null.</exception>
public sealed record ComparisonTotal(string Key, Dong Baseline, Dong Changed, long Persons)
{
    /// <summary>The kind, group or payee.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string Key { get; init => field = Preconditions.CheckNotNull(value, nameof(Key)); } = Preconditions.CheckNotNull(Key, nameof(Key));

    /// <summary>Changed minus baseline.</summary>
    public Dong Difference => Changed - Baseline;

    /// <summary>The people the persons stand for (the sum of their situations' weights); equal to <see cref="Persons"/> when every weight is 1.</summary>
    public decimal WeightedPersons { get; init; } = Persons;
}

/// <summary>The totals of a comparison over a population.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ComparisonSummary
{
    internal ComparisonSummary(long persons, long gainers, long losers, long errors, Dong baseline, Dong changed,
        ImmutableArray<ComparisonTotal> byKind, ImmutableArray<ComparisonTotal> byGroup, ImmutableArray<ComparisonTotal> byPayee)
    {
        Persons = persons;
        Gainers = gainers;
        Losers = losers;
        Errors = errors;
        BaselineTotal = baseline;
        ChangedTotal = changed;
        ByKind = byKind;
        ByGroup = byGroup;
        ByPayee = byPayee;
    }

    /// <summary>The persons evaluated under both (errors excluded).</summary>
    public long Persons { get; }

    /// <summary>Persons who receive more: entitlements and the state's health-insurance payment together.</summary>
    public long Gainers { get; }

    /// <summary>Persons who receive less: entitlements and the state's health-insurance payment together.</summary>
    public long Losers { get; }

    /// <summary>Persons whose total is unchanged.</summary>
    public long Unchanged => Persons - Gainers - Losers;

    /// <summary>The people the persons stand for (the sum of their weights); the amounts of the summary are weighted so.</summary>
    public decimal WeightedPersons { get; init; }

    /// <summary>The people the gainers stand for.</summary>
    public decimal WeightedGainers { get; init; }

    /// <summary>The people the losers stand for.</summary>
    public decimal WeightedLosers { get; init; }

    /// <summary>Whether any person stands for other than one person (a weight other than 1).</summary>
    public bool IsWeighted => WeightedPersons != Persons || WeightedGainers != Gainers || WeightedLosers != Losers;

    /// <summary>Persons that could not be evaluated (see <see cref="EvaluationException"/>).</summary>
    public long Errors { get; }

    /// <summary>The cost under the baseline: every entitlement and the state's share of health-insurance premiums.</summary>
    public Dong BaselineTotal { get; }

    /// <summary>The cost under the change: every entitlement and the state's share of health-insurance premiums.</summary>
    public Dong ChangedTotal { get; }

    /// <summary>Changed minus baseline: the cost of the change.</summary>
    public Dong Difference => ChangedTotal - BaselineTotal;

    /// <summary>Totals by entitlement kind, and the state's health-insurance payments under the key <c>health-insurance</c>.</summary>
    public ImmutableArray<ComparisonTotal> ByKind { get; }

    /// <summary>Totals by beneficiary group (entitlements without a group are keyed by kind; health insurance by <c>health-insurance</c>).</summary>
    public ImmutableArray<ComparisonTotal> ByGroup { get; }

    /// <summary>Totals by payee (the state's health-insurance payment counts for the beneficiary).</summary>
    public ImmutableArray<ComparisonTotal> ByPayee { get; }
}

/// <summary>
/// Compares a baseline law with a changed one over a population: per-person differences with the
/// provisions that caused them, and totals by benefit, group and payee.
/// </summary>
public static class PolicyComparison
{
    private static readonly EvaluationOptions Quiet = new() { Explain = false };

    /// <summary>Compares one person.</summary>
    /// <param name="baseline">The baseline law.</param>
    /// <param name="changed">The changed law.</param>
    /// <param name="situation">The situation.</param>
    /// <param name="index">The person's position, for reports.</param>
    /// <returns>The difference (possibly none: check <see cref="PersonDifference.Changes"/>).</returns>
    /// <exception cref="EvaluationException">The situation cannot be evaluated under one of the laws.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/>, <paramref name="changed"/> or <paramref name="situation"/> is null.</exception>
    public static PersonDifference Compare(RuleSet baseline, RuleSet changed, Situation situation, long index = 0)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(changed);
        var before = baseline.Evaluate(situation, Quiet);
        var after = changed.Evaluate(situation, Quiet);
        return Diff(index, situation, before, after);
    }

    /// <summary>
    /// Compares a population, streaming: <paramref name="onDifference"/> is called, in order, for every
    /// person whose entitlements differ; <paramref name="onError"/> for every person that cannot be evaluated.
    /// </summary>
    /// <remarks>
    /// The situations are read in batches of <see cref="BatchSize"/> and compared with the
    /// <see cref="PopulationEngine"/> (each profile evaluated once under each law for the whole stream);
    /// a person the compact form cannot hold is compared one by one. The callbacks run on the calling
    /// thread, in order, after each batch.
    /// </remarks>
    /// <param name="baseline">The baseline law.</param>
    /// <param name="changed">The changed law.</param>
    /// <param name="population">The situations.</param>
    /// <param name="onDifference">Called for each person whose entitlements differ, or null.</param>
    /// <param name="onError">Called for each person that cannot be evaluated, or null (errors are counted either way).</param>
    /// <param name="onEvaluated">Called for every person evaluated under both laws, with the two reports (for distributions: <see cref="DistributionBuilder"/>), or null; on the calling thread, each batch's persons month by month.</param>
    /// <returns>The totals, each person counted with its situation's <see cref="Situation.Weight"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/>, <paramref name="changed"/> or <paramref name="population"/> is null, or <paramref name="population"/> holds a null situation.</exception>
    public static ComparisonSummary Run(RuleSet baseline, RuleSet changed, IEnumerable<Situation> population,
        Action<PersonDifference>? onDifference = null, Action<long, EvaluationException>? onError = null, Action<Situation, Report, Report>? onEvaluated = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(population);
        var totals = new Totals();
        var run = new BatchRun(baseline, changed, totals, onDifference, onError, onEvaluated);
        var batch = new List<Situation>(BatchSize);
        foreach (var situation in population)
        {
            ArgumentNullException.ThrowIfNull(situation, nameof(population));
            batch.Add(situation);
            if (batch.Count == BatchSize)
            {
                run.Compare(batch);
                batch.Clear();
            }
        }

        run.Compare(batch);
        return totals.ToSummary();
    }

    /// <summary>The number of situations the streaming comparison reads before comparing them.</summary>
    public const int BatchSize = 65_536;

    /// <summary>
    /// The streaming comparison over persons read straight into compact columns (a Parquet population's row groups),
    /// each compared in each of <paramref name="months"/>: what <see cref="Run(RuleSet, RuleSet, IEnumerable{Situation}, Action{PersonDifference}?, Action{long, EvaluationException}?, Action{Situation, Report, Report}?)"/>
    /// gives for the same persons' situations, in the same order (a person's months in order, person after person), with
    /// the same indices, differences, errors and totals; a situation is made only for a person a callback names. The
    /// callbacks run on the calling thread after each batch.
    /// </summary>
    internal static ComparisonSummary Run(RuleSet baseline, RuleSet changed, IEnumerable<ColumnBatch> batches, IReadOnlyList<YearMonth> months,
        Action<PersonDifference>? onDifference, Action<long, EvaluationException>? onError)
    {
        var totals = new Totals();
        var (baselineOutcomes, changedOutcomes) = OutcomeCache.Pair();
        int parallelism = PopulationEngine.Parallelism(0);
        long start = 0;
        int m = months.Count;
        var compared = new MonthComparison?[m];
        var differences = new Differences();
        foreach (var batch in batches)
        {
            // Each month's profiles, evaluations and totals first (one sorter for the batch's months: a person is
            // sorted again only where their profile can have changed), then the lines, person after person and
            // month after month, without holding them.
            var population = batch.Population;
            var sorter = population.Count == 0 ? null : new ProfileSorter(population, parallelism, m > 1, baseline, changed);
            var weightOf = batch.Weights is { } weights ? (Func<int, decimal>)(i => weights[i]) : null;
            for (int k = 0; k < m; k++)
            {
                compared[k] = sorter is null ? null
                    : CompareMonth(baseline, changed, population, months[k], parallelism, baselineOutcomes, changedOutcomes, totals, weightOf, sorter: sorter, copy: m > 1);
            }

            int p = 0, other = 0;
            for (int ordinal = 0; ordinal < batch.Rows; ordinal++)
            {
                if (other < batch.Others.Count && batch.Others[other].Ordinal == ordinal)
                {
                    // A person the compact form cannot hold, one by one (as the situations' comparison does).
                    var situation = batch.Others[other++].Situation;
                    for (int k = 0; k < m; k++)
                    {
                        CompareOne(baseline, changed, situation with { Month = months[k] }, start + ((long)ordinal * m) + k, totals, onDifference, onError);
                    }

                    continue;
                }

                // The batch's persons in compact form are the ordinals not among the others, in order.
                int i = p++;
                if (batch.Ordinals[i] != ordinal)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"a batch's person {i} has the ordinal {batch.Ordinals[i]}, not {ordinal}"));
                }

                for (int k = 0; k < m; k++)
                {
                    var month = months[k];
                    long index = start + ((long)ordinal * m) + k;
                    var outcome = compared[k]!.OutcomeOf(i);
                    if (outcome == PersonOutcome.Failed)
                    {
                        onError?.Invoke(index, ErrorOf(baseline, changed, batch.SituationAt(i, month)));
                    }
                    else if (outcome == PersonOutcome.Different && onDifference is not null)
                    {
                        var (b, a) = compared[k]!.ReportsOf(i);
                        onDifference(differences.Of(index, batch.SituationAt(i, month), b, a));
                    }
                }
            }

            start += (long)batch.Rows * m;
        }

        return totals.ToSummary();
    }

    /// <summary>The straightforward comparison, one person at a time on the single-person path: the reference the engine is tested and measured against.</summary>
    internal static ComparisonSummary RunOneByOne(RuleSet baseline, RuleSet changed, IEnumerable<Situation> population,
        Action<PersonDifference>? onDifference = null, Action<long, EvaluationException>? onError = null)
    {
        var totals = new Totals();
        long index = 0;
        foreach (var situation in population)
        {
            CompareOne(baseline, changed, situation, index++, totals, onDifference, onError);
        }

        return totals.ToSummary();
    }

    private static void CompareOne(RuleSet baseline, RuleSet changed, Situation situation, long index, Totals totals,
        Action<PersonDifference>? onDifference, Action<long, EvaluationException>? onError, Action<Situation, Report, Report>? onEvaluated = null)
    {
        try
        {
            var before = baseline.Evaluate(situation, Quiet);
            var after = changed.Evaluate(situation, Quiet);
            totals.Add(before, after, 1, situation.Weight);
            onEvaluated?.Invoke(situation, before, after);
            if (onDifference is not null && !SameEntitlements(before, after))
            {
                onDifference(Diff(index, situation, before, after));
            }
        }
        catch (EvaluationException error)
        {
            totals.Errors++;
            onError?.Invoke(index, error);
        }
    }

    /// <summary>A streaming comparison's state across batches: the totals, the next index, and each law's outcomes by profile.</summary>
    private sealed class BatchRun(RuleSet baseline, RuleSet changed, Totals totals, Action<PersonDifference>? onDifference, Action<long, EvaluationException>? onError,
        Action<Situation, Report, Report>? onEvaluated)
    {
        private readonly (OutcomeCache Baseline, OutcomeCache Changed) outcomes = OutcomeCache.Pair();
        private readonly Differences differences = new();
        private readonly int parallelism = PopulationEngine.Parallelism(0);
        private long start;

        internal void Compare(List<Situation> batch)
        {
            // Each month of the batch is a population of its own; persons the compact form refuses go one by one.
            var events = new List<(long Position, Action Raise)>();
            foreach (var group in Enumerable.Range(0, batch.Count).GroupBy(i => batch[i].Month))
            {
                var builder = new PopulationBuilder(group.Count());
                var positions = new List<int>();
                foreach (int position in group)
                {
                    try
                    {
                        builder.Add(batch[position].Jurisdiction, batch[position].Person);
                        positions.Add(position);
                    }
                    catch (ArgumentException)
                    {
                        CompareOne(baseline, changed, batch[position], start + position, totals,
                            onDifference is null ? null : d => events.Add((position, () => onDifference(d))),
                            onError is null ? null : (i, e) => events.Add((position, () => onError(i, e))), onEvaluated);
                    }
                }

                CompareGroup(builder.ToPopulation(), group.Key, batch, positions, events);
            }

            foreach (var (_, raise) in events.OrderBy(e => e.Position))
            {
                raise();
            }

            start += batch.Count;
        }

        private void CompareGroup(Population population, YearMonth month, List<Situation> batch, List<int> positions, List<(long Position, Action Raise)> events) =>
            CompareInto(baseline, changed, population, month, parallelism, outcomes.Baseline, outcomes.Changed, totals, start,
                i => positions[i], i => batch[positions[i]], events, differences, onDifference, onError,
                positions.Any(p => batch[p].Weight != 1m) ? i => batch[positions[i]].Weight : null,
                onEvaluated is null ? null : (i, b, a) => onEvaluated(batch[positions[i]], b, a));
    }

    /// <summary>
    /// Compares a batch's persons held in compact form in one month, for a streaming comparison: each difference and
    /// error kept as an event at the person's position (<paramref name="positionOf"/>) in the stream from
    /// <paramref name="start"/>, to be raised in position order; <paramref name="situationOf"/> gives the situation a
    /// difference or error names.
    /// </summary>
    private static void CompareInto(RuleSet baseline, RuleSet changed, Population population, YearMonth month, int parallelism, OutcomeCache baselineOutcomes,
        OutcomeCache changedOutcomes, Totals totals, long start, Func<int, long> positionOf, Func<int, Situation> situationOf, List<(long Position, Action Raise)> events,
        Differences differences, Action<PersonDifference>? onDifference, Action<long, EvaluationException>? onError, Func<int, decimal>? weightOf, Action<int, Report, Report>? onEvaluated = null)
    {
        if (population.Count == 0)
        {
            return;
        }

        CompareProfiles(baseline, changed, population, month, parallelism, baselineOutcomes, changedOutcomes, totals,
            onDifference is null ? null : (i, b, a) =>
            {
                long position = positionOf(i);
                var difference = differences.Of(start + position, situationOf(i), b, a);
                events.Add((position, () => onDifference(difference)));
            },
            onError is null ? null : i =>
            {
                long position = positionOf(i);
                var error = ErrorOf(baseline, changed, situationOf(i));
                events.Add((position, () => onError(start + position, error)));
            },
            weightOf, onEvaluated);
    }

    /// <summary>
    /// Compares a population in one month through its profiles: adds every profile to the totals, weighted
    /// by its count, then, in person order, reports each person whose entitlements differ and each person
    /// who cannot be evaluated (by position in <paramref name="population"/>). The persons are sorted into
    /// profiles by <paramref name="sorter"/> when given (one run over several months), else afresh.
    /// </summary>
    private static void CompareProfiles(RuleSet baseline, RuleSet changed, Population population, YearMonth month, int parallelism,
        OutcomeCache? baselineOutcomes, OutcomeCache? changedOutcomes, Totals totals, Action<int, Report, Report>? onDifferent, Action<int>? onFailed,
        Func<int, decimal>? weightOf = null, Action<int, Report, Report>? onEvaluated = null, ComparisonPhases? phases = null, ProfileSorter? sorter = null)
    {
        var compared = CompareMonth(baseline, changed, population, month, parallelism, baselineOutcomes, changedOutcomes, totals, weightOf, phases, sorter);
        if (onDifferent is null && onFailed is null && onEvaluated is null)
        {
            return;
        }

        for (int i = 0; i < population.Count; i++)
        {
            var outcome = compared.OutcomeOf(i);
            if (outcome == PersonOutcome.Failed)
            {
                onFailed?.Invoke(i);
                continue;
            }

            if (onEvaluated is null && (outcome == PersonOutcome.Same || onDifferent is null))
            {
                continue;
            }

            var (b, a) = compared.ReportsOf(i);
            onEvaluated?.Invoke(i, b, a);
            if (outcome == PersonOutcome.Different)
            {
                onDifferent?.Invoke(i, b, a);
            }
        }
    }

    /// <summary>
    /// Sorts a population into the month's profiles, evaluates each under both laws and adds every profile to the
    /// totals, weighted by its count; what each person's lines say is then <see cref="MonthComparison.OutcomeOf"/> and <see cref="MonthComparison.ReportsOf"/> tell.
    /// With <paramref name="copy"/>, the persons' profiles are kept apart from the sorter's next month.
    /// </summary>
    private static MonthComparison CompareMonth(RuleSet baseline, RuleSet changed, Population population, YearMonth month, int parallelism,
        OutcomeCache? baselineOutcomes, OutcomeCache? changedOutcomes, Totals totals, Func<int, decimal>? weightOf = null, ComparisonPhases? phases = null,
        ProfileSorter? sorter = null, bool copy = false)
    {
        long clock = Stopwatch.GetTimestamp();
        var profiles = (sorter ?? new ProfileSorter(population, parallelism, false, baseline, changed)).Sort(month, copy);
        phases?.Lap(ComparisonPhase.Classify, ref clock);
        var before = profiles.Evaluate(baseline, population, parallelism, baselineOutcomes);
        var after = profiles.Evaluate(changed, population, parallelism, changedOutcomes);
        phases?.Lap(ComparisonPhase.Evaluate, ref clock);
        // What becomes of each profile's persons, read once a person and month (a byte a profile, so that the walk over
        // the persons does not follow each profile's outcomes); a profile without a report under both laws fails.
        var verdicts = new PersonOutcome[profiles.Count];

        // The people each profile stands for: its persons' weights, or its count when every weight is 1.
        decimal[]? weights = null;
        if (weightOf is not null)
        {
            weights = new decimal[profiles.Count];
            for (int i = 0; i < population.Count; i++)
            {
                weights[profiles.PersonProfile[i]] += weightOf(i);
            }
        }

        for (int p = 0; p < profiles.Count; p++)
        {
            if (profiles.Counts[p] == 0)
            {
                // A profile of an earlier month of the run with no person now.
                continue;
            }

            if (before[p].Report is { } b && after[p].Report is { } a)
            {
                totals.Add(b, a, profiles.Counts[p], weights?[p] ?? profiles.Counts[p]);
                verdicts[p] = SameEntitlements(b, a) ? PersonOutcome.Same : PersonOutcome.Different;
            }
            else
            {
                totals.Errors += profiles.Counts[p];
            }
        }

        phases?.Lap(ComparisonPhase.Totals, ref clock);
        return new MonthComparison(month, profiles, before, after, verdicts);
    }

    /// <summary>What became of a person in a month compared by profile.</summary>
    private enum PersonOutcome : byte
    {
        /// <summary>Not evaluated under one law or both: an error line.</summary>
        Failed,

        /// <summary>Evaluated, the same entitlements under both laws.</summary>
        Same,

        /// <summary>Evaluated, different entitlements: a difference line.</summary>
        Different,
    }

    /// <summary>A month of a population compared by profile: what each person's lines say.</summary>
    private sealed class MonthComparison(YearMonth month, MonthProfiles profiles, Outcome[] before, Outcome[] after, PersonOutcome[] verdicts)
    {
        /// <summary>The reports handed out, dated to the month (a profile met in an earlier month holds that month's), once a profile.</summary>
        private (Report Before, Report After)?[]? dated;

        /// <summary>What became of person <paramref name="i"/>: failed, or evaluated with the same or different entitlements.</summary>
        /// <remarks>Asked once a person and month, on the calling thread: it makes nothing (no delegate a person), so that
        /// a run over many persons whose lines are few costs only the look-up.</remarks>
        internal PersonOutcome OutcomeOf(int i) => verdicts[profiles.PersonProfile[i]];

        /// <summary>Person <paramref name="i"/>'s reports under both laws, dated to the month (a person who did not fail).</summary>
        internal (Report Before, Report After) ReportsOf(int i)
        {
            int p = profiles.PersonProfile[i];
            Report b = before[p].Report!, a = after[p].Report!;
            if (b.Month != month || a.Month != month)
            {
                dated ??= new (Report, Report)?[profiles.Count];
                (b, a) = dated[p] ??= (before[p].ReportIn(month)!, after[p].ReportIn(month)!);
            }

            return (b, a);
        }
    }

    /// <summary>
    /// Compares a population held in compact form, in one month, with the <see cref="PopulationEngine"/>:
    /// each profile is evaluated once under each law, on all cores. The summary, and the differences and
    /// errors reported (in order, as by the streaming overload), are those of the streaming overload over
    /// the same persons.
    /// </summary>
    /// <param name="baseline">The baseline law.</param>
    /// <param name="changed">The changed law.</param>
    /// <param name="population">The persons.</param>
    /// <param name="month">The benefit month.</param>
    /// <param name="onDifference">Called for each person whose entitlements differ, or null.</param>
    /// <param name="onError">Called for each person that cannot be evaluated, or null (errors are counted either way).</param>
    /// <param name="maxDegreeOfParallelism">The number of cores to use; 0 or less for all of them.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/>, <paramref name="changed"/> or <paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> is before 1900 (such as <c>default</c>).</exception>
    public static ComparisonSummary Run(RuleSet baseline, RuleSet changed, Population population, YearMonth month,
        Action<PersonDifference>? onDifference = null, Action<long, EvaluationException>? onError = null, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(population);
        Preconditions.CheckMonth(month, nameof(month));
        var totals = new Totals();
        var differences = new Differences();
        // Caches for the month's one sort: the changed law's profiles take the baseline's signatures where the laws sign alike.
        var (baselineOutcomes, changedOutcomes) = OutcomeCache.Pair(byProfileId: true);
        CompareProfiles(baseline, changed, population, month, PopulationEngine.Parallelism(maxDegreeOfParallelism), baselineOutcomes, changedOutcomes, totals,
            onDifference is null ? null : (i, b, a) => onDifference(differences.Of(i, population.SituationAt(i, month), b, a)),
            onError is null ? null : i => onError(i, ErrorOf(baseline, changed, population.SituationAt(i, month))));
        return totals.ToSummary();
    }

    /// <summary>
    /// Compares a population held in compact form over several months, in the order given, with the
    /// <see cref="PopulationEngine"/>: each person is compared in each month, and a profile evaluated under
    /// a law in one month is not evaluated again in a later month in which the same provisions are in force.
    /// The summary is that of the one-month overload run for each month and added up: a person counts once
    /// a month (as <c>welfare-rules compare --from --to</c> counts them).
    /// </summary>
    /// <param name="baseline">The baseline law.</param>
    /// <param name="changed">The changed law.</param>
    /// <param name="population">The persons.</param>
    /// <param name="months">The benefit months, each once.</param>
    /// <param name="onDifference">Called, month by month and in person order, for each person whose entitlements differ in a month, or null (the difference's situation carries the month).</param>
    /// <param name="onError">Called, month by month in the order of <paramref name="months"/> and in person order, for each person who cannot be evaluated in that month, with the person's position, or null (errors are counted either way).</param>
    /// <param name="maxDegreeOfParallelism">The number of cores to use; 0 or less for all of them.</param>
    /// <returns>The totals over all the months.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/>, <paramref name="changed"/>, <paramref name="population"/> or <paramref name="months"/> is null.</exception>
    /// <exception cref="ArgumentException">A month is not in the ISO calendar, or is given twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A month is before 1900 (such as <c>default</c>).</exception>
    /// <exception cref="NotSupportedException">The rule sets draw more lines than the compact profiles hold in a month (ages, support windows or children conditions; the message says which).</exception>
    /// <exception cref="OverflowException">A total exceeds what 64 bits hold.</exception>
    public static ComparisonSummary Run(RuleSet baseline, RuleSet changed, Population population, IEnumerable<YearMonth> months,
        Action<PersonDifference>? onDifference = null, Action<long, EvaluationException>? onError = null, int maxDegreeOfParallelism = 0) =>
        Run(baseline, changed, population, months, null, onDifference, onError, maxDegreeOfParallelism);

    /// <summary>The multi-month comparison, adding the time spent in each phase to <paramref name="phases"/> when given (for the benchmarks).</summary>
    internal static ComparisonSummary Run(RuleSet baseline, RuleSet changed, Population population, IEnumerable<YearMonth> months, ComparisonPhases? phases,
        Action<PersonDifference>? onDifference, Action<long, EvaluationException>? onError, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(months);
        var list = months.ToList();
        var seen = new HashSet<YearMonth>();
        foreach (var month in list)
        {
            Preconditions.CheckMonth(month, nameof(months));
            if (!seen.Add(month))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the month {month.Year:D4}-{month.Month:D2} is given twice"), nameof(months));
            }
        }

        var totals = new Totals();
        var (baselineOutcomes, changedOutcomes) = OutcomeCache.Pair(byProfileId: true);
        int parallelism = PopulationEngine.Parallelism(maxDegreeOfParallelism);
        // One sorter for the run: a person is sorted again only in a month in which their profile can have changed.
        var sorter = new ProfileSorter(population, parallelism, true, baseline, changed);
        var differences = new Differences();
        foreach (var month in list)
        {
            CompareProfiles(baseline, changed, population, month, parallelism, baselineOutcomes, changedOutcomes, totals,
                onDifference is null ? null : (i, b, a) => onDifference(differences.Of(i, population.SituationAt(i, month), b, a)),
                onError is null ? null : i => onError(i, ErrorOf(baseline, changed, population.SituationAt(i, month))), phases: phases, sorter: sorter);
        }

        return totals.ToSummary();
    }

    /// <summary>The error the streaming comparison meets for a person the profiles say cannot be evaluated.</summary>
    private static EvaluationException ErrorOf(RuleSet baseline, RuleSet changed, Situation situation)
    {
        try
        {
            baseline.Evaluate(situation, Quiet);
            changed.Evaluate(situation, Quiet);
        }
        catch (EvaluationException error)
        {
            return error;
        }

        throw new InvalidOperationException("the person was evaluated on the single-person path but not by profile: the profile misses a fact");
    }

    private static bool SameEntitlements(Report a, Report b)
    {
        if (a.Entitlements.Length != b.Entitlements.Length || a.HealthInsuranceStatePays != b.HealthInsuranceStatePays)
        {
            return false;
        }

        for (int i = 0; i < a.Entitlements.Length; i++)
        {
            var x = a.Entitlements[i];
            var y = b.Entitlements[i];
            if (x.Kind != y.Kind || x.Payee != y.Payee || x.Amount != y.Amount || x.Group != y.Group)
            {
                return false;
            }
        }

        return true;
    }

    private static PersonDifference Diff(long index, Situation situation, Report before, Report after)
    {
        var (changes, causes) = Changes(before, after);
        return new PersonDifference(index, situation, before, after, changes, causes);
    }

    /// <summary>
    /// The differences of a run, each pair of reports' changes and causes worked out once (reports known by their
    /// <see cref="Report.Serial"/>): the persons of a profile share their reports, so a comparison's lines mostly
    /// repeat a few pairs. Kept for at most <see cref="MaxPairs"/> pairs at a time (then forgotten and begun again).
    /// </summary>
    private sealed class Differences
    {
        private const int MaxPairs = 4096;
        private readonly Dictionary<(long Before, long After), (ImmutableArray<EntitlementChange> Changes, ImmutableArray<Citation> Causes)> known = [];

        internal PersonDifference Of(long index, Situation situation, Report before, Report after)
        {
            if (!known.TryGetValue((before.Serial, after.Serial), out var found))
            {
                if (known.Count >= MaxPairs)
                {
                    known.Clear();
                }

                found = known[(before.Serial, after.Serial)] = Changes(before, after);
            }

            return new PersonDifference(index, situation, before, after, found.Changes, found.Causes);
        }
    }

    /// <summary>What differs between two reports, kind by kind, payee and group, and the provisions behind it.</summary>
    private static (ImmutableArray<EntitlementChange> Changes, ImmutableArray<Citation> Causes) Changes(Report before, Report after)
    {
        var keys = before.Entitlements.Concat(after.Entitlements).Select(e => (e.Kind, e.Payee, e.Group)).Distinct();
        var changes = ImmutableArray.CreateBuilder<EntitlementChange>();
        var causes = new List<Citation>();
        foreach (var (kind, payee, group) in keys)
        {
            var b = before.Entitlements.Where(e => e.Kind == kind && e.Payee == payee && e.Group == group).ToList();
            var a = after.Entitlements.Where(e => e.Kind == kind && e.Payee == payee && e.Group == group).ToList();
            var baselineAmount = b.Aggregate(Dong.Zero, (s, e) => s + e.Amount);
            var changedAmount = a.Aggregate(Dong.Zero, (s, e) => s + e.Amount);
            if (baselineAmount == changedAmount)
            {
                continue;
            }

            changes.Add(new EntitlementChange(kind, payee, group, baselineAmount, changedAmount));
            var beforeBasis = b.SelectMany(e => e.Basis).ToHashSet();
            var afterBasis = a.SelectMany(e => e.Basis).ToHashSet();
            causes.AddRange(afterBasis.Except(beforeBasis));
            causes.AddRange(beforeBasis.Except(afterBasis));
        }

        if (before.HealthInsuranceStatePays != after.HealthInsuranceStatePays)
        {
            var beforeBasis = before.HealthInsurance?.Basis ?? [];
            var afterBasis = after.HealthInsurance?.Basis ?? [];
            causes.AddRange(afterBasis.Except(beforeBasis));
            causes.AddRange(beforeBasis.Except(afterBasis));
        }

        return (changes.ToImmutable(), [.. causes.Distinct()]);
    }

    private sealed class Totals
    {
        private readonly Dictionary<string, Line> byKind = [], byGroup = [], byPayee = [];
        private long persons, gainers, losers;
        private decimal weightedPersons, weightedGainers, weightedLosers, baseline, changed;

        /// <summary>A total under a key: amounts weighted (in đồng, rounded once at the end), persons counted and weighted.</summary>
        private struct Line
        {
            internal decimal Baseline, Changed, Weighted;
            internal long Persons;
        }

        /// <summary>The most pairs of reports whose persons are held before they are added up.</summary>
        private const int MaxPending = 1 << 16;

        /// <summary>
        /// Persons whose weight equals their count, by pair of reports (by <see cref="Report.Serial"/>), not yet added:
        /// the totals are sums of a pair's amounts times its persons, exact in any order, so a pair met again and again
        /// (the profiles of every batch and month share their reports) is added up once. The weights are summed as
        /// given (a weight of 1.0 keeps its decimal scale in the weighted totals).
        /// </summary>
        private readonly Dictionary<(long Before, long After), (Report Before, Report After, long Count, decimal Weight)> pending = [];

        internal long Errors { get; set; }

        /// <summary>Adds <paramref name="count"/> persons with these reports, standing for <paramref name="weight"/> people (the population engine adds a whole profile at once).</summary>
        internal void Add(Report before, Report after, long count, decimal weight)
        {
            if (weight != count)
            {
                // Weighted people are added at once: a sum of weights times an amount is the sum of the products
                // only while decimal's 28 digits hold them all.
                AddNow(before, after, count, weight);
                return;
            }

            var key = (before.Serial, after.Serial);
            if (pending.TryGetValue(key, out var held))
            {
                pending[key] = (before, after, checked(held.Count + count), held.Weight + weight);
                return;
            }

            if (pending.Count >= MaxPending)
            {
                Flush();
            }

            pending[key] = (before, after, count, weight);
        }

        /// <summary>Adds up the pairs held.</summary>
        private void Flush()
        {
            foreach (var (before, after, count, weight) in pending.Values)
            {
                AddNow(before, after, count, weight);
            }

            pending.Clear();
        }

        private void AddNow(Report before, Report after, long count, decimal weight)
        {
            persons += count;
            weightedPersons += weight;
            baseline += before.Cost.Value * weight;
            changed += after.Cost.Value * weight;
            if (after.Cost > before.Cost)
            {
                gainers += count;
                weightedGainers += weight;
            }
            else if (after.Cost < before.Cost)
            {
                losers += count;
                weightedLosers += weight;
            }

            Accumulate(byKind, before, after, count, weight, e => ContractNames.Of(e.Kind));
            Accumulate(byGroup, before, after, count, weight, e => e.Group ?? ContractNames.Of(e.Kind));
            Accumulate(byPayee, before, after, count, weight, e => ContractNames.Of(e.Payee));
            AccumulateHealthInsurance(byKind, before, after, count, weight, Report.HealthInsuranceKey);
            AccumulateHealthInsurance(byGroup, before, after, count, weight, Report.HealthInsuranceKey);
            AccumulateHealthInsurance(byPayee, before, after, count, weight, ContractNames.Of(Payee.Beneficiary), before.Entitlements.Any(e => e.Payee == Payee.Beneficiary) || after.Entitlements.Any(e => e.Payee == Payee.Beneficiary));
        }

        /// <summary>Adds the state's health-insurance payments under a key; the person counts once for it (unless <paramref name="counted"/> already).</summary>
        private static void AccumulateHealthInsurance(Dictionary<string, Line> totals, Report before, Report after, long count, decimal weight, string key, bool counted = false)
        {
            var b = before.HealthInsuranceStatePays;
            var a = after.HealthInsuranceStatePays;
            if (b == Dong.Zero && a == Dong.Zero)
            {
                return;
            }

            var t = totals.GetValueOrDefault(key);
            t.Baseline += b.Value * weight;
            t.Changed += a.Value * weight;
            if (!counted)
            {
                t.Persons += count;
                t.Weighted += weight;
            }

            totals[key] = t;
        }

        internal ComparisonSummary ToSummary()
        {
            Flush();
            return Summary();
        }

        private ComparisonSummary Summary() => new(persons, gainers, losers, Errors, Round(baseline), Round(changed), Lines(byKind), Lines(byGroup), Lines(byPayee))
        {
            WeightedPersons = weightedPersons,
            WeightedGainers = weightedGainers,
            WeightedLosers = weightedLosers,
        };

        /// <summary>A weighted sum in whole đồng: exact when every weight is whole.</summary>
        private static Dong Round(decimal amount) => new(checked((long)decimal.Round(amount, MidpointRounding.AwayFromZero)));

        private static ImmutableArray<ComparisonTotal> Lines(Dictionary<string, Line> totals) =>
            [.. totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new ComparisonTotal(t.Key, Round(t.Value.Baseline), Round(t.Value.Changed), t.Value.Persons) { WeightedPersons = t.Value.Weighted })];

        private static void Accumulate(Dictionary<string, Line> totals, Report before, Report after, long count, decimal weight, Func<Entitlement, string> key)
        {
            // A person counts once for a key, whether it appears under the baseline, the change, or both.
            var b = before.Entitlements;
            var a = after.Entitlements;
            for (int i = 0; i < b.Length; i++)
            {
                string k = key(b[i]);
                bool seen = Contains(b, i, k, key);
                var t = totals.GetValueOrDefault(k);
                t.Baseline += b[i].Amount.Value * weight;
                if (!seen)
                {
                    t.Persons += count;
                    t.Weighted += weight;
                }

                totals[k] = t;
            }

            for (int i = 0; i < a.Length; i++)
            {
                string k = key(a[i]);
                bool seen = Contains(b, b.Length, k, key) || Contains(a, i, k, key);
                var t = totals.GetValueOrDefault(k);
                t.Changed += a[i].Amount.Value * weight;
                if (!seen)
                {
                    t.Persons += count;
                    t.Weighted += weight;
                }

                totals[k] = t;
            }
        }

        /// <summary>Whether one of the first <paramref name="count"/> entitlements has the key.</summary>
        private static bool Contains(ImmutableArray<Entitlement> entitlements, int count, string k, Func<Entitlement, string> key)
        {
            for (int j = 0; j < count; j++)
            {
                if (key(entitlements[j]) == k)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>A phase of a comparison over a compact population.</summary>
internal enum ComparisonPhase
{
    /// <summary>Sorting the persons into the month's profiles.</summary>
    Classify,

    /// <summary>Evaluating each new profile under both laws (or finding it evaluated in an earlier month).</summary>
    Evaluate,

    /// <summary>Adding the profiles' reports to the totals.</summary>
    Totals,
}

/// <summary>The time a comparison over a compact population spent in each phase, added up over its months (measured by the benchmarks).</summary>
internal sealed class ComparisonPhases
{
    private readonly TimeSpan[] spent = new TimeSpan[3];

    /// <summary>The time spent in <paramref name="phase"/>.</summary>
    internal TimeSpan this[ComparisonPhase phase] => spent[(int)phase];

    /// <summary>Adds the time since <paramref name="clock"/> to <paramref name="phase"/> and restarts the clock.</summary>
    internal void Lap(ComparisonPhase phase, ref long clock)
    {
        long now = Stopwatch.GetTimestamp();
        spent[(int)phase] += Stopwatch.GetElapsedTime(clock, now);
        clock = now;
    }
}

/// <summary>
/// A batch of persons for the columns' comparison (<see cref="PolicyComparison"/>): those the compact form holds, in
/// <see cref="Population"/>, and the others as situations, each with its ordinal among the batch's persons.
/// </summary>
internal sealed class ColumnBatch
{
    /// <summary>The persons held in compact form.</summary>
    internal required Population Population { get; init; }

    /// <summary>The ordinal of each of <see cref="Population"/>'s persons among the batch's persons.</summary>
    internal required int[] Ordinals { get; init; }

    /// <summary>The situation of a person of <see cref="Population"/> in a month, with its id, commune and weight.</summary>
    internal required Func<int, YearMonth, Situation> SituationAt { get; init; }

    /// <summary>The weight of each of <see cref="Population"/>'s persons, or null when every weight is 1.</summary>
    internal decimal[]? Weights { get; init; }

    /// <summary>The persons the compact form cannot hold, with their ordinals.</summary>
    internal required IReadOnlyList<(int Ordinal, Situation Situation)> Others { get; init; }

    /// <summary>The number of persons in the batch.</summary>
    internal required int Rows { get; init; }
}
