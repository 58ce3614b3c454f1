using System;

namespace WelfareRules.Populations;

/// <summary>
/// One worker's profiles: an open-addressing table from profile key to a local id, with each id's count
/// and first person. No locks and no allocation per person (the table doubles when half full).
/// </summary>
internal sealed class ProfileMap
{
    private int[] slots;
    private ProfileKey[] keys;
    private long[] counts;
    private int[] firsts;
    private int mask;

    internal ProfileMap(int capacity = 1024)
    {
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity * 2, 16));
        slots = new int[size];
        Array.Fill(slots, -1);
        mask = size - 1;
        keys = new ProfileKey[capacity];
        counts = new long[capacity];
        firsts = new int[capacity];
    }

    /// <summary>The number of distinct profiles.</summary>
    internal int Count { get; private set; }

    internal ReadOnlySpan<ProfileKey> Keys => keys.AsSpan(0, Count);

    internal ReadOnlySpan<long> Counts => counts.AsSpan(0, Count);

    internal ReadOnlySpan<int> Firsts => firsts.AsSpan(0, Count);

    /// <summary>Counts person <paramref name="person"/> under <paramref name="key"/> and gives the key's local id.</summary>
    internal int Add(in ProfileKey key, int person)
    {
        int slot = key.GetHashCode() & mask;
        while (true)
        {
            int id = slots[slot];
            if (id < 0)
            {
                return Insert(key, person, slot);
            }

            ref readonly var existing = ref keys[id];
            if (existing.Facts == key.Facts && existing.Month == key.Month)
            {
                counts[id]++;
                return id;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int Insert(in ProfileKey key, int person, int slot)
    {
        int id = Count++;
        if (id == keys.Length)
        {
            Array.Resize(ref keys, id * 2);
            Array.Resize(ref counts, id * 2);
            Array.Resize(ref firsts, id * 2);
        }

        keys[id] = key;
        counts[id] = 1;
        firsts[id] = person;
        slots[slot] = id;
        if (Count * 2 > slots.Length)
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        slots = new int[slots.Length * 2];
        Array.Fill(slots, -1);
        mask = slots.Length - 1;
        for (int id = 0; id < Count; id++)
        {
            int slot = keys[id].GetHashCode() & mask;
            while (slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = id;
        }
    }
}
