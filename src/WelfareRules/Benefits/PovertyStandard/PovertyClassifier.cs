using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Benefits.PovertyStandard;

/// <summary>
/// Classifies a household under the national multidimensional poverty standard (07/2021/NĐ-CP for
/// 2022–2026; the 2027–2030 standard, provisional): poor when income per person is at or below the line
/// and the household lacks at least the threshold number of indicators, near-poor when at or below the line
/// with fewer, an average living standard up to the band's top, and none above. See <c>docs/poverty.md</c>.
/// </summary>
/// <remarks>Pure; thread-safe. The AND rule is from memory [M], so every classification is provisional.</remarks>
public static class PovertyClassifier
{
    /// <summary>Classifies a household.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="area">Rural or urban.</param>
    /// <param name="incomePerPerson">The household's income per person per month.</param>
    /// <param name="deprivations">How many of the deprivation indicators the household lacks (0 to 12 under 07/2021).</param>
    /// <param name="on">The date whose standard applies.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="EvaluationException">No poverty standard is encoded for the date (before 2022).</exception>
    /// <exception cref="System.ArgumentNullException"><paramref name="rules"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="on"/> is not in the ISO calendar, or <paramref name="incomePerPerson"/> is negative.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="area"/> is not a defined area, <paramref name="on"/> is before 1900 (such as <c>default</c>), or <paramref name="deprivations"/> is negative.</exception>
    public static PovertyClassification Classify(RuleSet rules, Area area, Dong incomePerPerson, int deprivations, LocalDate on)
    {
        Preconditions.CheckNotNull(rules, nameof(rules));
        Preconditions.CheckDefined(area, nameof(area));
        Preconditions.CheckDate(on, nameof(on));
        Preconditions.CheckArgument(incomePerPerson.Value >= 0, nameof(incomePerPerson), "Income is not negative.");
        Preconditions.CheckNonNegative(deprivations, nameof(deprivations));
        var lineKey = PovertyParameters.IncomeThresholdKey(area);
        var line = Get(rules, lineKey, on);
        var threshold = Get(rules, PovertyParameters.DeprivationThresholdKey, on);
        var factor = Get(rules, PovertyParameters.AverageLivingStandardFactorKey, on);
        var averageLine = line.Amount.Times(factor.Value);
        int deprivationThreshold = (int)threshold.Value;
        var result = incomePerPerson <= line.Amount
            ? deprivations >= deprivationThreshold ? LivingStandard.Poor : LivingStandard.NearPoor
            : incomePerPerson <= averageLine ? LivingStandard.AverageLivingStandard : LivingStandard.None;
        ImmutableArray<Citation> basis = result is LivingStandard.Poor or LivingStandard.NearPoor
            ? [line.Basis, threshold.Basis]
            : [line.Basis, factor.Basis];
        return new PovertyClassification(on, area, incomePerPerson, deprivations, result, line.Amount, averageLine, deprivationThreshold, basis);
    }

    private static Provision Get(RuleSet rules, ParameterKey key, LocalDate on) =>
        rules.Timeline(key, Jurisdiction.Vietnam)?.On(on)
        ?? throw new EvaluationException(EvaluationError.LawNotEncoded, string.Create(CultureInfo.InvariantCulture, $"no poverty standard ({key}) is encoded for {Format.Date(on)}; the encoded standard starts in 2022 (07/2021/NĐ-CP)"));
}
