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
    /// <summary>The children met, by their values packed into one number (<see cref="Key"/>): it hashes and compares as a number.</summary>
    private readonly Dictionary<int, RaisedChild> known = [];

    /// <summary>Adds <paramref name="children"/> to <paramref name="column"/>, each as the instance first met of its value.</summary>
    internal void AddTo(List<RaisedChild> column, System.Collections.Immutable.ImmutableArray<RaisedChild> children)
    {
        foreach (var child in children)
        {
            int key = Key(child);
            if (!known.TryGetValue(key, out var canonical))
            {
                known.Add(key, canonical = child);
            }

            column.Add(canonical);
        }
    }

    /// <summary>
    /// A child's birth date and education as one number: year, month and day in their own bits, then education. A
    /// child's date is in the ISO calendar from 1900 (<see cref="RaisedChild.BirthDate"/>), so equal numbers are equal children.
    /// </summary>
    internal static int Key(RaisedChild child)
    {
        var date = child.BirthDate;
        return (date.Year << 10) | (date.Month << 6) | (date.Day << 1) | (child.InEducation ? 1 : 0);
    }
}
