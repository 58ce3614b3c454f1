using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>
/// Mutated situation lines and rule files, from a fixed seed: nothing aborts, every input line has its output
/// line, and every refusal names its line and JSON path. The situation lines go through the library's JSON
/// Lines path in process (one run, on all cores), so the test stays cheap.
/// </summary>
public sealed class HostileFuzzTest
{
    private const int SituationLines = 100_000;
    private const int RuleFiles = 1_000;

    /// <summary>Tokens a mutation puts in place of a character: structure, numbers out of range, dates out of range, control characters.</summary>
    private static readonly string[] Tokens =
    [
        "", "\"", "{", "}", "[", "]", ",", ":", "0", "-", "x", "null", "\\", " ", "\r", "\t", "\u001b[31m", "\u0000", "\u2028",
        "1e400", "-1", "9223372036854775808", "1e20", "\"-2020-01-10\"", "\"0000-01-01\"", "\"9999-12\"", "\"2100-01\"", "\"1899-12-31\"",
        "\"\\u0000\"", "\"\\ud800\"", "true", "\"VN-\\n\"", new string('Z', 5_000), "\uFEFF", "\uFFFD",
    ];

    [Fact]
    public void Evaluate_MutatedSituationLines_NoAbortOneLineEachRefusalsLocated()
    {
        var random = new Random(20_240_813);
        var bases = PopulationGenerator.Generate(200, 7, Jurisdiction.Parse("VN-HN"), new YearMonth(2025, 3))
            .Select(Tests.SituationLines.Json).Concat(PopulationGenerator.Generate(100, 8, Jurisdiction.Vietnam, new YearMonth(2027, 2)).Select(Tests.SituationLines.Json)).ToArray();
        var input = new StringBuilder();
        for (int i = 0; i < SituationLines; i++)
        {
            string line = Mutate(bases[random.Next(bases.Length)], random);
            input.Append(string.IsNullOrWhiteSpace(line) ? "{}" : line).Append('\n');
        }

        using var output = new MemoryStream();
        using var errors = new StringWriter();
        var summary = JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, new StringReader(input.ToString()), output, errors, new JsonLinesOptions { Source = "fuzz.jsonl" });

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Equal(SituationLines + 1, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Equal(SituationLines, summary.Evaluated + summary.BadLines + summary.Failures);
        Assert.True(summary.BadLines > SituationLines / 4, $"{summary.BadLines} bad lines");
        Assert.True(summary.Evaluated > SituationLines / 100, $"{summary.Evaluated} evaluated");
        for (int i = 0; i < SituationLines; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            if (!root.TryGetProperty("error", out var error))
            {
                continue;
            }

            Assert.Equal(i + 1, root.GetProperty("line").GetInt32());
            string message = error.GetString()!;
            Assert.DoesNotContain(message, c => c < ' ');
            if (root.TryGetProperty("path", out var path))
            {
                Assert.StartsWith("$", path.GetString(), StringComparison.Ordinal);
                Assert.Matches(@"^fuzz\.jsonl line \d+: \$", message);
            }
            else
            {
                Assert.StartsWith($"fuzz.jsonl line {i + 1}: ", message, StringComparison.Ordinal);
            }
        }

        Assert.Equal(summary.BadLines + summary.Failures, errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Read_MutatedRuleFiles_RefusedWithLocationOrEvaluatedWithoutAbort()
    {
        var random = new Random(20_240_814);
        string[] bases = [.. new[] { "vn-zz-example.json", "rules/draft-standard-2027.json", "vn-zz-below-national.json" }
            .Select(f => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", f)))];
        var people = PopulationGenerator.Generate(40, 3, Jurisdiction.Vietnam, new YearMonth(2027, 2))
            .Concat(PopulationGenerator.Generate(20, 4, Jurisdiction.Parse("VN-ZZ"), new YearMonth(2025, 6))).ToArray();
        int refused = 0, accepted = 0;
        for (int i = 0; i < RuleFiles; i++)
        {
            byte[] file = MutateRuleFile(bases[random.Next(bases.Length)], random);
            RuleSet rules;
            try
            {
                rules = RuleSet.BuiltIn.With(InstrumentReader.Read(file, "fuzz.json"));
            }
            catch (RuleFileException error)
            {
                refused++;
                Assert.NotEmpty(error.Problems);
                Assert.All(error.Problems, p =>
                {
                    Assert.StartsWith("$", p.Location.Path, StringComparison.Ordinal);
                    Assert.True(p.Location.Line >= 0);
                });
                Assert.Contains(error.Problems, p => p.Location.File == "fuzz.json" && p.Location.Line >= 1);
                Assert.DoesNotContain(error.Message, c => c < ' ' && c != '\n');
                continue;
            }

            accepted++;
            foreach (var situation in people)
            {
                try
                {
                    Assert.True(rules.Evaluate(situation, EvaluationOptions.Default).Total.Value >= 0);
                }
                catch (EvaluationException)
                {
                    // A refusal for this person alone (a month the draft leaves unencoded, an overflow guard).
                }
            }
        }

        Assert.True(refused > RuleFiles / 2, $"{refused} refused");
        Assert.True(accepted > 0, "no mutated file was accepted");
    }

    /// <summary>One or two edits: a token in place of a character, a key written twice, deep nesting, or a value replaced.</summary>
    private static string Mutate(string line, Random random)
    {
        int edits = random.Next(4) == 0 ? 2 : 1;
        for (int e = 0; e < edits; e++)
        {
            switch (random.Next(6))
            {
                case 0 or 1 or 2:
                    int at = random.Next(line.Length);
                    line = line[..at] + Tokens[random.Next(Tokens.Length)] + line[(at + 1)..];
                    break;
                case 3:
                    line = line.Replace("\"jurisdiction\":", random.Next(2) == 0 ? "\"jurisdiction\":\"VN\",\"jurisdiction\":" : "\"jurisdiction\":", StringComparison.Ordinal)
                        .Replace("\"birthDate\":", random.Next(2) == 0 ? "\"birthDate\":\"2000-01-01\",\"birthDate\":" : "\"birthDate\":", StringComparison.Ordinal);
                    break;
                case 4:
                    int depth = random.Next(1, 200);
                    line = line.Replace("\"person\":", "\"person\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)), StringComparison.Ordinal) + new string('}', depth);
                    break;
                default:
                    line = line.Replace("\"month\":\"", "\"month\":\"" + (random.Next(3) switch { 0 => "-", 1 => "9", _ => "0" }), StringComparison.Ordinal);
                    break;
            }
        }

        return line.Replace('\n', ' ');
    }

    /// <summary>A rule file edited: a value out of bounds, a key twice, deep nesting, a character replaced, or re-encoded.</summary>
    private static byte[] MutateRuleFile(string text, Random random)
    {
        string[] values = ["1e20", "9223372036854775807", "1e15", "0", "-1", "1.5", "1e400", "true", "\"x\"", "null", "[]", "{}", "0.5", "1000", "1000.5", "10000000001"];
        switch (random.Next(7))
        {
            case 0 or 1:
                var positions = AllIndexes(text, "\"value\": ").ToList();
                if (positions.Count > 0)
                {
                    int at = positions[random.Next(positions.Count)] + "\"value\": ".Length;
                    int end = text.IndexOfAny([',', ' ', '}'], at);
                    text = text[..at] + values[random.Next(values.Length)] + text[end..];
                }

                break;
            case 2:
                text = text.Replace("\"from\": \"", "\"from\": \"2027-01-01\", \"from\": \"", StringComparison.Ordinal);
                break;
            case 3:
                int depth = random.Next(1, 100);
                text = text.Replace("\"basis\": ", "\"basis\": " + string.Concat(Enumerable.Repeat("{\"article\": ", depth)), StringComparison.Ordinal);
                break;
            case 4:
                int position = random.Next(text.Length);
                text = text[..position] + Tokens[random.Next(Tokens.Length)] + text[(position + 1)..];
                break;
            case 5:
                text = text.Replace("\"2027-01-01\"", random.Next(2) == 0 ? "\"-2027-01-01\"" : "\"1800-01-01\"", StringComparison.Ordinal);
                break;
            default:
                return random.Next(2) == 0 ? [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)] : [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
        }

        return Encoding.UTF8.GetBytes(text);
    }

    private static IEnumerable<int> AllIndexes(string text, string what)
    {
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
