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
}
