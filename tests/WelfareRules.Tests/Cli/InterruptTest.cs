using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary>Ctrl+C (the run's stop token) ends <c>evaluate</c> and <c>compare</c> at the end of the line in hand, with their output whole.</summary>
public sealed class InterruptTest
{
    private const string Orphan = """{"id":"ORPHAN","jurisdiction":"VN","month":"2027-02","person":{"birthDate":"2015-01-01","orphanhood":"abandoned"}}""";

    /// <summary>Standard input given a few characters at a time, that presses Ctrl+C once <paramref name="after"/> characters are read.</summary>
    private sealed class InterruptingInput(string text, int after, CancellationTokenSource interrupt) : TextReader
    {
        private int position;

        public override int Read(Span<char> buffer)
        {
            int n = Math.Min(Math.Min(buffer.Length, 37), text.Length - position);
            text.AsSpan(position, n).CopyTo(buffer);
            position += n;
            if (position >= after)
            {
                interrupt.Cancel();
            }

            return n;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }

    private static (int Exit, string Stdout, string Stderr) Run(string input, int after, params string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        using var output = new MemoryStream();
        using var error = new StringWriter();
        int exit = WelfareRules.Cli.Program.Run(args, new InterruptingInput(input, after, interrupt), output, error, interrupt.Token);
        return (exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    private static string Lines(int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => Orphan.Replace("ORPHAN", "p" + i, StringComparison.Ordinal) + "\n"));

    [Fact]
    public void Evaluate_InterruptedInTheThirdLine_WritesThreeWholeReportsExitsOne()
    {
        string input = Lines(10);
        int third = input.IndexOf("\"p3\"", StringComparison.Ordinal);

        var (exit, stdout, stderr) = Run(input, third, "evaluate", "--input", "-");

        Assert.Equal(1, exit);
        var ids = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(["p1", "p2", "p3"], ids);
        Assert.Contains("welfare-rules: interrupted (Ctrl+C)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Interrupted_DifferencesAndSummaryCoverThePersonsRead()
    {
        string input = Lines(10);
        int fourth = input.IndexOf("\"p4\"", StringComparison.Ordinal);
        string rules = Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json");

        var (exit, stdout, stderr) = Run(input, fourth, "compare", "--input", "-", "--rules", rules, "--format", "json");

        Assert.Equal(1, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["p1", "p2", "p3", "p4"], lines[..^1].Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(4, lines[^1].GetProperty("summary").GetProperty("persons").GetInt64());
        Assert.Contains("cover the 4 persons read", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compare_ParquetInterruptedBeforeItsFirstBatch_ComparesNoOneExitsOne(bool report)
    {
        // A Parquet population read into columns, or (with --report, which reads every person's situation) row by
        // row: Ctrl+C pressed before the run ends it at the first batch or row, with the summary.
        string folder = Directory.CreateTempSubdirectory("welfare-interrupt-").FullName;
        try
        {
            string parquet = Path.Combine(folder, "people.parquet");
            Assert.Equal(0, CliRunner.Run("population", "--size", "200", "--seed", "3", "--month", "2027-01", "--output", parquet).Exit);
            string[] range = report ? ["--from", "2027-01", "--to", "2027-02", "--report", Path.Combine(folder, "report.html")] : ["--from", "2027-01", "--to", "2027-02"];
            using var interrupt = new CancellationTokenSource();
            interrupt.Cancel();
            using var output = new MemoryStream();
            using var error = new StringWriter();

            int exit = WelfareRules.Cli.Program.Run(
                ["compare", "--input", parquet, "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), "--format", "json", .. range],
                TextReader.Null, output, error, interrupt.Token);

            Assert.Equal(1, exit);
            var last = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
            Assert.Equal(0, JsonDocument.Parse(last).RootElement.GetProperty("summary").GetProperty("persons").GetInt64());
            Assert.Contains("welfare-rules: interrupted (Ctrl+C)", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ByteMeter_InterruptedInALine_EndsAtThatLinesEnd()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Lines(5));
        int third = Encoding.UTF8.GetString(bytes).IndexOf("\"p3\"", StringComparison.Ordinal);
        using var interrupt = new CancellationTokenSource();
        using var meter = new WelfareRules.Cli.ByteMeter(new MemoryStream(bytes), interrupt.Token);
        long counted = 0;
        meter.OnRead = (_, lines) => counted = lines;

        var read = new List<byte>();
        var buffer = new byte[16];
        for (int n; (n = meter.Read(buffer, 0, buffer.Length)) > 0;)
        {
            read.AddRange(buffer.AsSpan(0, n).ToArray());
            if (read.Count >= third)
            {
                interrupt.Cancel();
            }
        }

        Assert.Equal(Lines(3), Encoding.UTF8.GetString([.. read]));
        Assert.Equal(3, counted);
    }

    [Fact]
    public void ByteMeter_InterruptedBeforeTheLinesAlreadyRead_GivesThemFirst()
    {
        // Ctrl+C already pressed: the two lines read as text before the file was opened again are still given, whole.
        byte[] bytes = Encoding.UTF8.GetBytes(Lines(5));
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        using var meter = new WelfareRules.Cli.ByteMeter(new MemoryStream(bytes), interrupt.Token, linesRead: 2);

        var read = new List<byte>();
        var buffer = new byte[1000];
        for (int n; (n = meter.Read(buffer, 0, buffer.Length)) > 0;)
        {
            read.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        Assert.Equal(Lines(2), Encoding.UTF8.GetString([.. read]));
    }

    [Fact]
    public void Evaluate_NotInterrupted_ExitsZero()
    {
        var (exit, stdout, _) = Run(Lines(3), int.MaxValue, "evaluate", "--input", "-");
        Assert.Equal(0, exit);
        Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Compare_StandardErrorNotATerminal_DrawsNoProgress()
    {
        string rules = Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json");
        var (exit, _, stderr) = CliRunner.RunWithInput(Lines(5), "compare", "--input", "-", "--rules", rules, "--format", "json");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
    }
}
