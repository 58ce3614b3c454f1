using System;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using Xunit;
using static WelfareRules.Tests.TestDates;

namespace WelfareRules.Tests.Evaluation;

/// <summary>A month past the law's horizon is computed with a warning, and refused under strict evaluation.</summary>
public sealed class HorizonTest
{
    private static readonly Person Orphan = new(Date("2015-01-01")) { Orphanhood = Orphanhood.Abandoned };

    [Fact]
    public void Horizon_BuiltIn_IsThreeYearsAfterTheNewestInstrumentApplies()
    {
        var newest = Date("2027-01-01");
        Assert.Equal(newest.PlusYears(RuleSet.HorizonYears).ToYearMonth().PlusMonths(-1), RuleSet.BuiltIn.Horizon);
        Assert.Equal(Month("2029-12"), RuleSet.BuiltIn.Horizon);
    }

    [Fact]
    public void Evaluate_LastMonthWithinHorizon_HasNoHorizonWarning()
    {
        var report = RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, RuleSet.BuiltIn.Horizon, Orphan));
        Assert.DoesNotContain(report.Warnings, w => w.Contains("horizon", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2030-01")]
    [InlineData("2100-01")]
    [InlineData("9999-12")]
    public void Evaluate_MonthBeyondHorizon_WarnsInTheReport(string month)
    {
        var report = RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, Month(month), Orphan));
        Assert.Contains(report.Warnings, w => w.Contains("beyond the law's horizon (2029-12)", StringComparison.Ordinal));
        Assert.True(report.Total.Value > 0);
    }

    [Fact]
    public void Evaluate_MonthBeyondHorizonStrict_Refused()
    {
        var error = Assert.Throws<EvaluationException>(() =>
            RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, Month("2100-01"), Orphan), new EvaluationOptions { Strict = true }));
        Assert.Equal(EvaluationError.BeyondHorizon, error.Error);
        Assert.Contains("horizon", error.Message, StringComparison.Ordinal);
    }
}
