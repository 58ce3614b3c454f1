using System.Collections.Immutable;
using System.Linq;
using WelfareRules.Law;

namespace WelfareRules.Benefits.HealthInsurance;

/// <summary>The parameters of health insurance (bảo hiểm y tế): their names and cases. The values are in the instrument files.</summary>
internal static class HealthInsuranceParameters
{
    internal const string BaseSalary = "base-salary";
    internal const string Rate = "health-insurance-rate";
    internal const string Ladder = "health-insurance-ladder";
    internal const string Share = "health-insurance-share";
    internal const string LocalShare = "health-insurance-local-share";
    internal const string EscapedPovertyMonths = "health-insurance-escaped-poverty-months";
    internal const string ChildCardThroughMonth = "health-insurance-child-card-through-month";

    /// <summary>The ladder's last case: the fifth and every later member.</summary>
    internal const string LadderLast = "5-plus";

    internal static readonly ParameterKey BaseSalaryKey = new(BaseSalary);
    internal static readonly ParameterKey RateKey = new(Rate);

    internal static readonly ImmutableArray<ParameterDefinition> Definitions =
    [
        new(BaseSalary, ParameterKind.Amount, ParameterScope.Global, [], NotBelowNational: false,
            "mức lương cơ sở: the base salary (VND/month), the base of the health-insurance premium"),
        new(Rate, ParameterKind.Factor, ParameterScope.Global, [], NotBelowNational: false,
            "mức đóng bảo hiểm y tế: the premium rate, a fraction of the base salary", ValueRange.Share),
        new(Ladder, ParameterKind.Factor, ParameterScope.Global, ["2", "3", "4", LadderLast], NotBelowNational: false,
            "the household ladder: the n-th member's premium as a fraction of the first member's", ValueRange.Share),
        new(Share, ParameterKind.Factor, ParameterScope.Group, [], NotBelowNational: false,
            "the fraction of the premium the national budget pays (1: a state-paid card), per health-insurance group", ValueRange.Share),
        new(LocalShare, ParameterKind.Factor, ParameterScope.Group, [], NotBelowNational: false,
            "the fraction of the premium a province pays on top of the national share, per local health-insurance group", ValueRange.Share),
        new(EscapedPovertyMonths, ParameterKind.Factor, ParameterScope.Global, [], NotBelowNational: false,
            "how many months, from the month of recognition, a household that left poverty or near-poverty keeps local support"),
        new(ChildCardThroughMonth, ParameterKind.Factor, ParameterScope.Global, [], NotBelowNational: false,
            "the month of the year (1–12) through which the card of a child born before its last day stays valid in the year the child turns six (146/2018/NĐ-CP Art 13 k2 a: 30 September)"),
    ];

    /// <summary>The ladder's key for the n-th member (n ≥ 2).</summary>
    internal static ParameterKey LadderKey(int order) => new(Ladder, null, LadderCase(order));

    /// <summary>The ladder's case for the n-th member (n ≥ 2): 2, 3, 4, or <see cref="LadderLast"/>.</summary>
    internal static string LadderCase(int order) => order switch
    {
        2 => "2",
        3 => "3",
        4 => "4",
        >= 5 => LadderLast,
        _ => order.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
