using System;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using WelfareRules.Facts;
using static WelfareRules.Benefits.AgeReading;

namespace WelfareRules.Benefits.SocialAllowance;

/// <summary>
/// The rules of the groups of the monthly social allowance (trợ cấp xã hội hằng tháng) and the social pension:
/// each made from the conditions its rule file states, interpreted over the facts and the month's law.
/// </summary>
internal static class AllowanceRules
{
    internal const string Under4 = "under-4";
    internal const string From4 = "from-4";
    internal const string PerChild = "per-child";
    internal const string Single = "single";

    private static readonly RuleMatch NoMatch = default;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Law.GroupDefinition, AllowanceRule> FromData = [];

    /// <summary>
    /// The rule of a group, made once per group definition from the conditions its rule file states (or from the
    /// named rule it gives, <c>Law/NamedRules.json</c>); null for a group without conditions.
    /// </summary>
    internal static AllowanceRule? For(Law.GroupDefinition group) =>
        group.Eligibility is null ? null : FromData.GetValue(group, static g => FromEligibility(g));

    private static AllowanceRule FromEligibility(Law.GroupDefinition group)
    {
        var eligibility = group.Eligibility!;
        var category = eligibility.Combine switch
        {
            Law.Conditions.GroupCombination.Added => RuleCategory.SingleParent,
            Law.Conditions.GroupCombination.TakesAdded => RuleCategory.Elderly,
            _ => RuleCategory.Child,
        };
        var start = eligibility.Start switch
        {
            Law.Conditions.GroupStart.CertificateMonth => StartRule.DisabilityCertificateMonth,
            Law.Conditions.GroupStart.AgeReached => StartRule.AgeReached,
            _ => StartRule.DecisionMonth,
        };
        Func<Person, Law.MonthLaw, RuleMatch> match = (person, law) =>
        {
            var context = new Law.Conditions.ConditionContext(person, law);
            if (!eligibility.When.IsMet(context))
            {
                return NoMatch;
            }

            int multiplier = 1;
            if (eligibility.PerChild is { } perChild)
            {
                multiplier = perChild.Count(context);
                if (multiplier == 0)
                {
                    return NoMatch;
                }
            }

            foreach (var band in eligibility.Bands)
            {
                if (band.When is null || band.When.IsMet(context))
                {
                    return new RuleMatch(band.Case, multiplier);
                }
            }

            return NoMatch;
        };
        // The reason names the group and its conditions' notes: the same notes make the same reason.
        var reasons = new Evaluation.NoteMemo<RuleReason>();
        Func<Person, Law.MonthLaw, RuleMatch, RuleReason> describe = (person, law, matched) =>
        {
            var context = new Law.Conditions.ConditionContext(person, law);
            var notes = new Evaluation.ValueList<Law.Conditions.ConditionNote>();
            eligibility.When.Explain(context, ref notes);
            eligibility.PerChild?.Explain(context, ref notes);
            foreach (var band in eligibility.Bands)
            {
                if (band.Case == matched.Case)
                {
                    band.When?.Explain(context, ref notes);
                    break;
                }
            }

            if (reasons.TryFind(notes.AsSpan(), out var known))
            {
                return known;
            }

            var (english, vietnamese) = Evaluation.GroupReason.Text(group, notes.AsSpan());
            return reasons.Keep(notes.AsSpan(), new RuleReason(english, vietnamese, Evaluation.GroupReason.Basis(notes.AsSpan())));
        };
        return AllowanceRule.InLaw(group.Id, category, start, eligibility.Cases, match, describe);
    }
}
