using System.Globalization;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Benefits.Cremation;

/// <summary>
/// Cremation support (hỗ trợ hỏa táng, Hanoi 03/2020/NQ-HĐND): a one-off amount in the month of death
/// for a person cremated who was a permanent resident or lived in one of the city's public social-assistance
/// facilities, the adult or child-under-6 amount plus transport.
/// </summary>
/// <remarks>
/// Applies wherever a rule file sets <c>cremation-support</c>: today Hanoi only. Not modelled (no fact tells
/// them): residents of the city's centres for merit persons, Hospital 09 patients and homeless people who die in Hanoi.
/// </remarks>
internal static class CremationSupportCalculator
{

    /// <summary>The cremation support due in the month, or null.</summary>
    internal static Entitlement? For(MonthLaw law, Person person, Explainer? explain)
    {
        // Only in the month of death are the groups read: the population engine signs them for no other month
        // (Populations/DecidedProfiles.cs), so a change here changes it too.
        if (person.DeathDate is not { } death || death.ToYearMonth() != law.Month)
        {
            return null;
        }

        // The groups of cremation support are stated in the rule files ("benefit": "cremation"; today Hanoi's NQ 03/2020).
        if (law.CremationGroups.IsEmpty)
        {
            return null;
        }

        var context = new ConditionContext(person, law);
        GroupDefinition? group = null;
        RuleMatch match = default;
        foreach (var candidate in law.CremationGroups)
        {
            var found = AllowanceRules.For(candidate)!.Match(person, law);
            if (found.IsMatch)
            {
                (group, match) = (candidate, found);
                break;
            }
        }

        if (group is null)
        {
            if (explain is not null)
            {
                var first = law.CremationGroups[0];
                var reason = AllowanceRules.For(first)!.Describe(person, law, default);
                explain.Add($"No cremation support: {reason.English}", $"Không được hỗ trợ hỏa táng: {reason.Vietnamese}",
                    [first.Basis, .. reason.Basis.IsDefault ? [] : reason.Basis]);
            }

            return null;
        }

        var body = LawValues.Require(law, ParameterCatalog.CremationSupport, match.Case);
        bool child = match.Case == ParameterCatalog.CremationChild;
        var transport = law.Get(ParameterCatalog.CremationSupport, null, ParameterCatalog.CremationTransport);
        var amount = transport is null ? body.Amount : body.Amount + transport.Amount;
        System.Collections.Immutable.ImmutableArray<Citation> basis = transport is null ? [group.Basis, body.Basis] : [group.Basis, body.Basis, transport.Basis];
        if (explain is not null)
        {
            var reason = AllowanceRules.For(group)!.Describe(person, law, match);
            explain.Add(
                string.Create(CultureInfo.InvariantCulture, $"Cremation support ({(child ? "child" : "adult")}): {reason.English}: {Format.Amount(body.Amount)}{(transport is null ? "" : $" + transport {Format.Amount(transport.Amount)}")} = {Format.Amount(amount)}, once"),
                string.Create(CultureInfo.InvariantCulture, $"Hỗ trợ hỏa táng ({(child ? "trẻ em" : "người lớn")}): {reason.Vietnamese}: {Format.Amount(body.Amount)}{(transport is null ? "" : $" + vận chuyển {Format.Amount(transport.Amount)}")} = {Format.Amount(amount)} đồng, một lần"),
                [.. basis, .. reason.Basis.IsDefault ? [] : reason.Basis]);
        }

        return new Entitlement(EntitlementKind.CremationSupport, Payee.Beneficiary, amount, null, group.Id, basis);
    }
}
