using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using WelfareRules.Facts;
using WelfareRules.Law.Conditions;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Cli.Server;

/// <summary>The calculator page names the kinds and the cases of a child without nurture as the library's explanations do.</summary>
public sealed class CalculatorVocabularyTest
{
    private static readonly string Wwwroot = Path.Combine(RepositoryFiles.RootFolder, "src", "WelfareRules.Cli", "Server", "wwwroot");

    [Fact]
    public void Kinds_OfTheCalculatorPage_AreTheLibrarysVietnameseNames()
    {
        string script = File.ReadAllText(Path.Combine(Wwwroot, "app.js"));

        foreach (var kind in Enum.GetValues<EntitlementKind>())
        {
            var entry = Regex.Match(script, $"'{Regex.Escape(ContractNames.Of(kind))}': \\['([^']+)'");
            Assert.True(entry.Success, ContractNames.Of(kind));
            Assert.Equal(Capitalised(ContractNames.VietnameseName(kind)), entry.Groups[1].Value);
        }
    }

    [Fact]
    public void OrphanhoodOptions_OfTheCalculatorPage_AreTheLibrarysLabels()
    {
        string page = File.ReadAllText(Path.Combine(Wwwroot, "index.html"));

        foreach (var value in Enum.GetValues<Orphanhood>().Where(v => v != Orphanhood.None))
        {
            string spelling = WelfareRules.Serialization.ContractEnum<Orphanhood>.Spell(value);
            var option = Regex.Match(page, $"<option value=\"{spelling}\">[a-zđ]\\) ([^/<]+) /");
            Assert.True(option.Success, spelling);
            Assert.Equal(Capitalised(FactValueNames.Orphanhood[(int)value]), option.Groups[1].Value);
        }
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
