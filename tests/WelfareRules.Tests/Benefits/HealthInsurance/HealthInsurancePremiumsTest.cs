using NodaTime;
using WelfareRules.Benefits.HealthInsurance;
using WelfareRules.Law;
using Xunit;

namespace WelfareRules.Tests.Benefits.HealthInsurance;

/// <summary>Premiums exact to the đồng for every base salary (law-reference §4.2) and ladder position (146/2018/NĐ-CP Art 7 k1 e).</summary>
public sealed class HealthInsurancePremiumsTest
{
    public static TheoryData<string, int, long> Premiums => new()
    {
        // 1,490,000 (38/2019/NĐ-CP): 67,050 then 70/60/50/40%.
        { "2023-06", 1, 67_050 }, { "2023-06", 2, 46_935 }, { "2023-06", 3, 40_230 }, { "2023-06", 4, 33_525 }, { "2023-06", 5, 26_820 }, { "2023-06", 9, 26_820 },
        // 1,800,000 (24/2023/NĐ-CP).
        { "2023-07", 1, 81_000 }, { "2023-07", 2, 56_700 }, { "2023-07", 3, 48_600 }, { "2023-07", 4, 40_500 }, { "2023-07", 5, 32_400 },
        // 2,340,000 (73/2024/NĐ-CP), under 146/2018 and, from 2025-09, 188/2025.
        { "2024-07", 1, 105_300 }, { "2024-07", 2, 73_710 }, { "2024-07", 3, 63_180 }, { "2024-07", 4, 52_650 }, { "2024-07", 5, 42_120 },
        { "2025-09", 1, 105_300 }, { "2025-09", 2, 73_710 }, { "2025-09", 5, 42_120 },
        // 2,530,000 (161/2026/NĐ-CP).
        { "2026-07", 1, 113_850 }, { "2026-07", 2, 79_695 }, { "2026-07", 3, 68_310 }, { "2026-07", 4, 56_925 }, { "2026-07", 5, 45_540 },
        // Order 0 (not enrolling through a household) pays as the first member.
        { "2026-07", 0, 113_850 },
    };

    [Theory]
    [MemberData(nameof(Premiums))]
    public void Monthly_BaseSalaryAndLadderPosition_ExactToTheDong(string month, int order, long expected)
    {
        var premium = HealthInsurancePremiums.Monthly(RuleSet.BuiltIn, Jurisdiction.Vietnam, Parse(month), order);

        Assert.Equal(expected, premium.Value);
    }

    [Theory]
    [InlineData("2019-07", 804_600)]
    [InlineData("2023-07", 972_000)]
    [InlineData("2024-07", 1_263_600)]
    [InlineData("2026-07", 1_366_200)]
    public void Yearly_FirstMember_MatchesTheReferenceTable(string month, long expected) =>
        Assert.Equal(expected, HealthInsurancePremiums.Yearly(RuleSet.BuiltIn, Jurisdiction.Vietnam, Parse(month)).Value);

    [Fact]
    public void Yearly_HouseholdOfThreeIn2024_Is2906280()
    {
        // Worked case 42: 105,300 + 73,710 + 63,180 a month.
        long year = 0;
        for (int order = 1; order <= 3; order++)
        {
            year += HealthInsurancePremiums.Yearly(RuleSet.BuiltIn, Jurisdiction.Vietnam, Parse("2024-08"), order).Value;
        }

        Assert.Equal(2_906_280, year);
    }

    [Fact]
    public void Monthly_BaseSalaryChangesOnTheFirst_NewMonthUsesNewSalary()
    {
        Assert.Equal(105_300, HealthInsurancePremiums.Monthly(RuleSet.BuiltIn, Jurisdiction.Vietnam, Parse("2026-06")).Value);
        Assert.Equal(113_850, HealthInsurancePremiums.Monthly(RuleSet.BuiltIn, Jurisdiction.Vietnam, Parse("2026-07")).Value);
    }

    [Fact]
    public void Monthly_BeforeTheFirstEncodedBaseSalary_Throws()
    {
        var error = Assert.Throws<WelfareRules.Evaluation.EvaluationException>(() => HealthInsurancePremiums.Monthly(RuleSet.BuiltIn, Jurisdiction.Vietnam, Parse("2019-06")));

        Assert.Equal(WelfareRules.Evaluation.EvaluationError.LawNotEncoded, error.Error);
    }

    private static YearMonth Parse(string month) => NodaTime.Text.YearMonthPattern.Iso.Parse(month).Value;
}
