using System;
using System.IO;
using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using Xunit;

namespace WelfareRules.Tests.Law;

/// <summary>A province is added by a rule file alone (TestData/vn-zz-*.json, a made-up province VN-ZZ), through the API and the tool.</summary>
public sealed class ProvinceByFileTest
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "TestData", "vn-zz-example.json");
    private static readonly string BelowNational = Path.Combine(AppContext.BaseDirectory, "TestData", "vn-zz-below-national.json");
    private static readonly Jurisdiction Zz = Jurisdiction.Parse("VN-ZZ");

    // 72, near-poor, no supporter: only the province's own group applies (K5a needs a poor household).
    private const string PersonJson = """{"birthDate":"1953-03-01","withoutSupporter":true,"household":{"poverty":"nearPoor"}}""";

    [Fact]
    public void Evaluate_ProvinceFromFile_UsesItsStandardAndGroup()
    {
        var rules = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(Example));
        var person = new Person(new LocalDate(1953, 3, 1)) { WithoutSupporter = true, Household = new Household { Poverty = Poverty.NearPoor } };

        var report = rules.Evaluate(new Situation(Zz, new YearMonth(2025, 3), person));

        var allowance = Assert.Single(report.Entitlements);
        Assert.Equal("ZZ-1", allowance.Group);
        Assert.Equal(900_000, allowance.Amount.Value);
        Assert.Equal("01/2025/NQ-HĐND-ZZ", report.Standard.Basis.Instrument);
    }

    [Fact]
    public void Evaluate_ProvinceNotLoaded_IsAnUnknownJurisdiction()
    {
        var person = new Person(new LocalDate(1953, 3, 1));

        var error = Assert.Throws<WelfareRules.Evaluation.EvaluationException>(() => RuleSet.BuiltIn.Evaluate(new Situation(Zz, new YearMonth(2025, 3), person)));

        Assert.Contains("VN-ZZ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCommand_ProvinceFromRulesFile_UsesItsStandardAndGroup()
    {
        string input = WriteSituation($$"""{"jurisdiction":"VN-ZZ","month":"2025-03","person":{{PersonJson}}}""");
        try
        {
            var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input, "--rules", Example);

            Assert.True(exit == 0, stderr);
            using var report = JsonDocument.Parse(stdout);
            Assert.Equal(900_000, report.RootElement.GetProperty("total").GetInt64());
            Assert.Equal("ZZ-1", report.RootElement.GetProperty("entitlements")[0].GetProperty("group").GetString());
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void With_StandardBelowNational_IsRefusedNamingTheFloor()
    {
        var instrument = InstrumentReader.ReadFile(BelowNational);

        var error = Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(instrument));

        Assert.Contains("vn-zz-below-national.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("below the national 500,000", error.Message, StringComparison.Ordinal);
        Assert.Contains("Art 4 k3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCommand_StandardBelowNational_ExitsWithBadInput()
    {
        string input = WriteSituation($$"""{"jurisdiction":"VN-ZZ","month":"2025-03","person":{{PersonJson}}}""");
        try
        {
            var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input, "--rules", BelowNational);

            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.Contains("below the national 500,000", stderr, StringComparison.Ordinal);
            Assert.Contains("vn-zz-below-national.json", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string WriteSituation(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"zz-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
