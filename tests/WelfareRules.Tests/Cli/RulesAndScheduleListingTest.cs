using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>rules</c> lists what is in force, groups open and closed apart, in date order; <c>schedule</c>'s paid column and its one-object input.</summary>
public sealed class RulesAndScheduleListingTest : IDisposable
{
    private const string Orphan = """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","orphanhood":"abandoned"}}""";
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-cli-listing-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Rules_SupersededInstrument_ListedOnlyUnderAll()
    {
        // 136/2013/NĐ-CP applies from 2014 but 20/2021/NĐ-CP replaced all of it from 2021-07-01.
        var inForce = JsonDocument.Parse(CliRunner.Run("rules", "--on", "2026-02-01", "-f", "json").Stdout).RootElement;
        var all = JsonDocument.Parse(CliRunner.Run("rules", "--on", "2026-02-01", "-f", "json", "--all").Stdout).RootElement;

        var ids = inForce.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain("136/2013/NĐ-CP", ids);
        Assert.Contains("20/2021/NĐ-CP", ids);
        Assert.All(inForce.GetProperty("instruments").EnumerateArray(), i => Assert.True(i.GetProperty("inForce").GetBoolean()));
        var superseded = Assert.Single(all.GetProperty("instruments").EnumerateArray(), i => i.GetProperty("id").GetString() == "136/2013/NĐ-CP");
        Assert.False(superseded.GetProperty("inForce").GetBoolean());
        Assert.Contains("superseded", CliRunner.Run("rules", "--on", "2026-02-01", "--all").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_InstrumentsAndGroups_InDateOrderOpenBeforeClosed()
    {
        var rules = JsonDocument.Parse(CliRunner.Run("rules", "--jurisdiction", "VN-HN", "--on", "2026-02-01", "-f", "json").Stdout).RootElement;

        var applies = rules.GetProperty("instruments").EnumerateArray().Select(i => i.GetProperty("appliesFrom").GetString()!).ToList();
        Assert.Equal(applies.Order(StringComparer.Ordinal), applies);
        var groups = rules.GetProperty("groups").EnumerateArray().Select(g => (Open: g.GetProperty("open").GetBoolean(), From: g.GetProperty("from").GetString()!)).ToList();
        Assert.Equal(groups.OrderBy(g => !g.Open).ThenBy(g => g.From, StringComparer.Ordinal), groups);
        Assert.Contains(groups, g => !g.Open);

        string text = CliRunner.Run("rules", "--jurisdiction", "VN-HN", "--on", "2026-02-01").Stdout;
        int open = text.IndexOf("Groups open", StringComparison.Ordinal), closed = text.IndexOf("Groups closed", StringComparison.Ordinal);
        Assert.True(open >= 0 && closed > open);
        Assert.Contains("ND20-5-5a", text[closed..text.IndexOf("Parameters", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_Text_NamesTheCityAndEachGroupsTitleInAlignedColumns()
    {
        string text = CliRunner.Run("rules", "--jurisdiction", "VN-HN", "--on", "2026-02-01").Stdout;

        Assert.Contains("Luật có hiệu lực tại Hà Nội (VN-HN) ngày 01/02/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(conditions)", text, StringComparison.Ordinal);
        var groups = text[text.IndexOf("Groups open", StringComparison.Ordinal)..text.IndexOf("Parameters", StringComparison.Ordinal)]
            .Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Contains(groups, l => l.Contains("Trẻ em dưới 6 tuổi", StringComparison.Ordinal));

        // Every group line's "from" in the same column, however long its id and code.
        Assert.Single(groups.Select(l => l.IndexOf(" from ", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public void Schedule_Text_PaidColumnOnlyWithPaid()
    {
        string input = WriteFile("one.json", Orphan);
        string paid = WriteFile("paid.json", """{"2024-06": 0}""");
        var without = CliRunner.Run("schedule", "-i", input, "--from", "2024-06", "--to", "2024-07", "-f", "text");
        var with = CliRunner.Run("schedule", "-i", input, "--from", "2024-06", "--to", "2024-07", "-f", "text", "--paid", paid);

        Assert.True(without.Exit == 0, without.Stderr);
        Assert.DoesNotContain("paid", without.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("owed", without.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^month +due\r?\n", without.Stdout);
        Assert.True(with.Exit == 0, with.Stderr);
        Assert.Matches(@"^month +due +paid +owed  reason", with.Stdout);
    }

    [Theory]
    [InlineData("people.jsonl")]
    [InlineData("people.json")]
    public void Schedule_JsonLinesInput_RefusedClearly(string name)
    {
        string input = WriteFile(name, Orphan + "\n" + Orphan + "\n");
        var (exit, stdout, stderr) = CliRunner.Run("schedule", "-i", input, "--from", "2024-06", "--to", "2024-07");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"welfare-rules: --input: {input} holds JSON Lines; schedule takes one situation (one JSON object)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_ParquetPopulation_RefusedClearly()
    {
        string input = WriteFile("people.parquet", "");
        Assert.Equal(0, CliRunner.Run("population", "--size", "3", "--seed", "1", "--month", "2024-06", "--output", input).Exit);

        var (exit, stdout, stderr) = CliRunner.Run("schedule", "-i", input, "--from", "2024-06", "--to", "2024-07");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"welfare-rules: --input: {input} is a Parquet population; schedule takes one situation (one JSON object)", stderr, StringComparison.Ordinal);
    }
}
