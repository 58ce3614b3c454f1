using System.Collections.Immutable;
using WelfareRules.Law;

namespace WelfareRules.Benefits.PovertyStandard;

/// <summary>The parameters of the multidimensional poverty standard (chuẩn nghèo đa chiều). The values are in the instrument files.</summary>
internal static class PovertyParameters
{
    internal const string IncomeThreshold = "poverty-income-threshold";
    internal const string DeprivationThreshold = "poverty-deprivation-threshold";
    internal const string AverageLivingStandardFactor = "average-living-standard-factor";

    internal static readonly ParameterKey DeprivationThresholdKey = new(DeprivationThreshold);
    internal static readonly ParameterKey AverageLivingStandardFactorKey = new(AverageLivingStandardFactor);

    internal static readonly ImmutableArray<ParameterDefinition> Definitions =
    [
        new(IncomeThreshold, ParameterKind.Amount, ParameterScope.Global, ["rural", "urban"], NotBelowNational: false,
            "chuẩn nghèo về thu nhập: the poverty line, income per person per month (VND), rural or urban"),
        new(DeprivationThreshold, ParameterKind.Factor, ParameterScope.Global, [], NotBelowNational: false,
            "the number of deprivation indicators from which a household at or below the poverty line is poor rather than near-poor"),
        new(AverageLivingStandardFactor, ParameterKind.Factor, ParameterScope.Global, [], NotBelowNational: false,
            "the upper bound of an average living standard (mức sống trung bình), as a multiple of the poverty line"),
    ];

    internal static ParameterKey IncomeThresholdKey(Facts.Area area) => new(IncomeThreshold, null, area == Facts.Area.Rural ? "rural" : "urban");
}
