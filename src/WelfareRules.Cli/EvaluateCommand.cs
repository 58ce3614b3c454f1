using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Serialization;

namespace WelfareRules.Cli;

/// <summary><c>welfare-rules evaluate</c>: one situation or JSON Lines, streamed in input order.</summary>
internal static class EvaluateCommand
{
    private static readonly HashSet<string> ValueOptions = ["--input", "--month", "--format", "--rules", "--admit"];
    private static readonly HashSet<string> SwitchOptions = ["--strict", "--lines"];

    internal static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    internal static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    internal static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        var line = new CommandLine(args, ValueOptions, SwitchOptions);
        string input = line.Required("--input");
        YearMonth? month = null;
        if (line.Value("--month") is { } monthText)
        {
            var parsed = YearMonthPattern.Iso.Parse(monthText);
            month = PolicyCommands.Month(monthText, "--month");
        }

        bool text = (line.Value("--format") ?? "json") switch
        {
            "json" => false,
            "text" => true,
            var other => throw new UsageException($"--format: \"{MessageText.Cut(other)}\" is not json or text"),
        };
        var rules = Program.LoadRules(line);
        var options = new EvaluationOptions { Admit = Admitted(line) };

        using var reader = Inputs.OpenText(input, "--input", stdin);

        // The framing is chosen from the first two non-blank lines (docs/cli.md, "Input framing"), so that one
        // bad line cannot make JSON Lines be read as a single object.
        var head = new List<string>();
        int firstNumber = 0, lineCount = 0;
        while (head.Count < 2 && reader.ReadLine() is { } candidate)
        {
            lineCount++;
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                firstNumber = head.Count == 0 ? lineCount : firstNumber;
                head.Add(candidate);
            }
            else if (head.Count > 0)
            {
                head[^1] += "\n";
            }
        }

        if (head.Count == 0)
        {
            throw new UsageException($"{MessageText.Cut(input)}: no situation (the input is empty)");
        }

        bool lines = line.Has("--lines") || input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || (head.Count == 2 && (IsCompleteObject(head[0]) || IsCompleteObject(head[1])));
        string first = string.Join("\n", head);
        using var output = new BufferedStream(stdout, 1 << 16);
        int result = lines
            ? RunLines(first, firstNumber, reader, input, month, rules, options, text, output, stderr)
            : RunSingle(first, firstNumber, reader, input, month, rules, options, text, output, stderr);
        output.Flush();
        return result;
    }

    /// <summary>
    /// The weakest grade admitted: <c>--strict</c> admits only verified law, <c>--admit reported</c> verified and
    /// reported law, <c>--admit provisional</c> (the default) every grade.
    /// </summary>
    internal static Legal.ProvisionStatus Admitted(CommandLine line)
    {
        var admit = line.Value("--admit") switch
        {
            null => (Legal.ProvisionStatus?)null,
            "verified" => Legal.ProvisionStatus.Verified,
            "reported" => Legal.ProvisionStatus.Reported,
            "provisional" => Legal.ProvisionStatus.Provisional,
            var other => throw new UsageException($"--admit: \"{other}\" is not verified, reported or provisional"),
        };
        if (line.Has("--strict"))
        {
            return admit is null or Legal.ProvisionStatus.Verified
                ? Legal.ProvisionStatus.Verified
                : throw new UsageException("--strict admits only verified law; it cannot be combined with --admit " + line.Value("--admit"));
        }

        return admit ?? Legal.ProvisionStatus.Provisional;
    }

    private static int RunSingle(string first, int firstNumber, TextReader reader, string source, YearMonth? month, RuleSet rules, EvaluationOptions options, bool text, Stream output, TextWriter stderr)
    {
        string json = first + "\n" + reader.ReadToEnd();
        Situation situation;
        try
        {
            situation = SituationReader.Parse(Encoding.UTF8.GetBytes(json), source, firstNumber, month);
        }
        catch (SituationFormatException bad)
        {
            stderr.WriteLine(bad.Message);
            return Program.BadInput;
        }

        try
        {
            var report = rules.Evaluate(situation, options);
            if (text)
            {
                Program.Write(output, TextReport.Render(report));
            }
            else
            {
                using (var writer = new Utf8JsonWriter(output, Indented))
                {
                    ReportJson.Write(writer, report);
                }

                output.WriteByte((byte)'\n');
            }

            return Program.Ok;
        }
        catch (EvaluationException failed)
        {
            stderr.WriteLine($"{source}: {failed.Message}");
            return Program.Failure;
        }
    }

    private static int RunLines(string first, int firstNumber, TextReader reader, string source, YearMonth? month, RuleSet rules, EvaluationOptions options, bool text, Stream output, TextWriter stderr)
    {
        if (!text)
        {
            var summary = JsonLinesEvaluator.Evaluate(rules, new PrependedLineReader(first, reader), output, stderr, new JsonLinesOptions
            {
                Source = source,
                Month = month,
                Evaluation = options,
                LinesBefore = firstNumber - 1,
            });
            return summary.BadLines > 0 ? Program.BadInput : summary.Failures > 0 ? Program.Failure : Program.Ok;
        }

        // The text format, for reading by a person: one table after another, each written as it is made.
        bool badInput = false, failure = false;
        var all = SituationReader.ReadLines(new PrependedLineReader(first, reader), source, month, firstNumber - 1);
        foreach (var item in all)
        {
            if (item.Error is { } bad)
            {
                badInput = true;
                stderr.WriteLine(bad.Message);
                WriteTextError(output, item.Line, bad.Message);
                continue;
            }

            try
            {
                var report = rules.Evaluate(item.Situation!, options);
                Program.Write(output, $"# line {item.Line}{Environment.NewLine}{TextReport.Render(report)}{Environment.NewLine}");
            }
            catch (EvaluationException failed)
            {
                failure = true;
                string message = $"{source} line {item.Line}: {failed.Message}";
                stderr.WriteLine(message);
                WriteTextError(output, item.Line, message);
            }
        }

        return badInput ? Program.BadInput : failure ? Program.Failure : Program.Ok;
    }

    private static void WriteTextError(Stream output, int line, string message) =>
        Program.Write(output, $"# line {line}{Environment.NewLine}error: {message}{Environment.NewLine}{Environment.NewLine}");

    private static bool IsCompleteObject(string text)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text.TrimEnd('\n')));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
