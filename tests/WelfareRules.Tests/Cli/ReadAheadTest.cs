using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using WelfareRules.Cli;
using Xunit;

namespace WelfareRules.Tests.Cli;

public sealed class ReadAheadTest
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(7, 3)]
    [InlineData(7, 20)]
    public void InOrder_ItemsReadOnSeveralThreads_ComeInOrderWithNoMoreThanAheadAtOnce(int count, int ahead)
    {
        int running = 0, most = 0;
        string Read(int i)
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);

            // Later items finish first, when read at once.
            Thread.Sleep((count - i) * 3);
            Interlocked.Decrement(ref running);
            return "item " + i;
        }

        var items = ReadAhead.InOrder(count, Read, ahead).ToList();

        Assert.Equal(Enumerable.Range(0, count).Select(i => "item " + i), items);
        Assert.InRange(most, 0, ahead);
    }

    [Fact]
    public void InOrder_ReadThatFails_IsRaisedWhereItsItemWouldComeAfterTheItemsBefore()
    {
        var seen = new List<int>();

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (int item in ReadAhead.InOrder(5, i => i == 2 ? throw new InvalidOperationException("row group 2") : i, 2))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("row group 2", error.Message);
        Assert.Equal([0, 1], seen);
    }

    [Fact]
    public void InOrder_StoppedEarly_WaitsForTheReadsUnderWay()
    {
        int finished = 0;
        int Read(int i)
        {
            Thread.Sleep(20);
            Interlocked.Increment(ref finished);
            return i;
        }

        int first = ReadAhead.InOrder(10, Read, 3).First();

        // The first item and the three reads under way when it came are finished when First returns; nothing is read after.
        Assert.Equal(0, first);
        Assert.Equal(4, Volatile.Read(ref finished));
        Thread.Sleep(60);
        Assert.Equal(4, Volatile.Read(ref finished));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
