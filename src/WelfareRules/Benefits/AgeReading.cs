using NodaTime;

namespace WelfareRules.Benefits;

/// <summary>
/// The library's one reading of ages in the law ("từ đủ X tuổi", completed years), applied everywhere:
/// a person's age in benefit month M is their completed years on the last day of M, so the month of a
/// birthday counts at the new age. Gains and adjustments of a level apply from that month; a loss of
/// eligibility by age applies from the month after (ND 20/2021 Art 8 k2). A birth on 29 February
/// reaches its birthday on 28 February in common years.
/// </summary>
public static class AgeReading
{
    /// <summary>Completed years on the last day of <paramref name="month"/>: the age for gains and for coefficient bands.</summary>
    /// <param name="birthDate">The date of birth.</param>
    /// <param name="month">The benefit month.</param>
    /// <returns>The age in completed years (negative years are returned as 0).</returns>
    public static int AgeIn(LocalDate birthDate, YearMonth month) => CompletedYears(birthDate, month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)));

    /// <summary>Completed years on a date; a 29 February birthday is reached on 28 February in common years.</summary>
    /// <param name="birthDate">The date of birth.</param>
    /// <param name="date">The date.</param>
    /// <returns>The completed years, or 0 before the birth date.</returns>
    public static int CompletedYears(LocalDate birthDate, LocalDate date)
    {
        if (date < birthDate)
        {
            return 0;
        }

        int years = date.Year - birthDate.Year;
        // PlusYears on 29 February gives 28 February in a common year: the birthday is reached then.
        return birthDate.PlusYears(years) > date ? years - 1 : years;
    }

    /// <summary>
    /// Whether a condition "under <paramref name="years"/>" still holds in <paramref name="month"/> for
    /// eligibility: it is lost from the month after the month of the birthday.
    /// </summary>
    /// <param name="birthDate">The date of birth.</param>
    /// <param name="years">The age limit.</param>
    /// <param name="month">The benefit month.</param>
    /// <returns>True unless the birthday fell before the month began.</returns>
    public static bool StillUnder(LocalDate birthDate, int years, YearMonth month) => birthDate.PlusYears(years) >= month.OnDayOfMonth(1);

    /// <summary>The month in which a person reaches <paramref name="years"/>.</summary>
    /// <param name="birthDate">The date of birth.</param>
    /// <param name="years">The age.</param>
    /// <returns>The birthday month.</returns>
    public static YearMonth MonthTurning(LocalDate birthDate, int years) => birthDate.PlusYears(years).ToYearMonth();
}
