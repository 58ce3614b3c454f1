using System;
using System.Linq;
using System.Text;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using Xunit;
using static WelfareRules.Tests.TestDates;

namespace WelfareRules.Tests.Law;

/// <summary>Values out of proportion, duplicate keys and files with several problems are refused when the file is read.</summary>
public sealed class RuleFileBoundsTest
{
    /// <summary>A draft of the national law from 2027-01 setting the given provisions.</summary>
    internal static string Draft(params string[] provisions) => $$"""
        {
          "format": 1, "id": "DRAFT-BOUNDS", "kind": "draft", "title": "Dự thảo", "issuer": "Test",
          "jurisdiction": "VN", "appliesFrom": "2027-01-01", "status": "verified",
          "provisions": [
            {{string.Join(",\n    ", provisions)}}
          ]
        }
        """;

    private static RuleFileException Refused(string json) =>
        Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(InstrumentReader.Read(Encoding.UTF8.GetBytes(json), "draft.json")));

    [Theory]
    [InlineData("""{ "parameter": "coefficient", "group": "ND20-5-5a", "case": "60-to-80", "from": "2027-01-01", "value": 1e20, "basis": { "article": "1" } }""")]
    [InlineData("""{ "parameter": "standard", "from": "2027-01-01", "value": 9223372036854775000, "basis": { "article": "1" } }""")]
    [InlineData("""{ "parameter": "social-pension", "from": "2027-01-01", "value": 9223372036854775000, "basis": { "article": "1" } }""")]
    [InlineData("""{ "parameter": "funeral-multiple", "case": "allowance-recipient", "from": "2027-01-01", "value": 1e15, "basis": { "article": "1" } }""")]
    [InlineData("""{ "parameter": "health-insurance-share", "case": "child-under-6", "from": "2027-01-01", "value": 1.5, "basis": { "article": "1" } }""")]
    [InlineData("""{ "parameter": "coefficient", "group": "ND20-5-5a", "case": "60-to-80", "from": "2027-01-01", "value": 1e40, "basis": { "article": "1" } }""")]
    public void Read_ValueOutOfItsKindsRange_RefusedWithLineAndPath(string provision)
    {
        var error = Refused(Draft(provision));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.provisions[0].value", problem.Location.Path);
        Assert.Equal(5, problem.Location.Line);
        Assert.Contains("out of range", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NationalStandardOfZero_Refused()
    {
        var error = Refused(Draft("""{ "parameter": "standard", "from": "2027-01-01", "value": 0, "basis": { "article": "1" } }"""));
        Assert.Contains("out of range for \"standard\"", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValuesAtTheBounds_Accepted()
    {
        var rules = RuleSet.BuiltIn.With(InstrumentReader.Read(Encoding.UTF8.GetBytes(Draft(
            """{ "parameter": "standard", "from": "2027-01-01", "value": 10000000000, "basis": { "article": "1" } }""",
            """{ "parameter": "coefficient", "group": "ND20-5-5a", "case": "60-to-80", "from": "2027-01-01", "value": 1000, "basis": { "article": "1" } }""",
            """{ "parameter": "funeral-multiple", "case": "allowance-recipient", "from": "2027-01-01", "value": 1000, "basis": { "article": "1" } }""")), "draft.json"));
        var person = new Person(Date("1955-01-01")) { WithoutSupporter = true, Household = new Household { Poverty = Poverty.Poor }, DeathDate = Date("2027-02-10") };
        var report = rules.Evaluate(new Situation(Jurisdiction.Vietnam, Month("2027-02"), person));
        Assert.Equal(10_000_000_000_000L * 2, report.Total.Value);
    }

    [Fact]
    public void Read_DuplicateKey_RefusedWithPath()
    {
        var error = Refused(Draft("""{ "parameter": "standard", "from": "2027-01-01", "value": 600000, "value": 700000, "basis": { "article": "1" } }"""));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.provisions[0].value", problem.Location.Path);
        Assert.Contains("duplicate", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_SeveralProblemsOfDifferentStages_ListsEveryOne()
    {
        var error = Refused(Draft(
            """{ "parameter": "standard", "from": "2027-01-01", "value": 0, "basis": { "article": "1" } }""",
            """{ "parameter": "no-such-parameter", "from": "2027-01-01", "value": 1, "basis": { "article": "1" } }""",
            """{ "parameter": "funeral-multiple", "case": "allowance-recipient", "from": "2026-01-01", "value": 10, "basis": { "article": "1" } }""",
            """{ "parameter": "coefficient", "group": "ND20-5-5a", "case": "60-to-80", "from": "2027-01-01", "basis": { "article": "1" } }"""));
        Assert.Equal(
            ["$.provisions[0].value", "$.provisions[1].parameter", "$.provisions[2].from", "$.provisions[3].value"],
            error.Problems.Select(p => p.Location.Path).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void RuleFileException_ManyProblems_ListsABoundedNumber()
    {
        var provisions = Enumerable.Range(0, RuleFileException.MaxListed + 20)
            .Select(i => $$"""{ "parameter": "unknown-{{i}}", "from": "2027-01-01", "value": 1, "basis": { "article": "1" } }""").ToArray();
        var error = Refused(Draft(provisions));
        Assert.Equal(RuleFileException.MaxListed + 20, error.Problems.Length);
        Assert.EndsWith("… and 20 more problems", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OverflowWithinOnePerson_IsAnEvaluationErrorForThatPersonAlone()
    {
        // The reader refuses such a value; an instrument built in code is not read, so the last guard is met.
        var citation = new WelfareRules.Legal.Citation("DRAFT-HUGE", "1", null, null, WelfareRules.Legal.ProvisionStatus.Verified);
        var provision = new Provision(new ParameterKey("coefficient", "ND20-5-5a", "60-to-80"), Jurisdiction.Vietnam, Date("2027-01-01"), 1e20m,
            citation, null, SourceLocation.InCode("DRAFT-HUGE", "$.provisions[0]"));
        var huge = new Instrument("DRAFT-HUGE", InstrumentKind.Draft, "Dự thảo", null, "Test", Jurisdiction.Vietnam, null, null, Date("2027-01-01"),
            WelfareRules.Legal.ProvisionStatus.Verified, null, [], [provision], "(code)");
        var rules = RuleSet.BuiltIn.With(huge);
        var elderly = new Person(Date("1955-01-01")) { WithoutSupporter = true, Household = new Household { Poverty = Poverty.Poor } };

        var error = Assert.Throws<EvaluationException>(() => rules.Evaluate(new Situation(Jurisdiction.Vietnam, Month("2027-02"), elderly)));
        Assert.Equal(EvaluationError.Overflow, error.Error);
        Assert.Equal(RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, Month("2026-12"), elderly)).Total, rules.Evaluate(new Situation(Jurisdiction.Vietnam, Month("2026-12"), elderly)).Total);
    }
}
