using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MiniExcelLibs;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>compare --report</c>, <c>--xlsx</c> and <c>--csv</c>: what a department attaches to a submission.</summary>
public sealed class CompareReportCommandTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-report-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Compare_WithReportXlsxAndCsv_WritesThemFromTheSameFigures()
    {
        var (_, population, _) = CliRunner.Run("population", "--size", "3000", "--seed", "4", "--jurisdiction", "VN-HN", "--month", "2027-03");
        string input = Path.Combine(folder, "people.jsonl");
        File.WriteAllText(input, string.Concat(population.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select((line, i) => line.Replace("{\"jurisdiction\"", $"{{\"id\":\"P{i}\",\"weight\":{1 + (i % 3)},\"commune\":\"{i % 4:00000}\",\"jurisdiction\"", StringComparison.Ordinal) + "\n")));
        string report = Path.Combine(folder, "report.html"), xlsx = Path.Combine(folder, "compare.xlsx"), csv = Path.Combine(folder, "csv");

        var (exit, stdout, stderr) = CliRunner.Run("compare", "--input", input, "--rules", RepositoryFiles.PolicyExample("hanoi-700k-2027.json"),
            "--format", "json", "--report", report, "--xlsx", xlsx, "--csv", csv);

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var summary = JsonDocument.Parse(lines[^1]).RootElement.GetProperty("summary");
        long difference = summary.GetProperty("difference").GetInt64();
        Assert.Equal(6_000m, summary.GetProperty("weighted").GetProperty("persons").GetDecimal());

        // The report: self-contained (no script, stylesheet, font or image from elsewhere), with its charts inline.
        string html = File.ReadAllText(report);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<svg id=\"gainers-losers\"", html, StringComparison.Ordinal);
        Assert.Contains("DRAFT-HN-2027", html, StringComparison.Ordinal);
        Assert.Contains(difference.ToString("N0", new System.Globalization.NumberFormatInfo { NumberGroupSeparator = "." }) + " đ", html, StringComparison.Ordinal);

        // The spreadsheet: the same summary, and one row per difference line, with the situation's id.
        var sheets = MiniExcel.GetSheetNames(xlsx);
        Assert.Equal(["Tổng hợp - Summary", "Theo khoản - Totals", "Phân bố - Distribution", "Chênh lệch - Differences"], sheets);
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Tổng hợp - Summary").Cast<System.Collections.Generic.IDictionary<string, object>>().ToList();
        Assert.Equal(difference, Convert.ToInt64(rows.Single(r => (string)r["key"] == "difference")["value"], System.Globalization.CultureInfo.InvariantCulture));
        var differences = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Chênh lệch - Differences").Cast<System.Collections.Generic.IDictionary<string, object>>().ToList();
        Assert.Equal(lines.Length - 1, differences.Count);
        Assert.StartsWith("P", (string)differences[0]["id"], StringComparison.Ordinal);

        // The CSV files: the same tables.
        Assert.Equal(lines.Length, File.ReadAllLines(Path.Combine(csv, "differences.csv")).Length);
        Assert.StartsWith("by,key,persons,baseline,changed,difference,gainers,losers", File.ReadAllText(Path.Combine(csv, "distribution.csv")), StringComparison.Ordinal);
        Assert.Contains("commune,00003,", File.ReadAllText(Path.Combine(csv, "distribution.csv")), StringComparison.Ordinal);
    }
}
