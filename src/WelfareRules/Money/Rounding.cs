using System;

namespace WelfareRules.Money;

/// <summary>
/// The one place where amounts are rounded. The instruments encoded so far produce whole đồng from
/// every product of a standard and a coefficient, so rounding changes no figure of the law today; it
/// exists so that a future coefficient or rate that does not divide evenly rounds in one named way.
/// </summary>
public static class Rounding
{
    /// <summary>
    /// Rounds to the nearest whole đồng, halves away from zero (the common reading of
    /// "làm tròn" in Vietnamese financial instruments).
    /// </summary>
    /// <param name="amount">An exact amount in đồng.</param>
    /// <returns>Whole đồng.</returns>
    public static long ToWholeDong(decimal amount) =>
        (long)decimal.Round(amount, 0, MidpointRounding.AwayFromZero);
}
