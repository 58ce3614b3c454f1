using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using WelfareRules.Evaluation;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Benefits.Emergency;

/// <summary>
/// Emergency assistance (trợ giúp xã hội khẩn cấp, ND 20/2021 Arts 12–15): rice for hungry households,
/// support for the severely injured, funeral support for deaths from disaster, and housing support.
/// Pure functions of a rule set and an event; every figure is the minimum in force in the jurisdiction
/// on the event's date, a province's higher level (an instrument file setting the same parameter)
/// replacing the national one.
/// </summary>
/// <example>
/// <code>
/// var award = EmergencyAssistance.Compute(RuleSet.BuiltIn,
///     new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2025, 1, 20), EmergencySupport.TetFood) { People = 5 });
/// // award.RiceKilograms == 75
/// </code>
/// </example>
public static class EmergencyAssistance
{
    /// <summary>Computes the assistance due for one event.</summary>
    /// <param name="rules">The law.</param>
    /// <param name="emergency">The event.</param>
    /// <param name="options">Options, or null for the defaults (explanation on, provisional law allowed).</param>
    /// <returns>The award.</returns>
    /// <exception cref="EvaluationException">The jurisdiction is unknown, the law of the date is not encoded, or strict mode met provisional law (the Art 15 housing amounts are provisional).</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="rules"/> or <paramref name="emergency"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><see cref="EmergencyEvent.Months"/> is above the law's limit per round.</exception>
    public static EmergencyAward Compute(RuleSet rules, EmergencyEvent emergency, EvaluationOptions? options = null)
    {
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckNotNull(emergency, nameof(emergency));
        options ??= EvaluationOptions.Default;
        if (!rules.Knows(emergency.Jurisdiction))
        {
            throw new EvaluationException(EvaluationError.UnknownJurisdiction, string.Create(CultureInfo.InvariantCulture, $"no instrument of the rule set applies to {emergency.Jurisdiction}"));
        }

        var law = rules.ForMonth(emergency.Jurisdiction, emergency.Date.ToYearMonth());
        if (law.Standard is null)
        {
            throw new EvaluationException(EvaluationError.LawNotEncoded, string.Create(CultureInfo.InvariantCulture, $"no standard is in force in {emergency.Jurisdiction} on {Format.Date(emergency.Date)}"));
        }

        var explain = options.Explain ? new Explainer() : null;
        var standard = law.Standard;
        Dong amount = Dong.Zero;
        decimal rice = 0m;
        int months = 0;
        ImmutableArray<Citation> basis;
        switch (emergency.Support)
        {
            case EmergencySupport.TetFood or EmergencySupport.DisasterFood:
                var perPerson = LawValues.Require(law, ParameterCatalog.RiceKilograms);
                bool tet = emergency.Support == EmergencySupport.TetFood;
                var limit = LawValues.Require(law, ParameterCatalog.RiceMonths, tet ? "tet" : "other");
                int most = (int)limit.Value;
                months = tet ? most : emergency.Months ?? most;
                Preconditions.CheckArgument(months <= most, nameof(emergency),
                    string.Create(CultureInfo.InvariantCulture, $"a round of food support lasts at most {most} month(s) ({limit.Basis}); {months} asked"));
                rice = perPerson.Value * emergency.People * months;
                basis = [perPerson.Basis, limit.Basis];
                explain?.Add(
                    string.Create(CultureInfo.InvariantCulture, $"Rice {(tet ? "at Lunar New Year" : "for hunger from disaster, crop failure or the lean season")}: {Format.Factor(perPerson.Value)} kg × {emergency.People} person(s) × {months} month(s) = {Format.Factor(rice)} kg"),
                    string.Create(CultureInfo.InvariantCulture, $"Hỗ trợ gạo {(tet ? "dịp Tết Âm lịch" : "do thiên tai, mất mùa, giáp hạt")}: {Format.Factor(perPerson.Value)} kg × {emergency.People} người × {months} tháng = {Format.Factor(rice)} kg"),
                    perPerson.Basis, limit.Basis);
                break;
            case EmergencySupport.SevereInjury or EmergencySupport.DisasterDeath:
                bool injury = emergency.Support == EmergencySupport.SevereInjury;
                var multiple = injury
                    ? LawValues.Require(law, ParameterCatalog.EmergencyMultiple, "severe-injury")
                    : LawValues.Require(law, ParameterCatalog.FuneralMultiple, "disaster");
                amount = standard.Amount.Times(multiple.Value);
                basis = [multiple.Basis, standard.Basis];
                explain?.Add(
                    $"{(injury ? "Severe injury" : "Death from disaster or accident (funeral support to the household)")}: at least {Format.Factor(multiple.Value)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}",
                    $"{(injury ? "Người bị thương nặng" : "Hộ gia đình có người chết do thiên tai, tai nạn (hỗ trợ chi phí mai táng)")}: tối thiểu {Format.Factor(multiple.Value)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}",
                    multiple.Basis, standard.Basis);
                break;
            default:
                string @case = emergency.Support switch
                {
                    EmergencySupport.HouseLost => "house-lost",
                    EmergencySupport.UrgentRelocation => "relocation",
                    EmergencySupport.HouseSeverelyDamaged => "house-damaged",
                    _ => throw new System.ArgumentOutOfRangeException(nameof(emergency), emergency.Support, "Unknown emergency support."),
                };
                var fixedAmount = LawValues.Require(law, ParameterCatalog.EmergencyAmount, @case);
                amount = fixedAmount.Amount;
                basis = [fixedAmount.Basis];
                explain?.Add(
                    $"Housing support ({@case}): at least {Format.Amount(amount)} per household, a fixed amount",
                    $"Hỗ trợ nhà ở ({@case}): tối thiểu {Format.Amount(amount)} đồng/hộ",
                    fixedAmount.Basis);
                break;
        }

        Evaluator.CheckAdmitted(basis, options.Admit);
        var warnings = Evaluator.Warnings(basis);

        return new EmergencyAward(emergency.Support, amount, rice, months, basis, warnings, explain?.ToImmutable() ?? []);
    }
}
