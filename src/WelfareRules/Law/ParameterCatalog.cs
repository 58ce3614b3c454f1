using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using WelfareRules.Benefits.HealthInsurance;
using WelfareRules.Benefits.PovertyStandard;

namespace WelfareRules.Law;

/// <summary>How a parameter is keyed.</summary>
internal enum ParameterScope
{
    /// <summary>One value (or one per listed case) for the whole jurisdiction.</summary>
    Global,

    /// <summary>One value per beneficiary group and case of the group's eligibility rule.</summary>
    GroupCase,

    /// <summary>One value per beneficiary group.</summary>
    Group,
}

/// <summary>A parameter the library knows: its name, kind and keying. Values are data; this is the vocabulary.</summary>
internal sealed record ParameterDefinition(string Name, ParameterKind Kind, ParameterScope Scope, ImmutableArray<string> Cases, bool NotBelowNational, string Description);

/// <summary>
/// The vocabulary of parameters a rule file may set. Adding a parameter here (and the code that reads
/// it) is how the library learns a new kind of provision; the values stay in the instrument files.
/// </summary>
internal static class ParameterCatalog
{
    internal const string Standard = "standard";
    internal const string Coefficient = "coefficient";
    internal const string GroupOpen = "group-open";

    private static readonly FrozenDictionary<string, ParameterDefinition> Definitions = new ParameterDefinition[]
    {
        new(Standard, ParameterKind.Amount, ParameterScope.Global, [], NotBelowNational: true,
            "mức chuẩn trợ giúp xã hội: the social-assistance standard level (VND/month)"),
        new(Coefficient, ParameterKind.Factor, ParameterScope.GroupCase, [], NotBelowNational: false,
            "hệ số: the monthly-allowance coefficient of a group and case"),
        new(GroupOpen, ParameterKind.Switch, ParameterScope.Group, [], NotBelowNational: false,
            "whether a beneficiary group admits people (false closes it from the date)"),
    }.Concat(HealthInsuranceParameters.Definitions).Concat(PovertyParameters.Definitions).ToFrozenDictionary(d => d.Name);

    internal static bool TryGet(string name, out ParameterDefinition definition) => Definitions.TryGetValue(name, out definition!);

    internal static IEnumerable<string> Names => Definitions.Keys;
}
