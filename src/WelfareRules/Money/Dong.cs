using System;
using System.Globalization;

namespace WelfareRules.Money;

/// <summary>
/// An amount of Vietnamese đồng (VND), in whole đồng. The law states every amount in whole đồng;
/// fractional đồng never appear in a result.
/// </summary>
/// <remarks>
/// The default value is zero đồng. This type is an immutable value type and is thread-safe.
/// Arithmetic is checked: an overflow throws <see cref="OverflowException"/> rather than wrapping.
/// </remarks>
public readonly struct Dong : IEquatable<Dong>, IComparable<Dong>, IFormattable
{
    /// <summary>Zero đồng.</summary>
    public static Dong Zero => default;

    /// <summary>Creates an amount of whole đồng.</summary>
    /// <param name="value">The number of đồng; may be negative for a difference.</param>
    public Dong(long value) => Value = value;

    /// <summary>The number of whole đồng.</summary>
    public long Value { get; }

    /// <summary>
    /// Multiplies this amount by a coefficient, share or rate and rounds to whole đồng with
    /// <see cref="Rounding.ToWholeDong"/>, the library's one rounding rule.
    /// </summary>
    /// <param name="factor">The coefficient (hệ số), share or rate.</param>
    /// <returns>The product in whole đồng.</returns>
    public Dong Times(decimal factor) => new(Rounding.ToWholeDong(Value * factor));

    /// <summary>Multiplies this amount by a whole number.</summary>
    /// <param name="count">The multiplier.</param>
    /// <returns>The product.</returns>
    public Dong Times(int count) => new(checked(Value * count));

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    public static Dong operator +(Dong left, Dong right) => new(checked(left.Value + right.Value));

    /// <summary>Subtracts one amount from another.</summary>
    /// <param name="left">The amount subtracted from.</param>
    /// <param name="right">The amount subtracted.</param>
    /// <returns>The difference.</returns>
    public static Dong operator -(Dong left, Dong right) => new(checked(left.Value - right.Value));

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the first is greater.</returns>
    public static bool operator >(Dong left, Dong right) => left.Value > right.Value;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the first is smaller.</returns>
    public static bool operator <(Dong left, Dong right) => left.Value < right.Value;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the first is greater or equal.</returns>
    public static bool operator >=(Dong left, Dong right) => left.Value >= right.Value;

    /// <summary>Compares two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether the first is smaller or equal.</returns>
    public static bool operator <=(Dong left, Dong right) => left.Value <= right.Value;

    /// <summary>Tests two amounts for equality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Dong left, Dong right) => left.Value == right.Value;

    /// <summary>Tests two amounts for inequality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Dong left, Dong right) => left.Value != right.Value;

    /// <summary>The larger of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The larger amount.</returns>
    public static Dong Max(Dong left, Dong right) => left.Value >= right.Value ? left : right;

    /// <inheritdoc />
    public bool Equals(Dong other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Dong other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Dong other) => Value.CompareTo(other.Value);

    /// <summary>Formats the amount with thousands separated by commas and the unit, e.g. "1,250,000 VND".</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => Value.ToString("#,0", CultureInfo.InvariantCulture) + " VND";

    /// <summary>Formats the amount by a culture's number format.</summary>
    /// <param name="format">
    /// Null, empty or <c>G</c>: thousands grouped by the culture and the unit, <c>đồng</c> for a Vietnamese culture and
    /// <c>VND</c> otherwise ("360.000 đồng" in vi-VN, "360,000 VND" in en-US); <c>N</c> or <c>N0</c>: the grouped number
    /// alone; any other: a standard or custom numeric format of the whole number of đồng.
    /// </param>
    /// <param name="formatProvider">The culture or number format; null for the current culture.</param>
    /// <returns>The formatted amount.</returns>
    /// <remarks><see cref="ToString()"/> stays culture-invariant: "1,250,000 VND".</remarks>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var culture = formatProvider ?? CultureInfo.CurrentCulture;
        return format switch
        {
            null or "" or "G" or "g" => Value.ToString("#,0", culture) + (IsVietnamese(culture) ? " đồng" : " VND"),
            "N" or "n" => Value.ToString("N0", culture),
            _ => Value.ToString(format, culture),
        };
    }

    private static bool IsVietnamese(IFormatProvider provider) => provider is CultureInfo { TwoLetterISOLanguageName: "vi" };
}
