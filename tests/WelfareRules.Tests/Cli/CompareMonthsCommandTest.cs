using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>compare --from --to</c> over a range of months, <c>--baseline-without</c> an instrument in force, and <c>population --merit</c>.</summary>
public sealed class CompareMonthsCommandTest
{
    [Fact]
    public void Compare_BaselineWithoutNd77OverJuneAndJuly2024_DiffersInJulyOnly()
    {
        var (populationExit, population, _) = CliRunner.Run("population", "--merit", "--size", "40", "--seed", "3", "--month", "2024-06");
        Assert.Equal(0, populationExit);
        Assert.Equal(40, population.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(population.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains("\"merit\":[", l, StringComparison.Ordinal));

        var (exit, stdout, stderr) = CliRunner.RunWithInput(population, "compare", "--input", "-", "--baseline-without", "77/2024/NĐ-CP",
            "--from", "2024-06", "--to", "2024-07", "--format", "json");

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var differences = lines.Where(l => l.TryGetProperty("difference", out _) && !l.TryGetProperty("summary", out _)).ToList();
        Assert.Equal(40, differences.Count);
        Assert.All(differences, d => Assert.Equal("2024-07", d.GetProperty("month").GetString()));
        var summary = lines[^1].GetProperty("summary");
        Assert.Equal(80, summary.GetProperty("persons").GetInt64());
        Assert.Equal(2, summary.GetProperty("months").GetInt32());
        Assert.Equal(differences.Sum(d => d.GetProperty("difference").GetInt64()), summary.GetProperty("difference").GetInt64());
    }

    [Fact]
    public void Compare_RangeOverLinesWithoutTheirMonth_ComparesEachMonth()
    {
        const string line = "{\"jurisdiction\":\"VN\",\"person\":{\"birthDate\":\"1950-03-01\",\"merit\":[{\"category\":\"war-invalid\",\"rate\":41}]}}\n";

        var (exit, stdout, stderr) = CliRunner.RunWithInput(line, "compare", "--input", "-", "--baseline-without", "77/2024/NĐ-CP", "--from", "2024-06", "--to", "2024-07", "--format", "json");

        Assert.True(exit == 0, stderr);
        var summary = JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("persons").GetInt64());
        Assert.Equal(965_000, summary.GetProperty("difference").GetInt64());
    }

    [Theory]
    [InlineData("--baseline-without", "99/2099/NĐ-CP", "no built-in instrument has the id 99/2099/NĐ-CP")]
    [InlineData("--from", "2024-07", "--from and --to go together")]
    public void Compare_BadRangeOrInstrument_IsAUsageError(string option, string value, string message)
    {
        var (exit, _, stderr) = CliRunner.RunWithInput("", "compare", "--input", "-", "--rules", "x.json", option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
