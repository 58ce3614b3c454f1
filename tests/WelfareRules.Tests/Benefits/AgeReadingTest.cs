using NodaTime;
using WelfareRules.Benefits;
using Xunit;

namespace WelfareRules.Tests.Benefits;

public sealed class AgeReadingTest
{
    [Theory]
    // The birthday month counts at the new age (gains and bands from that month).
    [InlineData("2020-10-15", "2024-10", 4)]
    [InlineData("2020-10-15", "2024-09", 3)]
    // A birthday on the last day of the month still counts in that month.
    [InlineData("2020-10-31", "2024-10", 4)]
    // 29 February births reach the birthday on 28 February in common years.
    [InlineData("2004-02-29", "2025-02", 21)]
    [InlineData("2004-02-29", "2025-01", 20)]
    [InlineData("2004-02-29", "2024-02", 20)]
    public void AgeIn_Birthday_CountsFromTheBirthdayMonth(string birth, string month, int expected)
    {
        Assert.Equal(expected, AgeReading.AgeIn(TestDates.Date(birth), TestDates.Month(month)));
    }

    [Theory]
    // Losses apply from the month after the birthday month.
    [InlineData("2010-05-15", 16, "2026-05", true)]
    [InlineData("2010-05-15", 16, "2026-06", false)]
    // A birthday on the 1st: the birthday month is still paid.
    [InlineData("2010-05-01", 16, "2026-05", true)]
    [InlineData("2010-05-01", 16, "2026-06", false)]
    // 29 February: the 22nd birthday in 2026 falls on 28 February.
    [InlineData("2004-02-29", 22, "2026-02", true)]
    [InlineData("2004-02-29", 22, "2026-03", false)]
    public void StillUnder_AroundTheBirthday_LostFromTheNextMonth(string birth, int years, string month, bool expected)
    {
        Assert.Equal(expected, AgeReading.StillUnder(TestDates.Date(birth), years, TestDates.Month(month)));
    }

    [Fact]
    public void StillUnder_BirthdayPastTheCalendarsLastYear_HoldsWithoutFailing()
    {
        // Born in 9990, "under 16" in 9999-06: the sixteenth birthday (10006) is never reached.
        Assert.True(AgeReading.StillUnder(new NodaTime.LocalDate(9990, 3, 1), 16, new NodaTime.YearMonth(9999, 6)));
    }

    [Fact]
    public void CompletedYears_BeforeBirth_IsZero()
    {
        Assert.Equal(0, AgeReading.CompletedYears(new LocalDate(2020, 1, 1), new LocalDate(2019, 1, 1)));
    }

    [Fact]
    public void AgeInAndStillUnder_AnyDate_AgreeWithTheDefinitionByDates()
    {
        // AgeIn and StillUnder count whole months; the definition compares dates: completed years on the
        // last day of the month, and the birthday (PlusYears) on or after the first day of the month.
        var months = new[] { new YearMonth(2024, 2), new YearMonth(2025, 2), new YearMonth(2025, 3), new YearMonth(2026, 12), new YearMonth(2000, 1) };
        for (var birth = new LocalDate(1920, 1, 1); birth <= new LocalDate(2027, 1, 1); birth = birth.PlusDays(13))
        {
            foreach (var anchor in months)
            {
                foreach (int shift in new[] { -1300, -12, -1, 0, 1, 12, 700 })
                {
                    var month = anchor.PlusMonths(shift);
                    var first = month.OnDayOfMonth(1);
                    var last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
                    Assert.Equal(AgeReading.CompletedYears(birth, last), AgeReading.AgeIn(birth, month));
                    foreach (int years in new[] { 3, 4, 6, 16, 22 })
                    {
                        Assert.Equal(birth.PlusYears(years) >= first, AgeReading.StillUnder(birth, years, month));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(2000, 2, 29)]
    [InlineData(2004, 2, 29)]
    [InlineData(1999, 12, 31)]
    public void AgeInAndStillUnder_LeapDayAndYearEnd_AgreeWithTheDefinitionByDates(int year, int monthOfYear, int day)
    {
        var birth = new LocalDate(year, monthOfYear, day);
        for (var month = birth.ToYearMonth().PlusMonths(-2); month <= birth.ToYearMonth().PlusMonths(30 * 12); month = month.PlusMonths(1))
        {
            var last = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
            Assert.Equal(AgeReading.CompletedYears(birth, last), AgeReading.AgeIn(birth, month));
            Assert.Equal(birth.PlusYears(22) >= month.OnDayOfMonth(1), AgeReading.StillUnder(birth, 22, month));
        }
    }
}
