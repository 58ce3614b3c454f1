using System;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Reports;
using static WelfareRules.Benefits.AgeReading;

namespace WelfareRules.Benefits.SocialPension;

/// <summary>
/// The social pension (trợ cấp hưu trí xã hội, Law 41/2024/QH15 Art 21; 176/2025/NĐ-CP) and a local
/// top-up to it (Hanoi 63/2025/NQ-HĐND Art 7), and the rule that a person eligible for both it and the
/// monthly social allowance receives only the higher (Law 41/2024/QH15 Art 22 k2).
/// </summary>
/// <remarks>
/// Amounts come from the rule files (<c>social-pension</c>, <c>social-pension-top-up</c>): no value
/// in force, no social pension. Eligibility by age counts from the month of the birthday
/// (<see cref="AgeReading"/>); payment starts in the month the commune chairman signs the decision
/// (<c>decisionSignedOn</c>, 176/2025/NĐ-CP Art 4); the written request is not modelled. A person whose pension or
/// monthly social-insurance benefit is below the social pension qualifies where <c>social-pension-low-pension</c> is on.
/// </remarks>
internal static class SocialPensionCalculator
{
    /// <summary>The first open social-pension group (its conditions stated in a rule file) whose conditions the person meets, or null.</summary>
    internal static GroupDefinition? Qualifying(MonthLaw law, Person person)
    {
        var groups = law.SocialPensionGroups;
        var rules = law.SocialPension.Rules;
        for (int i = 0; i < groups.Length; i++)
        {
            if (rules[i].Match(person, law).IsMatch)
            {
                return groups[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The social pension (with any local top-up) or the monthly social allowance, whichever is higher
    /// for the person (Law 41/2024/QH15 Art 22 k2). On a tie the allowance is kept: the same money, and the person
    /// keeps the regime (and its decision) they are already under. The allowance compared is the whole
    /// combined allowance of the month.
    /// </summary>
    /// <param name="law">The month's law.</param>
    /// <param name="person">The person.</param>
    /// <param name="allowance">The monthly social allowance entitlements already combined (ND 20 Art 6 k2).</param>
    /// <param name="explain">The explanation, or null.</param>
    /// <returns>The entitlements to pay: <paramref name="allowance"/>, or the social pension and its top-up.</returns>
    internal static EntitlementPair HigherOf(MonthLaw law, Person person, EntitlementPair allowance, Explainer? explain)
    {
        var values = law.SocialPension;
        if (values.Pension is not { } pension)
        {
            return allowance;
        }

        int age = AgeIn(person.BirthDate, law.Month);
        if (Qualifying(law, person) is not { } group)
        {
            // Said only to people old enough for the question to arise (the youngest age a group reads).
            if (explain is not null && law.SocialPensionGroups.FirstOrDefault() is { } first && age >= values.YoungestAge)
            {
                var rule = AllowanceRules.For(first)!;
                var reason = rule.Describe(person, law, default);
                explain.Add(
                    $"No social pension: {reason.English}",
                    $"Không hưởng trợ cấp hưu trí xã hội: {reason.Vietnamese}",
                    [LawCitations.SocialPension, first.Basis, .. reason.Basis.IsDefault ? [] : reason.Basis]);
            }

            return allowance;
        }

        // 176/2025/NĐ-CP Art 4: paid from the month the commune chairman signs the decision.
        if (person.DecisionSignedOn is { } signed && law.Month < signed.ToYearMonth())
        {
            explain?.Add(
                $"Social pension: payable only from {Format.Month(signed.ToYearMonth())}, the month the decision was signed ({Format.Date(signed)})",
                $"Trợ cấp hưu trí xã hội: chỉ được hưởng từ tháng {Format.Month(signed.ToYearMonth())}, tháng Chủ tịch Ủy ban nhân dân cấp xã ký quyết định ({Format.Date(signed)})",
                LawCitations.SocialPensionStart);
            return allowance;
        }

        if (explain is not null)
        {
            var reason = AllowanceRules.For(group)!.Describe(person, law, new RuleMatch(GroupBands.Single, 1));
            explain.Add(
                $"Social pension ({group.Code}): {reason.English}: {Format.Amount(pension.Amount)} a month",
                $"Trợ cấp hưu trí xã hội ({group.Code}): {reason.Vietnamese}: {Format.Amount(pension.Amount)} đồng/tháng",
                [LawCitations.SocialPension, group.Basis, .. reason.Basis.IsDefault ? [] : reason.Basis, pension.Basis]);
        }

        // A local top-up is paid only with the social pension: a jurisdiction without one has no value in force.
        var topUp = values.TopUp;
        var pensionTotal = topUp is null ? pension.Amount : pension.Amount + topUp.Amount;
        if (!allowance.IsEmpty)
        {
            var allowanceTotal = allowance.Total;
            // The social pension compared is the one paid: with a local top-up, both together, and named so.
            string pensionName = topUp is null
                ? $"the social pension ({Format.Amount(pensionTotal)})"
                : string.Create(CultureInfo.InvariantCulture, $"the social pension with the {law.Jurisdiction} top-up ({Format.Amount(pension.Amount)} + {Format.Amount(topUp.Amount)} = {Format.Amount(pensionTotal)})");
            string pensionNameVi = topUp is null
                ? $"trợ cấp hưu trí xã hội ({Format.Amount(pensionTotal)})"
                : string.Create(CultureInfo.InvariantCulture, $"trợ cấp hưu trí xã hội cùng khoản hỗ trợ thêm của {law.Jurisdiction.VietnameseName} ({Format.Amount(pension.Amount)} + {Format.Amount(topUp.Amount)} = {Format.Amount(pensionTotal)})");
            if (pensionTotal <= allowanceTotal)
            {
                bool tie = pensionTotal == allowanceTotal;
                explain?.Add(
                    $"Eligible for both {pensionName} and the monthly social allowance ({Format.Amount(allowanceTotal)}): only one, the allowance{(tie ? " (equal amounts: the allowance is kept)" : ", the higher")}",
                    $"Đủ điều kiện hưởng cả {pensionNameVi} và trợ cấp xã hội hằng tháng ({Format.Amount(allowanceTotal)}): chỉ hưởng trợ cấp xã hội{(tie ? " (bằng nhau: giữ trợ cấp xã hội)" : ", mức cao hơn")}",
                    LawCitations.HigherOfPensionAndAllowance, pension.Basis);
                return allowance;
            }

            explain?.Add(
                $"Eligible for both {pensionName} and the monthly social allowance ({Format.Amount(allowanceTotal)}): only one, the social pension{(topUp is null ? "" : " with its top-up")}, the higher",
                $"Đủ điều kiện hưởng cả {pensionNameVi} và trợ cấp xã hội hằng tháng ({Format.Amount(allowanceTotal)}): chỉ hưởng trợ cấp hưu trí xã hội{(topUp is null ? "" : " cùng khoản hỗ trợ thêm")}, mức cao hơn",
                LawCitations.HigherOfPensionAndAllowance, pension.Basis);
        }

        var closures = new ValueList<Citation>();
        ClosedGroupsQualifiedFor(law, person, ref closures, explain);
        var pensionEntitlement = new Entitlement(EntitlementKind.SocialPension, Payee.Beneficiary, pension.Amount, null, group.Id,
            closures.IsEmpty ? values.PensionBasisOf(group) : [.. values.PensionBasisOf(group), .. closures.AsSpan()]);
        if (topUp is null)
        {
            return new EntitlementPair(pensionEntitlement, null);
        }

        var topUpEntitlement = new Entitlement(EntitlementKind.SocialPensionTopUp, Payee.Beneficiary, topUp.Amount, null, null, values.TopUpBasis);
        explain?.Add(
            string.Create(CultureInfo.InvariantCulture, $"{law.Jurisdiction} top-up to the social pension: {Format.Amount(topUp.Amount)} a month"),
            string.Create(CultureInfo.InvariantCulture, $"{law.Jurisdiction.VietnameseName} hỗ trợ thêm cho người hưởng trợ cấp hưu trí xã hội: {Format.Amount(topUp.Amount)} đồng/tháng"),
            topUp.Basis);
        return new EntitlementPair(pensionEntitlement, topUpEntitlement);
    }

    /// <summary>The basis of a local top-up: the top-up and the social pension it is paid with.</summary>
    internal static ImmutableArray<Citation> TopUpBasis(Provision topUp, Provision pension) => [topUp.Basis, pension.Basis];

    /// <summary>
    /// The switches that closed a group the person would otherwise qualify for this month (K5c from
    /// 2025-07-01): they are part of why the social pension, not the allowance, is paid.
    /// </summary>
    private static void ClosedGroupsQualifiedFor(MonthLaw law, Person person, ref ValueList<Citation> citations, Explainer? explain)
    {
        foreach (var closedGroup in law.ClosedGroups)
        {
            if (!closedGroup.Rule.Match(person, law).IsMatch)
            {
                continue;
            }

            var group = closedGroup.Definition;
            var closed = closedGroup.OpenSwitch!;
            citations.Add(closed.Basis);
            explain?.Add(
                $"{group.Code} ({group.Id}) would apply, but it is closed from {Format.Date(closed.From)}: the social pension is paid instead",
                $"{group.Code} ({group.Id}) lẽ ra áp dụng, nhưng không còn tiếp nhận từ {Format.Date(closed.From)}: hưởng trợ cấp hưu trí xã hội thay thế",
                closed.Basis);
        }
    }
}

/// <summary>The social-pension provisions of one month's law, read once for every person of the month.</summary>
/// <remarks>Immutable and thread-safe; built with the <see cref="MonthLaw"/>.</remarks>
internal sealed class SocialPensionLaw
{
    private readonly System.Collections.Generic.Dictionary<GroupDefinition, ImmutableArray<Citation>> bases = new(System.Collections.Generic.ReferenceEqualityComparer.Instance);

    internal SocialPensionLaw(MonthLaw law)
    {
        Pension = law.Get(ParameterCatalog.SocialPension);
        TopUp = law.Get(ParameterCatalog.SocialPensionTopUp) is { } t && t.Amount > Dong.Zero ? t : null;
        TopUpBasis = Pension is null || TopUp is null ? [] : SocialPensionCalculator.TopUpBasis(TopUp, Pension);
        YoungestAge = int.MaxValue;
        Rules = [.. law.SocialPensionGroups.Select(g => AllowanceRules.For(g)!)];
        foreach (var group in law.SocialPensionGroups)
        {
            // The figure rests on the law, the amount, the group and every age the group's conditions read.
            var basis = ImmutableArray.CreateBuilder<Citation>();
            basis.Add(LawCitations.SocialPension);
            if (Pension is not null)
            {
                basis.Add(Pension.Basis);
            }

            basis.Add(group.Basis);
            foreach (var age in group.Eligibility!.AgesRead)
            {
                if (law.Get(ParameterCatalog.Age, null, age) is { } provision)
                {
                    YoungestAge = Math.Min(YoungestAge, (int)provision.Value);
                    if (!basis.Contains(provision.Basis))
                    {
                        basis.Add(provision.Basis);
                    }
                }
            }

            bases[group] = basis.ToImmutable();
        }
    }

    /// <summary>The social pension in force, or null.</summary>
    internal Provision? Pension { get; }

    /// <summary>The rule of each of the month's social-pension groups, in the same order.</summary>
    internal ImmutableArray<AllowanceRule> Rules { get; }

    /// <summary>A local top-up in force with a positive amount, or null.</summary>
    internal Provision? TopUp { get; }

    /// <summary>The basis of the top-up.</summary>
    internal ImmutableArray<Citation> TopUpBasis { get; }

    /// <summary>The youngest age any social-pension group of the month reads: below it, the question does not arise.</summary>
    internal int YoungestAge { get; }

    /// <summary>The basis of the social pension paid under a group (when no closed group is behind it).</summary>
    internal ImmutableArray<Citation> PensionBasisOf(GroupDefinition group) => bases[group];
}
