using System;
using System.Collections.Immutable;
using System.Globalization;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
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

    /// <summary>A group that applies, by its index in the month's list.</summary>
    private readonly record struct Support(int Index, SupportGroup Group);

    /// <summary>The contribution, or null when the person holds another card, has died, or no base salary is encoded for the month.</summary>
    internal static HealthInsuranceContribution? Compute(MonthLaw law, Person person, ReadOnlySpan<Entitlement> entitlements, Explainer? explain)
    {
        // The population engine signs a profile by what is read here (Populations/DecidedProfiles.cs, HealthCodes): no
        // group for another card or a death before the month, the group applied of each list by Best, the household
        // order only without a share. A change to what is read here changes it too.
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

        // What the month's report holds for the person: groups may read it (a monthly allowance, the social pension,
        // institutional care).
        int received = 0;
        foreach (var entitlement in entitlements)
        {
            if (entitlement.Payee == Payee.Beneficiary)
            {
                received |= 1 << (int)entitlement.Kind;
            }
        }

        var context = new ConditionContext(person, law, null, received);
        var national = Applied(hi.NationalGroups, context);
        var local = national?.Group.Share.Value >= 1m ? null : Applied(hi.LocalGroups, context);
        decimal share = Math.Min(1m, (national?.Group.Share.Value ?? 0m) + (local?.Group.Share.Value ?? 0m));

        var premium = hi.FirstMemberPremium;
        if (explain is not null)
        {
            // The step names only the law: made once a month's law (workers may make it at once, each the same).
            explain.Add(hi.FirstMemberStep ??= FirstMemberStep(baseSalary, rate, premium, law));
        }

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
            ExplainSupport(national, hi.NationalSteps, context, explain);
            ExplainSupport(local, hi.LocalSteps, context, explain);
        }

        // Without the ladder, the month has the basis of each pair of groups ready.
        var basis = ladder is null
            ? hi.SupportBasis(national?.Index ?? -1, local?.Index ?? -1)
            : Basis(baseSalary, rate, ladder, national?.Group, local?.Group);
        var result = new HealthInsuranceContribution(premium, share, basis);
        if (explain is not null)
        {
            // Without the ladder the step names only the law and the groups applied: made once a month's law.
            explain.Add(ladder is null
                ? hi.ShareStep(national?.Index ?? -1, local?.Index ?? -1) ??= ShareStep(result)
                : ShareStep(result));
        }

        return result;
    }

    private static Reports.ExplanationStep ShareStep(HealthInsuranceContribution result) =>
        Explainer.Step(
            $"Health insurance: the state's share {Format.Percent(result.StateShare)} of the premium (at most 100%): the state pays {Format.Amount(result.StatePays)}, the person pays {Format.Amount(result.PersonPays)} VND/month",
            $"Bảo hiểm y tế: nhà nước đóng, hỗ trợ {Format.Percent(result.StateShare)} mức đóng (tối đa 100%): nhà nước {Format.Amount(result.StatePays)}, người tham gia {Format.Amount(result.PersonPays)} đồng/tháng",
            result.Basis.AsSpan());

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
    /// local group (each by its index in <see cref="HealthInsuranceLaw.NationalGroups"/> and
    /// <see cref="HealthInsuranceLaw.LocalGroups"/>, or none), in the order of
    /// <see cref="HealthInsuranceLaw.SupportBasis"/>: the same for every person of the month.
    /// </summary>
    internal static ImmutableArray<ImmutableArray<Citation>> SupportBases(HealthInsuranceLaw hi)
    {
        if (hi.BaseSalary is not { } baseSalary || hi.Rate is not { } rate)
        {
            return [];
        }

        var bases = ImmutableArray.CreateBuilder<ImmutableArray<Citation>>((hi.NationalGroups.Length + 1) * (hi.LocalGroups.Length + 1));
        for (int n = -1; n < hi.NationalGroups.Length; n++)
        {
            for (int l = -1; l < hi.LocalGroups.Length; l++)
            {
                bases.Add(Basis(baseSalary, rate, null, n >= 0 ? hi.NationalGroups[n] : null, l >= 0 ? hi.LocalGroups[l] : null));
            }
        }

        return bases.MoveToImmutable();
    }

    /// <summary>Every provision behind a contribution: base salary, rate, ladder, then each group applied: its share, its definition and what its conditions read.</summary>
    private static ImmutableArray<Citation> Basis(Provision baseSalary, Provision rate, Provision? ladder, SupportGroup? national, SupportGroup? local)
    {
        var basis = new ValueList<Citation>();
        basis.Add(baseSalary.Basis);
        basis.Add(rate.Basis);
        if (ladder is not null)
        {
            basis.Add(ladder.Basis);
        }

        foreach (var group in (ReadOnlySpan<SupportGroup?>)[national, local])
        {
            if (group is not null)
            {
                basis.Add(group.Share.Basis);
                foreach (var citation in group.ReadBasis)
                {
                    if (!basis.AsSpan().Contains(citation))
                    {
                        basis.Add(citation);
                    }
                }
            }
        }

        return basis.ToImmutableArray();
    }

    private static void ExplainSupport(Support? applied, NoteMemo<Reports.ExplanationStep>[] made, in ConditionContext context, Explainer explain)
    {
        if (applied is not { } support)
        {
            return;
        }

        var group = support.Group;
        var notes = new ValueList<ConditionNote>();
        group.Definition.Eligibility!.When.Explain(context, ref notes);
        var memo = made[support.Index];
        explain.Add(memo.TryFind(notes.AsSpan(), out var step) ? step : memo.Keep(notes.AsSpan(), SupportStep(group, notes.AsSpan())));
    }

    /// <summary>The step saying why a group supports the person: its title, each condition's note, and the share.</summary>
    private static Reports.ExplanationStep SupportStep(SupportGroup group, ReadOnlySpan<ConditionNote> notes)
    {
        var (english, vietnamese) = GroupReason.Text(group.Definition, notes);
        bool byState = group.Share.Jurisdiction.IsNational;
        return Explainer.Step(
            string.Create(CultureInfo.InvariantCulture, $"Health insurance: {english}: {(byState ? "the state" : group.Share.Jurisdiction.Code)} pays {Format.Percent(group.Share.Value)} of the premium"),
            string.Create(CultureInfo.InvariantCulture, $"Bảo hiểm y tế: {vietnamese}: {(byState ? "ngân sách nhà nước" : "ngân sách " + group.Share.Jurisdiction.VietnameseName)} đóng, hỗ trợ {Format.Percent(group.Share.Value)} mức đóng"),
            GroupReason.Basis(notes, group.Share.Basis, group.Definition.Basis).AsSpan());
    }

    private static Reports.ExplanationStep FirstMemberStep(Provision baseSalary, Provision rate, Dong premium, MonthLaw law) =>
        Explainer.Step(
            string.Create(CultureInfo.InvariantCulture, $"Health insurance premium in {Format.Month(law.Month)}: {Format.Percent(rate.Value)} × base salary {Format.Amount(baseSalary.Amount)} = {Format.Amount(premium)} VND/month"),
            string.Create(CultureInfo.InvariantCulture, $"Mức đóng bảo hiểm y tế tháng {Format.Month(law.Month)}: {Format.Percent(rate.Value)} × mức lương cơ sở {Format.Amount(baseSalary.Amount)} = {Format.Amount(premium)} đồng/tháng"),
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
            string.Create(CultureInfo.InvariantCulture, $"Household member no. {order}: {Format.Percent(ladder.Value)} of the first member's premium = {Format.Amount(premium)} VND/month"),
            string.Create(CultureInfo.InvariantCulture, $"Thành viên thứ {order} của hộ gia đình: {Format.Percent(ladder.Value)} mức đóng của người thứ nhất = {Format.Amount(premium)} đồng/tháng"),
            ladder.Basis);
        return premium;
    }

    private static void NotLaddered(Explainer? explain) =>
        explain?.Add(
            "The household reduction does not apply: the state pays or supports this person's premium",
            "Không áp dụng giảm trừ mức đóng theo hộ gia đình: người được ngân sách nhà nước đóng, hỗ trợ",
            NoLadderForSupported);

    /// <summary>The group with the highest share among those whose conditions the person meets (the first in definition order on a tie).</summary>
    private static Support? Applied(ImmutableArray<SupportGroup> groups, in ConditionContext context)
    {
        // The person's conditions throw where they cannot be read, never answer Unreadable: the index is −1 or a group's.
        var test = new ConditionTest(groups, context);
        int best = Best(groups, ref test);
        return best < 0 ? null : new Support(best, groups[best]);
    }

    /// <summary>
    /// Whether a person meets the conditions of the group at an index of a month's list: <see cref="Met"/>, <see cref="NotMet"/>,
    /// or <see cref="Unreadable"/> where reading them fails (what the population engine knows of a profile; the
    /// single-person path throws instead).
    /// </summary>
    internal interface IGroupTest
    {
        /// <summary>The outcome of the conditions of the group at <paramref name="index"/>.</summary>
        int Test(int index);
    }

    /// <summary>Outcomes of <see cref="IGroupTest.Test"/>.</summary>
    internal const int NotMet = 0, Met = 1, Unreadable = 2;

    /// <summary>The groups' conditions read on the person, as the single-person path reads them.</summary>
    private readonly ref struct ConditionTest(ImmutableArray<SupportGroup> groups, in ConditionContext context) : IGroupTest
    {
        private readonly ConditionContext context = context;

        public int Test(int index) => groups[index].Definition.Eligibility!.When.IsMet(context) ? Met : NotMet;
    }

    /// <summary>
    /// The index of the group applied (146/2018/NĐ-CP Art 8 k2: the highest share among the groups whose conditions the
    /// person meets, the first in the list's order on a tie), -1 for none, or −2 − <c>i</c> when the conditions of the
    /// group at <c>i</c> cannot be read. A group's conditions are read only when its share is higher than the best so far,
    /// in the list's order: the one procedure for a person and for the population engine's profiles (<see cref="Populations.DecidedProfiles"/>).
    /// </summary>
    internal static int Best<T>(ImmutableArray<SupportGroup> groups, ref T test)
        where T : IGroupTest, allows ref struct
    {
        int best = -1;
        decimal bestShare = 0m;
        for (int i = 0; i < groups.Length; i++)
        {
            decimal share = groups[i].Share.Value;
            if (share <= bestShare)
            {
                continue;
            }

            switch (test.Test(i))
            {
                case Met:
                    (best, bestShare) = (i, share);
                    break;
                case Unreadable:
                    return -2 - i;
            }
        }

        return best;
    }
}
