using System.Collections.Generic;
using WelfareRules.Facts;

namespace WelfareRules.Populations;

/// <summary>
/// One instance of each distinct child (birth date and education) for a population's children column: a population
/// of millions raising children alone then refers to a few thousand objects, not one per child, so the collector
/// neither copies each child out of the young generation while the population is read nor marks each afterwards.
/// </summary>
/// <remarks>Not thread-safe: one a builder, block or reading core.</remarks>
internal sealed class ChildInterner
{
    /// <summary>The children met, by their values (a tuple of values hashes and compares without a call through the record's equality).</summary>
    private readonly Dictionary<(NodaTime.LocalDate BirthDate, bool InEducation), RaisedChild> known = [];

    /// <summary>Adds <paramref name="children"/> to <paramref name="column"/>, each as the instance first met of its value.</summary>
    internal void AddTo(List<RaisedChild> column, System.Collections.Immutable.ImmutableArray<RaisedChild> children)
    {
        foreach (var child in children)
        {
            var key = (child.BirthDate, child.InEducation);
            if (!known.TryGetValue(key, out var canonical))
            {
                known.Add(key, canonical = child);
            }

            column.Add(canonical);
        }
    }
}
