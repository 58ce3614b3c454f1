using System.Linq;
using System.Text;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Law;

/// <summary>
/// 20/2021/NĐ-CP Art 4 k3: a local level may not be lower than the national one. For every parameter declared so, in
/// every month: a province's level that a later national rise overtakes gives way to the national level from that month.
/// </summary>
public sealed class LocalFloorTest
{
    private const string Province = """
        {
          "format": 1, "id": "01/2025/NQ-HĐND-ZZ", "kind": "resolution", "title": "Nghị quyết mẫu (tỉnh giả định)",
          "issuer": "Hội đồng nhân dân tỉnh ZZ (giả định)", "jurisdiction": "VN-ZZ", "appliesFrom": "2025-07-01", "status": "verified",
          "provisions": [
            { "parameter": "standard", "from": "2025-07-01", "value": 600000, "basis": { "article": "2" } },
            { "parameter": "social-pension", "from": "2025-07-01", "value": 600000, "basis": { "article": "3" } }
          ]
        }
        """;

    private const string NationalRise = """
        {
          "format": 1, "id": "99/2026/NĐ-CP-DRAFT", "kind": "draft", "title": "Dự thảo nâng mức trợ cấp hưu trí xã hội",
          "issuer": "Chính phủ (dự thảo)", "jurisdiction": "VN", "appliesFrom": "2027-01-01", "status": "provisional",
          "provisions": [
            { "parameter": "social-pension", "from": "2027-01-01", "value": 700000, "basis": { "article": "1" } }
          ]
        }
        """;

    private static readonly Jurisdiction Zz = Jurisdiction.Parse("VN-ZZ");

    private static RuleSet Rules() => RuleSet.BuiltIn
        .With(InstrumentReader.Read(Encoding.UTF8.GetBytes(Province), "province.json"))
        .With(InstrumentReader.Read(Encoding.UTF8.GetBytes(NationalRise), "national.json"));

    private static Report Evaluate(RuleSet rules, int year, int month) =>
        rules.Evaluate(new Situation(Zz, new YearMonth(year, month), new Person(new LocalDate(1948, 1, 1))));

    [Fact]
    public void Evaluate_LocalSocialPensionAboveNational_LocalApplies()
    {
        var pension = Assert.Single(Evaluate(Rules(), 2026, 12).Entitlements, e => e.Kind == EntitlementKind.SocialPension);

        Assert.Equal(600_000, pension.Amount.Value);
        Assert.Contains(pension.Basis, c => c.Instrument == "01/2025/NQ-HĐND-ZZ");
    }

    [Theory]
    [InlineData(2027, 1)]
    [InlineData(2027, 6)]
    public void Evaluate_NationalRisesAboveLocal_NationalAppliesFromThatMonth(int year, int month)
    {
        var report = Evaluate(Rules(), year, month);

        var pension = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.SocialPension);
        Assert.Equal(700_000, pension.Amount.Value);
        Assert.Contains(pension.Basis, c => c.Instrument == "99/2026/NĐ-CP-DRAFT");
        Assert.Contains(report.Explanation, step => step.Basis.Any(c => c.Instrument == "20/2021/NĐ-CP" && c.Article == "4" && c.Clause == "3")
            && step.English.Contains("700,000", System.StringComparison.Ordinal) && step.English.Contains("600,000", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_ParameterNotDeclaredNotBelowNational_LocalKept()
    {
        // The social-pension top-up is a province's own amount: no national floor.
        var rules = RuleSet.BuiltIn;
        var report = rules.Evaluate(new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 2), new Person(new LocalDate(1948, 1, 1))));

        Assert.Equal(150_000, Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.SocialPensionTopUp).Amount.Value);
    }
}
