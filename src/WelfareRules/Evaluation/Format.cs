using System;
using System.Globalization;
using NodaTime;
using WelfareRules.Money;

namespace WelfareRules.Evaluation;

/// <summary>Formatting for explanations: invariant and stable.</summary>
internal static class Format
{
    /// <summary>Whole đồng with thousands grouped ("N0" on a whole number is "#,0", by the standard formatter's faster path).</summary>
    internal static string Amount(Dong amount) => amount.Value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Amount(decimal amount) => amount.ToString("#,0", CultureInfo.InvariantCulture);

    internal static string Factor(decimal factor) => factor.ToString(CultureInfo.InvariantCulture);

    /// <summary>A share (0.7) as a percentage ("70%"), exact; a Vietnamese step's decimal point becomes a comma (<see cref="Reports.ExplanationStep"/>).</summary>
    /// <remarks>
    /// The share's own digits with the trailing zeros of its fraction dropped: what the custom format
    /// <c>0.####…</c> (28 places, a decimal's most) gives, by the standard formatter's much faster path.
    /// </remarks>
    internal static string Percent(decimal share)
    {
        // A decimal prints at most 29 digits, a sign and a point.
        Span<char> digits = stackalloc char[32];
        (share * 100m).TryFormat(digits, out int length, default, CultureInfo.InvariantCulture);
        if (digits[..length].Contains('.'))
        {
            length = digits[..length].TrimEnd('0').Length;
            if (digits[length - 1] == '.')
            {
                length--;
            }
        }

        digits[length++] = '%';
        return new string(digits[..length]);
    }

    /// <summary>A parameter value exactly: thousands grouped, every decimal kept.</summary>
    internal static string Number(decimal value) => value.ToString(NumberFormat, CultureInfo.InvariantCulture);

    private static readonly string NumberFormat = "#,0." + new string('#', 28);

    internal static string Month(YearMonth month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    internal static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
