using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace WelfareRules.Cli;

/// <summary>A sequence whose next item is read on another thread while the caller works on the one in hand.</summary>
internal static class ReadAhead
{
    /// <summary>
    /// The items of <paramref name="source"/> in order, each next one read while the one before is in hand; a failure
    /// to read is raised where the item would have come. Stopping early waits for the read under way.
    /// </summary>
    internal static IEnumerable<T> Of<T>(IEnumerable<T> source)
    {
        var items = source.GetEnumerator();
        Task<bool>? reading = null;
        try
        {
            reading = Task.Run(items.MoveNext);
            while (true)
            {
                bool more = reading.GetAwaiter().GetResult();
                reading = null;
                if (!more)
                {
                    yield break;
                }

                var item = items.Current;
                reading = Task.Run(items.MoveNext);
                yield return item;
            }
        }
        finally
        {
            if (reading is not null)
            {
                TaskWaits.Ignoring(reading);
            }

            items.Dispose();
        }
    }

    /// <summary>
    /// Items 0 to <paramref name="count"/> - 1 in order, each made by <paramref name="read"/> on the thread pool, up to
    /// <paramref name="ahead"/> of them at once while the caller works on the one in hand; a failure to read is raised
    /// where the item would have come. Stopping early waits for the reads under way.
    /// </summary>
    internal static IEnumerable<T> InOrder<T>(int count, Func<int, T> read, int ahead)
    {
        var reading = new Queue<Task<T>>();
        int next = 0;
        try
        {
            for (; next < count && reading.Count < Math.Max(1, ahead); next++)
            {
                int i = next;
                reading.Enqueue(Task.Run(() => read(i)));
            }

            while (reading.Count > 0)
            {
                var item = reading.Peek().GetAwaiter().GetResult();
                reading.Dequeue();
                if (next < count)
                {
                    int i = next++;
                    reading.Enqueue(Task.Run(() => read(i)));
                }

                yield return item;
            }
        }
        finally
        {
            foreach (var task in reading)
            {
                TaskWaits.Ignoring(task);
            }
        }
    }
}
