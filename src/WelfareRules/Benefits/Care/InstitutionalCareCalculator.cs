using System.Globalization;
using NodaTime;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
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
    private static readonly Citation NoAllowance = new(LawCitations.Nd20, "25", "5");

    /// <summary>The first open group of institutional care (stated in the rule files) the person meets in the month, with its band, or null.</summary>
    private static (GroupDefinition Group, string Band)? AdmittedBy(Person person, MonthLaw law)
    {
        var context = new ConditionContext(person, law);
        foreach (var group in law.InstitutionalGroups)
        {
            if (group.Eligibility!.MatchBand(context) is { } band)
            {
                return (group, band);
            }
        }

        return null;
    }

    /// <summary>Whether the person qualifies for the nurturing allowance of a facility in the month (a group of the rule files: ND 20 Art 24 k1).</summary>
    internal static bool Qualifies(Person person, MonthLaw law) => AdmittedBy(person, law) is not null;

    /// <summary>The nurturing allowance of a person who <see cref="Qualifies"/>, or null before the decision month.</summary>
    internal static Entitlement? Evaluate(MonthLaw law, Person person, Explainer? explain)
    {
        var month = law.Month;
        var (group, band) = AdmittedBy(person, law)!.Value;
        if (explain is not null)
        {
            var reason = AllowanceRules.For(group)!.Describe(person, law, new RuleMatch(band, 1));
            explain.Add(
                $"{group.Code} ({group.Id}): {reason.English}; the facility's nurturing allowance replaces the monthly social allowance",
                $"{group.Code} ({group.Id}): {reason.Vietnamese}; hưởng trợ cấp nuôi dưỡng tại cơ sở, không hưởng trợ cấp xã hội hằng tháng",
                [group.Basis, .. reason.Basis.IsDefault ? [] : reason.Basis, NoAllowance]);
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
        var coefficient = LawValues.Require(law, ParameterCatalog.InstitutionalCoefficient, band);
        var amount = standard.Amount.Times(coefficient.Value);
        explain?.Add(
            string.Create(CultureInfo.InvariantCulture, $"Nurturing allowance in the facility ({band}): coefficient {Format.Factor(coefficient.Value)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}"),
            string.Create(CultureInfo.InvariantCulture, $"Trợ cấp nuôi dưỡng tại cơ sở ({band}): hệ số {Format.Factor(coefficient.Value)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}"),
            coefficient.Basis);
        return new Entitlement(EntitlementKind.InstitutionalCare, Payee.Beneficiary, amount, coefficient.Value, group.Id, [group.Basis, coefficient.Basis, standard.Basis]);
    }
}
