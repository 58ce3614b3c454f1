using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Benefits.SocialPension;

/// <summary>The social pension (Law 41/2024 Art 21, ND 176/2025), the higher-of rule and the Hanoi top-up.</summary>
public sealed class SocialPensionCalculatorTest
{
    private static Report Evaluate(Jurisdiction jurisdiction, YearMonth month, Person person) =>
        RuleSet.BuiltIn.Evaluate(new Situation(jurisdiction, month, person));

    private static Person Born(int year, int month, int day) => new(new LocalDate(year, month, day));

    [Fact]
    public void Evaluate_MonthOfTurning75_PaysTheSocialPension()
    {
        // Turns 75 on 2025-09-20: age counts from the birthday month.
        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 9), Born(1950, 9, 20));

        var pension = Assert.Single(report.Entitlements);
        Assert.Equal(EntitlementKind.SocialPension, pension.Kind);
        Assert.Equal(500_000, pension.Amount.Value);
        Assert.False(report.IsProvisional);
        Assert.Contains(pension.Basis, c => c.Instrument == "41/2024/QH15" && c.Article == "21");
        Assert.Contains(pension.Basis, c => c.Instrument == "176/2025/NĐ-CP");
    }

    [Fact]
    public void Evaluate_MonthBeforeTurning75NotPoor_PaysNothing()
    {
        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 8), Born(1950, 9, 20));

        Assert.Empty(report.Entitlements);
    }

    [Theory]
    [InlineData(Poverty.Poor)]
    [InlineData(Poverty.NearPoor)]
    public void Evaluate_Aged70PoorOrNearPoor_PaysTheSocialPension(Poverty poverty)
    {
        // 70 in the month of the 70th birthday; with a supporter, so no K5a allowance competes.
        var person = Born(1955, 10, 31) with { Household = new Household { Poverty = poverty } };

        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 10), person);

        Assert.Equal(EntitlementKind.SocialPension, Assert.Single(report.Entitlements).Kind);
    }

    [Fact]
    public void Evaluate_Aged74NotPoor_PaysNothing()
    {
        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 10), Born(1951, 1, 1));

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_Aged69Poor_PaysNothing()
    {
        var person = Born(1956, 11, 1) with { Household = new Household { Poverty = Poverty.Poor } };

        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 10), person);

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_ReceivesPension_PaysNoSocialPension()
    {
        var person = Born(1940, 1, 1) with { ReceivesPension = true };

        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 8), person);

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_BeforeJuly2025_PaysNoSocialPension()
    {
        // 84 in June 2025: K5c, still open, on the 500,000 standard.
        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 6), Born(1941, 2, 1));

        var allowance = Assert.Single(report.Entitlements);
        Assert.Equal(EntitlementKind.SocialAllowance, allowance.Kind);
        Assert.Equal("ND20-5-5c", allowance.Group);
    }

    [Fact]
    public void Evaluate_K5cPersonAfterJuly2025_CitesTheProvisionalClosure()
    {
        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 8), Born(1941, 2, 1));

        var pension = Assert.Single(report.Entitlements);
        Assert.Equal(EntitlementKind.SocialPension, pension.Kind);
        Assert.True(pension.Provisional);
        Assert.Contains(pension.Basis, c => c.IsProvisional && c.Instrument == "176/2025/NĐ-CP");
        Assert.Contains(report.Warnings, w => w.Contains("176/2025/NĐ-CP", System.StringComparison.Ordinal));
        Assert.Contains(report.Explanation, s => s.English.Contains("ND20-5-5c", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_AllowanceHigherThanPension_PaysOnlyTheAllowance()
    {
        // 85, poor, no supporter: K5a 2.0 × 500,000 = 1,000,000 against the 500,000 pension.
        var person = Born(1940, 3, 1) with { WithoutSupporter = true, Household = new Household { Poverty = Poverty.Poor } };

        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 8), person);

        var allowance = Assert.Single(report.Entitlements);
        Assert.Equal(EntitlementKind.SocialAllowance, allowance.Kind);
        Assert.Equal(1_000_000, report.Total.Value);
        Assert.Contains(report.Explanation, s => s.English.Contains("only one, the allowance", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PensionHigherThanAllowance_PaysOnlyThePension()
    {
        // A draft halving K5b's coefficient from 2025-07-01: 0.5 × 500,000 = 250,000 against the 500,000 pension.
        var draft = InstrumentReader.Read("""
            { "format": 1, "id": "DRAFT-K5B", "kind": "draft", "title": "Dự thảo", "issuer": "test", "jurisdiction": "VN",
              "appliesFrom": "2025-07-01", "status": "provisional",
              "provisions": [ { "parameter": "coefficient", "group": "ND20-5-5b", "case": "single", "from": "2025-07-01", "value": 0.5, "basis": { "article": "1" } } ] }
            """u8, "draft.json");
        var person = Born(1948, 1, 1) with { Household = new Household { Poverty = Poverty.Poor, ExtremelyDifficultArea = true } };

        var report = RuleSet.BuiltIn.With(draft).Evaluate(new Situation(Jurisdiction.Vietnam, new YearMonth(2025, 8), person));

        Assert.Equal(EntitlementKind.SocialPension, Assert.Single(report.Entitlements).Kind);
        Assert.Equal(500_000, report.Total.Value);
    }

    [Fact]
    public void Evaluate_PensionEqualToAllowance_KeepsTheAllowance()
    {
        // 77, poor, in an extremely disadvantaged area: K5b 1.0 × 500,000 = 500,000, the same as the pension.
        var person = Born(1948, 1, 1) with { Household = new Household { Poverty = Poverty.Poor, ExtremelyDifficultArea = true } };

        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 8), person);

        var allowance = Assert.Single(report.Entitlements);
        Assert.Equal(EntitlementKind.SocialAllowance, allowance.Kind);
        Assert.Equal("ND20-5-5b", allowance.Group);
        Assert.Contains(report.Explanation, s => s.English.Contains("equal amounts", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PensionOutsideHanoi_HasNoTopUp()
    {
        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2026, 1), Born(1949, 6, 1));

        Assert.Equal(500_000, report.Total.Value);
        Assert.Equal(0, report.AmountOf(EntitlementKind.SocialPensionTopUp).Value);
    }

    [Fact]
    public void Evaluate_PensionInHanoiBefore2026_HasNoTopUp()
    {
        var report = Evaluate(Jurisdiction.Hanoi, new YearMonth(2025, 12), Born(1949, 6, 1));

        Assert.Equal(500_000, report.Total.Value);
        Assert.Equal(EntitlementKind.SocialPension, Assert.Single(report.Entitlements).Kind);
    }

    [Fact]
    public void Evaluate_PensionInHanoiFrom2026_AddsTheTopUpCitingNq63Art7()
    {
        var report = Evaluate(Jurisdiction.Hanoi, new YearMonth(2026, 1), Born(1949, 6, 1));

        var topUp = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.SocialPensionTopUp);
        Assert.Equal(150_000, topUp.Amount.Value);
        Assert.Contains(topUp.Basis, c => c.Instrument == "63/2025/NQ-HĐND" && c.Article == "7");
        Assert.Equal(650_000, report.Total.Value);
    }

    [Fact]
    public void Evaluate_BeforeTheDecisionMonth_NoSocialPensionThenFromIt()
    {
        // 176/2025/NĐ-CP Art 4 (reported): paid from the month the commune chairman signs the decision.
        var person = Born(1949, 6, 1) with { DecisionSignedOn = new LocalDate(2025, 9, 18) };

        var before = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 8), person);
        Assert.Empty(before.Entitlements);
        Assert.Contains(before.Explanation, s => s.Basis.Any(c => c.Instrument == "176/2025/NĐ-CP" && c.Article == "4"));

        var from = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 9), person);
        Assert.Equal(500_000, Assert.Single(from.Entitlements, e => e.Kind == EntitlementKind.SocialPension).Amount.Value);
    }

    [Fact]
    public void Evaluate_PensionBelowTheSocialPension_PaysItProvisionally()
    {
        // 176/2025/NĐ-CP Art 2 k1 b: eligible with a pension below the social pension (reported); the full amount is
        // this library's reading of Art 3 k1 (provisional).
        var person = Born(1949, 6, 1) with { ReceivesPension = true, PensionBelowSocialPension = true };

        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 9), person);

        var pension = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.SocialPension);
        Assert.Equal(500_000, pension.Amount.Value);
        Assert.Contains(pension.Basis, c => c.Instrument == "176/2025/NĐ-CP" && c.Article == "2" && c.Clause == "1" && c.Point == "b");
        Assert.Equal(WelfareRules.Legal.ProvisionStatus.Provisional, pension.Status);
        Assert.NotEmpty(report.Warnings);
    }

    [Fact]
    public void Evaluate_PensionNotBelowTheSocialPension_PaysNothing()
    {
        var report = Evaluate(Jurisdiction.Vietnam, new YearMonth(2025, 9), Born(1949, 6, 1) with { ReceivesPension = true });

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_HanoiPensionWithTopUpAgainstAllowance_NamesTheTopUp()
    {
        // 2026-02, Hanoi, 76, poor with no supporter: K5a 1.5 × 650,000 = 975,000 against the social pension with
        // Hanoi's top-up (500,000 + 150,000 = 650,000): the explanation compares the two as paid (Law 41/2024 Art 22 k2).
        var person = Born(1949, 6, 1) with { WithoutSupporter = true, Household = new Household { Poverty = Poverty.Poor } };

        var report = Evaluate(Jurisdiction.Hanoi, new YearMonth(2026, 2), person);

        Assert.Equal(975_000, report.Total.Value);
        var step = Assert.Single(report.Explanation, s => s.English.StartsWith("Eligible for both", System.StringComparison.Ordinal));
        Assert.Contains("the social pension with the VN-HN top-up (500,000 + 150,000 = 650,000)", step.English, System.StringComparison.Ordinal);
        Assert.Contains(step.Basis, c => c.Instrument == "41/2024/QH15" && c.Article == "22" && c.Clause == "2");
    }
}
