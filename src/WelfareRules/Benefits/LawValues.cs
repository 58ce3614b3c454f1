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
}
