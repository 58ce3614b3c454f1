using System;
using System.Linq;
using System.Threading.Tasks;
using WelfareRules.Populations;
using Xunit;

namespace WelfareRules.Tests.Populations;

public sealed class LineTableTest
{
    [Fact]
    public void TryGetValue_KeyNotAdded_IsFalse()
    {
        var table = new LineTable(1 << 20);

        Assert.False(table.TryGetValue(1, new ProfileKey(5, 7), out var line));
        Assert.Null(line);
    }

    [Fact]
    public void TryAdd_KeyAddedTwice_KeepsTheFirstLine()
    {
        var table = new LineTable(1 << 20);
        byte[] first = [1], second = [2];

        Assert.True(table.TryAdd(1, new ProfileKey(5, 7), first));
        Assert.False(table.TryAdd(1, new ProfileKey(5, 7), second));

        Assert.True(table.TryGetValue(1, new ProfileKey(5, 7), out var line));
        Assert.Same(first, line);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void TryAdd_TableFull_IsRefusedAndKeepsWhatItHolds()
    {
        var table = new LineTable(2);
        byte[] a = [1], b = [2];

        Assert.True(table.TryAdd(0, new ProfileKey(1, 0), a));
        Assert.True(table.TryAdd(0, new ProfileKey(2, 0), b));
        Assert.False(table.TryAdd(0, new ProfileKey(3, 0), [3]));

        Assert.Equal(2, table.Count);
        Assert.False(table.TryGetValue(0, new ProfileKey(3, 0), out _));
        Assert.True(table.TryGetValue(0, new ProfileKey(2, 0), out var line));
        Assert.Same(b, line);
    }

    [Fact]
    public void TryGetValue_NullLineKept_IsFoundAsNull()
    {
        // A line kept as null means "evaluate on the single-person path": found, not missing.
        var table = new LineTable(1 << 20);
        table.TryAdd(3, new ProfileKey(0, 0), null);

        Assert.True(table.TryGetValue(3, new ProfileKey(0, 0), out var line));
        Assert.Null(line);
    }

    [Fact]
    public void TryGetValue_KeysDifferingInOnePart_AreApart()
    {
        var table = new LineTable(1 << 20);
        byte[] a = [1], b = [2], c = [3], d = [4];
        table.TryAdd(1, new ProfileKey(1UL << 63, 0), a);
        table.TryAdd(2, new ProfileKey(1UL << 63, 0), b);
        table.TryAdd(1, new ProfileKey(0, 1UL << 63), c);
        table.TryAdd(1, new ProfileKey(0, 0), d);

        Assert.True(table.TryGetValue(1, new ProfileKey(1UL << 63, 0), out var la));
        Assert.True(table.TryGetValue(2, new ProfileKey(1UL << 63, 0), out var lb));
        Assert.True(table.TryGetValue(1, new ProfileKey(0, 1UL << 63), out var lc));
        Assert.True(table.TryGetValue(1, new ProfileKey(0, 0), out var ld));
        Assert.Equal([a, b, c, d], new[] { la, lb, lc, ld });
        Assert.False(table.TryGetValue(2, new ProfileKey(0, 0), out _));
    }

    [Fact]
    public void TryAdd_ManyKeysFromSeveralThreads_EachFoundWithItsLineAfterTheTableGrows()
    {
        // Far more keys than the first array holds, added from four threads while they read each other's.
        var table = new LineTable(1 << 20);
        const int PerThread = 20_000;
        var lines = Enumerable.Range(0, 4 * PerThread).Select(i => BitConverter.GetBytes(i)).ToArray();

        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            for (int i = t * PerThread; i < (t + 1) * PerThread; i++)
            {
                var key = KeyOf(i);
                Assert.True(table.TryAdd(i % 7, key, lines[i]));
                Assert.True(table.TryGetValue(i % 7, key, out var found));
                Assert.Same(lines[i], found);
                int other = (i * 7919) % (4 * PerThread);
                if (table.TryGetValue(other % 7, KeyOf(other), out var seen))
                {
                    Assert.Same(lines[other], seen);
                }
            }
        });

        Assert.Equal(4 * PerThread, table.Count);
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.True(table.TryGetValue(i % 7, KeyOf(i), out var found));
            Assert.Same(lines[i], found);
        }
    }

    /// <summary>Keys that differ in a few bits, high and low, as profile keys do.</summary>
    private static ProfileKey KeyOf(int i) => new((ulong)i << 40 | (uint)(i & 0xFF), (ulong)(i >> 8) << 3);
}
