using System;
using System.Collections.Generic;
using System.CommandLine;
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
    /// <summary>
    /// The row groups of a Parquet population read ahead while one is evaluated: two keep both of this machine's cores
    /// busy, and more would hold more whole groups (a million rows each from some writers) without being faster.
    /// </summary>
    private const int ParquetGroupsAhead = 2;

    /// <summary>The bytes gathered before a write to standard output (16 KB).</summary>
    private const int OutputBuffer = 1 << 14;

    internal static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    internal static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>The grades <c>--admit</c> takes.</summary>
    internal static readonly (string Word, Legal.ProvisionStatus? Value)[] Grades =
    [
        ("verified", Legal.ProvisionStatus.Verified),
        ("reported", Legal.ProvisionStatus.Reported),
        ("provisional", Legal.ProvisionStatus.Provisional),
    ];

    internal static Command Build(Streams io)
    {
        var input = Options.Input("The situation: one JSON object, or JSON Lines (a .jsonl name, or --lines), one situation a line; - for standard input");
        var month = Options.Month("--month", "Evaluate this month whatever each situation's month", "-m");
        var format = Options.Format(OutputFormat.Json);
        var strict = new Option<bool>("--strict") { Description = "Admit only verified law (the instrument's text seen); a result resting on weaker law is refused" };
        var admit = Options.Choice("--admit", "The weakest grade of law admitted (default provisional: every grade, provisional results flagged)", Grades);
        var lines = new Option<bool>("--lines") { Description = "Read the input as JSON Lines whatever its name" };
        var explain = Options.Choice<ExplanationLanguages?>("--explain", "The explanation's languages: none, en, vi or both (default both); none leaves the explanation arrays empty",
            [("none", ExplanationLanguages.None), ("en", ExplanationLanguages.English), ("vi", ExplanationLanguages.Vietnamese), ("both", ExplanationLanguages.Both)]);
        var rules = Options.Rules();
        var parquetResults = Options.Text("--parquet", "Also write each situation's result (totals, amounts by kind, grade or error) as Parquet into this file", "FILE");
        var paymentList = Options.Text("--payment-list", "Also write the month's payment list (one row per beneficiary and payee, amounts by kind, grouped by commune with totals): FILE.xlsx, or CSV under any other name", "FILE");
        var command = new Command("evaluate", "Evaluate one situation (a JSON object) or JSON Lines, one report per situation, in input order")
        {
            input, month, format, strict, admit, lines, explain, rules, paymentList, parquetResults,
        };
        command.SetAction(parse => Run(
            parse.GetValue(input)!, parse.GetValue(month), parse.GetValue(format) == OutputFormat.Text,
            Admitted(parse.GetValue(strict), parse.GetValue(admit)), parse.GetValue(explain) ?? ExplanationLanguages.Both, parse.GetValue(lines), parse.GetValue(rules), io,
            parse.GetValue(paymentList), parse.GetValue(parquetResults)));
        return command;
    }

    private static int Run(string input, YearMonth? month, bool text, Legal.ProvisionStatus admitted, ExplanationLanguages languages, bool forceLines, string[]? ruleFiles, Streams io,
        string? paymentList = null, string? parquetResults = null)
    {
        var (stdin, stdout, stderr) = (io.Stdin, io.Stdout, io.Stderr);
        if ((paymentList is not null || parquetResults is not null) && input == "-")
        {
            throw new UsageException($"{(paymentList is not null ? "--payment-list" : "--parquet")} reads the situations again: give --input a file, not standard input");
        }

        var rules = Program.LoadRules(ruleFiles);
        var options = new EvaluationOptions { Admit = admitted, Explain = languages != ExplanationLanguages.None, Languages = languages };
        if (!text && ParquetFiles.ParquetPopulation.IsParquet(input))
        {
            return RunParquet(input, month, rules, options, io, paymentList, parquetResults);
        }

        using var reader = Inputs.OpenText(input, "--input", stdin, out var file, out var meter, io.Stop);

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

        bool lines = forceLines || input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || ParquetFiles.ParquetPopulation.IsParquet(input)
            || (head.Count == 2 && (IsCompleteObject(head[0]) || IsCompleteObject(head[1])));
        string first = string.Join("\n", head);
        if ((paymentList is not null || parquetResults is not null) && !lines)
        {
            throw new UsageException($"{(paymentList is not null ? "--payment-list" : "--parquet")} lists JSON Lines (a population): give a .jsonl or .parquet input, or --lines");
        }

        // Smaller than a chunk of report lines (32 lines of 1.4 KB or more), which it then passes on whole rather than
        // copying; single reports and error lines are still gathered into one write.
        using var output = new BufferedStream(stdout, OutputBuffer);
        int result = lines && !text && file is { CanSeek: true }
            ? RunUtf8(input, month, rules, options, output, io, lineCount)
            : lines
            ? ProgressDisplay.Run(io.ErrorIsTerminal && !text, meter, file?.Length ?? 0, "situations",
                () => RunLines(first, firstNumber, reader, input, month, rules, options, text, output, stderr, readAhead: file is { CanSeek: true } || ParquetFiles.ParquetPopulation.IsParquet(input)))
            : RunSingle(first, firstNumber, reader, input, month, rules, options, text, output, stderr);
        output.Flush();
        return Finish(result, input, month, rules, options, io, paymentList, parquetResults);
    }

    /// <summary>
    /// JSON Lines from a file, in JSON: the file read again from its start as bytes (<see cref="JsonLinesEvaluator.EvaluateUtf8"/>),
    /// each line parsed from its UTF-8 on the cores, not decoded into text and encoded again; the same output as the text's.
    /// The <c>linesRead</c> lines already read as text to choose the framing are read again, and evaluated even after
    /// Ctrl+C, as the text's reading would have.
    /// </summary>
    private static int RunUtf8(string input, YearMonth? month, RuleSet rules, EvaluationOptions options, Stream output, Streams io, int linesRead)
    {
        var file = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        long size = file.Length;
        using var bytes = new ByteMeter(file, io.Stop, linesRead);
        var summary = ProgressDisplay.Run(io.ErrorIsTerminal, bytes, size, "situations",
            () => JsonLinesEvaluator.EvaluateUtf8(rules, bytes, output, io.Stderr, new JsonLinesOptions { Source = input, Month = month, Evaluation = options }));
        return summary.BadLines > 0 ? Program.BadInput : summary.Failures > 0 ? Program.Failure : Program.Ok;
    }

    /// <summary>After the reports: the payment list and the Parquet results when asked for (each reads the input again), then the exit code.</summary>
    private static int Finish(int result, string input, YearMonth? month, RuleSet rules, EvaluationOptions options, Streams io, string? paymentList, string? parquetResults)
    {
        if (paymentList is not null)
        {
            Reporting.PaymentList.Write(paymentList, input, rules, month, options);
        }

        if (parquetResults is not null)
        {
            ParquetFiles.ParquetTable.WriteResults(parquetResults, input, rules, month, options);
        }

        return io.Finish(result, "every line read before it is evaluated and written; the rest of the input is not");
    }

    /// <summary>
    /// A Parquet population in JSON, the same output as the rows' JSON Lines, byte for byte. Without explanation, in
    /// one month (<c>--month</c>, or the one month every row group's statistics show), the rows are read straight into
    /// compact columns, <see cref="ParquetGroupsAhead"/> row groups ahead, and each person's report line is found by the
    /// profile its columns give (<see cref="ParquetFiles.ParquetPopulation.ReadLines"/>); otherwise each row is read from its typed columns into
    /// its situation (a row the typed way cannot take goes the JSON way: <see cref="ParquetFiles.ParquetPopulation.ReadSituations"/>)
    /// and evaluated as its JSON line would be.
    /// </summary>
    private static int RunParquet(string input, YearMonth? month, RuleSet rules, EvaluationOptions options, Streams io, string? paymentList, string? parquetResults)
    {
        string path = Inputs.CheckFile(input, "--input");
        var packed = options.Explain ? null : month ?? ParquetFiles.ParquetPopulation.TheMonth(path);
        using var situations = new SituationMeter(input, packed is { } inMonth
            ? ParquetFiles.ParquetPopulation.ReadLines(path, inMonth, ParquetGroupsAhead)
            : ParquetFiles.ParquetPopulation.ReadSituations(path, month).Select(ReadLine.Of), io.Stop);
        if (!situations.Any())
        {
            throw new UsageException($"{MessageText.Cut(input)}: no situation (the input is empty)");
        }

        int result;
        using (var output = new BufferedStream(io.Stdout, OutputBuffer))
        {
            var summary = ProgressDisplay.Run(io.ErrorIsTerminal, situations, 0, "situations",
                () => JsonLinesEvaluator.EvaluateRead(rules, situations, output, io.Stderr, new JsonLinesOptions { Source = input, Evaluation = options }));
            result = summary.BadLines > 0 ? Program.BadInput : summary.Failures > 0 ? Program.Failure : Program.Ok;
            output.Flush();
        }

        return Finish(result, input, month, rules, options, io, paymentList, parquetResults);
    }

    /// <summary>
    /// The weakest grade admitted: <c>--strict</c> admits only verified law, <c>--admit reported</c> verified and
    /// reported law, <c>--admit provisional</c> (the default) every grade.
    /// </summary>
    internal static Legal.ProvisionStatus Admitted(bool strict, Legal.ProvisionStatus? admit)
    {
        if (strict)
        {
            return admit is null or Legal.ProvisionStatus.Verified
                ? Legal.ProvisionStatus.Verified
                : throw new UsageException("--strict admits only verified law; it cannot be combined with --admit " + Legal.ProvisionStatuses.ContractName(admit.Value));
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
                Program.Write(output, TextReport.Render(report, options.Languages));
            }
            else
            {
                using (var writer = new Utf8JsonWriter(output, Indented))
                {
                    ReportJson.Write(writer, report, situation.Id, options.Languages);
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

    private static int RunLines(string first, int firstNumber, TextReader reader, string source, YearMonth? month, RuleSet rules, EvaluationOptions options, bool text, Stream output, TextWriter stderr, bool readAhead)
    {
        if (!text)
        {
            var summary = JsonLinesEvaluator.Evaluate(rules, new PrependedLineReader(first, reader), output, stderr, new JsonLinesOptions
            {
                Source = source,
                Month = month,
                Evaluation = options,
                LinesBefore = firstNumber - 1,

                // Only a file is read ahead: standard input, a pipe or a terminal may be fed slowly, and each batch's
                // reports are then written before more is read.
                ReadAhead = readAhead,
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
                WriteTextError(output, item.Line, item.Id, bad.Message);
                continue;
            }

            try
            {
                var report = rules.Evaluate(item.Situation!, options);
                Program.Write(output, $"# line {item.Line}{IdText(item.Situation!.Id)}{Environment.NewLine}{TextReport.Render(report, options.Languages)}{Environment.NewLine}");
            }
            catch (EvaluationException failed)
            {
                failure = true;
                string message = $"{source} line {item.Line}: {failed.Message}";
                stderr.WriteLine(message);
                WriteTextError(output, item.Line, item.Id, message);
            }
        }

        return badInput ? Program.BadInput : failure ? Program.Failure : Program.Ok;
    }

    private static void WriteTextError(Stream output, int line, string? id, string message) =>
        Program.Write(output, $"# line {line}{IdText(id)}{Environment.NewLine}error: {message}{Environment.NewLine}{Environment.NewLine}");

    /// <summary>A situation's id after its line number in the text format, quoted as JSON so that it cannot forge a line.</summary>
    internal static string IdText(string? id) => id is null ? "" : " id \"" + JsonEncodedText.Encode(id, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    internal static bool IsCompleteObject(string text)
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
