using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MiniExcelLibs;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>evaluate --payment-list</c>: the month's payment list by commune, as a spreadsheet or CSV.</summary>
public sealed class PaymentListCommandTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-payments-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Evaluate_WithPaymentList_TotalsEachCommuneAndTheWholeAsTheReports()
    {
        var (_, population, _) = CliRunner.Run("population", "--calibrated", "--size", "600", "--seed", "2", "--month", "2026-03");
        string input = Path.Combine(folder, "hanoi.jsonl");
        File.WriteAllText(input, population);
        string xlsx = Path.Combine(folder, "payments.xlsx"), csv = Path.Combine(folder, "payments.csv");

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input, "--explain", "none", "--payment-list", xlsx);
        var (exitCsv, _, _) = CliRunner.Run("evaluate", "--input", input, "--explain", "none", "--payment-list", csv);

        Assert.True(exit == 0, stderr);
        Assert.Equal(0, exitCsv);
        long expected = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(l => JsonDocument.Parse(l).RootElement.GetProperty("total").GetInt64());
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var grand = rows[^1];
        Assert.Equal("grand total / tổng cộng", grand["id"]);
        Assert.Equal(expected, Convert.ToInt64(grand["total"], System.Globalization.CultureInfo.InvariantCulture));

        // Each commune's rows, then its total.
        long sum = 0;
        foreach (var row in rows.Take(rows.Count - 1))
        {
            if ((row["id"] as string)?.StartsWith("commune total", StringComparison.Ordinal) == true)
            {
                Assert.Equal(sum, Convert.ToInt64(row["total"], System.Globalization.CultureInfo.InvariantCulture));
                sum = 0;
            }
            else
            {
                sum += Convert.ToInt64(row["total"], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.Equal(rows.Count + 1, File.ReadAllLines(csv).Length);
        Assert.EndsWith("," + expected + ",true,", File.ReadAllLines(csv)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PaymentListWithABadLine_KeepsItsRowWithTheReason()
    {
        string input = Path.Combine(folder, "two.jsonl");
        File.WriteAllText(input, "{\"id\":\"A\",\"jurisdiction\":\"VN\",\"month\":\"2024-07\",\"person\":{\"birthDate\":\"1950-03-01\",\"merit\":[{\"category\":\"war-invalid\",\"rate\":41}]}}\n"
            + "{\"id\":\"B\",\"jurisdiction\":\"VN\",\"month\":\"2024-07\",\"person\":{\"birthDate\":\"1950-13-01\"}}\n");
        string csv = Path.Combine(folder, "payments.csv");

        CliRunner.Run("evaluate", "--input", input, "--explain", "none", "--payment-list", csv);

        var lines = File.ReadAllLines(csv);
        Assert.Contains(lines, l => l.Contains(",B,", StringComparison.Ordinal) && l.Contains("birthDate", StringComparison.Ordinal));
        Assert.Contains("1 situation(s) not paid", lines[^1], StringComparison.Ordinal);
        Assert.Contains(",3667000,", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PaymentListFromStandardInput_IsAUsageError()
    {
        var (exit, _, stderr) = CliRunner.RunWithInput("{}", "evaluate", "--input", "-", "--payment-list", Path.Combine(folder, "x.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("--payment-list", stderr, StringComparison.Ordinal);
    }
}
