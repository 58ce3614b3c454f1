using System;
using System.IO;
using System.Linq;
using WelfareRules.Facts;
using WelfareRules.Law;
using Xunit;
using static WelfareRules.Tests.TestDates;

namespace WelfareRules.Tests.Law;

/// <summary>Rule files that contradict themselves or the law are refused whole, naming file, line and JSON path.</summary>
public sealed class RuleFileValidationTest
{
    internal static string RuleFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "rules", name);

    private static RuleFileProblem Refused(string file)
    {
        var error = Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RuleFile(file))));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(file, problem.Location.File);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        return problem;
    }

    [Fact]
    public void With_DuplicateDate_RefusedNamingBothProvisions()
    {
        var problem = Refused("duplicate-date.json");
        Assert.Equal("$.provisions[0]", problem.Location.Path);
        Assert.Equal(11, problem.Location.Line);
        Assert.Contains("nd-76-2024.json", problem.Message, StringComparison.Ordinal);
        Assert.Contains("2024-07-01", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ValueBeforeInstrumentApplies_Refused()
    {
        var problem = Refused("before-applies.json");
        Assert.Equal("$.provisions[1].from", problem.Location.Path);
        Assert.Equal(12, problem.Location.Line);
        Assert.Contains("before its instrument DRAFT-EARLY applies (2027-01-01)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingCitation_Refused()
    {
        var problem = Refused("missing-citation.json");
        Assert.Equal("$.provisions[0].basis", problem.Location.Path);
        Assert.Equal(11, problem.Location.Line);
        Assert.Contains("cites", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_UnknownGroup_Refused()
    {
        var problem = Refused("unknown-group.json");
        Assert.Equal("$.provisions[0].group", problem.Location.Path);
        Assert.Contains("ND20-5-9", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadDate_RefusedWithLineAndPath()
    {
        var problem = Refused("malformed.json");
        Assert.Equal("$.appliesFrom", problem.Location.Path);
        Assert.Equal(8, problem.Location.Line);
        Assert.Contains("\"2027-13-01\" is not a date", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_GroupMissingACoefficient_Refused()
    {
        var problem = Refused("open-group-without-coefficients.json");
        Assert.Contains("80-plus", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_RefusedFile_LeavesTheLawUnchanged()
    {
        var before = RuleSet.BuiltIn.Instruments.Length;
        Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RuleFile("before-applies.json"))));
        Assert.Equal(before, RuleSet.BuiltIn.Instruments.Length);
    }

    [Fact]
    public void With_DraftFile_ChangesOnlyTheNewRuleSet()
    {
        var draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RuleFile("draft-standard-2027.json")));
        var person = new Person(Date("1955-01-01")) { WithoutSupporter = true, Household = new Household { Poverty = Poverty.Poor } };
        var situation = new Situation(Jurisdiction.Vietnam, Month("2027-02"), person);

        Assert.Equal(1200000, draft.Evaluate(situation).Total.Value);
        Assert.Equal(810000, RuleSet.BuiltIn.Evaluate(situation).Total.Value);
        // Before the draft applies, both agree.
        Assert.Equal(RuleSet.BuiltIn.Evaluate(situation with { Month = Month("2026-12") }).Total, draft.Evaluate(situation with { Month = Month("2026-12") }).Total);
    }

    [Fact]
    public void BuiltIn_EveryInstrument_IsCitedAndValid()
    {
        var rules = RuleSet.BuiltIn;
        Assert.Contains(rules.Instruments, i => i.Id == "20/2021/NĐ-CP");
        Assert.All(rules.Instruments.SelectMany(i => i.Provisions), p => Assert.False(string.IsNullOrWhiteSpace(p.Basis.Article)));
        Assert.All(rules.Instruments, i => Assert.EndsWith(".json", i.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Timeline_NationalStandard_FollowsTheLawReference()
    {
        var timeline = RuleSet.BuiltIn.Timeline(new ParameterKey("standard"), Jurisdiction.Vietnam)!;
        Assert.Equal(
            [("2014-01-01", 270000m), ("2021-07-01", 360000m), ("2024-07-01", 500000m), ("2026-07-01", 540000m)],
            timeline.Entries.Select(e => (e.From.ToString("yyyy-MM-dd", null), e.Value)).ToArray());
        Assert.True(timeline.Entries[^1].Basis.IsProvisional);
    }
}
