using System;
using System.Threading;

namespace WelfareRules.Populations;

/// <summary>
/// The report lines of <see cref="ProfileReports"/> by key: read on every line of a run by every worker, added to once a
/// profile. The keys and lines sit side by side in one array probed in place (open addressing), so a lookup reads one
/// or two adjacent entries rather than a bucket, a node elsewhere on the heap and its key (what a
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> reads, about a fifth of a run's time
/// without explanation).
/// </summary>
/// <remarks>
/// Thread-safe: lookups take no lock; additions take one. An entry is written whole before it is marked filled, and an
/// array is never changed once a larger one replaces it, so a lookup sees a key with its line or not at all.
/// </remarks>
/// <param name="capacity">The most keys held: an addition beyond is refused (the array stays at most twice as long).</param>
internal sealed class LineTable(int capacity)
{
    private readonly Lock gate = new();
    private Entry[] entries = new Entry[1024];
    private int count;

    /// <summary>The number of keys held.</summary>
    internal int Count => Volatile.Read(ref count);

    /// <summary>The line kept under a key, if any (null is a line kept as "evaluate on the single-person path").</summary>
    internal bool TryGetValue(int frame, ProfileKey key, out byte[]? line)
    {
        var table = Volatile.Read(ref entries);
        int mask = table.Length - 1;
        for (int slot = Hash(frame, key) & mask; ; slot = (slot + 1) & mask)
        {
            ref var entry = ref table[slot];
            if (Volatile.Read(ref entry.Filled) == 0)
            {
                line = null;
                return false;
            }

            if (entry.Facts == key.Facts && entry.Month == key.Month && entry.Frame == frame)
            {
                line = entry.Line;
                return true;
            }
        }
    }

    /// <summary>Keeps <paramref name="line"/> under a key, unless a line is kept there already or the table is full; true when it was added.</summary>
    internal bool TryAdd(int frame, ProfileKey key, byte[]? line)
    {
        lock (gate)
        {
            var table = entries;
            if (count >= capacity || Find(table, frame, key) >= 0)
            {
                return false;
            }

            if ((count + 1) * 2 > table.Length)
            {
                // Half full at most, so that a probe meets an empty entry soon; the larger array is published whole.
                var larger = new Entry[checked(table.Length * 2)];
                foreach (ref readonly var e in table.AsSpan())
                {
                    if (e.Filled != 0)
                    {
                        larger[~Find(larger, e.Frame, new ProfileKey(e.Facts, e.Month))] = e;
                    }
                }

                Volatile.Write(ref entries, larger);
                table = larger;
            }

            ref var entry = ref table[~Find(table, frame, key)];
            entry.Facts = key.Facts;
            entry.Month = key.Month;
            entry.Frame = frame;
            entry.Line = line;
            Volatile.Write(ref entry.Filled, 1);
            count++;
            return true;
        }
    }

    /// <summary>The slot of a key, or the complement of the empty slot where it would go.</summary>
    private static int Find(Entry[] table, int frame, ProfileKey key)
    {
        int mask = table.Length - 1;
        for (int slot = Hash(frame, key) & mask; ; slot = (slot + 1) & mask)
        {
            ref readonly var entry = ref table[slot];
            if (entry.Filled == 0)
            {
                return ~slot;
            }

            if (entry.Facts == key.Facts && entry.Month == key.Month && entry.Frame == frame)
            {
                return slot;
            }
        }
    }

    /// <summary>A key's bits mixed so that keys differing in any bit fall apart (the finaliser of MurmurHash3, twice).</summary>
    private static int Hash(int frame, ProfileKey key) => unchecked((int)Mix(Mix(key.Facts) ^ key.Month ^ ((ulong)(uint)frame << 40)));

    private static ulong Mix(ulong h)
    {
        unchecked
        {
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            return h ^ (h >> 33);
        }
    }

    private struct Entry
    {
        internal ulong Facts;
        internal ulong Month;
        internal int Frame;
        internal int Filled;
        internal byte[]? Line;
    }
}
