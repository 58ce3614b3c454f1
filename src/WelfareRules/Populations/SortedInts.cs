using System.Collections.Generic;

namespace WelfareRules.Populations;

/// <summary>
/// Distinct whole numbers in ascending order, from a list (a sorted set of <see cref="int"/> would be compiled afresh
/// in every process, its code not being in the runtime's precompiled image; a list's sort is).
/// </summary>
internal static class SortedInts
{
    /// <summary>The distinct values of <paramref name="values"/>, ascending (the list is sorted and its repeats removed in place).</summary>
    internal static int[] Of(List<int> values)
    {
        values.Sort();
        int count = 0;
        for (int i = 0; i < values.Count; i++)
        {
            if (count == 0 || values[i] != values[count - 1])
            {
                values[count++] = values[i];
            }
        }

        values.RemoveRange(count, values.Count - count);
        return values.ToArray();
    }
}
