using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace WelfareRules;

/// <summary>Argument and state checks that say what was expected.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? value, string paramName) where T : class =>
        value ?? throw new ArgumentNullException(paramName);

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expectation, string paramName, string message)
    {
        if (!expectation)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>A date of the input: ISO calendar, from the year 1900 (a <c>default</c> date, 0001-01-01, is refused).</summary>
    internal static NodaTime.LocalDate CheckDate(NodaTime.LocalDate value, string paramName) =>
        value.Calendar != NodaTime.CalendarSystem.Iso
            ? throw new ArgumentException($"{paramName}: the date must be in the ISO calendar, not {value.Calendar.Id}.", paramName)
            : value.Year < 1900 ? throw new ArgumentOutOfRangeException(paramName, value.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"{paramName}: the date is before 1900 (a default date?).")
            : value;

    /// <summary>An optional date of the input, checked as <see cref="CheckDate(NodaTime.LocalDate, string)"/>.</summary>
    internal static NodaTime.LocalDate? CheckDate(NodaTime.LocalDate? value, string paramName) => value is { } date ? CheckDate(date, paramName) : null;

    /// <summary>A month of the input: ISO calendar, from the year 1900.</summary>
    internal static NodaTime.YearMonth CheckMonth(NodaTime.YearMonth value, string paramName) =>
        value.Calendar != NodaTime.CalendarSystem.Iso
            ? throw new ArgumentException($"{paramName}: the month must be in the ISO calendar, not {value.Calendar.Id}.", paramName)
            : value.Year < 1900 ? throw new ArgumentOutOfRangeException(paramName, value.ToString("uuuu-MM", System.Globalization.CultureInfo.InvariantCulture), $"{paramName}: the month is before 1900 (a default month?).")
            : value;

    /// <summary>An optional month of the input, checked as <see cref="CheckMonth(NodaTime.YearMonth, string)"/>.</summary>
    internal static NodaTime.YearMonth? CheckMonth(NodaTime.YearMonth? value, string paramName) => value is { } month ? CheckMonth(month, paramName) : null;

    /// <summary>A value of an enumeration that it defines (<c>(Orphanhood)77</c> is refused).</summary>
    internal static T CheckDefined<T>(T value, string paramName) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"{paramName}: not a value of {typeof(T).Name}."));

    internal static int CheckNonNegative(int value, string paramName) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(paramName, value, "Value must not be negative.");

    internal static int CheckRange(int value, int min, int max, string paramName) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture, $"Value must be from {min} to {max}."));
}
