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
/// is sorted again. Each profile's count and evaluated person are kept from month to month: a month not sorted
/// afresh moves only the persons whose profile changes.
/// </summary>
/// <remarks>
/// A month's <see cref="MonthProfiles"/> lists every profile of the run so far: those with no person this month
/// have a count of 0 and no representative, and are neither evaluated nor counted. Its counts and representatives
/// are the sorter's own, good until the next month is sorted.
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

    /// <summary>
    /// The number of persons of each profile of the run in the last sorted month (the first <see cref="keyCount"/>), and
    /// the person evaluated for it (-1 when it has none), kept from month to month: a month not sorted afresh moves only
    /// the persons whose profile changes.
    /// </summary>
    private long[] counts = [];
    private int[] representatives = [];
    private int present;

    /// <summary>For each profile, its place among the month's profiles whose evaluated person left (<see cref="Adopt"/>), or -1.</summary>
    private int[] orphanSlot = [];
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

    /// <summary>The number of months sorted so far (the first is 1), whether or not the sorting succeeded.</summary>
    internal int Sorts { get; private set; }

    /// <summary>
    /// Whether the last month sorted was sorted afresh (<see cref="Sorts"/> 1, a change of the support windows, of the
    /// layout or of the law its children counts read, the months going back, a month whose sorting failed before it)
    /// rather than by moving the persons whose profile changed.
    /// </summary>
    internal bool Afresh { get; private set; }

    /// <summary>
    /// In a month not sorted afresh, the profiles whose persons went to none or from none (each listed once or more,
    /// the others kept their presence from the last month); the sorter's own list, good until the next month is sorted.
    /// </summary>
    internal List<int> PresenceChanged { get; } = [];

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
        var moved = all ? null : new List<(int Person, int From)>?[workers];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var known = this.ids;

        // Pass 1: each worker sorts again those of its range whose key may have changed, finding each key among the
        // run's profiles (read only here) or, when new, in a table of its own (as ~local id); in a month not sorted
        // afresh, it notes each person whose profile changes, with the one they leave. Should a worker fail, the next
        // month sorts everyone again (the kept ids, months and lists are then not to be trusted).
        profile = null;
        Sorts++;
        Afresh = all;
        PresenceChanged.Clear();
        Parallel.For(0, workers, options, w =>
        {
            ProfileMap? map = null;
            List<(int Person, int From)>? moves = null;
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

                if (known.Count == 0 || !known.TryGetValue(key, out int id))
                {
                    map ??= new ProfileMap();
                    id = ~map.Add(key, i);
                }

                if (!all && id != ids[i])
                {
                    (moves ??= []).Add((i, ids[i]));
                }

                ids[i] = id;
            }

            maps[w] = map;
            sorted[w] = computed;
            if (moved is not null)
            {
                moved[w] = moves;
            }
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

        int count = keyCount;
        Grow(count);
        if (moved is null)
        {
            Count(ids, remaps, workers, count);
        }
        else
        {
            // Only the persons whose profile changed are moved, in the order of the persons: the first to come into a
            // profile with no evaluated person is evaluated for it; a profile left with persons but no evaluated person
            // (none came into it after its evaluated person left) is given its first person.
            List<int>? orphans = null;
            for (int w = 0; w < workers; w++)
            {
                foreach (var (i, from) in moved[w] ?? [])
                {
                    int to = ids[i] < 0 ? remaps[w][~ids[i]] : ids[i];
                    ids[i] = to;
                    if (to == from)
                    {
                        // A key new to the run is never the one left; kept all the same.
                        continue;
                    }

                    if (--counts[from] == 0)
                    {
                        present--;
                        PresenceChanged.Add(from);
                    }

                    if (counts[to]++ == 0)
                    {
                        present++;
                        PresenceChanged.Add(to);
                    }

                    if (representatives[to] < 0)
                    {
                        representatives[to] = i;
                    }

                    if (representatives[from] == i)
                    {
                        representatives[from] = -1;
                        if (counts[from] > 0)
                        {
                            (orphans ??= []).Add(from);
                        }
                    }
                }
            }

            if (orphans is not null)
            {
                Adopt(ids, orphans, workers);
            }
        }

        profile = ids;
        last = index;
        lastWindows = frame.Windows;
        lastLayout = layout;
        lastChildrenLaw = childrenLaw;
        lastChildCounts = frame.ChildCounts;
        return new MonthProfiles(month, copy ? (int[])ids.Clone() : ids, keys, count, counts, representatives, present, frame, layout, this);
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

    /// <summary>Makes room for the persons of <paramref name="count"/> profiles (none yet in the new ones).</summary>
    private void Grow(int count)
    {
        if (counts.Length < count)
        {
            int size = Math.Max(count, counts.Length * 3 / 2);
            int old = counts.Length;
            Array.Resize(ref counts, size);
            Array.Resize(ref representatives, size);
            Array.Resize(ref orphanSlot, size);
            representatives.AsSpan(old).Fill(-1);
            orphanSlot.AsSpan(old).Fill(-1);
        }
    }

    /// <summary>
    /// A month sorted afresh: local ids to the run's, and each worker's count and first person of every profile, on the
    /// cores; then every profile's count and first person.
    /// </summary>
    private void Count(int[] ids, int[][] remaps, int workers, int count)
    {
        int n = ids.Length;
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

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, w =>
        {
            var remap = remaps[w];
            var mine = workerCounts[w];
            var firsts = workerFirsts[w];
            Array.Clear(mine, 0, count);
            Array.Fill(firsts, -1, 0, count);
            for (int i = MonthProfiles.Start(n, workers, w), end = MonthProfiles.Start(n, workers, w + 1); i < end; i++)
            {
                int p = ids[i];
                if (p < 0)
                {
                    p = ids[i] = remap[~p];
                }

                if (mine[p]++ == 0)
                {
                    firsts[p] = i;
                }
            }
        });

        counts.AsSpan(0, count).Clear();
        representatives.AsSpan(0, count).Fill(-1);
        // Left as they are should a month's search for evaluated persons have failed half-way.
        orphanSlot.AsSpan(0, count).Fill(-1);
        for (int w = 0; w < workers; w++)
        {
            var mine = workerCounts[w];
            var firsts = workerFirsts[w];
            for (int p = 0; p < count; p++)
            {
                counts[p] += mine[p];
                if (representatives[p] < 0)
                {
                    representatives[p] = firsts[p];
                }
            }
        }

        present = 0;
        for (int p = 0; p < count; p++)
        {
            present += counts[p] > 0 ? 1 : 0;
        }
    }

    /// <summary>
    /// Gives each of <paramref name="orphans"/> (profiles whose evaluated person left) that has persons but none evaluated
    /// for it its first person, found on the cores.
    /// </summary>
    private void Adopt(int[] ids, List<int> orphans, int workers)
    {
        int slots = 0;
        foreach (int p in orphans)
        {
            if (orphanSlot[p] < 0)
            {
                orphanSlot[p] = slots++;
            }
        }

        int n = ids.Length;
        var found = new int[workers][];
        var slotOf = orphanSlot;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, w =>
        {
            var first = new int[slots];
            Array.Fill(first, -1);
            int left = slots;
            for (int i = MonthProfiles.Start(n, workers, w), end = MonthProfiles.Start(n, workers, w + 1); i < end && left > 0; i++)
            {
                int s = slotOf[ids[i]];
                if (s >= 0 && first[s] < 0)
                {
                    first[s] = i;
                    left--;
                }
            }

            found[w] = first;
        });

        foreach (int p in orphans)
        {
            int s = orphanSlot[p];
            if (s < 0)
            {
                // Met twice in the list: given its person the first time.
                continue;
            }

            for (int w = 0; w < workers && representatives[p] < 0; w++)
            {
                representatives[p] = found[w][s];
            }

            orphanSlot[p] = -1;
        }
    }
}
