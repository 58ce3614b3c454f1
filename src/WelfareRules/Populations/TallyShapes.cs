using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WelfareRules.Reports;

namespace WelfareRules.Populations;

/// <summary>
/// The distinct shapes, among the reports of one sorter's run, of what a month's totals read of a report
/// (<see cref="Key"/>): whether there is one, its cost, each entitlement's kind, group, payee and amount, and the
/// state's health-insurance payment. Profiles of one shape add to the totals alike, so <see cref="PopulationResult"/>
/// counts the persons of each shape and adds each shape once: a caseload of 200,000 persons and 90,000 profiles
/// has a few hundred. A profile's shape is kept with the outcome it was found for, and found again while the
/// profile's outcome is that one (the months of one law).
/// </summary>
/// <remarks>Not for two months' totals at once: the run's months are tallied one after the other.</remarks>
internal sealed class TallyShapes
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<Report?> reports = [];
    private readonly Lock adding = new();

    /// <summary>The shape of each outcome met (profiles of one decided profile share its outcome): its key is made once.</summary>
    private readonly ConcurrentDictionary<Outcome, int> byOutcome = new(ReferenceEqualityComparer.Instance);

    /// <summary>The outcome each profile's shape was found for.</summary>
    private Outcome?[] outcomeOf = [];

    /// <summary>Each profile's shape, for the outcome in <see cref="outcomeOf"/>.</summary>
    private int[] shapeOf = [];

    /// <summary>The number of shapes.</summary>
    internal int Count
    {
        get
        {
            lock (adding)
            {
                return reports.Count;
            }
        }
    }

    /// <summary>A report of the shape: the first one met.</summary>
    internal Report? Report(int shape)
    {
        lock (adding)
        {
            return reports[shape];
        }
    }

    /// <summary>The outcomes of the month last tallied (<see cref="Of"/>), whose shapes <see cref="shapeOf"/> holds.</summary>
    private Outcome[]? tallied;

    /// <summary>
    /// The shape of each profile with persons this month (<paramref name="counts"/> above 0), by profile id; the array is
    /// the run's own, good until the next month is tallied.
    /// </summary>
    /// <param name="outcomes">The month's outcomes, by profile id.</param>
    /// <param name="counts">The month's persons, by profile id.</param>
    /// <param name="parallelism">The cores to use.</param>
    /// <param name="followed">
    /// Where the month followed the last (<see cref="FollowedOutcomes"/>) and that month was the last tallied here: only
    /// the profiles it lists are looked at, every other keeping its outcome and its persons' presence.
    /// </param>
    internal int[] Of(Outcome[] outcomes, long[] counts, int parallelism, FollowedOutcomes? followed = null)
    {
        int n = outcomes.Length;
        if (outcomeOf.Length < n)
        {
            Array.Resize(ref outcomeOf, Math.Max(n, outcomeOf.Length * 3 / 2));
            Array.Resize(ref shapeOf, outcomeOf.Length);
        }

        if (followed is not null && tallied is not null && ReferenceEquals(followed.Previous, tallied))
        {
            var key = new StringBuilder();
            foreach (int p in followed.Changed)
            {
                Update(p, outcomes, counts, key);
            }
        }
        else
        {
            int workers = MonthProfiles.Workers(n, parallelism);
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, w =>
            {
                var key = new StringBuilder();
                for (int p = MonthProfiles.Start(n, workers, w), end = MonthProfiles.Start(n, workers, w + 1); p < end; p++)
                {
                    Update(p, outcomes, counts, key);
                }
            });
        }

        tallied = outcomes;
        return shapeOf;
    }

    /// <summary>
    /// The persons of each shape this month (by shape, <see cref="Count"/> of them), counted on the cores from each
    /// profile's shape (<see cref="Of"/>, whose parameters these are).
    /// </summary>
    internal long[] Persons(Outcome[] outcomes, long[] counts, int parallelism, FollowedOutcomes? followed = null)
    {
        var shapes = Of(outcomes, counts, parallelism, followed);
        int n = outcomes.Length, count = Count;
        int workers = MonthProfiles.Workers(n, parallelism);
        var persons = new long[workers][];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, w =>
        {
            var mine = persons[w] = new long[count];
            for (int p = MonthProfiles.Start(n, workers, w), end = MonthProfiles.Start(n, workers, w + 1); p < end; p++)
            {
                long c = counts[p];
                if (c > 0)
                {
                    mine[shapes[p]] += c;
                }
            }
        });

        for (int w = 1; w < workers; w++)
        {
            for (int shape = 0; shape < count; shape++)
            {
                persons[0][shape] += persons[w][shape];
            }
        }

        return persons[0];
    }

    /// <summary>Finds the shape of profile <paramref name="p"/> when it has persons and its outcome is not the one its shape was found for.</summary>
    private void Update(int p, Outcome[] outcomes, long[] counts, StringBuilder key)
    {
        if (counts[p] > 0 && !ReferenceEquals(outcomeOf[p], outcomes[p]))
        {
            var outcome = outcomes[p];
            if (!byOutcome.TryGetValue(outcome, out int shape))
            {
                shape = Intern(outcome.Report, key);
                byOutcome.TryAdd(outcome, shape);
            }

            shapeOf[p] = shape;
            outcomeOf[p] = outcome;
        }
    }

    /// <summary>
    /// What the totals read of a report, as text: nothing but a mark for no report; else the cost, the state's
    /// health-insurance payment, and each entitlement's kind, payee, amount and group, in order.
    /// </summary>
    internal static string Key(Report? report, StringBuilder? scratch = null)
    {
        if (report is null)
        {
            return "";
        }

        var key = scratch ?? new StringBuilder();
        key.Clear();
        key.Append(CultureInfo.InvariantCulture, $"{report.Cost.Value}|{report.HealthInsuranceStatePays.Value}");
        foreach (var entitlement in report.Entitlements)
        {
            // The group last, with its length: no group id can read as the next entitlement.
            key.Append(CultureInfo.InvariantCulture, $"|{(int)entitlement.Kind},{(int)entitlement.Payee},{entitlement.Amount.Value},{entitlement.Group?.Length ?? -1}:{entitlement.Group}");
        }

        return key.ToString();
    }

    private int Intern(Report? report, StringBuilder scratch)
    {
        string key = Key(report, scratch);
        if (ids.TryGetValue(key, out int id))
        {
            return id;
        }

        lock (adding)
        {
            if (!ids.TryGetValue(key, out id))
            {
                id = reports.Count;
                reports.Add(report);
                ids[key] = id;
            }

            return id;
        }
    }
}
