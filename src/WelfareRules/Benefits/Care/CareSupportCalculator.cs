using System.Collections.Immutable;
using System.Globalization;
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
/// Care support in the community (ND 20/2021 Art 20), in addition to the person's own monthly allowance
/// (Art 19 k1):
/// <list type="bullet">
/// <item>k1: to the household or person fostering a K1 child (under 4 / from 4 to under 16) or a K5d elderly person: <c>carer-support</c>;</item>
/// <item>k2 a, b: to a severely or especially severely disabled person who is pregnant or raising children under 36 months: <c>disability-care-support</c>, paid to the person;</item>
/// <item>k2 c: to the household directly caring for an especially severely disabled member (<c>livingArrangement: family</c>): <c>carer-support</c>;</item>
/// <item>k2 d: to the household or person fostering an especially severely disabled adult or child: <c>carer-support</c>.</item>
/// </list>
/// </summary>
/// <remarks>
/// Readings of the library: every support starts in the month the decision is signed (Art 8 k1 đ) and
/// stops from the month after death or loss of eligibility (Art 8 k2); a person in a facility gets
/// none (Arts 18–20 are community care; the facility regime of Art 25 applies instead). Where several
/// carer supports apply to one person (a fostered K1 child who is also especially severely disabled),
/// the carer gets the single highest. The rule that when both spouses are disabled only one Art 20 k2 a
/// support is paid cannot be applied: the facts describe one person, not the couple. The caller must not
/// pay a second support to the other spouse.
/// </remarks>
internal static class CareSupportCalculator
{
    private static readonly Citation KeepsOwnAllowance = new(LawCitations.Nd20, "19", "1");
    private static readonly Citation AlsoOnAllowance = new(LawCitations.Nd20, "20", "2", "b");

    internal static EntitlementPair Evaluate(MonthLaw law, Person person, Explainer? explain)
    {
        var month = law.Month;
        if (person.LivingArrangement == LivingArrangement.Facility)
        {
            return default;
        }

        // The cases are groups of the rule files ("benefit": "disability-care-support" or "carer-support"), each band a
        // case of care-coefficient; the person's own support is one case, the carer's the highest of those met.
        var context = new ConditionContext(person, law);
        CareCase? parent = null;
        var carer = new ValueList<CareCase>();
        foreach (var group in law.CareGroups)
        {
            var eligibility = group.Eligibility!;
            if (eligibility.MatchBand(context) is not { } band)
            {
                continue;
            }

            var found = explain is null ? new CareCase(band, group.Id, group.Basis, null!, null!, default) : Describe(group, band, context);
            if (eligibility.Benefit == GroupBenefit.CarerSupport)
            {
                carer.Add(found);
            }
            else
            {
                parent ??= found;
            }
        }

        if (parent is null && carer.IsEmpty)
        {
            return default;
        }

        if (person.DecisionSignedOn is { } signed && month < signed.ToYearMonth())
        {
            explain?.Add(
                $"Care support (Art 20) is payable only from {Format.Month(signed.ToYearMonth())}, the month the decision was signed ({Format.Date(signed)})",
                $"Hỗ trợ kinh phí chăm sóc (Điều 20) chỉ được hưởng từ tháng {Format.Month(signed.ToYearMonth())}, tháng ký quyết định ({Format.Date(signed)})",
                LawCitations.StartMonth);
            return default;
        }

        var parentSupport = parent is { } p ? ToEntitlement(law, p, EntitlementKind.DisabilityCareSupport, Payee.Beneficiary, explain) : null;

        CareCase? best = null;
        decimal bestFactor = 0m;
        foreach (var candidate in carer.AsSpan())
        {
            decimal factor = LawValues.Require(law, ParameterCatalog.CareCoefficient, candidate.Case).Value;
            if (best is null || factor > bestFactor)
            {
                best = candidate;
                bestFactor = factor;
            }
        }

        Entitlement? carerSupport = null;
        if (best is { } chosen)
        {
            if (carer.Count > 1)
            {
                explain?.Add(
                    "Several carer supports apply to this person: the carer receives the single highest",
                    "Thuộc nhiều mức hỗ trợ kinh phí chăm sóc: người chăm sóc chỉ được hưởng một mức cao nhất");
            }

            carerSupport = ToEntitlement(law, chosen, EntitlementKind.CarerSupport, Payee.Carer, explain);
        }

        explain?.Add(
            "The person keeps their own monthly allowance: care support is paid in addition",
            "Đối tượng vẫn được hưởng trợ cấp xã hội hằng tháng; hỗ trợ kinh phí chăm sóc được hưởng thêm",
            best is null ? AlsoOnAllowance : KeepsOwnAllowance);
        return parentSupport is null ? new EntitlementPair(carerSupport, null) : new EntitlementPair(parentSupport, carerSupport);
    }

    private static Entitlement ToEntitlement(MonthLaw law, CareCase c, EntitlementKind kind, Payee payee, Explainer? explain)
    {
        var standard = law.Standard!;
        var coefficient = LawValues.Require(law, ParameterCatalog.CareCoefficient, c.Case);
        var amount = standard.Amount.Times(coefficient.Value);
        explain?.Add(
            $"{c.English}: coefficient {Format.Factor(coefficient.Value)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}, paid to the {(payee == Payee.Carer ? "carer" : "person")}",
            $"{c.Vietnamese}: hệ số {Format.Factor(coefficient.Value)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}, chi trả cho {(payee == Payee.Carer ? "người chăm sóc" : "đối tượng")}",
            [.. c.Basis.IsDefault ? [] : c.Basis, coefficient.Basis]);
        // The group that makes the person eligible is part of the amount's basis (its grade among the others'); in the
        // decree the group and its coefficient are the same clause (Art 20 k1, k2), cited once.
        return new Entitlement(kind, payee, amount, coefficient.Value, c.Group,
            c.GroupBasis == coefficient.Basis ? [coefficient.Basis, standard.Basis] : [c.GroupBasis, coefficient.Basis, standard.Basis]);
    }

    /// <summary>A case met, with the reason in both languages: the group's title and its conditions as found.</summary>
    private static CareCase Describe(GroupDefinition group, string band, in ConditionContext context)
    {
        var eligibility = group.Eligibility!;
        var notes = new ValueList<ConditionNote>();
        eligibility.When.Explain(context, ref notes);
        foreach (var candidate in eligibility.Bands)
        {
            if (candidate.Case == band)
            {
                candidate.When?.Explain(context, ref notes);
                break;
            }
        }

        var (english, vietnamese) = GroupReason.Text(group, notes.AsSpan());
        return new CareCase(band, group.Id, group.Basis, english, vietnamese, GroupReason.Basis(notes.AsSpan(), group.Basis));
    }
}

/// <summary>
/// One case of Art 20: the <c>care-coefficient</c> case, the group id reported, the group's own citation, and the
/// reason in both languages with its citations (null and default when not explaining).
/// </summary>
internal readonly record struct CareCase(string Case, string Group, Citation GroupBasis, string English, string Vietnamese, ImmutableArray<Citation> Basis);
