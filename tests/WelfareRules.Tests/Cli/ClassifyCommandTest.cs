using System.Text.Json;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>welfare-rules classify</c>.</summary>
public sealed class ClassifyCommandTest
{
    [Fact]
    public void Classify_WorkedCase49_PoorAsJson()
    {
        var (exit, stdout, stderr) = CliRunner.Run("classify", "--area", "rural", "--income", "1450000", "--deprivations", "3", "--on", "2024-06-01");

        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("poor", doc.RootElement.GetProperty("class").GetString());
        Assert.Equal(1_500_000, doc.RootElement.GetProperty("povertyLine").GetInt64());
        Assert.True(doc.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Contains(doc.RootElement.GetProperty("basis").EnumerateArray(), b => b.GetProperty("instrument").GetString() == "07/2021/NĐ-CP");
    }

    [Fact]
    public void Classify_WorkedCase50_NearPoorAsText()
    {
        var (exit, stdout, stderr) = CliRunner.Run("classify", "--area", "rural", "--income", "1450000", "--deprivations", "2", "--on", "2024-06-01", "--format", "text");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("nearPoor", stdout, System.StringComparison.Ordinal);
        Assert.Contains("provisional", stdout, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--area", "suburban", "--income", "1", "--deprivations", "0", "--on", "2024-01-01")]
    [InlineData("--area", "rural", "--income", "-5", "--deprivations", "0", "--on", "2024-01-01")]
    [InlineData("--area", "rural", "--income", "1", "--deprivations", "0", "--on", "2024-13-01")]
    [InlineData("--area", "rural", "--income", "1", "--deprivations", "0")]
    public void Classify_BadArguments_ExitCode2(params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(["classify", .. args]);

        Assert.Equal(2, exit);
        Assert.StartsWith("welfare-rules: ", stderr, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_DateBeforeTheEncodedStandard_ExitCode1()
    {
        var (exit, _, stderr) = CliRunner.Run("classify", "--area", "urban", "--income", "1", "--deprivations", "0", "--on", "2021-06-01");

        Assert.Equal(1, exit);
        Assert.Contains("no poverty standard", stderr, System.StringComparison.Ordinal);
    }
}
