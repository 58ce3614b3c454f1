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
    internal static string Percent(decimal share) => (share * 100m).ToString("0.############################", CultureInfo.InvariantCulture) + "%";

    /// <summary>A parameter value exactly: thousands grouped, every decimal kept.</summary>
    internal static string Number(decimal value) => value.ToString("#,0." + new string('#', 28), CultureInfo.InvariantCulture);

    internal static string Month(YearMonth month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    internal static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
