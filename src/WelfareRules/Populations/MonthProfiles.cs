using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Law;
using WelfareRules.Reports;

namespace WelfareRules.Populations;

/// <summary>
/// A population sorted into profiles for one month: each person's profile, and for each profile its key,
/// the number of persons and one of them (the one the single-person path evaluates: the first, in a month sorted
/// afresh). Built over the compact columns, on all cores where persons are sorted, with no allocation per person.
/// </summary>
internal sealed class MonthProfiles
{
    internal MonthProfiles(YearMonth month, int[] personProfile, ProfileKey[] keys, int count, long[] counts, int[] representatives, int present, in MonthFrame frame, string layout, ProfileSorter sorter)
    {
        Count = count;
        Sorter = sorter;
        Month = month;
        FrameOfMonth = frame;
        Exact = frame.Exact;
        Layout = layout;
        PersonProfile = personProfile;
        Keys = keys;
        Counts = counts;
        Representatives = representatives;
        Present = present;
        Sort = sorter.Sorts;
        Afresh = sorter.Afresh;
    }

    /// <summary>Which of the sorter's months this is (<see cref="ProfileSorter.Sorts"/>).</summary>
    internal int Sort { get; }

    /// <summary>Whether the month was sorted afresh (<see cref="ProfileSorter.Afresh"/>); if not, <see cref="ProfileSorter.PresenceChanged"/> lists the profiles whose persons went to or from none.</summary>
    internal bool Afresh { get; }

    internal YearMonth Month { get; }

    /// <summary>The sorter whose run the profiles' ids belong to.</summary>
    internal ProfileSorter Sorter { get; }

    /// <summary>
    /// What the month-dependent parts of a key count against: the support windows in force and which rule sets'
    /// children conditions hold each children count. Two months' keys mean the same only where this is the same,
    /// so it is part of what a profile's outcome is cached under.
    /// </summary>
    internal string Layout { get; }

    /// <summary>What the month's keys count against.</summary>
    internal MonthFrame FrameOfMonth { get; }

    /// <summary>Whether every person is a profile of their own (<see cref="ProfileCoverage.Exact"/>): their reports are then never shared across months.</summary>
    internal bool Exact { get; }

    /// <summary>The profile of each person.</summary>
    internal int[] PersonProfile { get; }

    /// <summary>The key of each profile: the first <see cref="Count"/> entries (the array, shared with the sorter's later months, may be longer).</summary>
    internal ProfileKey[] Keys { get; }

    /// <summary>
    /// The number of persons of each profile this month (0 for a profile of an earlier month of the run that has none now):
    /// the first <see cref="Count"/> entries of the sorter's own array, good until it sorts the next month.
    /// </summary>
    internal long[] Counts { get; }

    /// <summary>
    /// The person of each profile this month evaluated for it, or -1 when it has none: its first person in a month sorted
    /// afresh, else one of its persons (the sorter moves only the persons whose profile changes). The first <see cref="Count"/>
    /// entries of the sorter's own array, good until it sorts the next month.
    /// </summary>
    internal int[] Representatives { get; }

    /// <summary>The number of profiles, with those of earlier months of the run that have no person this month.</summary>
    internal int Count { get; }

    /// <summary>The number of profiles with persons this month.</summary>
    internal int Present { get; }

    /// <summary>Sorts the persons into profiles, for evaluation under any of <paramref name="rules"/>.</summary>
    internal static MonthProfiles Classify(Population population, YearMonth month, int parallelism, params RuleSet[] rules) =>
        new ProfileSorter(population, parallelism, false, rules).Sort(month);

    /// <summary>
    /// What a profile key of the month counts against, for persons of <paramref name="jurisdictions"/> (by their index
    /// there) under any of <paramref name="rules"/>; <paramref name="layout"/> names it (<see cref="Layout"/>). Where
    /// <paramref name="readFactsOnly"/>, the keys keep only the facts the rule sets read (<see cref="ProfileCoverage.FactsRead"/>):
    /// a profile then stands for persons who differ in other facts, whose reports are the same.
    /// </summary>
    /// <exception cref="NotSupportedException">The rule sets draw more lines than a key holds.</exception>
    internal static MonthFrame Frame(ImmutableArray<Jurisdiction> jurisdictions, YearMonth month, RuleSet[] rules, out string layout, bool readFactsOnly = false)
    {
        var coverage = ProfileCoverage.Of(rules);
        var windows = Windows(jurisdictions, month, rules, coverage);
        var childCounts = ChildCounts(jurisdictions, month, rules, out string childLayout);
        ulong factsKept = readFactsOnly ? coverage.FactsRead : ulong.MaxValue;
        layout = string.Join(",", windows) + ";" + childLayout + ";" + factsKept.ToString("x", CultureInfo.InvariantCulture);
        return new MonthFrame(month, windows, AgeBands.Of(coverage.YearAgeCases, rules), childCounts, coverage.Exact is not null, factsKept);
    }

    /// <summary>The number of ranges <paramref name="n"/> items are split into for <paramref name="parallelism"/> cores (none smaller than <paramref name="least"/> items).</summary>
    internal static int Workers(int n, int parallelism, int least = 4096) => Math.Max(1, Math.Min(parallelism, n / least));

    internal static int Start(int n, int workers, int w) => (int)((long)n * w / workers);

    /// <summary>
    /// Evaluates one person of each profile (<see cref="Representatives"/>) on the single-person path, without explanation, on all
    /// cores; a profile already evaluated under the same law in another month (in <paramref name="cache"/>)
    /// is not evaluated again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sorter has sorted another month since this one (its counts and representatives are that month's).</exception>
    internal Outcome[] Evaluate(RuleSet rules, Population population, int parallelism, OutcomeCache? cache = null) =>
        Evaluate(rules, population, parallelism, cache, out _);

    /// <inheritdoc cref="Evaluate(RuleSet, Population, int, OutcomeCache?)"/>
    /// <param name="rules">The law.</param>
    /// <param name="population">The persons.</param>
    /// <param name="parallelism">The cores to use.</param>
    /// <param name="cache">The outcomes of other months, or null.</param>
    /// <param name="followed">Where the month followed the last one the cache evaluated (<see cref="Follow"/>): that month's outcomes and the profiles looked at; else null.</param>
    internal Outcome[] Evaluate(RuleSet rules, Population population, int parallelism, OutcomeCache? cache, out FollowedOutcomes? followed)
    {
        if (Sort != Sorter.Sorts)
        {
            throw new InvalidOperationException("a month's profiles are evaluated before the sorter sorts the next month");
        }

        var outcomes = new Outcome[Count];
        cache = Exact ? null : cache;

        // Outcomes kept by profile id are another month's only under the ids of the same run.
        cache?.Bind(Sorter);
        var laws = cache is null ? null : population.Jurisdictions.Select(j => cache.LawId(LawSignature.Of(rules, j, Month), Layout)).ToArray();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };

        followed = null;
        List<int> missing;
        if (laws is not null && !Afresh && cache!.Previous(Sort, laws) is { } previous)
        {
            missing = Follow(previous, outcomes, cache, laws);
            followed = new FollowedOutcomes(previous, [.. missing, .. Sorter.PresenceChanged]);
        }
        else
        {
            missing = Find(outcomes, cache, laws, parallelism, options);
        }

        // One report of each content is kept (ReportContent): profiles whose reports say the same share it, and the
        // others' reports die young rather than being carried into the older generations by the outcomes.
        var kept = new ConcurrentDictionary<Report, Outcome>(ReportContent.Instance);
        var decided = new List<(int Profile, DecidedOutcomes Decided, int Id)>();
        var added = new List<(int Profile, DecidedOutcomes Decided, int Id)>();
        var evaluate = Exact ? missing : Decide(rules, population, parallelism, cache, laws, missing, decided, added);
        Parallel.For(0, evaluate.Count, options, m =>
        {
            int p = evaluate[m];
            var outcome = Outcome.Of(rules, population.SituationAt(Representatives[p], Month));
            outcomes[p] = outcome.Report is { } report ? kept.GetOrAdd(report, outcome) : outcome;
        });

        foreach (var (p, d, id) in added)
        {
            d.Set(id, outcomes[p]);
        }

        foreach (var (p, d, id) in decided)
        {
            outcomes[p] = d.Get(id);
        }

        if (laws is not null)
        {
            foreach (int law in laws)
            {
                cache!.Reserve(law, Count);
            }

            foreach (int p in missing)
            {
                if (Keys[p].IsOwn)
                {
                    continue;
                }

                cache!.Add(laws[FactBits.Jurisdiction(Keys[p].Facts)], Keys[p], p, outcomes[p]);
            }

            cache!.Keep(Sort, laws, outcomes, [.. missing.Where(p => Keys[p].IsOwn)]);
        }

        return outcomes;
    }

    /// <summary>
    /// The outcomes of the profiles met in an earlier month under the same law (in <paramref name="cache"/>), found on all
    /// cores (the cache is only read here), and <see cref="Outcome.Absent"/> for those with no person; returns the others
    /// with persons, in profile order: to be evaluated.
    /// </summary>
    private List<int> Find(Outcome[] outcomes, OutcomeCache? cache, int[]? laws, int parallelism, ParallelOptions options)
    {
        if (laws is not null)
        {
            Parallel.For(0, Workers(Count, parallelism), options, w =>
            {
                for (int p = Start(Count, Workers(Count, parallelism), w), end = Start(Count, Workers(Count, parallelism), w + 1); p < end; p++)
                {
                    if (Counts[p] > 0 && !Keys[p].IsOwn && cache!.TryGet(laws[FactBits.Jurisdiction(Keys[p].Facts)], Keys[p], p, out var known))
                    {
                        // The earlier month's outcome itself: its amounts are this month's; a report for this
                        // month is made only when one is asked for (Outcome.ReportIn).
                        outcomes[p] = known;
                    }
                }
            });
        }

        // As many as are missing, counted first: in most months a few of the run's profiles.
        int missingCount = 0;
        for (int p = 0; p < Count; p++)
        {
            missingCount += Counts[p] > 0 && outcomes[p] is null ? 1 : 0;
        }

        var missing = new List<int>(missingCount);
        for (int p = 0; p < Count; p++)
        {
            if (Counts[p] == 0)
            {
                // A profile of an earlier month with no person now: neither evaluated nor counted.
                outcomes[p] = Outcome.Absent;
            }
            else if (outcomes[p] is null)
            {
                missing.Add(p);
            }
        }

        return missing;
    }

    /// <summary>
    /// As <see cref="Find"/>, in a month that follows the one <paramref name="cache"/> last evaluated, under the same laws,
    /// and was not sorted afresh: the last month's outcomes (<paramref name="previous"/>) hold for every profile whose
    /// persons did not go to or from none, so only those that did are looked at, with the profiles of one person each
    /// (<see cref="ProfileKey.IsOwn"/>, never kept: evaluated every month; such a person keeps their profile).
    /// </summary>
    private List<int> Follow(Outcome[] previous, Outcome[] outcomes, OutcomeCache cache, int[] laws)
    {
        previous.AsSpan().CopyTo(outcomes);
        var missing = new List<int>();
        foreach (int p in cache.Own)
        {
            outcomes[p] = Outcome.Pending;
            missing.Add(p);
        }

        foreach (int p in Sorter.PresenceChanged)
        {
            if (Counts[p] == 0)
            {
                outcomes[p] = Outcome.Absent;
            }
            else if (outcomes[p] is null || ReferenceEquals(outcomes[p], Outcome.Absent))
            {
                if (!Keys[p].IsOwn && cache.TryGet(laws[FactBits.Jurisdiction(Keys[p].Facts)], Keys[p], p, out var known))
                {
                    outcomes[p] = known;
                }
                else
                {
                    // Listed once: a profile listed again finds it pending.
                    outcomes[p] = Outcome.Pending;
                    missing.Add(p);
                }
            }
        }

        foreach (int p in missing)
        {
            outcomes[p] = null!;
        }

        missing.Sort();
        return missing;
    }

    /// <summary>
    /// Of the profiles to evaluate, those a decided profile of their jurisdiction's law stands for (<see cref="DecidedProfiles"/>):
    /// each is signed on the cores (256 profiles or more to a core), then found among the signatures of the
    /// law in profile order, <see cref="FirstSample"/> first, then <see cref="Sample"/> at a time. (Where the key keeps
    /// less than a condition reads, which profiles share a signature can depend on how the profiles were split between
    /// the cores; their reports cannot: see <see cref="DecidedProfiles"/>.) When more than three in four of a block's signatures are new, the
    /// rest are not signed (signing them would cost more than it saves). Returns the profiles to evaluate: those no
    /// decided profile stands for, and the first of each new signature (<paramref name="added"/>); every signed profile
    /// is in <paramref name="decided"/>, to take its signature's outcome.
    /// </summary>
    private List<int> Decide(RuleSet rules, Population population, int parallelism, OutcomeCache? cache, int[]? laws, List<int> missing,
        List<(int Profile, DecidedOutcomes Decided, int Id)> decided, List<(int Profile, DecidedOutcomes Decided, int Id)> added)
    {
        var jurisdictions = population.Jurisdictions;
        var monthLaws = new MonthLaw?[jurisdictions.Length];
        var signers = new DecidedOutcomes?[jurisdictions.Length];
        int width = 0;
        for (int j = 0; j < jurisdictions.Length; j++)
        {
            // Where the month's law is not encoded the single-person path refuses everyone: nothing to decide.
            if (!rules.Knows(jurisdictions[j]) || rules.ForMonth(jurisdictions[j], Month) is not { IsCovered: true, Standard: not null } law)
            {
                continue;
            }

            var frame = FrameOfMonth;
            int jurisdiction = j;
            monthLaws[j] = law;
            signers[j] = cache is not null && laws is not null ? cache.Decided(laws[j], law, frame, jurisdiction, Layout)
                : DecidedProfiles.Of(law, frame, j) is { } made ? new DecidedOutcomes(made) : null;
            width = Math.Max(width, signers[j]?.Signer.Width ?? 0);
        }

        if (width == 0)
        {
            return missing;
        }

        // The blocks' scratch arrays, taken from the shared pool and given back (the first month of a caseload signs
        // blocks of megabytes); each profile signed is decided.
        int block = Math.Min(missing.Count, Sample);
        var signatures = ArrayPool<char>.Shared.Rent(checked(block * width));
        var hashes = ArrayPool<long>.Shared.Rent(block);
        var signed = ArrayPool<bool>.Shared.Rent(block);
        decided.EnsureCapacity(missing.Count);
        try
        {
            return SignBlocks(population, missing, decided, added, monthLaws, signers, signatures, hashes, signed, block, width, parallelism, cache?.ByProfileId == true);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(signatures);
            ArrayPool<long>.Shared.Return(hashes);
            ArrayPool<bool>.Shared.Return(signed);
        }
    }

    /// <summary>Signs and finds the profiles a block at a time (<see cref="Decide"/>), in the scratch arrays given.</summary>
    private List<int> SignBlocks(Population population, List<int> missing, List<(int Profile, DecidedOutcomes Decided, int Id)> decided,
        List<(int Profile, DecidedOutcomes Decided, int Id)> added, MonthLaw?[] monthLaws, DecidedOutcomes?[] signers, char[] signatures,
        long[] hashes, bool[] signed, int block, int width, int parallelism, bool remember)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var evaluate = new List<int>();
        bool declined = signers.Any(s => s?.Signer.Declined == true);

        // The signatures whose outcome under the month's law is being found this month (by jurisdiction and id).
        var pending = new HashSet<long>();

        // Signed a block at a time. Signing pays where profiles share signatures; where most of a block's are new (every
        // fact of the persons drawn on its own), the rest of the month's profiles are evaluated without signing.
        for (int from = 0; from < missing.Count;)
        {
            // The first block is small: a month whose profiles share few signatures is found out early.
            // (a quarter of it where the law's last month stopped signing).
            int count = Math.Min(from == 0 ? (declined ? FirstSample / 4 : FirstSample) : block, missing.Count - from);
            Array.Clear(signed, 0, block);
            // Signing a profile costs about half a microsecond: 256 of them are worth a core.
            int workers = Workers(count, parallelism, least: 256);
            Parallel.For(0, workers, options, w =>
            {
                var memos = new DecidedProfiles.Memo?[signers.Length];
                for (int m = Start(count, workers, w), end = Start(count, workers, w + 1); m < end; m++)
                {
                    int p = missing[from + m];
                    var key = Keys[p];
                    int j = FactBits.Jurisdiction(key.Facts);
                    if (key.IsOwn || signers[j]?.Signer is not { } signer)
                    {
                        continue;
                    }

                    signed[m] = true;
                    if (remember && signer.SignatureOf(p) >= 0)
                    {
                        // Signed in an earlier month of the run, under a law that signs alike.
                        continue;
                    }

                    var memo = memos[j] ??= signer.Rent();
                    hashes[m] = signer.Sign(key, signatures.AsSpan(m * width, signer.Width), memo, monthLaws[j]!, population, Representatives[p]);
                }

                for (int j = 0; j < memos.Length; j++)
                {
                    if (memos[j] is { } memo)
                    {
                        signers[j]!.Signer.Return(memo);
                    }
                }
            });

            int signedCount = 0, newCount = 0;
            for (int m = 0; m < count; m++)
            {
                int p = missing[from + m];
                if (!signed[m])
                {
                    evaluate.Add(p);
                    continue;
                }

                int j = FactBits.Jurisdiction(Keys[p].Facts);
                var outcomes = signers[j]!;
                var signer = outcomes.Signer;
                bool isNew = false;
                int id = remember ? signer.SignatureOf(p) : -1;
                if (id < 0)
                {
                    id = signer.Find(signatures.AsSpan(m * width, signer.Width), hashes[m], out isNew);
                    if (remember)
                    {
                        signer.Remember(p, id);
                    }
                }

                signedCount++;
                newCount += isNew ? 1 : 0;
                if (!outcomes.Has(id) && pending.Add(((long)j << 32) | (uint)id))
                {
                    // The first profile of a signature whose outcome under this law is not known: a new signature, or one
                    // met under another law that signs alike.
                    evaluate.Add(p);
                    added.Add((p, outcomes, id));
                }

                decided.Add((p, outcomes, id));
            }

            from += count;
            bool stop = newCount * 4 > signedCount * 3;
            foreach (var signer in signers)
            {
                signer?.Signer.Declined = stop;
            }

            if (stop)
            {
                evaluate.AddRange(missing.Skip(from));
                break;
            }
        }

        return evaluate;
    }

    /// <summary>The profiles signed at a time (<see cref="Decide"/>), and in the month's first block.</summary>
    private const int Sample = 8192, FirstSample = 1024;

    /// <summary>The most children conditions of the rule sets the profile keeps a count for (six bits each).</summary>
    internal const int MaxChildConditions = 5;

    /// <summary>
    /// Every children condition the groups of the rule sets state (the per-child multiplier of K4, and any a draft
    /// adds), each with the month's law of every jurisdiction of the population (for its ages): a person's profile
    /// keeps how many of their children meet each, which is all such a condition can tell of them.
    /// </summary>
    private static ChildCount[] ChildCounts(ImmutableArray<Jurisdiction> jurisdictions, YearMonth month, RuleSet[] rules, out string layout)
    {
        var counts = new List<ChildCount>();
        var holders = new List<string>();
        for (int r = 0; r < rules.Length; r++)
        {
            var ruleSet = rules[r];
            // No count where the month is outside the law encoded: the single-person path refuses those persons anyway.
            var laws = jurisdictions.Select(j => ruleSet.Knows(j) && ruleSet.ForMonth(j, month) is { IsCovered: true } law ? law : null).ToArray();
            var conditions = ImmutableArray.CreateBuilder<Law.Conditions.ChildrenCondition>();
            foreach (var group in ruleSet.Groups)
            {
                if (group.Eligibility is { } eligibility)
                {
                    eligibility.When.ChildrenConditions(conditions);
                    if (eligibility.PerChild is { } perChild)
                    {
                        conditions.Add(perChild);
                    }

                    foreach (var band in eligibility.Bands)
                    {
                        band.When?.ChildrenConditions(conditions);
                    }
                }
            }

            int k = 0;
            foreach (var condition in conditions.Distinct())
            {
                // A count shared by two rule sets in one month may be two counts in another: which rule set's
                // conditions each count holds is part of the layout.
                int slot = counts.FindIndex(c => ReferenceEquals(c.Condition, condition) && c.Laws.SequenceEqual(laws));
                if (slot < 0)
                {
                    counts.Add(new ChildCount(condition, laws));
                    holders.Add(string.Create(CultureInfo.InvariantCulture, $"{r}.{k}"));
                }
                else
                {
                    holders[slot] += string.Create(CultureInfo.InvariantCulture, $"+{r}.{k}");
                }

                k++;
            }
        }

        layout = string.Join(",", holders);

        if (counts.Count > MaxChildConditions)
        {
            throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture,
                $"the population engine counts children for at most {MaxChildConditions} children conditions in one month; the rule sets state {counts.Count}"));
        }

        return [.. counts];
    }

    /// <summary>
    /// The distinct support windows after leaving poverty in force in the month, in the population's jurisdictions,
    /// under any of the rule sets: every <c>withinMonths</c> of the conditions (the only place the law reads them).
    /// </summary>
    private static int[] Windows(ImmutableArray<Jurisdiction> jurisdictions, YearMonth month, RuleSet[] rules, ProfileCoverage coverage)
    {
        var windows = new List<int>();
        foreach (var ruleSet in rules)
        {
            foreach (var jurisdiction in jurisdictions)
            {
                if (!ruleSet.Knows(jurisdiction))
                {
                    continue;
                }

                var law = ruleSet.ForMonth(jurisdiction, month);
                foreach (var condition in coverage.Windows)
                {
                    if (condition.WindowIn(law) is { } months)
                    {
                        windows.Add(months);
                    }
                }
            }
        }

        var distinct = SortedInts.Of(windows);
        return distinct.Length > 254
            ? throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"the population engine reads at most 254 distinct support windows after leaving poverty in one month; {distinct.Length} are in force"))
            : distinct;
    }

}

/// <summary>
/// The outcomes of profiles under one rule set, by the law they were evaluated under: shared across the months of
/// one run. Within a run sorted by one <see cref="ProfileSorter"/> (<see cref="ByProfileId"/>), a profile keeps its
/// id from month to month, so its outcomes are kept in an array by that id; across batches of different persons
/// (the streaming comparison), by the profile's key.
/// </summary>
/// <param name="byProfileId">Whether the profiles' ids are the same in every month of the run.</param>
/// <param name="signsWith">
/// Another rule set's cache over the same profiles (a comparison's baseline), whose signatures this one shares where the
/// two laws sign alike (<see cref="SigningLaw"/>): by profile id, both must serve the same run. The two are used one after
/// the other, never at once.
/// </param>
internal sealed class OutcomeCache(bool byProfileId = false, OutcomeCache? signsWith = null)
{
    private readonly Dictionary<(LawSignature Law, string Layout), int> laws = [];
    private readonly Dictionary<(int Law, ProfileKey Profile), Outcome> outcomes = [];
    private readonly List<Outcome?[]> byId = [];

    private ProfileSorter? run;

    /// <summary>Whether outcomes are kept by profile id (one sorter's run) rather than by key.</summary>
    internal bool ByProfileId { get; } = byProfileId;

    /// <summary>A comparison's two caches: the baseline's, and the changed law's, which takes the baseline's signatures where the two sign alike.</summary>
    internal static (OutcomeCache Baseline, OutcomeCache Changed) Pair(bool byProfileId = false)
    {
        var baseline = new OutcomeCache(byProfileId);
        return (baseline, new OutcomeCache(byProfileId, signsWith: baseline));
    }

    private readonly Dictionary<int, DecidedOutcomes?> decided = [];
    private readonly Dictionary<SigningLaw, DecidedProfiles> signers = signsWith?.signers ?? [];
    private readonly OutcomeCache? partner = signsWith;

    /// <summary>
    /// The outcomes of the decided profiles of a law id (<see cref="LawId"/>), made on first use: they hold for every month of
    /// that id. Law ids that sign alike (<see cref="SigningLaw"/>: a new standard, say) share one <see cref="DecidedProfiles"/>,
    /// its signatures and, within a run, each profile's signature.
    /// </summary>
    internal DecidedOutcomes? Decided(int law, MonthLaw monthLaw, in MonthFrame frame, int jurisdiction, string layout)
    {
        if (!decided.TryGetValue(law, out var outcomes))
        {
            var reads = SigningLaw.Of(monthLaw, jurisdiction, layout);
            if (!signers.TryGetValue(reads, out var signer) && DecidedProfiles.Of(monthLaw, frame, jurisdiction) is { } made)
            {
                signer = made;
                signers.Add(reads, made);
            }

            outcomes = signer is null ? null : new DecidedOutcomes(signer);
            decided.Add(law, outcomes);
        }

        return outcomes;
    }

    /// <summary>Ties a cache by profile id to the run whose ids it holds: the first run it is used with, and only that one.</summary>
    /// <exception cref="InvalidOperationException">The cache holds another run's ids.</exception>
    internal void Bind(ProfileSorter sorter)
    {
        if (!ByProfileId)
        {
            return;
        }

        run ??= sorter;
        if (!ReferenceEquals(run, sorter) || (partner?.run is { } other && !ReferenceEquals(other, sorter)))
        {
            throw new InvalidOperationException("outcomes kept by profile id are another sorter's: a cache by id serves one run");
        }
    }

    /// <summary>
    /// A small number for each distinct law and layout of the month's keys (<see cref="MonthProfiles.Layout"/>),
    /// so that looking up a profile does not compare signatures.
    /// </summary>
    internal int LawId(LawSignature law, string layout)
    {
        if (!laws.TryGetValue((law, layout), out int id))
        {
            id = laws.Count;
            laws.Add((law, layout), id);
            byId.Add([]);
        }

        return id;
    }

    /// <summary>The outcome of the profile (key <paramref name="profile"/>, id <paramref name="id"/> in the month) under the law, if known. Safe on several threads while nothing is added.</summary>
    internal bool TryGet(int law, ProfileKey profile, int id, out Outcome outcome)
    {
        if (ByProfileId)
        {
            var known = byId[law];
            outcome = (uint)id < (uint)known.Length ? known[id]! : null!;
            return outcome is not null;
        }

        return outcomes.TryGetValue((law, profile), out outcome!);
    }

    private int lastSort = -1;
    private int[] lastLaws = [];
    private Outcome[]? lastOutcomes;

    /// <summary>The profiles of one person each (<see cref="ProfileKey.IsOwn"/>) with persons in the month kept (<see cref="Keep"/>).</summary>
    internal int[] Own { get; private set; } = [];

    /// <summary>
    /// The outcomes of the month before sort <paramref name="sort"/> of the run (<see cref="MonthProfiles.Sort"/>), when this
    /// cache evaluated that month under the same law ids (<paramref name="laws"/>, by jurisdiction); else null.
    /// </summary>
    internal Outcome[]? Previous(int sort, int[] laws) =>
        ByProfileId && lastOutcomes is not null && lastSort == sort - 1 && laws.AsSpan().SequenceEqual(lastLaws) ? lastOutcomes : null;

    /// <summary>Keeps a month's outcomes (never changed afterwards) for the next month of the run (<see cref="Previous"/>).</summary>
    internal void Keep(int sort, int[] laws, Outcome[] outcomes, int[] own)
    {
        if (ByProfileId)
        {
            (lastSort, lastLaws, lastOutcomes, Own) = (sort, laws, outcomes, own);
        }
    }

    /// <summary>Makes room, in a cache by profile id, for the outcomes of <paramref name="count"/> profiles under the law (at least half as many again as it held).</summary>
    internal void Reserve(int law, int count)
    {
        var known = byId[law];
        if (ByProfileId && known.Length < count)
        {
            Array.Resize(ref known, Math.Max(count, known.Length * 3 / 2));
            byId[law] = known;
        }
    }

    internal void Add(int law, ProfileKey profile, int id, Outcome outcome)
    {
        if (!ByProfileId)
        {
            outcomes.TryAdd((law, profile), outcome);
            return;
        }

        var known = byId[law];
        if (id >= known.Length)
        {
            Array.Resize(ref known, Math.Max(id + 1, known.Length * 2));
            byId[law] = known;
        }

        known[id] ??= outcome;
    }
}

/// <summary>What the single-person path gives for one profile: a report, or none when it refuses the profile (the error itself is person-specific, and re-raised for the person when asked).</summary>
internal sealed class Outcome
{
    private static readonly EvaluationOptions Quiet = new() { Explain = false };

    private static readonly Outcome Failed = new(null);

    /// <summary>The outcome of a profile with no person in the month (<see cref="MonthProfiles.Counts"/> 0): never read for a person, nor counted.</summary>
    internal static readonly Outcome Absent = new(null);

    /// <summary>A mark, while the month's profiles to evaluate are listed, for one listed already; never left in a month's outcomes.</summary>
    internal static readonly Outcome Pending = new(null);

    private Outcome(Report? report) => Report = report;

    /// <summary>
    /// The report (no explanation), or null on error; for a profile met in an earlier month under the same law,
    /// that month's report: its entitlements and amounts are this month's, its <see cref="Reports.Report.Month"/>
    /// is not (<see cref="ReportIn"/> gives the month's).
    /// </summary>
    internal Report? Report { get; }

    /// <summary>The report for <paramref name="month"/>: <see cref="Report"/> itself when evaluated in that month, else a copy dated to it.</summary>
    internal Report? ReportIn(YearMonth month) => Report is { } report && report.Month != month ? report.ForMonth(month) : Report;

    internal static Outcome Of(RuleSet rules, Facts.Situation situation)
    {
        try
        {
            return new Outcome(rules.Evaluate(situation, Quiet));
        }
        catch (EvaluationException)
        {
            return Failed;
        }
    }
}

/// <summary>
/// The outcome of each signature of a <see cref="DecidedProfiles"/> under one law id: laws that sign alike share the
/// signatures, each with outcomes of its own.
/// </summary>
internal sealed class DecidedOutcomes(DecidedProfiles signer)
{
    private Outcome?[] outcomes = [];

    /// <summary>The signatures.</summary>
    internal DecidedProfiles Signer { get; } = signer;

    /// <summary>Whether the signature's outcome under this law is known.</summary>
    internal bool Has(int id) => (uint)id < (uint)outcomes.Length && outcomes[id] is not null;

    /// <summary>Gives the signature's outcome under this law.</summary>
    internal void Set(int id, Outcome outcome)
    {
        if (id >= outcomes.Length)
        {
            Array.Resize(ref outcomes, Math.Max(id + 1, Math.Max(64, outcomes.Length * 2)));
        }

        outcomes[id] = outcome;
    }

    /// <summary>The signature's outcome under this law, given before (<see cref="Set"/>).</summary>
    internal Outcome Get(int id) => outcomes[id]!;
}

/// <summary>
/// A month evaluated by following the last one under the same laws (<see cref="MonthProfiles.Evaluate(RuleSet, Population, int, OutcomeCache?, out FollowedOutcomes?)"/>):
/// the last month's outcomes, and the profiles whose outcome or presence may differ from them (each listed once or more);
/// every other profile keeps its outcome and whether it has persons.
/// </summary>
/// <param name="Previous">The last month's outcomes, by profile id.</param>
/// <param name="Changed">The profiles that may differ.</param>
internal sealed record FollowedOutcomes(Outcome[] Previous, List<int> Changed);
