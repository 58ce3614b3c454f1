using System;
using System.Collections.Immutable;
using System.Linq;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Benefits.HealthInsurance;

/// <summary>
/// The health-insurance contribution of one person-month: premium (rate × base salary, household ladder),
/// the national share (the highest of the groups that apply, 146/2018/NĐ-CP Art 8 k2), and a province's
/// share on top, the sum capped at 1. See <c>docs/health-insurance.md</c>.
/// </summary>
internal static class HealthInsuranceCalculator
{
    /// <summary>146/2018/NĐ-CP Art 7 k2: the household ladder does not apply to people the budget pays for or supports.</summary>
    private static readonly Citation NoLadderForSupported = new("146/2018/NĐ-CP", "7", "2");

    /// <summary>A group that applies, with the provision that gives its share.</summary>
    private sealed record Support(SupportGroup Group, Provision Share);

    /// <summary>The contribution, or null when the person holds another card, has died, or no base salary is encoded for the month.</summary>
    internal static HealthInsuranceContribution? Compute(MonthLaw law, Person person, ImmutableArray<Entitlement> entitlements, Explainer? explain)
    {
        if (person.HasOtherHealthInsurance)
        {
            explain?.Add(
                "Health insurance: already holds a card through another scheme, so no premium or subsidy is computed here (one card per person, with the highest benefit)",
                "Bảo hiểm y tế: đã có thẻ theo đối tượng khác nên không tính mức đóng, hỗ trợ (mỗi người một thẻ, quyền lợi cao nhất)");
            return null;
        }

        if (person.DeathDate is { } death && death.ToYearMonth() < law.Month)
        {
            return null;
        }

        if (law.Get(HealthInsuranceParameters.BaseSalaryKey) is not { } baseSalary || law.Get(HealthInsuranceParameters.RateKey) is not { } rate)
        {
            explain?.Add(
                $"Health insurance: no base salary or premium rate is encoded for {Format.Month(law.Month)}",
                $"Bảo hiểm y tế: chưa có mức lương cơ sở hoặc mức đóng cho tháng {Format.Month(law.Month)}");
            return null;
        }

        bool assisted = entitlements.Any(e => e.Payee == Payee.Beneficiary && e.Kind is EntitlementKind.SocialAllowance or EntitlementKind.SocialPension);
        var window = law.Get(HealthInsuranceParameters.EscapedPovertyMonthsKey);
        var context = new SupportContext(assisted, window is null ? null : (int)window.Value);
        var national = Best(law, person, context, HealthInsuranceParameters.Share, SupportGroups.National);
        var local = national?.Share.Value >= 1m ? null : Best(law, person, context, HealthInsuranceParameters.LocalShare, SupportGroups.Local);
        decimal share = Math.Min(1m, (national?.Share.Value ?? 0m) + (local?.Share.Value ?? 0m));

        var basis = ImmutableArray.CreateBuilder<Citation>();
        var premium = FirstMemberPremium(baseSalary, rate, basis, law, explain);
        if (person.HealthInsuranceHouseholdOrder >= 2)
        {
            premium = share > 0m ? NotLaddered(premium, explain) : Laddered(premium, person.HealthInsuranceHouseholdOrder, law, basis, explain);
        }

        foreach (var support in new[] { national, local }.OfType<Support>())
        {
            Citation[] cited = support.Group == SupportGroups.EscapedPoverty && window is not null ? [support.Share.Basis, window.Basis] : [support.Share.Basis];
            basis.AddRange(cited);
            bool byState = support.Share.Jurisdiction.IsNational;
            explain?.Add(
                $"Health insurance: {support.Group.English}: {(byState ? "the state" : support.Share.Jurisdiction.Code)} pays {Percent(support.Share.Value)}% of the premium",
                $"Bảo hiểm y tế: {support.Group.Vietnamese}: {(byState ? "ngân sách nhà nước" : "ngân sách " + support.Share.Jurisdiction.Code)} đóng, hỗ trợ {Percent(support.Share.Value)}% mức đóng",
                cited);
        }

        var result = new HealthInsuranceContribution(premium, share, basis.ToImmutable());
        explain?.Add(
            $"Health insurance: state share {Format.Factor(share)} (at most 1): the state pays {Format.Amount(result.StatePays)}, the person pays {Format.Amount(result.PersonPays)} VND/month",
            $"Bảo hiểm y tế: tỷ lệ nhà nước đóng, hỗ trợ {Format.Factor(share)} (tối đa 1): nhà nước {Format.Amount(result.StatePays)}, người tham gia {Format.Amount(result.PersonPays)} đồng/tháng",
            [.. result.Basis]);
        return result;
    }

    /// <summary>The monthly premium of the n-th member of a household with no state support (n ≤ 1: the first member or an individual).</summary>
    /// <exception cref="EvaluationException">No base salary or premium rate is encoded for the month.</exception>
    internal static Dong Premium(MonthLaw law, int householdOrder)
    {
        if (law.Get(HealthInsuranceParameters.BaseSalaryKey) is not { } baseSalary || law.Get(HealthInsuranceParameters.RateKey) is not { } rate)
        {
            throw new EvaluationException(EvaluationError.LawNotEncoded, $"no base salary or health-insurance rate is encoded for {law.Jurisdiction} in {Format.Month(law.Month)}");
        }

        var premium = FirstMemberPremium(baseSalary, rate, null, law, null);
        return householdOrder >= 2 ? Laddered(premium, householdOrder, law, null, null) : premium;
    }

    private static Dong FirstMemberPremium(Provision baseSalary, Provision rate, ImmutableArray<Citation>.Builder? basis, MonthLaw law, Explainer? explain)
    {
        basis?.Add(baseSalary.Basis);
        basis?.Add(rate.Basis);
        var premium = baseSalary.Amount.Times(rate.Value);
        explain?.Add(
            $"Health insurance premium in {Format.Month(law.Month)}: {Percent(rate.Value)}% × base salary {Format.Amount(baseSalary.Amount)} = {Format.Amount(premium)} VND/month",
            $"Mức đóng bảo hiểm y tế tháng {Format.Month(law.Month)}: {Percent(rate.Value)}% × mức lương cơ sở {Format.Amount(baseSalary.Amount)} = {Format.Amount(premium)} đồng/tháng",
            rate.Basis, baseSalary.Basis);
        return premium;
    }

    private static Dong Laddered(Dong first, int order, MonthLaw law, ImmutableArray<Citation>.Builder? basis, Explainer? explain)
    {
        var key = HealthInsuranceParameters.LadderKey(order);
        if (law.Get(key) is not { } ladder)
        {
            throw new EvaluationException(EvaluationError.LawNotEncoded, $"no household ladder ({key}) is encoded for {law.Jurisdiction} in {Format.Month(law.Month)}");
        }

        basis?.Add(ladder.Basis);
        var premium = first.Times(ladder.Value);
        explain?.Add(
            $"Household member no. {order}: {Percent(ladder.Value)}% of the first member's premium = {Format.Amount(premium)} VND/month",
            $"Thành viên thứ {order} của hộ gia đình: {Percent(ladder.Value)}% mức đóng của người thứ nhất = {Format.Amount(premium)} đồng/tháng",
            ladder.Basis);
        return premium;
    }

    private static Dong NotLaddered(Dong premium, Explainer? explain)
    {
        explain?.Add(
            "The household reduction does not apply: the state pays or supports this person's premium",
            "Không áp dụng giảm trừ mức đóng theo hộ gia đình: người được ngân sách nhà nước đóng, hỗ trợ",
            NoLadderForSupported);
        return premium;
    }

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The group with the highest share among those that apply and have a share in force (the first in table order on a tie).</summary>
    private static Support? Best(MonthLaw law, Person person, SupportContext context, string parameter, ImmutableArray<SupportGroup> groups)
    {
        Support? best = null;
        foreach (var group in groups)
        {
            if (law.Get(new ParameterKey(parameter, null, group.Case)) is { } share && share.Value > (best?.Share.Value ?? 0m) && group.Applies(person, law.Month, context))
            {
                best = new Support(group, share);
            }
        }

        return best;
    }
}
