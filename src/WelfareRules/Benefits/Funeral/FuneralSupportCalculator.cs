using System;
using WelfareRules.Benefits.Care;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
using WelfareRules.Legal;
using WelfareRules.Reports;
using static WelfareRules.Benefits.AgeReading;

namespace WelfareRules.Benefits.Funeral;

/// <summary>
/// Funeral support (hỗ trợ chi phí mai táng), a one-off amount reported in the month of death: the single
/// highest of
/// <list type="bullet">
/// <item>ND 20/2021 Art 11 k1 a, k2: a person receiving the monthly allowance (≥ 20 × standard);</item>
/// <item>Art 11 k1 c, k2: a person aged 80 or over on a monthly survivor benefit or other monthly benefit (≥ 20 × standard);</item>
/// <item>Art 14 k1: a death from disaster, fire, epidemic, traffic or serious work accident or force majeure (≥ 50 × standard, to the household);</item>
/// <item>Art 25 k3: a death in a social assistance facility (≥ 50 × standard).</item>
/// </list>
/// </summary>
/// <remarks>
/// Readings of the library. Art 11 k1 c is approximated by <c>receivesPension</c> ("a pension or a
/// monthly social-insurance benefit"): the facts do not tell a survivor benefit (trợ cấp tuất) from a
/// pension, so a pensioner aged 80+ is counted too. Art 11 k1 b (the child of a poor single parent, K4)
/// is not modelled: the facts describe the deceased person and have no field saying that their parent is
/// a K4 beneficiary (the parent's <c>childrenRaisedAlone</c> has no death date). Every funeral
/// entitlement has payee <c>beneficiary</c>: it is paid on the deceased person's account to whoever
/// arranges the funeral (the household, for Art 14 k1); the contract has no other payee.
/// </remarks>
internal static class FuneralSupportCalculator
{
    private static readonly Citation HighestOnly = new(LawCitations.Nd20, "11", "2");


    /// <summary>The funeral support of the month of death, or null in any other month or when no case applies.</summary>
    /// <param name="law">The month's law.</param>
    /// <param name="person">The person.</param>
    /// <param name="monthEntitlements">The entitlements already found for the month (the allowance is still paid in the month of death).</param>
    /// <param name="explain">The explanation, or null.</param>
    internal static Entitlement? Evaluate(MonthLaw law, Person person, ReadOnlySpan<Entitlement> monthEntitlements, Explainer? explain)
    {
        var month = law.Month;

        // Only in the month of death are the groups read: the population engine signs them for no other month
        // (Populations/DecidedProfiles.cs), so a change here changes it too.
        if (person.DeathDate is not { } death || death.ToYearMonth() != month)
        {
            return null;
        }

        int received = 0;
        foreach (var entitlement in monthEntitlements)
        {
            if (entitlement.Payee == Payee.Beneficiary)
            {
                received |= 1 << (int)entitlement.Kind;
            }
        }

        // The groups of funeral support are stated in the rule files ("benefit": "funeral"): the highest of those met.
        var context = new ConditionContext(person, law, null, received);
        var standard = law.Standard!;
        Entitlement? best = null;
        int met = 0;
        foreach (var group in law.FuneralGroups)
        {
            var eligibility = group.Eligibility!;
            if (!eligibility.When.IsMet(context))
            {
                continue;
            }

            met++;
            var multiple = LawValues.Require(law, ParameterCatalog.FuneralMultiple, eligibility.Bands[0].Case);
            var amount = standard.Amount.Times(multiple.Value);
            if (explain is not null)
            {
                var notes = new ValueList<ConditionNote>();
                eligibility.When.Explain(context, ref notes);
                var (why, whyVi) = GroupReason.Text(group, notes.AsSpan());
                var cited = GroupReason.Basis(notes.AsSpan(), group.Basis).Add(multiple.Basis);
                explain.Add(
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Funeral support ({group.Code}): {why} ({Format.Date(death)}): at least {Format.Factor(multiple.Value)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}"),
                    string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Hỗ trợ chi phí mai táng ({group.Code}): {whyVi} ({Format.Date(death)}): tối thiểu {Format.Factor(multiple.Value)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}"),
                    cited.AsSpan());
            }

            if (best is null || amount > best.Amount)
            {
                best = new Entitlement(EntitlementKind.FuneralSupport, Payee.Beneficiary, amount, multiple.Value, group.Id, [group.Basis, multiple.Basis, standard.Basis]);
            }
        }

        if (best is null)
        {
            return null;
        }

        if (met > 1)
        {
            explain?.Add(
                $"Several funeral supports apply: only the highest is paid, {Format.Amount(best!.Amount)}",
                $"Thuộc nhiều diện hỗ trợ chi phí mai táng: chỉ được hưởng một mức cao nhất, {Format.Amount(best!.Amount)}",
                HighestOnly);
        }

        return best;
    }
}
