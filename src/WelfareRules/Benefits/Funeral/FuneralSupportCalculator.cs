using System;
using WelfareRules.Benefits.Care;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
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
    private static readonly Citation AllowanceRecipient = new(LawCitations.Nd20, "11", "1", "a");
    /// <summary>The age (a case of <c>age</c>) from which a survivor on a monthly benefit gets funeral support (Art 11 k1 c: 80, as K5c).</summary>
    private const string SurvivorAge = "elderly-80";

    private static readonly Citation PensionRecipient = new("176/2025/NĐ-CP", "5", "1", status: ProvisionStatus.Reported);
    private static readonly Citation SurvivorBenefit = new(LawCitations.Nd20, "11", "1", "c");

    /// <summary>
    /// Whether the person receives a monthly allowance in the month, for Art 11 k1 a: any monthly
    /// social allowance among the month's entitlements. The one test of "receiving the monthly
    /// allowance". Social-pension recipients are a case of their own in <see cref="Evaluate"/>, cited to
    /// ND 176/2025 Art 5 (which applies Art 11 k2 to them).
    /// </summary>
    internal static bool ReceivesMonthlyAllowance(ReadOnlySpan<Entitlement> monthEntitlements) => Any(monthEntitlements, EntitlementKind.SocialAllowance);

    /// <summary>The funeral support of the month of death, or null in any other month or when no case applies.</summary>
    /// <param name="law">The month's law.</param>
    /// <param name="person">The person.</param>
    /// <param name="monthEntitlements">The entitlements already found for the month (the allowance is still paid in the month of death).</param>
    /// <param name="explain">The explanation, or null.</param>
    internal static Entitlement? Evaluate(MonthLaw law, Person person, ReadOnlySpan<Entitlement> monthEntitlements, Explainer? explain)
    {
        var month = law.Month;
        if (person.DeathDate is not { } death || death.ToYearMonth() != month)
        {
            return null;
        }

        var cases = new ValueList<(string Case, string Group, Citation? Eligibility, string English, string Vietnamese)>();
        if (person.DeathCause == DeathCause.Disaster)
        {
            cases.Add(("disaster", "ND20-14-1", null, "died from disaster, fire, epidemic, accident or force majeure", "chết do thiên tai, hỏa hoạn, dịch bệnh, tai nạn hoặc lý do bất khả kháng"));
        }

        if (InstitutionalCareCalculator.Qualifies(person, law))
        {
            cases.Add(("facility", "ND20-25-3", null, "died while cared for in a social assistance facility", "chết khi đang được chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội"));
        }

        if (ReceivesMonthlyAllowance(monthEntitlements))
        {
            cases.Add(("allowance-recipient", "ND20-11-1a", AllowanceRecipient, "died while receiving the monthly social allowance", "chết khi đang hưởng trợ cấp xã hội hằng tháng"));
        }
        else if (Any(monthEntitlements, EntitlementKind.SocialPension))
        {
            // ND 176/2025 Art 5: social-pension recipients get funeral support as under ND 20 Art 11 k2.
            cases.Add(("allowance-recipient", "ND176-5", PensionRecipient, "died while receiving the social pension", "chết khi đang hưởng trợ cấp hưu trí xã hội"));
        }
        else if (person.ReceivesPension && AgeIn(person.BirthDate, month) >= LawValues.Age(law, SurvivorAge))
        {
            cases.Add(("allowance-recipient", "ND20-11-1c", SurvivorBenefit, "died aged 80 or over while receiving a monthly benefit (receivesPension)", "chết khi từ đủ 80 tuổi đang hưởng trợ cấp hằng tháng"));
        }

        if (cases.Count == 0)
        {
            return null;
        }

        var standard = law.Standard!;
        Entitlement? best = null;
        foreach (var (@case, group, eligibility, english, vietnamese) in cases.AsSpan())
        {
            var multiple = LawValues.Require(law, ParameterCatalog.FuneralMultiple, @case);
            var amount = standard.Amount.Times(multiple.Value);
            explain?.Add(
                $"Funeral support: {english} ({Format.Date(death)}): at least {Format.Factor(multiple.Value)} × standard {Format.Amount(standard.Amount)} = {Format.Amount(amount)}",
                $"Hỗ trợ chi phí mai táng: {vietnamese} ({Format.Date(death)}): tối thiểu {Format.Factor(multiple.Value)} × mức chuẩn {Format.Amount(standard.Amount)} = {Format.Amount(amount)}",
                eligibility is null ? [multiple.Basis] : [eligibility, multiple.Basis]);
            if (best is null || amount > best.Amount)
            {
                best = new Entitlement(EntitlementKind.FuneralSupport, Payee.Beneficiary, amount, multiple.Value, group,
                    eligibility is null ? [multiple.Basis, standard.Basis] : [eligibility, multiple.Basis, standard.Basis]);
            }
        }

        if (cases.Count > 1)
        {
            explain?.Add(
                $"Several funeral supports apply: only the highest is paid, {Format.Amount(best!.Amount)}",
                $"Thuộc nhiều diện hỗ trợ chi phí mai táng: chỉ được hưởng một mức cao nhất, {Format.Amount(best!.Amount)}",
                HighestOnly);
        }

        return best;
    }

    private static bool Any(ReadOnlySpan<Entitlement> entitlements, EntitlementKind kind)
    {
        foreach (var entitlement in entitlements)
        {
            if (entitlement.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }
}
