using System.Linq;
using System.Text.Json;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>welfare-rules rules</c> for Hanoi: the instruments, groups and values in force on a date, with status.</summary>
public sealed class RulesCommandTest
{
    private static JsonElement RulesJson(string on)
    {
        var (exit, stdout, stderr) = CliRunner.Run("rules", "--jurisdiction", "VN-HN", "--on", on, "--format", "json");
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static JsonElement[] Parameters(JsonElement rules, string name, string jurisdiction) =>
        [.. rules.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("parameter").GetString() == name && p.GetProperty("jurisdiction").GetString() == jurisdiction)];

    [Fact]
    public void Rules_Hanoi2026_ListsNq63StandardGroupAndTopUp()
    {
        var rules = RulesJson("2026-02-01");

        Assert.Contains(rules.GetProperty("instruments").EnumerateArray(), i => i.GetProperty("id").GetString() == "63/2025/NQ-HĐND");
        Assert.Contains(rules.GetProperty("groups").EnumerateArray(), g => g.GetProperty("id").GetString() == "HN-NQ63-4");
        Assert.Equal(650000m, Assert.Single(Parameters(rules, "standard", "VN-HN")).GetProperty("value").GetDecimal());
        Assert.Equal(500000m, Assert.Single(Parameters(rules, "standard", "VN")).GetProperty("value").GetDecimal());
        Assert.Equal(150000m, Assert.Single(Parameters(rules, "social-pension-top-up", "VN-HN")).GetProperty("value").GetDecimal());
        Assert.Equal(500000m, Assert.Single(Parameters(rules, "social-pension", "VN")).GetProperty("value").GetDecimal());
    }

    [Fact]
    public void Rules_Hanoi2025_ShowsNq09StandardAsProvisional()
    {
        var rules = RulesJson("2025-03-01");

        var hanoi = Assert.Single(Parameters(rules, "standard", "VN-HN"));
        Assert.Equal(440000m, hanoi.GetProperty("value").GetDecimal());
        Assert.Equal("provisional", hanoi.GetProperty("basis")[0].GetProperty("status").GetString());
        Assert.Equal(500000m, Assert.Single(Parameters(rules, "standard", "VN")).GetProperty("value").GetDecimal());
        Assert.Empty(Parameters(rules, "social-pension-top-up", "VN-HN"));
        Assert.DoesNotContain(rules.GetProperty("instruments").EnumerateArray(), i => i.GetProperty("id").GetString() == "63/2025/NQ-HĐND");
    }

    [Fact]
    public void Rules_HanoiText_ListsHanoiInstruments()
    {
        var (exit, stdout, stderr) = CliRunner.Run("rules", "--jurisdiction", "VN-HN", "--on", "2026-02-01");

        Assert.True(exit == 0, stderr);
        Assert.Contains("63/2025/NQ-HĐND", stdout, System.StringComparison.Ordinal);
        Assert.Contains("03/2020/NQ-HĐND", stdout, System.StringComparison.Ordinal);
        Assert.Contains("cremation-support[child-under-6]", stdout, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_Text_PrintsValuesExactly()
    {
        var (exit, stdout, stderr) = CliRunner.Run("rules", "--jurisdiction", "VN", "--on", "2026-02-01");

        Assert.True(exit == 0, stderr);
        var rate = Assert.Single(stdout.Split('\n'), l => l.TrimStart().StartsWith("health-insurance-rate", System.StringComparison.Ordinal));
        Assert.Contains(" 0.045 ", rate, System.StringComparison.Ordinal);
        var standard = Assert.Single(stdout.Split('\n'), l => l.TrimStart().StartsWith("standard ", System.StringComparison.Ordinal));
        Assert.Contains(" 500,000 ", standard, System.StringComparison.Ordinal);
        Assert.Contains("reported", stdout, System.StringComparison.Ordinal);
    }
}
