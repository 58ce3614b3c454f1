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

/// <summary>The range a parameter's values must fall in: a bound on the kind of value, not a figure of the law.</summary>
internal enum ValueRange
{
    /// <summary>The kind's own range (<see cref="ParameterBounds"/>).</summary>
    OfKind,

    /// <summary>A fraction: from 0 to 1.</summary>
    Share,

    /// <summary>An amount that must be more than zero (a standard of 0 would make every allowance 0).</summary>
    PositiveAmount,

    /// <summary>An age: whole years from 0 to <see cref="ParameterBounds.MaxAge"/>.</summary>
    Age,
}

/// <summary>A parameter the library knows: its name, kind and keying. Values are data; this is the vocabulary.</summary>
internal sealed record ParameterDefinition(string Name, ParameterKind Kind, ParameterScope Scope, ImmutableArray<string> Cases, bool NotBelowNational, string Description, ValueRange Range = ValueRange.OfKind, bool OpenCases = false)
{
    /// <summary>The least value a rule file may give.</summary>
    internal decimal Minimum => Range == ValueRange.PositiveAmount ? 1m : 0m;

    /// <summary>The greatest value a rule file may give.</summary>
    internal decimal Maximum => Kind switch
    {
        ParameterKind.Switch => 1m,
        ParameterKind.Amount => ParameterBounds.MaxAmount,
        _ => Range switch
        {
            ValueRange.Share => 1m,
            ValueRange.Age => ParameterBounds.MaxAge,
            _ => ParameterBounds.MaxFactor,
        },
    };
}

/// <summary>
/// Bounds on the kinds of value a rule file may give, so that no product or sum of one person's amounts can
/// overflow: validation of the data's shape, far above any figure of the law.
/// </summary>
internal static class ParameterBounds
{
    /// <summary>The greatest amount: ten billion đồng a month or a payment.</summary>
    internal const decimal MaxAmount = 10_000_000_000m;

    /// <summary>The greatest coefficient, multiple, count of months or kilograms.</summary>
    internal const decimal MaxFactor = 1_000m;

    /// <summary>The greatest age in years.</summary>
    internal const decimal MaxAge = 150m;
}

/// <summary>
/// The vocabulary of parameters a rule file may set. Adding a parameter here (and the code that reads
/// it) is how the library learns a new kind of provision; the values stay in the instrument files.
/// </summary>
internal static class ParameterCatalog
{
    internal const string Standard = "standard";
    internal const string Age = "age";
    internal const string Coefficient = "coefficient";
    internal const string GroupOpen = "group-open";
    internal const string CareCoefficient = "care-coefficient";
    internal const string InstitutionalCoefficient = "institutional-coefficient";
    internal const string FuneralMultiple = "funeral-multiple";
    internal const string EmergencyMultiple = "emergency-multiple";
    internal const string EmergencyAmount = "emergency-amount";
    internal const string RiceKilograms = "rice-kg";
    internal const string RiceMonths = "rice-months";
    internal const string SocialPension = "social-pension";
    internal const string SocialPensionTopUp = "social-pension-top-up";
    internal const string CremationSupport = "cremation-support";
    internal const string MeritAmount = "merit-amount";
    internal const string MeritStandard = "merit-standard";

    /// <summary>The cases of <see cref="CremationSupport"/>: the body (adult or child under 6) and the transport added to it.</summary>
    internal const string CremationAdult = "adult";

    /// <summary>A child under 6 on the date of death (Hanoi NQ 03/2020).</summary>
    internal const string CremationChild = "child-under-6";

    /// <summary>Transport of the body, paid on top of the cremation amount.</summary>
    internal const string CremationTransport = "transport";

    private static readonly FrozenDictionary<string, ParameterDefinition> Definitions = new ParameterDefinition[]
    {
        new(Standard, ParameterKind.Amount, ParameterScope.Global, [], NotBelowNational: true,
            "mức chuẩn trợ giúp xã hội: the social-assistance standard level (VND/month)", ValueRange.PositiveAmount),
        new(Age, ParameterKind.Factor, ParameterScope.Global, [], NotBelowNational: false,
            "tuổi: an age in completed years that conditions compare with (\"age\": {\"atLeast\": case}); its cases are named by the rule files", ValueRange.Age, OpenCases: true),
        new(Coefficient, ParameterKind.Factor, ParameterScope.GroupCase, [], NotBelowNational: false,
            "hệ số: the monthly-allowance coefficient of a group and case"),
        new(GroupOpen, ParameterKind.Switch, ParameterScope.Group, [], NotBelowNational: false,
            "whether a beneficiary group admits people (false closes it from the date)"),

        // Care, institutional care, funeral and emergency assistance (ND 20/2021 Arts 11–15, 20, 25): all minimums a province may raise.
        new(CareCoefficient, ParameterKind.Factor, ParameterScope.Global,
            ["foster-child-under-4", "foster-child-from-4", "foster-elderly", "disabled-parent", "disabled-parent-higher",
             "household-especially-severe", "foster-especially-severe-adult", "foster-especially-severe-child"], NotBelowNational: true,
            "hệ số hỗ trợ chăm sóc, nuôi dưỡng: the coefficient of foster and care support (Art 20), per case"),
        new(InstitutionalCoefficient, ParameterKind.Factor, ParameterScope.Global, ["under-4", "from-4"], NotBelowNational: true,
            "hệ số trợ cấp nuôi dưỡng: the coefficient of the nurturing allowance in a social assistance facility (Art 25 k1)"),
        new(FuneralMultiple, ParameterKind.Factor, ParameterScope.Global, ["allowance-recipient", "disaster", "facility"], NotBelowNational: true,
            "hỗ trợ chi phí mai táng: funeral support as a multiple of the standard (Art 11 k2; Art 14 k1; Art 25 k3)"),
        new(EmergencyMultiple, ParameterKind.Factor, ParameterScope.Global, ["severe-injury"], NotBelowNational: true,
            "trợ giúp khẩn cấp: emergency support as a multiple of the standard (Art 13)"),
        new(EmergencyAmount, ParameterKind.Amount, ParameterScope.Global, ["house-lost", "relocation", "house-damaged"], NotBelowNational: true,
            "hỗ trợ nhà ở: housing support per household, VND (Art 15 k1–k3)"),
        new(RiceKilograms, ParameterKind.Factor, ParameterScope.Global, [], NotBelowNational: true,
            "hỗ trợ lương thực: kilograms of rice per person per month (Art 12 k1)"),
        new(RiceMonths, ParameterKind.Factor, ParameterScope.Global, ["tet", "other"], NotBelowNational: true,
            "hỗ trợ lương thực: months of rice per round, at Tết and otherwise (the most per round) (Art 12 k1)"),
        new(SocialPension, ParameterKind.Amount, ParameterScope.Global, [], NotBelowNational: true,
            "trợ cấp hưu trí xã hội: the monthly social pension (Law 41/2024/QH15 Art 21), VND/month"),
        new(SocialPensionTopUp, ParameterKind.Amount, ParameterScope.Global, [], NotBelowNational: false,
            "a local monthly top-up paid to social-pension recipients (VND/month)"),
        new(CremationSupport, ParameterKind.Amount, ParameterScope.Global, [CremationAdult, CremationChild, CremationTransport], NotBelowNational: false,
            "hỗ trợ hỏa táng: one-off cremation support in the month of death, per case (VND)"),
        new(MeritStandard, ParameterKind.Amount, ParameterScope.Global, [], NotBelowNational: false,
            "mức chuẩn trợ cấp ưu đãi người có công: the merit standard, on which the appendix tables rest (VND/month)", ValueRange.PositiveAmount),
        new(MeritAmount, ParameterKind.Amount, ParameterScope.GroupCase, [], NotBelowNational: false,
            "mức trợ cấp, phụ cấp ưu đãi: the monthly amount of a merit group's case, as the appendix row prints it (VND/month)"),
    }.Concat(HealthInsuranceParameters.Definitions).Concat(PovertyParameters.Definitions).ToFrozenDictionary(d => d.Name);

    internal static bool TryGet(string name, out ParameterDefinition definition) => Definitions.TryGetValue(name, out definition!);

    internal static IEnumerable<string> Names => Definitions.Keys;
}
