using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Benefits.SocialAllowance;

/// <summary>One group a person qualifies for in a month, with its amount.</summary>
internal readonly record struct AllowanceCandidate(OpenGroup Group, RuleMatch Match, Provision Coefficient, decimal Factor, Dong Amount);

/// <summary>
/// The monthly social allowance (trợ cấp xã hội hằng tháng): eligibility per group, coefficient, amount
/// and the combination rules of ND 20/2021 Art 6 k2.
/// </summary>
internal static class SocialAllowanceCalculator
{
    /// <summary>The groups the person qualifies for and is payable in the month (start months applied), before combination.</summary>
    internal static List<AllowanceCandidate> Candidates(MonthLaw law, Person person, Explainer? explain)
    {
        var month = law.Month;
        var standard = law.Standard!;
        var result = new List<AllowanceCandidate>();
        foreach (var group in law.Groups)
        {
            var match = group.Rule.Match(person, month);
            if (!match.IsMatch)
            {
                continue;
            }

            var definition = group.Definition;
            if (NotYetStarted(group.Rule.Start, person, month) is { } start)
            {
                explain?.Add(
                    $"{definition.Code} ({definition.Id}): {match.ReasonEnglish}; payable only from {Format.Month(start.Month)}, the month {start.English}",
                    $"{definition.Code} ({definition.Id}): {match.ReasonVietnamese}; chỉ hưởng từ tháng {Format.Month(start.Month)}, tháng {start.Vietnamese}",
                    definition.Basis, LawCitations.StartMonth);
                continue;
            }

            var coefficient = law.Get(new ParameterKey(ParameterCatalog.Coefficient, definition.Id, match.Case))!;
            decimal factor = coefficient.Value * match.Multiplier;
            var amount = standard.Amount.Times(factor);
            result.Add(new AllowanceCandidate(group, match, coefficient, factor, amount));
            explain?.Add(
                $"{definition.Code} ({definition.Id}): {match.ReasonEnglish}; coefficient {Format.Factor(coefficient.Value)}{PerChild(match)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}",
                $"{definition.Code} ({definition.Id}): {match.ReasonVietnamese}; hệ số {Format.Factor(coefficient.Value)}{PerChildVi(match)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}",
                definition.Basis, coefficient.Basis);
        }

        return result;
    }

    /// <summary>
    /// Art 6 k2: one highest amount; but a poor single parent (K4) also in K5, K6 or K8 receives both
    /// the K4 amount and the highest of the others.
    /// </summary>
    internal static ImmutableArray<AllowanceCandidate> Combine(List<AllowanceCandidate> candidates, Explainer? explain)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        AllowanceCandidate? best = null, singleParent = null, additive = null;
        foreach (var candidate in candidates)
        {
            if (best is null || candidate.Amount > best.Value.Amount)
            {
                best = candidate;
            }

            switch (candidate.Group.Rule.Category)
            {
                case RuleCategory.SingleParent when singleParent is null || candidate.Amount > singleParent.Value.Amount:
                    singleParent = candidate;
                    break;
                case RuleCategory.Elderly or RuleCategory.Disability or RuleCategory.HivAdult when additive is null || candidate.Amount > additive.Value.Amount:
                    additive = candidate;
                    break;
            }
        }

        if (singleParent is { } k4 && additive is { } other && k4.Amount + other.Amount > best!.Value.Amount)
        {
            explain?.Add(
                $"A poor single parent who is also in {other.Group.Definition.Code} receives both amounts: {Format.Amount(k4.Amount)} + {Format.Amount(other.Amount)}",
                $"Người đơn thân nghèo đang nuôi con đồng thời thuộc diện {other.Group.Definition.Code} được hưởng cả hai mức: {Format.Amount(k4.Amount)} + {Format.Amount(other.Amount)}",
                LawCitations.HighestOnly);
            return [k4, other];
        }

        if (candidates.Count > 1)
        {
            explain?.Add(
                $"Several groups apply: only the highest amount is paid, {Format.Amount(best!.Value.Amount)} ({best.Value.Group.Definition.Code})",
                $"Thuộc nhiều diện: chỉ hưởng một mức cao nhất, {Format.Amount(best!.Value.Amount)} ({best.Value.Group.Definition.Code})",
                LawCitations.HighestOnly);
        }

        return [best!.Value];
    }

    internal static Entitlement ToEntitlement(AllowanceCandidate candidate, AppliedStandard standard)
    {
        var basis = ImmutableArray.CreateBuilder<Citation>(5);
        basis.Add(candidate.Group.Definition.Basis);
        basis.Add(candidate.Coefficient.Basis);
        basis.Add(standard.Basis);
        if (standard.IsNationalFloor)
        {
            // The local standard is lower: the national one applies because a local level may not be lower (Art 4 k3).
            basis.Add(LawCitations.LocalFloor);
        }

        if (candidate.Group.OpenSwitch is { } open)
        {
            basis.Add(open.Basis);
        }

        return new Entitlement(EntitlementKind.SocialAllowance, Payee.Beneficiary, candidate.Amount, candidate.Factor, candidate.Group.Definition.Id, basis.ToImmutable());
    }

    private static (YearMonth Month, string English, string Vietnamese)? NotYetStarted(StartRule rule, Person person, YearMonth month)
    {
        switch (rule)
        {
            case StartRule.DisabilityCertificateMonth when person.DisabilityCertifiedOn is { } certified:
                var certificateMonth = certified.ToYearMonth();
                return month < certificateMonth
                    ? (certificateMonth, $"the disability certificate was issued ({Format.Date(certified)})", $"cấp giấy xác nhận khuyết tật ({Format.Date(certified)})")
                    : null;
            case StartRule.AgeReached:
                return null;
            default:
                if (person.DecisionSignedOn is { } signed && month < signed.ToYearMonth())
                {
                    return (signed.ToYearMonth(), $"the decision was signed ({Format.Date(signed)})", $"ký quyết định ({Format.Date(signed)})");
                }

                return null;
        }
    }

    private static string PerChild(RuleMatch match) => match.Case == "per-child" ? $" per child × {match.Multiplier}" : "";

    private static string PerChildVi(RuleMatch match) => match.Case == "per-child" ? $" mỗi con × {match.Multiplier}" : "";
}
