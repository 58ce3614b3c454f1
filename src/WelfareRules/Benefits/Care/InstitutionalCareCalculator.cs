using System.Globalization;
using NodaTime;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Reports;
using static WelfareRules.Benefits.AgeReading;

namespace WelfareRules.Benefits.Care;

/// <summary>
/// Care in a public social assistance facility (ND 20/2021 Arts 24–25): the monthly nurturing allowance
/// (Art 25 k1: 5.0 × standard under 4, 4.0 from 4), which replaces the monthly social allowance (k5).
/// </summary>
/// <remarks>
/// The library's reading of who qualifies (Art 24 k1), from the facts of the contract: a person whose
/// <c>livingArrangement</c> is <c>facility</c> and who is
/// a K1 child with no source of nurture or a K3 child with HIV in a poor household (k1 a), a former K1
/// child aged 16 to 22 still studying (Art 26 k2), an elderly person in a poor household with no
/// supporter (k1 b, the Law on the Elderly), or a severely or especially severely disabled person (k1 c,
/// the Law on Persons with Disabilities). Urgent-protection cases (k2, at most 3 months), placements
/// under the administrative-violations law (k3) and voluntary residents under a service contract (k5)
/// cannot be told from the facts and are not modelled; the 24-month continuation after leaving at 16+
/// (Art 26 k5) is not modelled either. The allowance starts in the month of the decision
/// (<c>decisionSignedOn</c>, the admission decision) and stops from the month after death.
/// </remarks>
internal static class InstitutionalCareCalculator
{
    internal const string Group = "ND20-25-1";

    private static readonly Citation Eligible = new(LawCitations.Nd20, "24", "1");
    private static readonly Citation NoAllowance = new(LawCitations.Nd20, "25", "5");

    /// <summary>The groups of ND 20/2021 Art 5 whose people Art 24 k1 admits to a facility (read in the month's law).</summary>
    private static readonly string[] Admitted = ["ND20-5-1", "ND20-5-2", "ND20-5-3", "ND20-5-5a", "ND20-5-6"];

    /// <summary>Whether the person lives in a facility and qualifies for its nurturing allowance in the month (Art 24 k1, as read above).</summary>
    internal static bool Qualifies(Person person, MonthLaw law) =>
        person.LivingArrangement == LivingArrangement.Facility && AdmittedBy(person, law) is not null;

    /// <summary>The nurturing allowance of a person who <see cref="Qualifies"/>, or null before the decision month.</summary>
    internal static Entitlement? Evaluate(MonthLaw law, Person person, Explainer? explain)
    {
        var month = law.Month;
        if (explain is not null)
        {
            var (group, match) = AdmittedBy(person, law)!.Value;
            var reason = group.Rule.Describe(person, law, match);
            explain.Add(
                $"Lives in a social assistance facility: {reason.English}; the facility's nurturing allowance replaces the monthly social allowance",
                $"Sống tại cơ sở trợ giúp xã hội: {reason.Vietnamese}; hưởng trợ cấp nuôi dưỡng tại cơ sở, không hưởng trợ cấp xã hội hằng tháng",
                Eligible, NoAllowance);
        }

        if (person.DecisionSignedOn is { } signed && month < signed.ToYearMonth())
        {
            explain?.Add(
                $"The nurturing allowance is payable only from {Format.Month(signed.ToYearMonth())}, the month of the decision ({Format.Date(signed)})",
                $"Trợ cấp nuôi dưỡng chỉ được hưởng từ tháng {Format.Month(signed.ToYearMonth())}, tháng có quyết định ({Format.Date(signed)})",
                LawCitations.StartMonth);
            return null;
        }

        var standard = law.Standard!;
        int age = AgeIn(person.BirthDate, month);
        int youngChild = LawValues.Age(law, YoungChildAge);
        var coefficient = LawValues.Require(law, ParameterCatalog.InstitutionalCoefficient, age < youngChild ? AllowanceRules.Under4 : AllowanceRules.From4);
        var amount = standard.Amount.Times(coefficient.Value);
        explain?.Add(
            string.Create(CultureInfo.InvariantCulture, $"Nurturing allowance in the facility, aged {age} ({(age < youngChild ? $"under {youngChild}" : $"{youngChild} or over")}): coefficient {Format.Factor(coefficient.Value)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}"),
            string.Create(CultureInfo.InvariantCulture, $"Trợ cấp nuôi dưỡng tại cơ sở, {age} tuổi ({(age < youngChild ? $"dưới {youngChild} tuổi" : $"từ đủ {youngChild} tuổi")}): hệ số {Format.Factor(coefficient.Value)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}"),
            coefficient.Basis);
        return new Entitlement(EntitlementKind.InstitutionalCare, Payee.Beneficiary, amount, coefficient.Value, Group, [Eligible, coefficient.Basis, standard.Basis]);
    }

    /// <summary>The first of the admitting groups the person meets in the month, or null.</summary>
    private static (OpenGroup Group, RuleMatch Match)? AdmittedBy(Person person, MonthLaw law)
    {
        foreach (string id in Admitted)
        {
            if (LawValues.Meets(law, id, person) is { } met)
            {
                return met;
            }
        }

        return null;
    }

    /// <summary>The age (a case of <c>age</c>) below which the higher coefficient applies (Art 25 k1 a: under 4).</summary>
    private const string YoungChildAge = "young-child";
}
