using NodaTime;
using NodaTime.Text;

namespace WelfareRules.Tests;

internal static class TestDates
{
    internal static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    internal static YearMonth Month(string text) => YearMonthPattern.Iso.Parse(text).GetValueOrThrow();
}
