using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Policy;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Policy;

/// <summary>docs/policy-changes.md, step by step: its commands and code run here.</summary>
public sealed class PolicyWalkthroughTest
{
    private static string Docs(params string[] parts) => RepositoryFiles.Docs(parts);

    private static readonly string Draft = Docs("policy-example", "hanoi-700k-2027.json");
    private static readonly string People = Docs("policy-example", "people.jsonl");

    private static Situation Her(int year, int month) => new(Jurisdiction.Hanoi, new YearMonth(year, month),
        new Person(new LocalDate(1955, 1, 1)) { WithoutSupporter = true, Household = new Household { Poverty = Poverty.NearPoor } });

    [Fact]
    public void Walkthrough_UnitTestApi_PinsTheChange()
    {
        var change = PolicyChange.On(RuleSet.BuiltIn, InstrumentReader.ReadFile(Draft));
        var people = SituationReader.ReadLines(new StreamReader(People), "people.jsonl").Select(l => l.Situation!).ToList();

        change.ExpectAmount(Her(2027, 1), EntitlementKind.SocialAllowance, new Dong(1_050_000));
        change.ExpectUnchanged(Her(2026, 12));
        var summary = change.ExpectCostDifference(people, new Dong(150_000));
        Assert.Equal(2, summary.Gainers);
        Assert.Equal(1, summary.Unchanged);
    }

    [Fact]
    public void ExpectAmount_WrongFigure_FailsWithBothLawsAndTheProvisions()
    {
        var change = PolicyChange.On(RuleSet.BuiltIn, InstrumentReader.ReadFile(Draft));
        var error = Assert.Throws<PolicyExpectationException>(() => change.ExpectAmount(Her(2027, 1), EntitlementKind.SocialAllowance, new Dong(1_100_000)));
        Assert.Contains("found 1,050,000 VND", error.Message, StringComparison.Ordinal);
        Assert.Contains("baseline 975,000 VND", error.Message, StringComparison.Ordinal);
        Assert.Contains("DRAFT-HN-2027 Art 1 k1", error.Message, StringComparison.Ordinal);
        Assert.Contains("63/2025/NQ-HĐND", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectCostDifference_WrongCost_FailsWithTheTotals()
    {
        var change = PolicyChange.On(RuleSet.BuiltIn, InstrumentReader.ReadFile(Draft));
        var error = Assert.Throws<PolicyExpectationException>(() => change.ExpectCostDifference([Her(2027, 1)], new Dong(1)));
        Assert.Contains("it costs 75,000 VND", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Walkthrough_CompareCommand_ReportsDifferencesAndTotals()
    {
        var (exit, stdout, stderr) = CliRunner.Run("compare", "--rules", Draft, "--input", People, "--format", "json");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(0, first.GetProperty("index").GetInt64());
        Assert.Equal(75000, first.GetProperty("difference").GetInt64());
        Assert.Contains(first.GetProperty("basis").EnumerateArray(), b => b.GetProperty("instrument").GetString() == "DRAFT-HN-2027");
        var summary = JsonDocument.Parse(lines[2]).RootElement.GetProperty("summary");
        Assert.Equal(150000, summary.GetProperty("difference").GetInt64());
        Assert.Equal(2, summary.GetProperty("gainers").GetInt64());
    }

    [Fact]
    public void Walkthrough_EvaluateWithDraft_OneReportPerPerson()
    {
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", People, "--rules", Draft);
        Assert.Equal(0, exit);
        var first = JsonDocument.Parse(stdout.Split('\n')[0]).RootElement;
        Assert.Equal(1050000, first.GetProperty("total").GetInt64());
    }
}
