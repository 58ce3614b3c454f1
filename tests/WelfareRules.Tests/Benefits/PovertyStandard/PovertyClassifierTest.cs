using System.Linq;
using NodaTime;
using WelfareRules.Benefits.PovertyStandard;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;
using Xunit;

namespace WelfareRules.Tests.Benefits.PovertyStandard;

/// <summary>Household classification under 07/2021/NĐ-CP (2022–2026) and the provisional 2027–2030 standard.</summary>
public sealed class PovertyClassifierTest
{
    private static readonly LocalDate In2024 = new(2024, 6, 1);

    [Fact]
    public void Classify_WorkedCase49_Poor()
    {
        // Rural household of 4, 5,800,000 a month: 1,450,000 a person, 3 deprivations.
        var result = PovertyClassifier.Classify(RuleSet.BuiltIn, Area.Rural, new Dong(5_800_000 / 4), 3, In2024);

        Assert.Equal(LivingStandard.Poor, result.Class);
        Assert.Equal(1_500_000, result.PovertyLine.Value);
        Assert.True(result.Provisional); // the AND rule is from memory [M]
        Assert.Contains(result.Basis, c => c.Instrument == "07/2021/NĐ-CP" && c.Article == "3" && c.IsProvisional);
    }

    [Fact]
    public void Classify_WorkedCase50_NearPoor()
    {
        var result = PovertyClassifier.Classify(RuleSet.BuiltIn, Area.Rural, new Dong(1_450_000), 2, In2024);

        Assert.Equal(LivingStandard.NearPoor, result.Class);
        Assert.True(result.Provisional);
    }

    [Theory]
    // At the line is still within it; one đồng above leaves it.
    [InlineData(Area.Rural, 1_500_000, 0, LivingStandard.NearPoor)]
    [InlineData(Area.Rural, 1_500_001, 5, LivingStandard.AverageLivingStandard)]
    [InlineData(Area.Rural, 2_250_000, 0, LivingStandard.AverageLivingStandard)]
    [InlineData(Area.Rural, 2_250_001, 0, LivingStandard.None)]
    [InlineData(Area.Urban, 2_000_000, 12, LivingStandard.Poor)]
    [InlineData(Area.Urban, 1_600_000, 2, LivingStandard.NearPoor)]
    [InlineData(Area.Urban, 3_000_000, 0, LivingStandard.AverageLivingStandard)]
    [InlineData(Area.Urban, 3_000_001, 0, LivingStandard.None)]
    public void Classify_Bands2022To2026_ByIncomeAndDeprivations(Area area, long income, int deprivations, LivingStandard expected) =>
        Assert.Equal(expected, PovertyClassifier.Classify(RuleSet.BuiltIn, area, new Dong(income), deprivations, In2024).Class);

    [Fact]
    public void Classify_2026_ExtendedStandardStillApplies()
    {
        var result = PovertyClassifier.Classify(RuleSet.BuiltIn, Area.Urban, new Dong(2_100_000), 3, new LocalDate(2026, 12, 31));

        Assert.Equal((LivingStandard.AverageLivingStandard, 2_000_000L), (result.Class, result.PovertyLine.Value));
    }

    [Theory]
    [InlineData(Area.Rural, 2_200_000, 3, LivingStandard.Poor, 2_200_000)]
    [InlineData(Area.Rural, 2_000_000, 2, LivingStandard.NearPoor, 2_200_000)]
    [InlineData(Area.Urban, 2_800_001, 3, LivingStandard.AverageLivingStandard, 2_800_000)]
    public void Classify_2027To2030_ProvisionalThresholds(Area area, long income, int deprivations, LivingStandard expected, long line)
    {
        var result = PovertyClassifier.Classify(RuleSet.BuiltIn, area, new Dong(income), deprivations, new LocalDate(2027, 1, 1));

        Assert.Equal((expected, line), (result.Class, result.PovertyLine.Value));
        Assert.True(result.Provisional);
        // The income lines are reported; the classification rule (an AND of income and deprivations) is provisional.
        Assert.All(result.Basis, c => Assert.NotEqual(ProvisionStatus.Verified, c.Status));
        Assert.Contains(result.Basis, c => c.IsProvisional);
    }

    [Fact]
    public void Classify_Before2022_NotEncoded()
    {
        var error = Assert.Throws<EvaluationException>(() => PovertyClassifier.Classify(RuleSet.BuiltIn, Area.Rural, new Dong(1), 0, new LocalDate(2021, 12, 31)));

        Assert.Equal(EvaluationError.LawNotEncoded, error.Error);
    }

    [Fact]
    public void Classify_IncomeThresholdsVerified_RuleProvisional()
    {
        var result = PovertyClassifier.Classify(RuleSet.BuiltIn, Area.Rural, new Dong(1_000_000), 0, In2024);

        Assert.Equal(1, result.Basis.Count(c => !c.IsProvisional));
    }
}
