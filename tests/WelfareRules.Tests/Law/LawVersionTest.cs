using System;
using System.Linq;
using System.Reflection;
using NodaTime;
using WelfareRules.Law;
using Xunit;

namespace WelfareRules.Tests.Law;

/// <summary>The law's version: the date of the newest instrument, in the API and in <c>welfare-rules --version</c>.</summary>
public sealed class LawVersionTest
{
    private const string Draft = """
        { "format": 1, "id": "DRAFT-2031", "kind": "draft", "title": "Dự thảo", "issuer": "Chính phủ (draft)",
          "jurisdiction": "VN", "appliesFrom": "2031-01-01", "status": "provisional",
          "provisions": [ { "parameter": "standard", "from": "2031-01-01", "value": 600000, "basis": { "article": "1" } } ] }
        """;

    [Fact]
    public void BuiltIn_Version_IsTheNewestDateAmongItsInstruments()
    {
        var newest = RuleSet.BuiltIn.Instruments
            .SelectMany(i => new[] { i.Signed, i.Effective, i.AppliesFrom })
            .OfType<LocalDate>()
            .Max();
        Assert.Equal(newest, RuleSet.BuiltIn.Version);
    }

    [Fact]
    public void BuiltIn_Version_IsTheOneThisReleaseDocuments()
    {
        // The poverty standard for 2027-2030 applies from 2027-01-01. When law is added this date moves:
        // update CHANGELOG.md and docs/getting-started.md with it.
        Assert.Equal(new LocalDate(2027, 1, 1), RuleSet.BuiltIn.Version);
    }

    [Fact]
    public void Version_OfARuleSetWithADraft_IsTheDraftsDate()
    {
        var rules = RuleSet.BuiltIn.With(InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes(Draft), "draft-2031.json"));
        Assert.Equal(new LocalDate(2031, 1, 1), rules.Version);
        Assert.Equal(new LocalDate(2027, 1, 1), RuleSet.BuiltIn.Version);
    }

    [Fact]
    public void Version_OfAnEmptyRuleSet_IsTheMinimumDate()
    {
        Assert.Equal(LocalDate.MinIsoValue, RuleSet.Create([]).Version);
    }

    [Fact]
    public void Tool_Version_PrintsThePackageVersionAndTheLawVersion()
    {
        var (exit, stdout, _) = CliRunner.Run("--version");
        Assert.Equal(0, exit);
        Assert.Equal($"welfare-rules 0.1.0 (law {RuleSet.BuiltIn.Version:yyyy-MM-dd})", stdout.TrimEnd());
        var informational = typeof(WelfareRules.Cli.Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.StartsWith("0.1.0", informational, StringComparison.Ordinal);
    }
}
