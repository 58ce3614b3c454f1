using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Law;

/// <summary>Which standard applies in Hanoi, and what each Hanoi figure cites.</summary>
public sealed class HanoiStandardTest
{
    // Aged 70 to 72 over 2023 to 2026, poor, no supporter: K5a, then Hanoi's Art 4 group.
    private static readonly Person Elderly = new(new LocalDate(1953, 3, 1))
    {
        WithoutSupporter = true,
        Household = new Household { Poverty = Poverty.Poor },
    };

    private static Report Evaluate(YearMonth month) => RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Hanoi, month, Elderly));

    [Fact]
    public void Evaluate_Hanoi2025_03_UsesTheNationalFloorCitingNd76()
    {
        var report = Evaluate(new YearMonth(2025, 3));

        Assert.Equal(500_000, report.Standard.Amount.Value);
        Assert.True(report.Standard.IsNationalFloor);
        Assert.Equal("76/2024/NĐ-CP", report.Standard.Basis.Instrument);
        Assert.Equal(440_000, report.Standard.Local!.Amount.Value);
        var allowance = Assert.Single(report.Entitlements);
        Assert.Contains(allowance.Basis, c => c.Instrument == "76/2024/NĐ-CP");
        Assert.Contains(allowance.Basis, c => c.Instrument == "20/2021/NĐ-CP" && c.Article == "4" && c.Clause == "3");
        Assert.DoesNotContain(allowance.Basis, c => c.Instrument == "09/2021/NQ-HĐND");
        Assert.False(report.IsProvisional);
        Assert.Contains(report.Explanation, s => s.English.Contains("a local standard may not be lower than the national one", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_Hanoi2023_06_UsesNq09StandardProvisionally()
    {
        var report = Evaluate(new YearMonth(2023, 6));

        Assert.Equal(440_000, report.Standard.Amount.Value);
        Assert.False(report.Standard.IsNationalFloor);
        var allowance = Assert.Single(report.Entitlements);
        Assert.Contains(allowance.Basis, c => c.Instrument == "09/2021/NQ-HĐND" && c.IsProvisional);
        Assert.Contains(report.Warnings, w => w.Contains("09/2021/NQ-HĐND", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_Hanoi2021_12_UsesTheNationalStandardBeforeNq09()
    {
        var report = Evaluate(new YearMonth(2021, 12));

        Assert.Equal(360_000, report.Standard.Amount.Value);
        Assert.Null(report.Standard.Local);
    }

    [Fact]
    public void Evaluate_Hanoi2026_02_UsesNq63StandardAndArt4Group()
    {
        var report = Evaluate(new YearMonth(2026, 2));

        Assert.Equal(650_000, report.Standard.Amount.Value);
        var allowance = Assert.Single(report.Entitlements);
        Assert.Equal("HN-NQ63-4", allowance.Group);
        // The group, its coefficient and the standard are Hanoi's; the ages its conditions read (60 and 80) are ND 20's.
        Assert.All(allowance.Basis, c => Assert.True(c.Instrument == "63/2025/NQ-HĐND" || (c.Instrument == "20/2021/NĐ-CP" && c.Article is "5" or "6"), c.ToString()));
        Assert.Equal(3, allowance.Basis.Count(c => c.Instrument == "63/2025/NQ-HĐND"));
        Assert.False(report.IsProvisional);
    }

    [Fact]
    public void Evaluate_Hanoi2026_08_KeepsHanoiStandardAboveNational()
    {
        // The national 540,000 (ND 335/2026, provisional) is lower than Hanoi's 650,000.
        var report = Evaluate(new YearMonth(2026, 8));

        Assert.Equal(650_000, report.Standard.Amount.Value);
        Assert.Equal(975_000, report.Total.Value);
        Assert.False(report.IsProvisional);
    }

    [Fact]
    public void Evaluate_HanoiDisabledAdult2026_CitesTheProvisionalArt3Coefficient()
    {
        var person = new Person(new LocalDate(1986, 1, 1)) { Disability = Disability.Severe };

        var report = RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 2), person));

        var allowance = Assert.Single(report.Entitlements);
        Assert.Contains(allowance.Basis, c => c.Instrument == "63/2025/NQ-HĐND" && c.Article == "3" && c.IsProvisional);
        Assert.Contains(report.Warnings, w => w.Contains("63/2025/NQ-HĐND", System.StringComparison.Ordinal));
    }
}
