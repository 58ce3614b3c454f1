using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Benefits.SocialAllowance;

/// <summary>One group a person qualifies for in a month, with its case and amount.</summary>
internal readonly record struct AllowanceCandidate(OpenGroup Group, GroupCase Case, decimal Factor, Dong Amount);

/// <summary>
/// The monthly social allowance (trợ cấp xã hội hằng tháng): eligibility per group, coefficient, amount
/// and the combination rules of ND 20/2021 Art 6 k2.
/// </summary>
internal static class SocialAllowanceCalculator
{
    /// <summary>
    /// The allowance of the month (none, one entitlement, or two: K4 with another group): every group the person qualifies for and is payable in the month
    /// (start months applied), combined by Art 6 k2.
    /// </summary>
    internal static EntitlementPair Evaluate(MonthLaw law, Person person, Explainer? explain)
    {
        var month = law.Month;
        var standard = law.Standard!;
        var candidates = new Combination();
        foreach (var group in law.Groups)
        {
            var match = group.Rule.Match(person, law);
            if (!match.IsMatch)
            {
                continue;
            }

            var definition = group.Definition;
            if (NotYetStarted(group.Rule.Start, person, month) is { } start)
            {
                if (explain is not null)
                {
                    var reason = group.Rule.Describe(person, law, match);
                    var (english, vietnamese) = StartReason(start);
                    explain.Add(
                        $"{definition.Code} ({definition.Id}): {reason.English}; payable only from {Format.Month(start.Date.ToYearMonth())}, the month {english}",
                        $"{definition.Code} ({definition.Id}): {reason.Vietnamese}; chỉ hưởng từ tháng {Format.Month(start.Date.ToYearMonth())}, tháng {vietnamese}",
                        [definition.Basis, .. reason.Basis.IsDefault ? [] : reason.Basis, LawCitations.StartMonth]);
                }

                continue;
            }

            var groupCase = group.Cases[group.Rule.CaseIndex(match.Case)];
            var coefficient = groupCase.Coefficient!;
            decimal factor = match.Multiplier == 1 ? groupCase.SingleFactor : coefficient.Value * match.Multiplier;
            var amount = match.Multiplier == 1 ? groupCase.SingleAmount : standard.Amount.Times(factor);
            candidates.Add(new AllowanceCandidate(group, groupCase, factor, amount));
            if (explain is not null)
            {
                var reason = group.Rule.Describe(person, law, match);
                explain.Add(
                    string.Create(CultureInfo.InvariantCulture, $"{definition.Code} ({definition.Id}): {reason.English}; coefficient {Format.Factor(coefficient.Value)}{PerChild(match)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}"),
                    string.Create(CultureInfo.InvariantCulture, $"{definition.Code} ({definition.Id}): {reason.Vietnamese}; hệ số {Format.Factor(coefficient.Value)}{PerChildVi(match)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}"),
                    [definition.Basis, .. reason.Basis.IsDefault ? [] : reason.Basis, coefficient.Basis]);
            }
        }

        var payment = Combine(candidates, explain);
        if (candidates.Count == 0)
        {
            explain?.Add("No monthly social allowance group applies this month", "Không thuộc diện hưởng trợ cấp xã hội hằng tháng trong tháng này");
        }

        return payment;
    }

    /// <summary>The basis of the allowance a group's case gives in a month: the group, the coefficient, the standard, and the switches behind them.</summary>
    internal static ImmutableArray<Citation> EntitlementBasis(GroupDefinition group, Provision coefficient, AppliedStandard standard, Provision? openSwitch, ImmutableArray<Citation> ages = default)
    {
        var basis = ImmutableArray.CreateBuilder<Citation>(5 + (ages.IsDefault ? 0 : ages.Length));
        basis.Add(group.Basis);
        basis.Add(coefficient.Basis);
        basis.Add(standard.Basis);
        if (standard.IsNationalFloor)
        {
            // The local standard is lower: the national one applies because a local level may not be lower (Art 4 k3).
            basis.Add(LawCitations.LocalFloor);
        }

        if (openSwitch is { } open)
        {
            basis.Add(open.Basis);
        }

        foreach (var age in ages.IsDefault ? [] : ages)
        {
            if (!basis.Contains(age))
            {
                basis.Add(age);
            }
        }

        return basis.ToImmutable();
    }

    /// <summary>
    /// Art 6 k2: one highest amount; but a poor single parent (K4) also in K5, K6 or K8 receives both
    /// the K4 amount and the highest of the others.
    /// </summary>
    private static EntitlementPair Combine(in Combination candidates, Explainer? explain)
    {
        if (candidates.Best is not { } best)
        {
            return default;
        }

        if (candidates.SingleParent is { } k4 && candidates.Additive is { } other && k4.Amount + other.Amount > best.Amount)
        {
            explain?.Add(
                $"A poor single parent who is also in {other.Group.Definition.Code} receives both amounts: {Format.Amount(k4.Amount)} + {Format.Amount(other.Amount)}",
                $"Người đơn thân nghèo đang nuôi con đồng thời thuộc diện {other.Group.Definition.Code} được hưởng cả hai mức: {Format.Amount(k4.Amount)} + {Format.Amount(other.Amount)}",
                LawCitations.HighestOnly);
            return new EntitlementPair(ToEntitlement(k4), ToEntitlement(other));
        }

        if (candidates.Count > 1)
        {
            explain?.Add(
                $"Several groups apply: only the highest amount is paid, {Format.Amount(best.Amount)} ({best.Group.Definition.Code})",
                $"Thuộc nhiều diện: chỉ hưởng một mức cao nhất, {Format.Amount(best.Amount)} ({best.Group.Definition.Code})",
                LawCitations.HighestOnly);
        }

        return new EntitlementPair(ToEntitlement(best), null);
    }

    private static Entitlement ToEntitlement(AllowanceCandidate candidate) =>
        new(EntitlementKind.SocialAllowance, Payee.Beneficiary, candidate.Amount, candidate.Factor, candidate.Group.Definition.Id, candidate.Case.EntitlementBasis);

    /// <summary>
    /// The date from which a matched group is payable (the certificate's or the decision's), when that is
    /// after the month; null when payable in the month.
    /// </summary>
    /// <remarks>The certificate is read only here, for a group paid from its month: the population engine signs it only for such a group (Populations/DecidedProfiles.cs).</remarks>
    private static (LocalDate Date, bool Certificate)? NotYetStarted(StartRule rule, Person person, YearMonth month)
    {
        switch (rule)
        {
            case StartRule.DisabilityCertificateMonth when person.DisabilityCertifiedOn is { } certified:
                return month < certified.ToYearMonth() ? (certified, true) : null;
            case StartRule.AgeReached:
                return null;
            default:
                return person.DecisionSignedOn is { } signed && month < signed.ToYearMonth() ? (signed, false) : null;
        }
    }

    /// <summary>What happens on the start date, in English and Vietnamese, for the explanation.</summary>
    private static (string English, string Vietnamese) StartReason((LocalDate Date, bool Certificate) start) =>
        start.Certificate
            ? ($"the disability certificate was issued ({Format.Date(start.Date)})", $"cấp giấy xác nhận khuyết tật ({Format.Date(start.Date)})")
            : ($"the decision was signed ({Format.Date(start.Date)})", $"ký quyết định ({Format.Date(start.Date)})");

    private static string PerChild(RuleMatch match) => match.Case == AllowanceRules.PerChild ? string.Create(CultureInfo.InvariantCulture, $" per child × {match.Multiplier}") : "";

    private static string PerChildVi(RuleMatch match) => match.Case == AllowanceRules.PerChild ? string.Create(CultureInfo.InvariantCulture, $" mỗi con × {match.Multiplier}") : "";

    /// <summary>The candidates of a month as Art 6 k2 needs them: the highest overall, the highest K4, the highest K5, K6 or K8.</summary>
    private struct Combination
    {
        internal AllowanceCandidate? Best;
        internal AllowanceCandidate? SingleParent;
        internal AllowanceCandidate? Additive;
        internal int Count;

        internal void Add(AllowanceCandidate candidate)
        {
            Count++;
            if (Best is null || candidate.Amount > Best.Value.Amount)
            {
                Best = candidate;
            }

            switch (candidate.Group.Rule.Category)
            {
                case RuleCategory.SingleParent when SingleParent is null || candidate.Amount > SingleParent.Value.Amount:
                    SingleParent = candidate;
                    break;
                case RuleCategory.Elderly or RuleCategory.Disability or RuleCategory.HivAdult when Additive is null || candidate.Amount > Additive.Value.Amount:
                    Additive = candidate;
                    break;
            }
        }
    }
}
