using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NodaTime;
using WelfareRules.Law;

namespace WelfareRules.Populations;

/// <summary>
/// Sorts one population into profiles month after month, under fixed rule sets. A profile keeps its id for the
/// whole run, and a person is sorted again only in a month in which their key can have changed: with each key
/// the sorter keeps the last month through which it is certain to hold (<see cref="ProfileKey.Of(PopulationBuilder.Columns, int, in MonthFrame, out int)"/>:
/// the next birthday at which the age's band changes, the month of death, of the certificate or decision, a
/// support window reached, a child's outcome changing). When the month's support windows, the layout of its keys
/// or (where children are counted) what its children conditions read of its law differ from the last sorted month's, or the months go back, everyone
/// is sorted again.
/// </summary>
/// <remarks>
/// A month's <see cref="MonthProfiles"/> lists every profile of the run so far: those with no person this month
/// have a count of 0 and no representative, and are neither evaluated nor counted.
/// </remarks>
internal sealed class ProfileSorter
{
    private readonly Population population;
    private readonly RuleSet[] rules;
    private readonly int parallelism;
    private readonly bool track;
    private readonly Dictionary<ProfileKey, int> ids = [];

    /// <summary>
    /// The run's keys by profile id, the first <see cref="keyCount"/> of them: only ever added to, so that a month's
    /// profiles share the array (or the smaller one it grew from) rather than copying it; once written, an entry never
    /// changes.
    /// </summary>
    private ProfileKey[] keys = [];
    private int keyCount;
    private TallyShapes? shapes;
    private int[]? profile;
    private int[]? through;
    private int last = int.MinValue;
    private int[] lastWindows = [];
    private string lastLayout = "";
    private object?[] lastChildrenLaw = [];
    private ChildCount[] lastChildCounts = [];
    private int[][] workerCounts = [];
    private int[][] workerFirsts = [];

    /// <summary>A sorter for one or more months of <paramref name="population"/>.</summary>
    /// <param name="population">The persons.</param>
    /// <param name="parallelism">The number of cores to use.</param>
    /// <param name="track">Whether months after the first will be sorted (the sorter then keeps, for each person, the month through which the key holds).</param>
    /// <param name="rules">The rule sets the profiles are evaluated under.</param>
    internal ProfileSorter(Population population, int parallelism, bool track, params RuleSet[] rules)
    {
        this.population = population;
        this.rules = rules;
        this.parallelism = parallelism;
        this.track = track;
    }

    /// <summary>The shapes of the run's reports that the month's totals read, each profile's kept with its outcome (made when first asked for).</summary>
    internal TallyShapes Shapes => shapes ??= new();

    /// <summary>The number of persons whose key the last <see cref="Sort"/> computed (the others kept theirs).</summary>
    internal long Sorted { get; private set; }

    /// <summary>
    /// Sorts the persons into profiles for <paramref name="month"/>. The result's <see cref="MonthProfiles.PersonProfile"/>
    /// is the sorter's own array, which the next month's sorting overwrites, unless <paramref name="copy"/>.
    /// </summary>
    internal MonthProfiles Sort(YearMonth month, bool copy = false)
    {
        var columns = population.Columns;
        int n = columns.Count;
        var frame = MonthProfiles.Frame(population.Jurisdictions, month, rules, out string layout, readFactsOnly: true);
        int index = frame.Index;
        // A key's months ahead are foreseen under this month's support windows and, for children, its children
        // conditions and what they read of the law: when any of those differ from the last sorted month's, everyone is
        // sorted again.
        var childrenLaw = frame.ChildCounts.Length == 0 ? [] : ChildrenLaw(frame);
        if (childrenLaw.AsSpan().SequenceEqual(lastChildrenLaw) && Shifted(frame.ChildCounts, lastChildCounts) is { } kept)
        {
            // The last month's counts and the outcomes they found by age in months: the same for this month.
            frame = frame.WithChildCounts(kept);
        }

        bool all = profile is null || through is null || index < last || !frame.Windows.AsSpan().SequenceEqual(lastWindows)
            || layout != lastLayout || !childrenLaw.AsSpan().SequenceEqual(lastChildrenLaw);
        var ids = profile ??= new int[n];
        var until = through ??= track ? new int[n] : null;
        int workers = MonthProfiles.Workers(n, parallelism);
        var maps = new ProfileMap?[workers];
        var sorted = new long[workers];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var known = this.ids;

        // Pass 1: each worker sorts again those of its range whose key may have changed, finding each key among the
        // run's profiles (read only here) or, when new, in a table of its own (as ~local id). Should a worker fail,
        // the next month sorts everyone again (the kept ids and months are then not to be trusted).
        profile = null;
        Parallel.For(0, workers, options, w =>
        {
            ProfileMap? map = null;
            long computed = 0;
            for (int i = MonthProfiles.Start(n, workers, w), end = MonthProfiles.Start(n, workers, w + 1); i < end; i++)
            {
                if (!all && index <= until![i])
                {
                    continue;
                }

                var key = ProfileKey.Of(columns, i, frame, out int holds);
                computed++;
                if (until is not null)
                {
                    until[i] = holds;
                }

                if (known.Count > 0 && known.TryGetValue(key, out int id))
                {
                    ids[i] = id;
                }
                else
                {
                    map ??= new ProfileMap();
                    ids[i] = ~map.Add(key, i);
                }
            }

            maps[w] = map;
            sorted[w] = computed;
        });

        Sorted = sorted.Sum();

        // The new keys given ids, worker by worker: a profile's id is the order in which it was first met. Room made
        // once for as many as the workers met (the month's first, a caseload's, can be most of the persons).
        var remaps = new int[workers][];
        int met = 0;
        foreach (var map in maps)
        {
            met += map?.Count ?? 0;
        }

        // Grown by half again when short, never to the month's need alone: sized exactly, the next month's few new keys
        // would rehash every key of the run.
        if (known.Count + met > known.Capacity)
        {
            known.EnsureCapacity(Math.Max(known.Count + met, known.Capacity * 3 / 2));
        }

        if (keys.Length < keyCount + met)
        {
            // A new array: the months already given the old one keep reading it.
            var grown = new ProfileKey[Math.Max(keyCount + met, keys.Length * 3 / 2)];
            keys.AsSpan(0, keyCount).CopyTo(grown);
            keys = grown;
        }

        for (int w = 0; w < workers; w++)
        {
            if (maps[w] is not { } map)
            {
                continue;
            }

            var remap = remaps[w] = new int[map.Count];
            for (int local = 0; local < map.Count; local++)
            {
                // One lookup for both finding and adding (a key another worker met first is found).
                var key = map.Keys[local];
                ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(known, key, out bool exists);
                if (!exists)
                {
                    id = keyCount++;
                    keys[id] = key;
                }

                remap[local] = id;
            }
        }

        // Pass 2: local ids to the run's, and each worker's count and first person of every profile.
        int count = keyCount;
        Grow(workers, count);
        Parallel.For(0, workers, options, w =>
        {
            var remap = remaps[w];
            var counts = workerCounts[w];
            var firsts = workerFirsts[w];
            Array.Clear(counts, 0, count);
            Array.Fill(firsts, -1, 0, count);
            for (int i = MonthProfiles.Start(n, workers, w), end = MonthProfiles.Start(n, workers, w + 1); i < end; i++)
            {
                int p = ids[i];
                if (p < 0)
                {
                    p = ids[i] = remap[~p];
                }

                if (counts[p]++ == 0)
                {
                    firsts[p] = i;
                }
            }
        });

        var totals = new long[count];
        var representatives = new int[count];
        Array.Fill(representatives, -1);
        for (int w = 0; w < workers; w++)
        {
            var counts = workerCounts[w];
            var firsts = workerFirsts[w];
            for (int p = 0; p < count; p++)
            {
                totals[p] += counts[p];
                if (representatives[p] < 0)
                {
                    representatives[p] = firsts[p];
                }
            }
        }

        profile = ids;
        last = index;
        lastWindows = frame.Windows;
        lastLayout = layout;
        lastChildrenLaw = childrenLaw;
        lastChildCounts = frame.ChildCounts;
        return new MonthProfiles(month, copy ? (int[])ids.Clone() : ids, keys, count, totals, representatives, frame, layout, this);
    }

    /// <summary>
    /// What the month's children counts read of the law: for each count, in each jurisdiction, whether the law is encoded
    /// and the provision in force of each parameter its condition reads (a child's outcome turns on nothing else of the
    /// law). A law that changes other provisions (a new standard, a group's coefficient) keeps every key's months ahead.
    /// </summary>
    private static object?[] ChildrenLaw(in MonthFrame frame)
    {
        var parts = new List<object?>();
        foreach (var count in frame.ChildCounts)
        {
            parts.Add(count.Condition);
            foreach (var law in count.Laws)
            {
                parts.Add(law is null ? null : bool.TrueString);
                foreach (var key in count.ParametersRead)
                {
                    parts.Add(law?.Get(key));
                }
            }
        }

        return [.. parts];
    }

    /// <summary>
    /// The last sorted month's children counts, where this month's are the same conditions under a law that reads alike
    /// (<see cref="ChildrenLaw"/>) and each reads a child only by its age in months and facts (<see cref="ChildCount.Shiftable"/>):
    /// a child's outcome by age in months is then this month's too, and the outcomes found need not be found again.
    /// </summary>
    private static ChildCount[]? Shifted(ChildCount[] counts, ChildCount[] last)
    {
        if (counts.Length == 0 || counts.Length != last.Length)
        {
            return null;
        }

        for (int k = 0; k < counts.Length; k++)
        {
            if (!ReferenceEquals(counts[k].Condition, last[k].Condition) || !last[k].Shiftable)
            {
                return null;
            }
        }

        return last;
    }

    /// <summary>Each worker's count and first-person arrays, large enough for <paramref name="count"/> profiles.</summary>
    private void Grow(int workers, int count)
    {
        if (workerCounts.Length != workers)
        {
            workerCounts = new int[workers][];
            workerFirsts = new int[workers][];
        }

        for (int w = 0; w < workers; w++)
        {
            if (workerCounts[w] is null || workerCounts[w].Length < count)
            {
                int size = Math.Max(count, (workerCounts[w]?.Length ?? 0) * 3 / 2);
                workerCounts[w] = new int[size];
                workerFirsts[w] = new int[size];
            }
        }
    }
}
