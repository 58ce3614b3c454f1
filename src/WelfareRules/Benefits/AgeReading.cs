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
    public static int AgeIn(LocalDate birthDate, YearMonth month)
    {
        if (!IsIso(birthDate, month))
        {
            return CompletedYears(birthDate, LastDay(month));
        }

        // On the last day of the month, every birthday of the month has been reached (29 February
        // included: it is reached on the 28th), so counting whole months gives the completed years.
        int months = MonthsBetween(birthDate, month);
        return months < 0 ? 0 : months / 12;
    }

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
    public static bool StillUnder(LocalDate birthDate, int years, YearMonth month) =>
        IsIso(birthDate, month)
            // The birthday falls in the birth month (29 February on the 28th), on or after the 1st:
            // it is not before the month began unless its month is. A birthday past the calendar's
            // last year is never reached, which the count of months says too.
            ? MonthsBetween(birthDate, month) <= years * 12L
            : birthDate.Year + years > MaxIsoYear || birthDate.PlusYears(years) >= month.OnDayOfMonth(1);

    /// <summary>Whether a person is born by the last day of <paramref name="month"/>.</summary>
    internal static bool BornBy(LocalDate birthDate, YearMonth month) =>
        IsIso(birthDate, month) ? MonthsBetween(birthDate, month) >= 0 : birthDate <= LastDay(month);

    /// <summary>The month in which a person reaches <paramref name="years"/>.</summary>
    /// <param name="birthDate">The date of birth.</param>
    /// <param name="years">The age.</param>
    /// <returns>The birthday month.</returns>
    public static YearMonth MonthTurning(LocalDate birthDate, int years) => birthDate.PlusYears(years).ToYearMonth();

    /// <summary>The last year of the ISO calendar in Noda Time.</summary>
    private const int MaxIsoYear = 9999;

    private static LocalDate LastDay(YearMonth month) => month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));

    /// <summary>Both in the ISO calendar, where whole months can be counted as year × 12 + month.</summary>
    private static bool IsIso(LocalDate date, YearMonth month) => date.Calendar == CalendarSystem.Iso && month.Calendar == CalendarSystem.Iso;

    /// <summary>Whole months from the month of <paramref name="date"/> to <paramref name="month"/>: 0 in the same month, negative before.</summary>
    private static int MonthsBetween(LocalDate date, YearMonth month) => ((month.Year - date.Year) * 12) + month.Month - date.Month;
}
