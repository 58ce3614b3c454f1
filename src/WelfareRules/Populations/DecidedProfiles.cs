using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using WelfareRules.Benefits.HealthInsurance;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;

namespace WelfareRules.Populations;

/// <summary>
/// What the month's law decides of a profile, for one jurisdiction's law: for every group of the month (open or closed,
/// merit groups aside) whether its conditions hold, which band and how many children, and the bits the single-person
/// path reads outside the groups (<see cref="ProfileKey.ReadOutsideConditions"/>), each as far as the calculators read
/// it: the health-insurance groups by the group applied (<see cref="HealthCodes"/>), funeral and cremation groups only
/// for a profile dying in the month, the certificate's bits only where an allowance group paid from its month holds.
/// Profiles that differ only in what no report turns on (a caseload's independent facts: 90,000 profiles for 200,000
/// persons) decide alike and get the same report, so one of each is evaluated.
/// </summary>
/// <remarks>
/// <para>
/// A condition is decided from the bits of the key it reads (<see cref="ProfileKey.Reads(Condition, MonthLaw, in MonthFrame, int, ref bool, int)"/>):
/// evaluated once for each value of those bits, on the first profile that has it, and kept by each worker. A condition
/// that reads many bits (an <c>all</c> over several facts) is decided from its parts, in the order and with the
/// short cuts its own evaluation takes, so that a part that cannot be read fails it exactly where the single-person
/// path fails; a condition that reads what the key does not place is evaluated for each profile. A group that reads
/// the month's entitlements (<c>receives</c>) is not evaluated: the rest of the signature decides those entitlements,
/// and the bits its other conditions read join the signature as they are.
/// </para>
/// <para>
/// Valid for the months whose key layout is the same and whose laws sign alike (<see cref="SigningLaw"/>: the groups,
/// the provisions their conditions read, the health-insurance lists), which may be several <see cref="OutcomeCache"/>
/// law ids: a new standard or amount keeps the signatures, and only their outcomes are found again
/// (<see cref="DecidedOutcomes"/>). Not thread-safe but for <c>Sign</c> on separate workers, each with its own <see cref="Memo"/>.
/// </para>
/// </remarks>
internal sealed class DecidedProfiles
{
    /// <summary>The most bits a condition is decided from as a whole when it has parts to be decided from instead.</summary>
    private const int WholeBits = 10;

    /// <summary>A group's outcome, or a count's, when its conditions cannot be read (an age or parameter not in force).</summary>
    private const uint Unreadable = 0xFFFF;

    /// <summary>The entries of a table looked at for one value before it is evaluated again.</summary>
    private const int Probes = 4;

    /// <summary>A condition's outcome: not met, met, or unreadable (it throws on the single-person path).</summary>
    private const uint False = 1, True = 2, Throws = 3;

    private readonly GroupNodes?[] groups;
    private readonly ProfileKey kept;
    private readonly int[] tableSizes;

    /// <summary>The groups decided together from the bits they all read (<see cref="Cluster"/>), and the rest, decided one by one.</summary>
    private readonly Cluster[] clusters;
    private readonly int[] loose;
    private readonly ConcurrentBag<Memo> memos = [];

    /// <summary>The signatures met, one after the other (<see cref="Width"/> characters each), with their hashes: the first <see cref="count"/>.</summary>
    private char[] signatures = [];
    private long[] hashes = [];
    private int count;

    /// <summary>The signature of each profile of one run signed so far (<see cref="Remember"/>), by profile id: its id + 1, or 0.</summary>
    private int[] ofProfile = [];

    /// <summary>Open addressing over the signatures: id + 1, or 0 for an empty bucket.</summary>
    private int[] buckets = new int[1024];

    /// <summary>The health-insurance groups, signed as the calculator reads them (<see cref="HealthCodes"/>), or null.</summary>
    private readonly HealthCodes? health;

    /// <summary>
    /// The groups read only in the month of death (funeral and cremation support, whose calculators pay nothing in any
    /// other month): left out of the signature of a profile not dying in the month.
    /// </summary>
    private readonly int[] deathMonthOnly;

    /// <summary>The groups of the monthly allowance paid from the certificate's month (<see cref="GroupStart.CertificateMonth"/>).</summary>
    private readonly int[] certificateGroups;

    /// <summary>
    /// The certificate's bits the allowance reads outside the groups (<see cref="ProfileKey.CertificateRead"/>), signed as
    /// what they decide: whether a group paid from the certificate's month is withheld (<see cref="certificateGroups"/>),
    /// nothing where none holds; none where a group reading the month's entitlements reads them or a group paid from the
    /// certificate's month is not decided while signing.
    /// </summary>
    private readonly ProfileKey certificate;

    private DecidedProfiles(GroupNodes?[] groups, ProfileKey kept, int[] tableSizes, HealthCodes? health, int[] deathMonthOnly, int[] certificateGroups, ProfileKey certificate)
    {
        this.deathMonthOnly = deathMonthOnly;
        this.certificateGroups = certificateGroups;
        this.certificate = certificate;
        this.groups = groups;
        this.kept = kept;
        this.tableSizes = tableSizes;
        this.health = health;
        Width = 8 + (2 * groups.Length) + (health?.Width ?? 0);

        // A group none of whose conditions is evaluated for each profile is decided by the bits its conditions read: groups
        // are decided together from one table of their outcomes by the bits they read between them, while those stay few
        // enough for the table to hold their values, a lookup for them all rather than one for each of their conditions.
        var byReads = new List<(ProfileKey Reads, List<int> Groups)>();
        var rest = new List<int>();
        for (int g = 0; g < groups.Length; g++)
        {
            if (groups[g] is not { } group || group.EachProfile || Bits(group.Reads) > ClusterBits)
            {
                rest.Add(g);
                continue;
            }

            int at = byReads.FindIndex(c => Bits(c.Reads.Or(group.Reads)) <= ClusterBits);
            if (at < 0)
            {
                byReads.Add((group.Reads, [g]));
            }
            else
            {
                byReads[at] = (byReads[at].Reads.Or(group.Reads), byReads[at].Groups);
                byReads[at].Groups.Add(g);
            }
        }

        clusters = [.. byReads.Select(c => new Cluster(c.Reads, [.. c.Groups], 1 << Math.Clamp(Bits(c.Reads) + 2, 4, 12)))];
        loose = [.. rest];
    }

    /// <summary>The most bits groups decided together read between them.</summary>
    private const int ClusterBits = 20;

    private static int Bits(ProfileKey key) => BitOperations.PopCount(key.Facts) + BitOperations.PopCount(key.Month);

    /// <summary>Groups decided together: the bits they read, the groups (by position), and the entries of their table.</summary>
    internal sealed record Cluster(ProfileKey Reads, int[] Groups, int Size)
    {
        /// <summary>The facts' bits read (the month's are packed above them: <see cref="Pack"/>).</summary>
        internal int FactCount { get; } = BitOperations.PopCount(Reads.Facts);

        /// <summary>The shift that keeps the top bits of a multiplied packed value as a slot of the table.</summary>
        internal int Shift { get; } = 32 - BitOperations.Log2((uint)Size);
    }

    /// <summary>Whether the last month's signing under this law was stopped (most signatures new): the next month tries fewer first.</summary>
    internal bool Declined { get; set; }

    /// <summary>The characters of a signature: the kept bits of the key, two for each group, then the health-insurance groups applied (<see cref="HealthCodes"/>).</summary>
    internal int Width { get; }

    /// <summary>
    /// The decided profiles of the jurisdiction numbered <paramref name="jurisdiction"/> under <paramref name="law"/>, or
    /// null where a group of the month is not stated by conditions (then every profile is evaluated).
    /// </summary>
    internal static DecidedProfiles? Of(MonthLaw law, in MonthFrame frame, int jurisdiction)
    {
        var all = law.AllGroups.Where(g => g.Eligibility is null || !g.Eligibility.Benefit.IsMerit()).OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
        if (all.Any(g => g.Eligibility is null || g.Eligibility.Bands.Length >= (int)Unreadable - 2))
        {
            return null;
        }

        var builder = new Builder(law, frame, jurisdiction);
        var groups = new GroupNodes?[all.Count];
        var keptByGroups = default(ProfileKey);
        for (int g = 0; g < groups.Length; g++)
        {
            var eligibility = all[g].Eligibility!;
            bool receives = false;
            var reads = ProfileKey.Reads(eligibility, law, frame, jurisdiction, ref receives);
            if (receives)
            {
                // The entitlements it reads follow from the rest; what else it reads is kept as it is.
                keptByGroups = keptByGroups.Or(reads);
                continue;
            }

            groups[g] = new GroupNodes(
                builder.Node(eligibility.When),
                eligibility.PerChild is { } perChild ? builder.Node(perChild, count: true) : null,
                [.. eligibility.Bands.Select(b => b.When is { } when ? builder.Node(when) : null)]);
        }

        // The certificate's bits are signed as what they decide for the groups paid from the certificate's month, unless
        // a group reading the month's entitlements reads them too.
        var certificateGroups = Enumerable.Range(0, all.Count)
            .Where(g => all[g].Eligibility is { Benefit: GroupBenefit.SocialAllowance, Start: GroupStart.CertificateMonth }).ToArray();
        // A group not decided here (it reads the month's entitlements) holds or not by the rest of the signature, which
        // does not say which: its start is read as for any group that holds, and the bits are kept.
        var certificate = keptByGroups.And(ProfileKey.CertificateRead) == default && certificateGroups.All(g => groups[g] is not null)
            ? ProfileKey.CertificateRead : default;
        return new DecidedProfiles(groups, ProfileKey.ReadOutsideConditions.Or(keptByGroups), [.. builder.TableSizes], HealthCodes.Of(law, all, groups, keptByGroups),
            [.. Enumerable.Range(0, all.Count).Where(g => all[g].Eligibility!.Benefit is GroupBenefit.Funeral or GroupBenefit.Cremation)],
            certificateGroups, certificate);
    }

    /// <summary>
    /// The health-insurance groups as the calculator reads them: of each of the month's lists (national, local) only the
    /// group applied counts (<see cref="HealthInsuranceCalculator.Best"/>: the highest share met, read in the list's order),
    /// so profiles that meet different groups of a list but are applied the same one decide alike. A list's groups' own
    /// outcomes are left out of the signature, and the group applied (or the group whose conditions cannot be read, where
    /// the single-person path fails) is written in their place. A group that reads the month's entitlements is not decided
    /// here, but the rest of the signature decides it: the group applied is written for each outcome it may have (met,
    /// not met, unreadable), so that two profiles alike in the rest are applied the same group, and the local group applied
    /// beside each case whose national group pays less than the whole (the calculator reads no local group otherwise). The
    /// order in the household's plan, which only a contribution without support reads, is left out of the kept facts and
    /// written beside each case that applies no share (zero beside the others).
    /// </summary>
    private sealed class HealthCodes
    {
        /// <summary>The most groups of a list not decided here (each triples the group applied written).</summary>
        private const int MostUndecided = 2;

        private readonly ImmutableArray<SupportGroup> national, local;

        /// <summary>
        /// For each group of a list, its position among the signature's groups, or −1 − <c>u</c> for the <c>u</c>-th group
        /// not decided here; null where the list is signed group by group.
        /// </summary>
        private readonly int[]? nationalAt, localAt;

        /// <summary>The outcomes written for the national list: 3 to the power of its groups not decided here.</summary>
        private readonly int cases;

        /// <summary>The positions of the groups left out of the signature: every health-insurance group of a list signed by the group applied.</summary>
        private readonly int[] cleared;

        /// <summary>The household order's bits, where they may be left out (both lists signed by the group applied, and no group's entitlement condition reads them), else zero.</summary>
        private readonly ulong order;

        private HealthCodes(ImmutableArray<SupportGroup> national, ImmutableArray<SupportGroup> local, int[]? nationalAt, int[]? localAt, int[] cleared, ulong order)
        {
            (this.national, this.local, this.nationalAt, this.localAt, this.cleared, this.order) = (national, local, nationalAt, localAt, cleared, order);
            cases = 1;
            foreach (int at in nationalAt ?? [])
            {
                cases *= at < 0 ? 3 : 1;
            }
        }

        /// <summary>The characters written: three for each case of the national list (the group applied, the order where it is read, the local group applied where it is read).</summary>
        internal int Width => 3 * cases;

        /// <summary>A local group not read: the national group applied pays the whole premium, or fails the evaluation.</summary>
        private const char Skipped = (char)0x7FFF;

        internal static HealthCodes? Of(MonthLaw law, List<GroupDefinition> all, GroupNodes?[] groups, ProfileKey keptByGroups)
        {
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int g = 0; g < all.Count; g++)
            {
                position[all[g].Id] = g;
            }

            var hi = law.HealthInsurance;
            var nationalAt = Positions(hi.NationalGroups, position, groups, MostUndecided);
            var localAt = Positions(hi.LocalGroups, position, groups, 0);
            if (nationalAt is null && localAt is null)
            {
                return null;
            }

            // Every group of a list signed by the group applied, those without a share in force too (nothing reads them).
            var cleared = (nationalAt is null ? [] : law.HealthInsuranceGroups)
                .Concat(localAt is null ? [] : law.LocalHealthInsuranceGroups)
                .Select(g => position.GetValueOrDefault(g.Id, -1)).Where(g => g >= 0).Distinct().ToArray();

            // The order is left out only where both lists are signed so and no entitlement condition keeps it.
            ulong order = ProfileKey.HouseholdOrderRead.Facts;
            order = nationalAt is null || localAt is null || (keptByGroups.Facts & order) != 0 ? 0 : order;
            return new HealthCodes(hi.NationalGroups, hi.LocalGroups, nationalAt, localAt, cleared, order);
        }

        /// <summary>The list's groups' positions, or null when one counts children, a group decided here is in the list twice, or more than <paramref name="most"/> are not decided here.</summary>
        private static int[]? Positions(ImmutableArray<SupportGroup> list, Dictionary<string, int> position, GroupNodes?[] groups, int most)
        {
            var at = new int[list.Length];
            int undecided = 0;
            for (int i = 0; i < list.Length; i++)
            {
                if (!position.TryGetValue(list[i].Definition.Id, out int g) || list[i].Definition.Eligibility?.PerChild is not null)
                {
                    return null;
                }

                at[i] = groups[g] is null ? -1 - undecided++ : g;
            }

            return undecided <= most && at.Where(g => g >= 0).Distinct().Count() == at.Count(g => g >= 0) ? at : null;
        }

        /// <summary>
        /// Writes the groups applied into the signature's last <see cref="Width"/> characters, and leaves out the groups of the
        /// lists so signed; the household order leaves the kept facts, written back beside each case that applies no share.
        /// </summary>
        internal void Write(Span<char> signature, Memo memo, ProfileKey profile)
        {
            var written = signature[^Width..];
            if (FactBits.Get(profile.Facts, FactBits.HasOtherHealthInsurance) != 0 || profile.DiedBeforeMonth)
            {
                // No contribution is computed for a person holding another card or dead before the month (the
                // calculator's first reading, both kept in the signature): no group applied, no order read.
                written.Fill(unchecked((char)-1));
                Leave(signature, written, readsOrder: false);
                return;
            }

            // The groups applied are a function of the lists' groups' outcomes alone: kept for each worker by those.
            ulong key = Outcomes(signature);
            int slot = Slot(new ProfileKey(key, 0), Entries - 1);
            var row = memo.HealthRows.AsSpan(slot * Width, Width);
            if (key == 0 || memo.HealthKeys[slot] != key)
            {
                memo.HealthKeys[slot] = 0;
                Decide(signature);
                written.CopyTo(row);
                memo.HealthKeys[slot] = key;
            }
            else
            {
                row.CopyTo(written);
            }

            Leave(signature, written, readsOrder: true);
        }

        /// <summary>Leaves the lists' groups out of the signature, and the household order out of its kept facts (written beside each case that reads it, where <paramref name="readsOrder"/>).</summary>
        private void Leave(Span<char> signature, Span<char> written, bool readsOrder)
        {
            foreach (int g in cleared)
            {
                Place(signature, g, 0);
            }

            if (order != 0)
            {
                // The order moved from the kept facts (the first four characters) beside each case that reads it.
                ulong facts = Read(signature, 0);
                char value = unchecked((char)((facts & order) >> FactBits.HealthInsuranceHouseholdOrder.Shift));
                DecidedProfiles.Write(signature, 0, facts & ~order);
                for (int c = 0; c < cases && readsOrder; c++)
                {
                    written[cases + c] = written[cases + c] == '\0' ? '\0' : value;
                }
            }
        }

        /// <summary>The entries of a worker's table of the groups applied (<see cref="Memo.HealthKeys"/>).</summary>
        internal const int Entries = 4096;

        /// <summary>The outcomes of the lists' decided groups (<see cref="Tested"/>, two bits each) + 1, or 0 where there are too many to pack.</summary>
        private ulong Outcomes(ReadOnlySpan<char> signature)
        {
            ulong key = 0;
            int bits = 0;
            foreach (var list in (ReadOnlySpan<int[]?>)[nationalAt, localAt])
            {
                foreach (int g in list ?? [])
                {
                    if (g < 0)
                    {
                        continue;
                    }

                    if (bits >= 62)
                    {
                        return 0;
                    }

                    key |= (ulong)Tested(signature, g) << bits;
                    bits += 2;
                }
            }

            return key + 1;
        }

        /// <summary>
        /// Writes into the signature's last <see cref="Width"/> characters, for each case, the national group applied and
        /// whether the premium reads the household order (1, then made the order's value by <see cref="Leave"/>), and the
        /// local group applied where the calculator reads it (<see cref="Skipped"/> where not).
        /// </summary>
        private void Decide(Span<char> signature)
        {
            var written = signature[^Width..];
            int localApplied = -1;
            if (localAt is not null)
            {
                var test = new SignedTest(signature, localAt, 0);
                localApplied = HealthInsuranceCalculator.Best(local, ref test);
            }

            for (int c = 0; c < cases; c++)
            {
                int applied = -1;
                if (nationalAt is not null)
                {
                    var test = new SignedTest(signature, nationalAt, c);
                    applied = HealthInsuranceCalculator.Best(national, ref test);
                }

                written[c] = unchecked((char)applied);

                // Without a share applied (the national group's, or the local group's, read when the national one pays
                // less than the whole) the premium follows the household order. A failure (an index below −1) fails the
                // evaluation whatever the order: the person's own error is made from their situation.
                written[cases + c] = applied == -1 && localApplied == -1 ? '\u0001' : '\0';
                written[(2 * cases) + c] = applied < -1 || (applied >= 0 && national[applied].Share.Value >= 1m) ? Skipped : unchecked((char)localApplied);
            }
        }
    }

    /// <summary>
    /// A list's groups' outcomes as the signature holds them (<see cref="Decide"/>); for a group not decided here, the
    /// outcome of the case numbered <c>c</c> (its base-3 digits, one for each such group: not met, met, unreadable).
    /// </summary>
    private readonly ref struct SignedTest(ReadOnlySpan<char> signature, int[] positions, int c) : HealthInsuranceCalculator.IGroupTest
    {
        private readonly ReadOnlySpan<char> signature = signature;

        public int Test(int index)
        {
            int g = positions[index];
            if (g < 0)
            {
                int digit = c;
                for (int u = -1 - g; u > 0; u--)
                {
                    digit /= 3;
                }

                return (digit % 3) switch
                {
                    0 => HealthInsuranceCalculator.NotMet,
                    1 => HealthInsuranceCalculator.Met,
                    _ => HealthInsuranceCalculator.Unreadable,
                };
            }

            return Tested(signature, g);
        }
    }

    /// <summary>How a condition is decided: from the bits it reads (a table of <see cref="Memo"/>), for each profile, or from its parts.</summary>
    private enum NodeKind
    {
        Whole,
        Indexed,
        Each,
        All,
        Any,
        Not,
    }

    /// <summary>A condition as it is decided, with its parts when decided from them, and its table when decided as a whole.</summary>
    private sealed record Node(Condition Condition, NodeKind Kind, ProfileKey Reads, int Table, Node[] Parts, bool Count)
    {
        /// <summary>The facts' bits read, for an indexed table (<see cref="Pack"/>).</summary>
        internal int FactCount { get; } = BitOperations.PopCount(Reads.Facts);
    }

    /// <summary>A group's condition, per-child multiplier and bands as they are decided.</summary>
    private sealed record GroupNodes(Node When, Node? PerChild, Node?[] Bands)
    {
        /// <summary>Every bit the group's outcome turns on: what its conditions, count and bands read.</summary>
        internal ProfileKey Reads { get; } = Nodes(When, PerChild, Bands).Aggregate(default(ProfileKey), (all, node) => all.Or(node.Reads));

        /// <summary>Whether a condition of the group is evaluated for each profile (it reads what the key does not place).</summary>
        internal bool EachProfile { get; } = Nodes(When, PerChild, Bands).Any(Evaluated);

        private static IEnumerable<Node> Nodes(Node when, Node? perChild, Node?[] bands) =>
            new[] { when, perChild }.Concat(bands).OfType<Node>();

        private static bool Evaluated(Node node) => node.Kind == NodeKind.Each || node.Parts.Any(Evaluated);
    }

    /// <summary>Makes the nodes of a law's groups, numbering their tables.</summary>
    private sealed class Builder(MonthLaw law, MonthFrame frame, int jurisdiction)
    {
        internal List<int> TableSizes { get; } = [];

        internal Node Node(Condition condition, bool count = false)
        {
            bool receives = false;
            var reads = ProfileKey.Reads(condition, law, frame, jurisdiction, ref receives);
            int bits = BitOperations.PopCount(reads.Facts) + BitOperations.PopCount(reads.Month);
            if (!count && bits > WholeBits)
            {
                switch (condition)
                {
                    case AllCondition all:
                        return new Node(condition, NodeKind.All, reads, -1, [.. all.Parts.Select(p => Node(p))], false);
                    case AnyCondition any:
                        return new Node(condition, NodeKind.Any, reads, -1, [.. any.Parts.Select(p => Node(p))], false);
                    case NotCondition not:
                        return new Node(condition, NodeKind.Not, reads, -1, [Node(not.Part)], false);
                }
            }

            if (reads == ProfileKey.All)
            {
                return new Node(condition, NodeKind.Each, reads, -1, [], count);
            }

            if (bits <= IndexedBits)
            {
                // An outcome for each value of the bits read (a negative size: see Memo.Tables).
                TableSizes.Add(-(1 << bits));
                return new Node(condition, NodeKind.Indexed, reads, TableSizes.Count - 1, [], count);
            }

            // A table of four times as many entries as the bits have values, within bounds.
            TableSizes.Add(1 << Math.Clamp(bits + 2, 4, 12));
            return new Node(condition, NodeKind.Whole, reads, TableSizes.Count - 1, [], count);
        }
    }

    /// <summary>A worker's tables of the conditions' outcomes, taken with <see cref="Rent"/> and given back with <see cref="Return"/>.</summary>
    internal sealed class Memo(int[] sizes, Cluster[] clusters, int healthWidth)
    {
        /// <summary>The health-insurance groups' outcomes met (<see cref="HealthCodes"/>: their packed outcomes + 1, 0 when empty), and what was written for each.</summary>
        internal readonly ulong[] HealthKeys = healthWidth == 0 ? [] : new ulong[HealthCodes.Entries];

        /// <summary>For each entry of <see cref="HealthKeys"/>, the characters written.</summary>
        internal readonly char[] HealthRows = healthWidth == 0 ? [] : new char[HealthCodes.Entries * healthWidth];

        /// <summary>
        /// The conditions' tables: hashed entries for a condition of more than <see cref="IndexedBits"/> bits, else (a
        /// negative size) an outcome for each value of the bits it reads, indexed by their packed value (<see cref="Pack"/>;
        /// the outcome with <see cref="Filled"/>, 0 when not yet found).
        /// </summary>
        internal readonly Entry[][] Tables = [.. sizes.Select(size => new Entry[Math.Max(size, 0)])];

        /// <inheritdoc cref="Tables"/>
        internal readonly uint[][] Indexed = [.. sizes.Select(size => new uint[size < 0 ? -size : 0])];

        /// <summary>
        /// For each cluster, its table: the packed bits read + 1 (<see cref="Pack"/>; 0 when empty) and the outcomes, a row
        /// of its groups' for each entry.
        /// </summary>
        internal readonly (uint[] Keys, uint[] Outcomes)[] Clusters = [.. clusters.Select(c => (new uint[c.Size], new uint[c.Size * c.Groups.Length]))];
    }

    /// <summary>The most bits a condition reads for its outcomes to be kept in a table indexed by their values (of 4 bytes each: 16 KiB at most).</summary>
    private const int IndexedBits = 12;

    /// <summary>Marks an outcome found in an indexed table (<see cref="Memo.Indexed"/>).</summary>
    private const uint Filled = 1U << 31;

    /// <summary>
    /// The bits of <paramref name="key"/> that <paramref name="reads"/> selects, packed from bit 0: the facts' first
    /// (<paramref name="factCount"/> of them), the month's above. Only for reads of 32 bits or fewer.
    /// </summary>
    private static uint Pack(ProfileKey key, ProfileKey reads, int factCount) =>
        unchecked((uint)(Extract(key.Facts, reads.Facts) | (Extract(key.Month, reads.Month) << factCount)));

    /// <summary>The bits of <paramref name="value"/> at the set bits of <paramref name="mask"/>, packed from bit 0 in their order.</summary>
    internal static ulong Extract(ulong value, ulong mask) => Bmi2.X64.IsSupported ? Bmi2.X64.ParallelBitExtract(value, mask) : ExtractEach(value, mask);

    /// <summary>As <see cref="Extract"/>, a bit at a time: for processors without the instruction.</summary>
    internal static ulong ExtractEach(ulong value, ulong mask)
    {
        ulong packed = 0;
        for (int at = 0; mask != 0; mask &= mask - 1, at++)
        {
            packed |= ((value >> BitOperations.TrailingZeroCount(mask)) & 1) << at;
        }

        return packed;
    }

    /// <summary>A condition's outcome for one value of the bits it reads (<see cref="Outcome"/> 0: empty).</summary>
    internal struct Entry
    {
        internal ulong Facts, Month, Outcome;
    }

    internal Memo Rent() => memos.TryTake(out var memo) ? memo : new Memo(tableSizes, clusters, health?.Width ?? 0);

    internal void Return(Memo memo) => memos.Add(memo);

    /// <summary>
    /// The profile being signed, and its first person once a condition has to be evaluated on them (person
    /// <c>representative</c> of <c>population</c>, made when first needed, or the person given).
    /// </summary>
    private ref struct Signing(ProfileKey key, Memo memo, MonthLaw law, Population? population, int representative, Person? person)
    {
        internal readonly ProfileKey Key = key;
        internal readonly Memo Memo = memo;
        private readonly MonthLaw law = law;
        private readonly Population? population = population;
        private readonly int representative = representative;
        private Person? person = person;

        internal ConditionContext Context => new(person ??= population!.PersonAt(representative), law);
    }

    /// <summary>
    /// Writes the signature of the profile <paramref name="key"/>, whose first person is <paramref name="representative"/>,
    /// into <paramref name="signature"/> (<see cref="Width"/> characters) and returns its hash.
    /// </summary>
    internal long Sign(ProfileKey key, Span<char> signature, Memo memo, MonthLaw law, Population population, int representative) =>
        Sign(new Signing(key, memo, law, population, representative, null), signature);

    /// <summary>As <see cref="Sign(ProfileKey, Span{char}, Memo, MonthLaw, Population, int)"/> for a profile whose person is <paramref name="person"/>.</summary>
    internal long Sign(ProfileKey key, Span<char> signature, Memo memo, MonthLaw law, Person person) =>
        Sign(new Signing(key, memo, law, null, 0, person), signature);

    private long Sign(Signing signing, Span<char> signature)
    {
        var bits = signing.Key.And(kept);
        Write(signature, 0, bits.Facts);
        Write(signature, 4, bits.Month);
        for (int c = 0; c < clusters.Length; c++)
        {
            var cluster = clusters[c];
            var members = cluster.Groups;
            var (keys, rows) = signing.Memo.Clusters[c];
            uint read = Pack(signing.Key, cluster.Reads, cluster.FactCount) + 1;
            int slot = unchecked((int)((read * 0x9E3779B1U) >> cluster.Shift));
            var row = rows.AsSpan(slot * members.Length, members.Length);
            if (keys[slot] != read)
            {
                // Not met before (or its entry taken by another value): each group decided, the row kept for the next
                // (the entry emptied first, so that a failure half-way leaves no row to be read as another value's).
                keys[slot] = 0;
                for (int i = 0; i < members.Length; i++)
                {
                    row[i] = Decide(groups[members[i]]!, ref signing);
                }

                keys[slot] = read;
            }

            for (int i = 0; i < members.Length; i++)
            {
                Place(signature, members[i], row[i]);
            }
        }

        foreach (int g in loose)
        {
            Place(signature, g, groups[g] is { } group ? Decide(group, ref signing) : 0);
        }

        if (!signing.Key.DiesInMonth)
        {
            foreach (int g in deathMonthOnly)
            {
                Place(signature, g, 0);
            }
        }

        if (certificate != default)
        {
            // What the certificate's bits tell the allowance: whether a group paid from its month is withheld (with a
            // certificate, dated after the month; without, the decision dated after the month), and only where one holds.
            ulong facts = Read(signature, 0), month = Read(signature, 4);
            bool withheld = AnyHolds(signature, certificateGroups)
                && ((facts & certificate.Facts) != 0 ? (month & certificate.Month) != 0 : (month & ProfileKey.DecisionLaterRead.Month) != 0);
            Write(signature, 0, facts & ~certificate.Facts);
            Write(signature, 4, (month & ~certificate.Month) | (withheld ? certificate.Month : 0));
        }

        health?.Write(signature, signing.Memo, signing.Key);
        return Hash(signature);
    }

    /// <summary>Whether the outcome of one of <paramref name="positions"/>' groups in the signature is other than not met.</summary>
    private static bool AnyHolds(ReadOnlySpan<char> signature, int[] positions)
    {
        foreach (int g in positions)
        {
            if (Outcome(signature, g) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A group's outcome as <see cref="Place"/> wrote it.</summary>
    private static uint Outcome(ReadOnlySpan<char> signature, int group) => signature[8 + (2 * group)] | ((uint)signature[9 + (2 * group)] << 16);

    /// <summary>A group's conditions as the health-insurance calculator tests them (<see cref="HealthInsuranceCalculator.IGroupTest"/>), from the group's outcome in the signature.</summary>
    private static int Tested(ReadOnlySpan<char> signature, int group)
    {
        uint outcome = Outcome(signature, group);
        return outcome == 0 ? HealthInsuranceCalculator.NotMet : outcome >> 16 == Unreadable ? HealthInsuranceCalculator.Unreadable : HealthInsuranceCalculator.Met;
    }

    /// <summary>A group's outcome in its two characters of the signature.</summary>
    private static void Place(Span<char> signature, int group, uint outcome)
    {
        signature[8 + (2 * group)] = unchecked((char)outcome);
        signature[9 + (2 * group)] = unchecked((char)(outcome >> 16));
    }

    /// <summary>The first entry of a table of <paramref name="mask"/> + 1 entries for the bits read.</summary>
    private static int Slot(ProfileKey read, int mask) =>
        unchecked((int)(((read.Facts ^ (read.Month * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL) >> 52)) & mask;

    /// <summary>
    /// A group's outcome, finer than <see cref="GroupEligibility.MatchBand"/> gives it (whose use some calculators
    /// narrow to the conditions alone): the upper character 0 when its conditions do not hold and <see cref="Unreadable"/>
    /// when they throw; else 1 + the per-child count (<see cref="Unreadable"/> − 1 when the count throws) above the
    /// lower character, the first band whose condition holds from 1 (0 when none does, <see cref="Unreadable"/> − 1 when
    /// one throws first). Bands are decided whatever the count, so the outcome is the same function of the profile
    /// however a calculator reads the group.
    /// </summary>
    private static uint Decide(GroupNodes group, ref Signing signing)
    {
        uint when = Evaluate(group.When, ref signing);
        if (when != True)
        {
            return when == False ? 0 : Unreadable << 16;
        }

        uint count = 0;
        if (group.PerChild is { } perChild)
        {
            count = Evaluate(perChild, ref signing);
            count = count == Unreadable ? Unreadable - 2 : Math.Min(count, Unreadable - 3);
        }

        uint band = 0;
        for (int b = 0; b < group.Bands.Length; b++)
        {
            uint met = group.Bands[b] is { } node ? Evaluate(node, ref signing) : True;
            if (met != False)
            {
                band = met == True ? (uint)(b + 1) : Unreadable - 1;
                break;
            }
        }

        return ((count + 1) << 16) | band;
    }

    /// <summary>A condition's outcome (<see cref="False"/>, <see cref="True"/>, <see cref="Throws"/>), or a count's (<see cref="Unreadable"/> where it throws).</summary>
    private static uint Evaluate(Node node, ref Signing signing)
    {
        switch (node.Kind)
        {
            case NodeKind.Indexed:
                ref uint known = ref signing.Memo.Indexed[node.Table][(int)Pack(signing.Key, node.Reads, node.FactCount)];
                if (known == 0)
                {
                    known = Interpret(node, signing.Context) | Filled;
                }

                return known & ~Filled;
            case NodeKind.Whole:
                var read = signing.Key.And(node.Reads);
                var table = signing.Memo.Tables[node.Table];
                int mask = table.Length - 1;
                int first = Slot(read, mask);

                // A few entries from the first: the value's own, or an empty one to keep it in, else the first is replaced.
                int keep = first;
                for (int probe = 0, slot = first; probe < Probes; probe++, slot = (slot + 1) & mask)
                {
                    ref var entry = ref table[slot];
                    if (entry.Outcome == 0)
                    {
                        keep = slot;
                        break;
                    }

                    if (entry.Facts == read.Facts && entry.Month == read.Month)
                    {
                        return unchecked((uint)entry.Outcome);
                    }
                }

                uint outcome = Interpret(node, signing.Context);
                table[keep] = new Entry { Facts = read.Facts, Month = read.Month, Outcome = (1UL << 32) | outcome };
                return outcome;
            case NodeKind.All or NodeKind.Any:
                // An all goes on while its parts hold, an any while they do not; the first other outcome is its own.
                uint goOn = node.Kind == NodeKind.All ? True : False;
                foreach (var part in node.Parts)
                {
                    uint met = Evaluate(part, ref signing);
                    if (met != goOn)
                    {
                        return met;
                    }
                }

                return goOn;
            case NodeKind.Not:
                uint inner = Evaluate(node.Parts[0], ref signing);
                return inner == Throws ? Throws : inner == True ? False : True;
            default:
                return Interpret(node, signing.Context);
        }
    }

    /// <summary>Evaluates a condition (or a count) on the profile's first person.</summary>
    private static uint Interpret(Node node, in ConditionContext context)
    {
        try
        {
            return node.Count ? (uint)((ChildrenCondition)node.Condition).Count(context) : node.Condition.IsMet(context) ? True : False;
        }
        catch (Exception e) when (e is EvaluationException or OverflowException)
        {
            // As the single-person path fails such a person (an overflow is its error too).
            return node.Count ? Unreadable : Throws;
        }
    }

    /// <summary>The id of the signature, and whether it is new. One caller at a time.</summary>
    internal int Find(ReadOnlySpan<char> signature, long hash, out bool added)
    {
        int mask = buckets.Length - 1;
        for (int b = Bucket(hash, mask); ; b = (b + 1) & mask)
        {
            int id = buckets[b] - 1;
            if (id < 0)
            {
                added = true;
                id = count++;
                if (signatures.Length < (id + 1) * Width)
                {
                    Array.Resize(ref signatures, Math.Max((id + 1) * Width, signatures.Length * 2));
                    Array.Resize(ref hashes, Math.Max(id + 1, hashes.Length * 2));
                }

                signature.CopyTo(signatures.AsSpan(id * Width, Width));
                hashes[id] = hash;
                buckets[b] = id + 1;
                if (count * 2 > buckets.Length)
                {
                    Rehash();
                }

                return id;
            }

            if (hashes[id] == hash && signatures.AsSpan(id * Width, Width).SequenceEqual(signature))
            {
                added = false;
                return id;
            }
        }
    }

    /// <summary>
    /// The signature id of a profile of the run signed before (<see cref="Remember"/>), or −1. A profile keeps its key for
    /// the whole run, and the signature is a function of the key and of what <see cref="SigningLaw"/> holds of the law, so
    /// it holds under every law this instance signs for. Safe on several threads while nothing is remembered.
    /// </summary>
    internal int SignatureOf(int profile) => (uint)profile < (uint)ofProfile.Length ? ofProfile[profile] - 1 : -1;

    /// <summary>Keeps the signature id of a profile of the run (its id in one <see cref="ProfileSorter"/>'s run). One caller at a time.</summary>
    internal void Remember(int profile, int id)
    {
        if (profile >= ofProfile.Length)
        {
            Array.Resize(ref ofProfile, Math.Max(profile + 1, ofProfile.Length * 3 / 2));
        }

        ofProfile[profile] = id + 1;
    }

    private void Rehash()
    {
        buckets = new int[buckets.Length * 2];
        int mask = buckets.Length - 1;
        for (int id = 0; id < count; id++)
        {
            int b = Bucket(hashes[id], mask);
            while (buckets[b] != 0)
            {
                b = (b + 1) & mask;
            }

            buckets[b] = id + 1;
        }
    }

    private static int Bucket(long hash, int mask) => unchecked((int)hash) & mask;

    private static ulong Read(ReadOnlySpan<char> signature, int at)
    {
        ulong bits = 0;
        for (int i = 0; i < 4; i++)
        {
            bits |= (ulong)signature[at + i] << (16 * i);
        }

        return bits;
    }

    private static void Write(Span<char> signature, int at, ulong bits)
    {
        for (int i = 0; i < 4; i++)
        {
            signature[at + i] = unchecked((char)(bits >> (16 * i)));
        }
    }

    /// <summary>A 64-bit hash of the signature's characters (each word mixed in, then the whole mixed again).</summary>
    private static long Hash(ReadOnlySpan<char> signature)
    {
        unchecked
        {
            ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)signature.Length;
            foreach (ulong word in MemoryMarshal.Cast<char, ulong>(signature[..(signature.Length & ~3)]))
            {
                h = BitOperations.RotateLeft(h ^ (word * 0xC2B2AE3D27D4EB4FUL), 31) * 0x9E3779B97F4A7C15UL;
            }

            foreach (char c in signature[(signature.Length & ~3)..])
            {
                h = BitOperations.RotateLeft(h ^ (c * 0xC2B2AE3D27D4EB4FUL), 31) * 0x9E3779B97F4A7C15UL;
            }

            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            return (long)h;
        }
    }
}
