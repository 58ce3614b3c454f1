using System.Linq;
using WelfareRules.Law;
using WelfareRules.Legal;
using Xunit;

namespace WelfareRules.Tests.Law;

/// <summary>
/// The provenance grades of the built-in law: no provision may claim to be verified where its article is unknown, and
/// no instrument may be graded above its provisions and groups.
/// </summary>
public sealed class BuiltInGradesTest
{
    [Fact]
    public void BuiltIn_NoVerifiedProvisionWithUnknownArticle()
    {
        var claims = RuleSet.BuiltIn.Instruments
            .SelectMany(i => i.Provisions.Select(p => (File: i.File, What: p.Key.ToString(), p.Basis))
                .Concat(i.Groups.Select(g => (File: i.File, What: g.Id, g.Basis))))
            .Where(x => x.Basis.Article.Contains('?', System.StringComparison.Ordinal) && x.Basis.Status == ProvisionStatus.Verified)
            .Select(x => $"{x.File}: {x.What} ({x.Basis})")
            .ToList();

        Assert.True(claims.Count == 0, "verified with an unknown article: " + string.Join("; ", claims));
    }

    [Fact]
    public void BuiltIn_NoInstrumentGradedAboveItsProvisions()
    {
        var claims = RuleSet.BuiltIn.Instruments
            .Where(i => i.Provisions.Select(p => p.Basis.Status).Concat(i.Groups.Select(g => g.Basis.Status)).Any(s => s > i.Status))
            .Select(i => $"{i.File}: {i.Status.ContractName()}")
            .ToList();

        Assert.True(claims.Count == 0, "instruments graded above their provisions: " + string.Join("; ", claims));
    }

    [Fact]
    public void BuiltIn_EveryGradeInUse()
    {
        // The three grades each describe some built-in law: the text seen (ND 20/2021), secondary sources (ND 76/2024), and assumed (ND 335/2026).
        var grades = RuleSet.BuiltIn.Instruments.SelectMany(i => i.Provisions).Select(p => p.Basis.Status).Distinct().Order().ToList();

        Assert.Equal([ProvisionStatus.Verified, ProvisionStatus.Reported, ProvisionStatus.Provisional], grades);
    }

    [Theory]
    [InlineData("20/2021/NĐ-CP", "standard", ProvisionStatus.Verified)]
    [InlineData("76/2024/NĐ-CP", "standard", ProvisionStatus.Reported)]
    [InlineData("335/2026/NĐ-CP", "standard", ProvisionStatus.Provisional)]
    [InlineData("161/2026/NĐ-CP", "base-salary", ProvisionStatus.Verified)]
    [InlineData("73/2024/NĐ-CP", "base-salary", ProvisionStatus.Reported)]
    [InlineData("63/2025/NQ-HĐND", "standard", ProvisionStatus.Reported)]
    [InlineData("09/2021/NQ-HĐND", "standard", ProvisionStatus.Provisional)]
    public void BuiltIn_Provision_GradedAsItsSource(string instrument, string parameter, ProvisionStatus expected)
    {
        var provision = RuleSet.BuiltIn.Instruments.Single(i => i.Id == instrument).Provisions.First(p => p.Key.Name == parameter);

        Assert.Equal(expected, provision.Basis.Status);
    }

    [Fact]
    public void BuiltIn_HanoiLevelsFrom2026_GradedAsTheAllowanceCoefficients()
    {
        // 63/2025/NQ-HĐND Arts 3, 5 and 6 were not seen: Hanoi's facility, care-support and funeral levels rest on them
        // as much as its allowance coefficients do.
        var hanoi = RuleSet.BuiltIn.Instruments.Single(i => i.Id == "63/2025/NQ-HĐND");
        string[] levels = ["care-coefficient", "institutional-coefficient", "funeral-multiple"];

        Assert.All(hanoi.Provisions.Where(p => levels.Contains(p.Key.Name)), p => Assert.Equal(ProvisionStatus.Provisional, p.Basis.Status));
        Assert.Contains(hanoi.Provisions, p => p.Key.Name == "coefficient" && p.Basis.Status == ProvisionStatus.Provisional);
        Assert.All(levels, name => Assert.Contains(hanoi.Provisions, p => p.Key.Name == name));
    }

    [Theory]
    [InlineData("ND20-5-7")]
    [InlineData("ND20-5-8")]
    public void BuiltIn_K7AndK8Coefficients_CiteArt6K1PointG(string group)
    {
        var coefficient = RuleSet.BuiltIn.Instruments.Single(i => i.Id == "20/2021/NĐ-CP").Provisions.Single(p => p.Key.Name == "coefficient" && p.Key.Group == group);

        Assert.Equal(("6", "1", "g"), (coefficient.Basis.Article, coefficient.Basis.Clause, coefficient.Basis.Point));
    }

    [Fact]
    public void BuiltIn_Nd188RateAndLadder_CiteArt6K5()
    {
        var nd188 = RuleSet.BuiltIn.Instruments.Single(i => i.Id == "188/2025/NĐ-CP");

        var rate = nd188.Provisions.Single(p => p.Key.Name == "health-insurance-rate");
        Assert.Equal(("6", "5", ProvisionStatus.Reported), (rate.Basis.Article, rate.Basis.Clause, rate.Basis.Status));
        Assert.All(nd188.Provisions.Where(p => p.Key.Name == "health-insurance-ladder"), p => Assert.Equal(("6", "5"), (p.Basis.Article, p.Basis.Clause)));
    }
}
