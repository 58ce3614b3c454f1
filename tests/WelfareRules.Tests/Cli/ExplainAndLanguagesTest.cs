using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using WelfareRules.Money;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>evaluate --explain</c>, Vietnamese text output and amounts formatted by culture.</summary>
public sealed class ExplainAndLanguagesTest : IDisposable
{
    private const string Orphan = """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","orphanhood":"abandoned"}}""";
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-cli-explain-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Input()
    {
        string path = Path.Combine(folder, "one.json");
        File.WriteAllText(path, Orphan);
        return path;
    }

    [Theory]
    [InlineData("none", false, false)]
    [InlineData("en", true, false)]
    [InlineData("vi", false, true)]
    [InlineData("both", true, true)]
    [InlineData("BOTH", true, true)]
    public void Evaluate_Explain_WritesTheLanguagesAskedAndEmptyArraysOtherwise(string explain, bool english, bool vietnamese)
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "-i", Input(), "--explain", explain);

        Assert.True(exit == 0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(english, report.GetProperty("explanation").GetArrayLength() > 0);
        Assert.Equal(vietnamese, report.GetProperty("explanationVi").GetArrayLength() > 0);
        Assert.Equal(750000, report.GetProperty("total").GetInt64());
    }

    [Fact]
    public void Evaluate_ExplainVietnameseText_ShowsOnlyTheVietnameseSteps()
    {
        var both = CliRunner.Run("evaluate", "-i", Input(), "-f", "text");
        var vi = CliRunner.Run("evaluate", "-i", Input(), "-f", "text", "--explain", "vi");
        var none = CliRunner.Run("evaluate", "-i", Input(), "-f", "text", "--explain", "none");

        Assert.Contains("Explanation / Giải thích:", both.Stdout, StringComparison.Ordinal);
        Assert.Contains("Giải thích:", vi.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Explanation", vi.Stdout, StringComparison.Ordinal);
        Assert.True(vi.Stdout.Length < both.Stdout.Length);
        Assert.DoesNotContain("Giải thích", none.Stdout, StringComparison.Ordinal);
        Assert.StartsWith(none.Stdout.TrimEnd(), both.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TextWarnings_InEnglishThenVietnamese()
    {
        // A severe disability in 2026-08 rests on provisional law: a warning, in both languages, whatever --explain says.
        string path = Path.Combine(folder, "provisional.json");
        File.WriteAllText(path, """{"jurisdiction":"VN","month":"2026-08","person":{"birthDate":"1986-01-01","disability":"severe"}}""");
        var json = JsonDocument.Parse(CliRunner.Run("evaluate", "-i", path).Stdout).RootElement;
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "-i", path, "-f", "text", "--explain", "none");

        Assert.True(exit == 0, stderr);
        string english = json.GetProperty("warnings")[0].GetString()!, vietnamese = json.GetProperty("warningsVi")[0].GetString()!;
        Assert.Contains($"* {english}{Environment.NewLine}  {vietnamese}{Environment.NewLine}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_VietnameseExplanation_WritesNumbersTheVietnameseWay()
    {
        var report = JsonDocument.Parse(CliRunner.Run("evaluate", "-i", Input()).Stdout).RootElement;
        string english = string.Join("\n", report.GetProperty("explanation").EnumerateArray().Select(s => s.GetString()));
        string vietnamese = string.Join("\n", report.GetProperty("explanationVi").EnumerateArray().Select(s => s.GetString()));

        Assert.Contains("coefficient 1.5 × standard 500,000 = 750,000", english, StringComparison.Ordinal);
        Assert.Contains("hệ số 1,5 × mức chuẩn 500.000 = 750.000", vietnamese, StringComparison.Ordinal);
        Assert.Contains("500.000 đồng", vietnamese, StringComparison.Ordinal);
        Assert.Contains("2024-08", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BadExplain_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("evaluate", "-i", Input(), "--explain", "fr");
        Assert.Equal(2, exit);
        Assert.StartsWith("welfare-rules: --explain: \"fr\" is not none, en, vi or both", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Text_HasVietnameseLabelsAndNumbers()
    {
        var (exit, stdout, stderr) = CliRunner.Run("classify", "--area", "rural", "--income", "1450000", "--deprivations", "2", "--on", "2024-06-01", "-f", "text");

        Assert.True(exit == 0, stderr);
        Assert.Contains("nearPoor = hộ cận nghèo (nông thôn, 01/06/2024): thu nhập 1.450.000 đồng/người/tháng", stdout, StringComparison.Ordinal);
        Assert.Contains("chuẩn nghèo 1.500.000 đồng", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_Text_HasVietnameseLabelsBesideTheCodes()
    {
        var (exit, stdout, stderr) = CliRunner.Run("rules", "--jurisdiction", "VN", "--on", "2024-06-01");

        Assert.True(exit == 0, stderr);
        Assert.Contains("Instruments / Văn bản:", stdout, StringComparison.Ordinal);
        Assert.Contains("verified (đã đối chiếu)", stdout, StringComparison.Ordinal);
        Assert.Contains("Parameters / Tham số:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Dong_ToStringWithFormat_UsesTheCultureAndKeepsToStringInvariant()
    {
        var amount = new Dong(1_250_000);
        var vietnamese = new NumberFormatInfo { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

        Assert.Equal("1,250,000 VND", amount.ToString());
        Assert.Equal("1,250,000 VND", amount.ToString(null, CultureInfo.InvariantCulture));
        Assert.Equal("1.250.000", amount.ToString("N", vietnamese));
        Assert.Equal("1.250.000", amount.ToString("N0", vietnamese));
        Assert.Equal("1250000", amount.ToString("D", CultureInfo.InvariantCulture));
        Assert.Equal("1,250,000 VND", string.Format(CultureInfo.InvariantCulture, "{0}", amount));
        Assert.Equal("-5,000", new Dong(-5000).ToString("N", CultureInfo.InvariantCulture));
    }
}
