using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Law;

/// <summary>docs/rule-files.md: its complete example file is valid, and means what the page says.</summary>
public sealed partial class RuleFilesDocTest
{
    private static string Page()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WelfareRules.sln")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir!.FullName, "docs", "rule-files.md"));
    }

    /// <summary>The first JSON block under "## Shape".</summary>
    private static string Example()
    {
        var page = Page();
        var shape = page[page.IndexOf("## Shape", StringComparison.Ordinal)..];
        return JsonBlock().Match(shape).Groups[1].Value;
    }

    private static Instrument ExampleInstrument() => InstrumentReader.Read(Encoding.UTF8.GetBytes(Example()), "draft-nd-2028.json");

    private static Situation Her(int year, int month, LocalDate born) => new(Jurisdiction.Vietnam, new YearMonth(year, month),
        new Person(born) { WithoutSupporter = true, Household = new Household { Poverty = Poverty.NearPoor } });

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Fact]
    public void Example_IsAValidInstrumentOnTopOfTheBuiltInLaw()
    {
        var instrument = ExampleInstrument();
        var rules = RuleSet.BuiltIn.With(instrument);
        Assert.Equal("DRAFT-ND-2028", instrument.Id);
        Assert.Equal(InstrumentKind.Draft, instrument.Kind);
        Assert.Single(instrument.Groups);
        Assert.Equal(3, instrument.Provisions.Length);
        Assert.Contains(rules.Groups, g => g.Id == "DRAFT-2028-1");
    }

    [Fact]
    public void Example_UsesEveryTopLevelFieldOfTheFormat()
    {
        using var json = JsonDocument.Parse(Example());
        var fields = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        string[] documented = ["format", "id", "kind", "title", "titleEn", "issuer", "jurisdiction", "signed", "effective", "appliesFrom", "status", "source", "note", "groups", "provisions"];
        Assert.Empty(documented.Except(fields));
    }

    [Fact]
    public void Example_GivesTheAllowanceThePageStates()
    {
        var rules = RuleSet.BuiltIn.With(ExampleInstrument());
        var report = rules.Evaluate(Her(2028, 1, new LocalDate(1955, 6, 1)));
        var allowance = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.SocialAllowance);
        Assert.Equal(new Dong(900_000), allowance.Amount);
        Assert.Equal("DRAFT-2028-1", allowance.Group);
        Assert.Contains(allowance.Basis, c => c.ToString() == "DRAFT-ND-2028 Art 2 k2 a");
        Assert.Contains(allowance.Basis, c => c.ToString() == "DRAFT-ND-2028 Art 1");
        Assert.False(allowance.Provisional);
    }

    [Fact]
    public void Example_OverEighty_IsProvisionalAndRefusedWhenStrict()
    {
        var rules = RuleSet.BuiltIn.With(ExampleInstrument());
        var over80 = Her(2028, 1, new LocalDate(1945, 6, 1));
        var report = rules.Evaluate(over80);
        Assert.Equal(new Dong(1_200_000), report.AmountOf(EntitlementKind.SocialAllowance));
        Assert.True(report.IsProvisional);
        Assert.Throws<EvaluationException>(() => rules.Evaluate(over80, EvaluationOptions.Default with { Strict = true }));
    }

    [Fact]
    public void Example_BeforeItApplies_ChangesNothing()
    {
        var rules = RuleSet.BuiltIn.With(ExampleInstrument());
        var before = Her(2027, 12, new LocalDate(1955, 6, 1));
        Assert.Equal(RuleSet.BuiltIn.Evaluate(before).Total, rules.Evaluate(before).Total);
    }
}
