using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Benefits.HealthInsurance;

/// <summary>
/// Health-insurance premiums with no state support: the rate (4.5%, 146/2018/NĐ-CP Art 7 k1) times the
/// base salary in force on the first day of the month, and for the n-th member of a household enrolling
/// together the ladder factor of the first member's premium (Art 7 k1 e: 70%, 60%, 50%, then 40%).
/// </summary>
/// <remarks>Pure functions of their arguments; thread-safe. For a person's subsidised contribution, evaluate a situation (<see cref="RuleSet.Evaluate"/>).</remarks>
public static class HealthInsurancePremiums
{
    /// <summary>The monthly premium.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="month">The month.</param>
    /// <param name="householdOrder">0 or 1: an individual or the household's first member; n ≥ 2: the n-th member.</param>
    /// <returns>The premium in whole đồng.</returns>
    /// <exception cref="EvaluationException">No base salary, rate or ladder factor is encoded for the month.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="rules"/> or <paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="month"/> is before 1900 (such as <c>default</c>), or <paramref name="householdOrder"/> is negative.</exception>
    public static Dong Monthly(RuleSet rules, Jurisdiction jurisdiction, YearMonth month, int householdOrder = 1)
    {
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckNotNull(jurisdiction, nameof(jurisdiction));
        Preconditions.CheckMonth(month, nameof(month));
        Preconditions.CheckNonNegative(householdOrder, nameof(householdOrder));
        return HealthInsuranceCalculator.Premium(rules.ForMonth(jurisdiction, month), householdOrder);
    }

    /// <summary>The premium for twelve months paid in <paramref name="month"/>: twelve times the monthly premium in force then.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="month">The month of payment.</param>
    /// <param name="householdOrder">0 or 1: an individual or the household's first member; n ≥ 2: the n-th member.</param>
    /// <returns>The premium in whole đồng.</returns>
    /// <exception cref="EvaluationException">No base salary, rate or ladder factor is encoded for the month.</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="rules"/> or <paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="month"/> is before 1900 (such as <c>default</c>), or <paramref name="householdOrder"/> is negative.</exception>
    public static Dong Yearly(RuleSet rules, Jurisdiction jurisdiction, YearMonth month, int householdOrder = 1) =>
        Monthly(rules, jurisdiction, month, householdOrder).Times(HealthInsuranceContribution.MonthsPerYear);
}
