using System.Globalization;
using WelfareRules.Evaluation;
using WelfareRules.Law;

namespace WelfareRules.Benefits;

/// <summary>Reads a value the law must have in force in a month; its absence means the month's law is not encoded.</summary>
internal static class LawValues
{
    /// <summary>The provision of a global parameter (and case) in force in the month: a local value over the national one.</summary>
    /// <exception cref="EvaluationException">No value is in force (<see cref="EvaluationError.LawNotEncoded"/>).</exception>
    internal static Provision Require(MonthLaw law, string parameter, string? @case = null) =>
        law.Get(parameter, null, @case) ?? throw new EvaluationException(EvaluationError.LawNotEncoded,
            string.Create(CultureInfo.InvariantCulture, $"no value of {new ParameterKey(parameter, null, @case)} is in force in {law.Jurisdiction} in {Format.Month(law.Month)}"));

    /// <summary>An age of the law in force in the month (a case of the <c>age</c> parameter), in years.</summary>
    /// <exception cref="EvaluationException">No such age is in force.</exception>
    internal static int Age(MonthLaw law, string ageCase) =>
        law.AgeLimit(Law.Conditions.AgeIds.Of(ageCase)) ?? (int)Require(law, ParameterCatalog.Age, ageCase).Value;

    /// <summary>
    /// Whether the person meets a group of the month's law (open or closed: membership, not payment), with the case
    /// it gives; a group the rule set does not define is not met. Care support and institutional care read the
    /// groups of ND 20/2021 Art 5 this way, so that they follow the same conditions and ages.
    /// </summary>
    internal static (OpenGroup Group, SocialAllowance.RuleMatch Match)? Meets(MonthLaw law, string groupId, Facts.Person person)
    {
        foreach (var groups in (System.ReadOnlySpan<System.Collections.Immutable.ImmutableArray<OpenGroup>>)[law.Groups, law.ClosedGroups])
        {
            foreach (var group in groups)
            {
                if (group.Definition.Id == groupId)
                {
                    var match = group.Rule.Match(person, law);
                    return match.IsMatch ? (group, match) : null;
                }
            }
        }

        return null;
    }
}
