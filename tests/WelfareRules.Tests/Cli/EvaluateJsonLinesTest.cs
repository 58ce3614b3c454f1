using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary>
/// <c>evaluate</c> over JSON Lines reads, evaluates and writes lines in parallel batches; its output must be
/// byte for byte that of the straightforward reading, one line after the other (<see cref="LineByLine"/>).
/// </summary>
public sealed class EvaluateJsonLinesTest : IDisposable
{
    private static readonly Lazy<string> Population = new(MakePopulation);
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-jsonl-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData]
    [InlineData("--strict")]
    [InlineData("--month", "2025-03")]
    [InlineData("--month", "2020-05")]
    public void Evaluate_PopulationWithBadLines_SameBytesAsLineByLine(params string[] extra)
    {
        string path = Path.Combine(folder, "population.jsonl");
        File.WriteAllText(path, Population.Value, new UTF8Encoding(false));
        var (exit, stdout, stderr) = CliRunner.Run(["evaluate", "--input", path, .. extra]);

        var month = extra.Length == 2 ? TestDates.Month(extra[1]) : (YearMonth?)null;
        var options = new EvaluationOptions { Strict = extra.Contains("--strict") };
        var expected = LineByLine(Population.Value, path, month, options);
        Assert.Equal(expected.Exit, exit);
        Assert.Equal(expected.Stdout, stdout);
        Assert.Equal(expected.Stderr, stderr);
        Assert.Contains("\"error\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StandardInput_SameBytesAsLineByLine()
    {
        var (exit, stdout, stderr) = CliRunner.RunWithInput(Population.Value, "evaluate", "--input", "-");
        var expected = LineByLine(Population.Value, "-", null, EvaluationOptions.Default);
        Assert.Equal(expected.Exit, exit);
        Assert.Equal(expected.Stdout, stdout);
        Assert.Equal(expected.Stderr, stderr);
    }

    [Fact]
    public void Evaluate_FileWithMarkAndCrlf_SameBytesAsStandardInput()
    {
        // A file is read as bytes, standard input as text: a byte-order mark, CRLF line ends and a last line without
        // one give the same reports, errors and line numbers.
        string text = Population.Value.Replace("\n", "\r\n", StringComparison.Ordinal).TrimEnd('\n', '\r');
        string path = Path.Combine(folder, "marked.jsonl");
        File.WriteAllBytes(path, [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)]);

        var fromFile = CliRunner.Run("evaluate", "--input", path);
        var fromStdin = CliRunner.RunWithInput(text, "evaluate", "--input", "-");

        Assert.Equal(fromStdin.Exit, fromFile.Exit);
        Assert.Equal(fromStdin.Stdout, fromFile.Stdout.Replace(path, "-", StringComparison.Ordinal));
        Assert.Equal(fromStdin.Stderr, fromFile.Stderr.Replace(path, "-", StringComparison.Ordinal));
        Assert.Contains("\"line\":", fromFile.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 4096)]
    [InlineData(4, 7)]
    [InlineData(4, 33)]
    [InlineData(8, 1000)]
    public void Evaluate_AnyBatchAndCores_SameBytesAsLineByLine(int cores, int batch)
    {
        using var output = new MemoryStream();
        using var errors = new StringWriter();
        var summary = JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, new StringReader(Population.Value), output, errors, new JsonLinesOptions
        {
            Source = "p.jsonl",
            MaxDegreeOfParallelism = cores,
            BatchSize = batch,
        });
        var expected = LineByLine(Population.Value, "p.jsonl", null, EvaluationOptions.Default);
        Assert.Equal(expected.Stdout, Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(expected.Stderr, errors.ToString());
        Assert.Equal(expected.Exit, summary.BadLines > 0 ? 2 : summary.Failures > 0 ? 1 : 0);
        Assert.True(summary.Evaluated > 1500 && summary.BadLines > 500 && summary.Failures > 500, summary.ToString());
    }

    /// <summary>
    /// A few thousand generated situations over two jurisdictions and several months (one before the encoded
    /// law, one on provisional law), with bad lines of every sort among them, blank lines and CRLF endings.
    /// </summary>
    private static string MakePopulation()
    {
        var lines = new List<string>();
        var sources = new[]
        {
            (Jurisdiction.Vietnam, "2024-08"), (Jurisdiction.Parse("VN-HN"), "2026-08"), (Jurisdiction.Parse("VN-HN"), "2025-07"), (Jurisdiction.Vietnam, "2020-05"),
        };
        var random = new Random(20240801);
        int seed = 1;
        foreach (var (jurisdiction, month) in sources)
        {
            foreach (var situation in PopulationGenerator.Generate(800, (ulong)seed++, jurisdiction, TestDates.Month(month)))
            {
                lines.Add(SituationLines.Json(situation));
            }
        }

        lines = [.. lines.OrderBy(_ => random.Next())];
        var text = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            switch (random.Next(40))
            {
                case 0: line = line.Remove(random.Next(line.Length), 1); break;
                case 1: line = line[..(line.Length / 2)]; break;
                case 2: line = line.Replace("\"person\":{", "\"person\":{\"orphanhod\":\"abandoned\",", StringComparison.Ordinal); break;
                case 3: line = line.Replace("\"birthDate\":\"", "\"birthDate\":\"1x", StringComparison.Ordinal); break;
                case 4: line = line.Replace("\"person\":{", "\"person\":{\"disability\":\"blind\",", StringComparison.Ordinal); break;
                case 5: line = line.Replace("\"person\":{", "\"person\":{\"childrenUnder36Months\":-2,", StringComparison.Ordinal); break;
                case 6: line = "null"; break;
                case 7: line = "[1, 2]"; break;
                case 8: text.Append('\n'); break;
                case 9: text.Append(" \t\u00a0\n"); break;
                case 10: line += "\r"; break;
                case 11: line = line.Replace("\"jurisdiction\":\"VN", "\"jurisdiction\":\"XX", StringComparison.Ordinal); break;
            }

            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The straightforward reading: one line after the other, each report or error line written as it comes.</summary>
    private static (int Exit, string Stdout, string Stderr) LineByLine(string input, string source, YearMonth? month, EvaluationOptions options)
    {
        bool badInput = false, failure = false;
        using var output = new MemoryStream();
        using var errors = new StringWriter();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            foreach (var item in SituationReader.ReadLines(new StringReader(input), source, month))
            {
                string? message = null, path = null;
                if (item.Error is { } bad)
                {
                    badInput = true;
                    (message, path) = (bad.Message, bad.Path);
                }
                else
                {
                    try
                    {
                        ReportJson.Write(writer, RuleSet.BuiltIn.Evaluate(item.Situation!, options));
                    }
                    catch (EvaluationException failed)
                    {
                        failure = true;
                        message = $"{source} line {item.Line}: {failed.Message}";
                    }
                }

                if (message is not null)
                {
                    errors.WriteLine(message);
                    writer.WriteStartObject();
                    writer.WriteNumber("line", item.Line);
                    writer.WriteString("error", message);
                    if (path is not null)
                    {
                        writer.WriteString("path", path);
                    }

                    writer.WriteEndObject();
                }

                writer.Flush();
                writer.Reset();
                output.WriteByte((byte)'\n');
            }
        }

        return (badInput ? 2 : failure ? 1 : 0, Encoding.UTF8.GetString(output.ToArray()), errors.ToString());
    }
}
