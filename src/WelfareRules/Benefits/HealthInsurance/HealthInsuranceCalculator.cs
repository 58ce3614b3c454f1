using System;
using System.Collections.Immutable;
using System.Globalization;
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
    private readonly record struct Support(int Index, SupportGroup Group, Provision Share);

    /// <summary>The contribution, or null when the person holds another card, has died, or no base salary is encoded for the month.</summary>
    internal static HealthInsuranceContribution? Compute(MonthLaw law, Person person, ReadOnlySpan<Entitlement> entitlements, Explainer? explain)
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

        var hi = law.HealthInsurance;
        if (hi.BaseSalary is not { } baseSalary || hi.Rate is not { } rate)
        {
            explain?.Add(
                $"Health insurance: no base salary or premium rate is encoded for {Format.Month(law.Month)}",
                $"Bảo hiểm y tế: chưa có mức lương cơ sở hoặc mức đóng cho tháng {Format.Month(law.Month)}");
            return null;
        }

        bool assisted = false;
        bool nurtured = false;
        foreach (var entitlement in entitlements)
        {
            assisted |= entitlement.Payee == Payee.Beneficiary && entitlement.Kind is EntitlementKind.SocialAllowance or EntitlementKind.SocialPension;
            nurtured |= entitlement.Payee == Payee.Beneficiary && entitlement.Kind == EntitlementKind.InstitutionalCare;
        }

        var window = hi.EscapedPovertyMonths;
        var context = new SupportContext(assisted, window is null ? null : (int)window.Value, nurtured, hi.ChildCardThroughMonth is { } cardEnd ? (int)cardEnd.Value : null, law);
        var national = Best(law, person, context, hi.NationalShares, SupportGroups.National);
        var local = national?.Share.Value >= 1m ? null : Best(law, person, context, hi.LocalShares, SupportGroups.Local);
        if (local is { } notResident && !person.PermanentResident)
        {
            // A province's support (Hanoi 19/2025/NQ-HĐND) is for its permanent residents.
            explain?.Add(
                $"Health insurance: {notResident.Group.English} would bring {notResident.Share.Jurisdiction.Code}'s support, but it is for permanent residents only",
                $"Bảo hiểm y tế: {notResident.Group.Vietnamese} được ngân sách {notResident.Share.Jurisdiction.Code} hỗ trợ, nhưng chỉ áp dụng với người có hộ khẩu thường trú",
                notResident.Share.Basis);
            local = null;
        }
        decimal share = Math.Min(1m, (national?.Share.Value ?? 0m) + (local?.Share.Value ?? 0m));

        var premium = hi.FirstMemberPremium;
        ExplainFirstMemberPremium(baseSalary, rate, premium, law, explain);
        Provision? ladder = null;
        if (person.HealthInsuranceHouseholdOrder >= 2)
        {
            if (share > 0m)
            {
                NotLaddered(explain);
            }
            else
            {
                ladder = Ladder(law, person.HealthInsuranceHouseholdOrder);
                premium = Laddered(premium, ladder, person.HealthInsuranceHouseholdOrder, explain);
            }
        }

        if (explain is not null)
        {
            if (national?.Group.Case == SupportGroups.National[0].Case && hi.ChildCardThroughMonth is { } through
                && !AgeReading.StillUnder(person.BirthDate, LawValues.Age(law, SupportGroups.ChildAge), law.Month))
            {
                explain.Add(
                    string.Create(CultureInfo.InvariantCulture, $"Health insurance: the child turned {LawValues.Age(law, SupportGroups.ChildAge)} this year and was born before the end of month {through.Value} of the year: the card stays valid to the end of that month"),
                    string.Create(CultureInfo.InvariantCulture, $"Bảo hiểm y tế: trẻ đủ 72 tháng tuổi trong năm và sinh trước ngày cuối tháng {through.Value}: thẻ có giá trị sử dụng đến hết tháng đó"),
                    through.Basis);
            }

            ExplainSupport(national, window, explain);
            ExplainSupport(local, window, explain);
        }

        // Without the ladder, the month has the basis of each pair of groups ready.
        var basis = ladder is null
            ? hi.SupportBasis(national?.Index ?? -1, local?.Index ?? -1)
            : Basis(baseSalary, rate, ladder, national, local, window);
        var result = new HealthInsuranceContribution(premium, share, basis);
        explain?.Add(
            $"Health insurance: state share {Format.Factor(share)} (at most 1): the state pays {Format.Amount(result.StatePays)}, the person pays {Format.Amount(result.PersonPays)} VND/month",
            $"Bảo hiểm y tế: tỷ lệ nhà nước đóng, hỗ trợ {Format.Factor(share)} (tối đa 1): nhà nước {Format.Amount(result.StatePays)}, người tham gia {Format.Amount(result.PersonPays)} đồng/tháng",
            result.Basis.AsSpan());
        return result;
    }

    /// <summary>The monthly premium of the n-th member of a household with no state support (n ≤ 1: the first member or an individual).</summary>
    /// <exception cref="EvaluationException">No base salary or premium rate is encoded for the month.</exception>
    internal static Dong Premium(MonthLaw law, int householdOrder)
    {
        var hi = law.HealthInsurance;
        if (hi.BaseSalary is null || hi.Rate is null)
        {
            throw new EvaluationException(EvaluationError.LawNotEncoded, string.Create(CultureInfo.InvariantCulture, $"no base salary or health-insurance rate is encoded for {law.Jurisdiction} in {Format.Month(law.Month)}"));
        }

        var premium = hi.FirstMemberPremium;
        return householdOrder >= 2 ? Laddered(premium, Ladder(law, householdOrder), householdOrder, null) : premium;
    }

    /// <summary>
    /// The basis of a contribution without the household ladder for each pair of a national group and a
    /// local group (each by its index in <see cref="SupportGroups"/>, or none), in the order of
    /// <see cref="HealthInsuranceLaw.SupportBasis"/>: the same for every person of the month.
    /// </summary>
    internal static ImmutableArray<ImmutableArray<Citation>> SupportBases(HealthInsuranceLaw hi)
    {
        if (hi.BaseSalary is not { } baseSalary || hi.Rate is not { } rate)
        {
            return [];
        }

        var bases = ImmutableArray.CreateBuilder<ImmutableArray<Citation>>((SupportGroups.National.Length + 1) * (SupportGroups.Local.Length + 1));
        for (int n = -1; n < SupportGroups.National.Length; n++)
        {
            for (int l = -1; l < SupportGroups.Local.Length; l++)
            {
                var national = n >= 0 && hi.NationalShares[n] is { } ns ? new Support(n, SupportGroups.National[n], ns) : (Support?)null;
                var local = l >= 0 && hi.LocalShares[l] is { } ls ? new Support(l, SupportGroups.Local[l], ls) : (Support?)null;
                bases.Add(Basis(baseSalary, rate, null, national, local, hi.EscapedPovertyMonths));
            }
        }

        return bases.MoveToImmutable();
    }

    /// <summary>Every provision behind a contribution: base salary, rate, ladder, then the national and local shares applied (with the support window).</summary>
    private static ImmutableArray<Citation> Basis(Provision baseSalary, Provision rate, Provision? ladder, Support? national, Support? local, Provision? window)
    {
        var basis = new ValueList<Citation>();
        basis.Add(baseSalary.Basis);
        basis.Add(rate.Basis);
        if (ladder is not null)
        {
            basis.Add(ladder.Basis);
        }

        foreach (var support in (ReadOnlySpan<Support?>)[national, local])
        {
            if (support is { } s)
            {
                basis.Add(s.Share.Basis);
                if (WithWindow(s, window))
                {
                    basis.Add(window!.Basis);
                }
            }
        }

        return basis.ToImmutableArray();
    }

    private static bool WithWindow(Support support, Provision? window) => support.Group == SupportGroups.EscapedPoverty && window is not null;

    private static void ExplainSupport(Support? applied, Provision? window, Explainer explain)
    {
        if (applied is not { } support)
        {
            return;
        }

        bool byState = support.Share.Jurisdiction.IsNational;
        explain.Add(
            string.Create(CultureInfo.InvariantCulture, $"Health insurance: {support.Group.English}: {(byState ? "the state" : support.Share.Jurisdiction.Code)} pays {Percent(support.Share.Value)}% of the premium"),
            string.Create(CultureInfo.InvariantCulture, $"Bảo hiểm y tế: {support.Group.Vietnamese}: {(byState ? "ngân sách nhà nước" : "ngân sách " + support.Share.Jurisdiction.Code)} đóng, hỗ trợ {Percent(support.Share.Value)}% mức đóng"),
            WithWindow(support, window) ? [support.Share.Basis, window!.Basis] : [support.Share.Basis]);
    }

    private static void ExplainFirstMemberPremium(Provision baseSalary, Provision rate, Dong premium, MonthLaw law, Explainer? explain) =>
        explain?.Add(
            string.Create(CultureInfo.InvariantCulture, $"Health insurance premium in {Format.Month(law.Month)}: {Percent(rate.Value)}% × base salary {Format.Amount(baseSalary.Amount)} = {Format.Amount(premium)} VND/month"),
            string.Create(CultureInfo.InvariantCulture, $"Mức đóng bảo hiểm y tế tháng {Format.Month(law.Month)}: {Percent(rate.Value)}% × mức lương cơ sở {Format.Amount(baseSalary.Amount)} = {Format.Amount(premium)} đồng/tháng"),
            rate.Basis, baseSalary.Basis);

    /// <summary>The ladder factor of the n-th member (n ≥ 2).</summary>
    /// <exception cref="EvaluationException">None is encoded for the month.</exception>
    private static Provision Ladder(MonthLaw law, int order) =>
        law.Get(HealthInsuranceParameters.Ladder, null, HealthInsuranceParameters.LadderCase(order))
        ?? throw new EvaluationException(EvaluationError.LawNotEncoded, string.Create(CultureInfo.InvariantCulture, $"no household ladder ({HealthInsuranceParameters.LadderKey(order)}) is encoded for {law.Jurisdiction} in {Format.Month(law.Month)}"));

    private static Dong Laddered(Dong first, Provision ladder, int order, Explainer? explain)
    {
        var premium = first.Times(ladder.Value);
        explain?.Add(
            string.Create(CultureInfo.InvariantCulture, $"Household member no. {order}: {Percent(ladder.Value)}% of the first member's premium = {Format.Amount(premium)} VND/month"),
            string.Create(CultureInfo.InvariantCulture, $"Thành viên thứ {order} của hộ gia đình: {Percent(ladder.Value)}% mức đóng của người thứ nhất = {Format.Amount(premium)} đồng/tháng"),
            ladder.Basis);
        return premium;
    }

    private static void NotLaddered(Explainer? explain) =>
        explain?.Add(
            "The household reduction does not apply: the state pays or supports this person's premium",
            "Không áp dụng giảm trừ mức đóng theo hộ gia đình: người được ngân sách nhà nước đóng, hỗ trợ",
            NoLadderForSupported);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The group with the highest share among those that apply and have a share in force (the first in table order on a tie).</summary>
    private static Support? Best(MonthLaw law, Person person, SupportContext context, ImmutableArray<Provision?> shares, ImmutableArray<SupportGroup> groups)
    {
        Support? best = null;
        for (int i = 0; i < groups.Length; i++)
        {
            if (shares[i] is { } share && share.Value > (best?.Share.Value ?? 0m) && groups[i].Applies(person, law.Month, context))
            {
                best = new Support(i, groups[i], share);
            }
        }

        return best;
    }
}
