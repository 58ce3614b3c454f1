using System;
using System.Buffers;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Policy;
using WelfareRules.Reports;
using WelfareRules.Schedules;
using WelfareRules.Serialization;

namespace WelfareRules.Cli;

/// <summary><c>schedule</c>, <c>compare</c> and <c>population</c>: formats in docs/cli.md.</summary>
internal static class PolicyCommands
{
    internal static Command BuildSchedule(Streams io)
    {
        var input = Options.Input("One situation (a JSON object); its month is ignored");
        var from = Options.Month("--from", "The first month");
        from.Required = true;
        var to = Options.Month("--to", "The last month");
        to.Required = true;
        var paid = Options.Text("--paid", "A JSON object {\"yyyy-MM\": whole đồng paid}: each month then shows what is owed and why", "FILE");
        var format = Options.Format(OutputFormat.Json);
        var rules = Options.Rules();
        var command = new Command("schedule", "Month-by-month entitlements of one situation, each month on its own law, with arrears against what was paid")
        {
            input, from, to, paid, format, rules,
        };
        command.SetAction(parse => Schedule(
            parse.GetValue(input)!, parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, parse.GetValue(paid),
            parse.GetValue(format) == OutputFormat.Text, parse.GetValue(rules), io));
        return command;
    }

    private static int Schedule(string input, YearMonth from, YearMonth to, string? paidFile, bool text, string[]? ruleFiles, Streams io)
    {
        var (stdout, stderr) = (io.Stdout, io.Stderr);
        if (to < from)
        {
            throw new UsageException("--to is before --from");
        }

        if (Period.Between(from.OnDayOfMonth(1), to.OnDayOfMonth(1), PeriodUnits.Months).Months >= MaxScheduleMonths)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--from {YearMonthPattern.Iso.Format(from)} --to {YearMonthPattern.Iso.Format(to)}: a schedule covers at most {MaxScheduleMonths:#,0} months"));
        }

        if (input != "-" && ParquetFiles.ParquetPopulation.IsParquet(Inputs.CheckFile(input, "--input")))
        {
            throw new UsageException($"--input: {MessageText.Cut(input)} is a Parquet population; schedule takes one situation (one JSON object): use evaluate or compare for a population");
        }

        var rules = Program.LoadRules(ruleFiles);
        Dictionary<YearMonth, Dong>? paid = paidFile is null ? null : ReadPaid(paidFile);
        byte[] bytes = Inputs.ReadBytes(input, "--input");
        if (input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || IsJsonLines(bytes))
        {
            throw new UsageException($"--input: {MessageText.Cut(input)} holds JSON Lines; schedule takes one situation (one JSON object): give it one line, or use evaluate for JSON Lines");
        }

        Situation situation;
        try
        {
            situation = SituationReader.Parse(bytes, input, 1, from);
        }
        catch (SituationFormatException bad)
        {
            stderr.WriteLine(bad.Message);
            return Program.BadInput;
        }

        Schedules.Schedule schedule;
        try
        {
            schedule = Schedules.Schedule.Build(rules, situation.Jurisdiction, situation.Person, from, to, paid);
        }
        catch (Evaluation.EvaluationException failed)
        {
            stderr.WriteLine($"{input}: {failed.Message}");
            return Program.Failure;
        }

        if (text)
        {
            // The paid and owed columns only when there is something paid to compare with (--paid).
            var table = new StringBuilder();
            var invariant = CultureInfo.InvariantCulture;
            table.Append(paid is null
                ? string.Create(invariant, $"{"month",-8}{"due",14}\n")
                : string.Create(invariant, $"{"month",-8}{"due",14}{"paid",14}{"owed",14}  reason\n"));
            foreach (var m in schedule.Months)
            {
                table.Append(paid is null
                    ? string.Create(invariant, $"{m.Month:yyyy-MM}{m.Due.Value,14:#,0}\n")
                    : string.Create(invariant, $"{m.Month:yyyy-MM}{m.Due.Value,14:#,0}{m.Paid.Value,14:#,0}{m.Owed.Value,14:#,0}  {(m.Reason == ArrearsReason.None ? "" : Spell(m.Reason))} {m.ReasonDetail}\n"));
            }

            table.Append(paid is null
                ? string.Create(invariant, $"{"total",-8}{schedule.TotalDue.Value,14:#,0}\n")
                : string.Create(invariant, $"{"total",-8}{schedule.TotalDue.Value,14:#,0}{schedule.TotalPaid.Value,14:#,0}{schedule.TotalOwed.Value,14:#,0}\n"));
            Program.Write(stdout, table.ToString());
            return Program.Ok;
        }

        using (var writer = new Utf8JsonWriter(stdout, EvaluateCommand.Indented))
        {
            WriteSchedule(writer, situation.Jurisdiction, from, to, schedule);
        }

        stdout.WriteByte((byte)'\n');
        return Program.Ok;
    }

    /// <summary>Writes a schedule in the contract's format (docs/contract.md, "Schedule"): the tool's and the server's.</summary>
    internal static void WriteSchedule(Utf8JsonWriter writer, Jurisdiction jurisdiction, YearMonth from, YearMonth to, Schedules.Schedule schedule)
    {
        writer.WriteStartObject();
        writer.WriteString("jurisdiction", jurisdiction.Code);
        writer.WriteString("from", YearMonthPattern.Iso.Format(from));
        writer.WriteString("to", YearMonthPattern.Iso.Format(to));
        writer.WriteStartArray("months");
        foreach (var m in schedule.Months)
        {
            writer.WriteStartObject();
            writer.WriteString("month", YearMonthPattern.Iso.Format(m.Month));
            writer.WriteNumber("due", m.Due.Value);
            writer.WriteNumber("paid", m.Paid.Value);
            writer.WriteNumber("owed", m.Owed.Value);
            if (m.Reason != ArrearsReason.None)
            {
                writer.WriteString("reason", Spell(m.Reason));
            }

            if (m.ReasonDetail is not null)
            {
                writer.WriteString("reasonDetail", m.ReasonDetail);
            }

            writer.WriteStartArray("entitlements");
            foreach (var e in m.Report.Entitlements)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", ContractNames.Of(e.Kind));
                writer.WriteString("payee", ContractNames.Of(e.Payee));
                writer.WriteNumber("amount", e.Amount.Value);
                if (e.Group is not null)
                {
                    writer.WriteString("group", e.Group);
                }

                writer.WriteBoolean("provisional", e.Provisional);
                writer.WriteString("status", Legal.ProvisionStatuses.ContractName(e.Status));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("totalDue", schedule.TotalDue.Value);
        writer.WriteNumber("totalPaid", schedule.TotalPaid.Value);
        writer.WriteNumber("totalOwed", schedule.TotalOwed.Value);
        writer.WriteEndObject();
        writer.Flush();
    }

    internal static Command BuildCompare(Streams io)
    {
        var input = Options.Input("The population: situations in JSON Lines; - for standard input");
        var rules = Options.Rules("The change: a rule file added on top of the built-in law; repeatable");
        var without = new Option<string[]>("--baseline-without")
        {
            Description = "The baseline is the built-in law without this instrument (its id, e.g. 77/2024/NĐ-CP): the cost of a decree in force; repeatable",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = false,
        };
        var month = Options.Month("--month", "Compare this month whatever each situation's month", "-m");
        var from = Options.Month("--from", "With --to: compare every situation in every month from this one");
        var to = Options.Month("--to", "With --from: the last month compared");
        var format = Options.Format(OutputFormat.Text);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar on a terminal" };
        var summaryFile = Options.Text("--summary", "Write the summary into this file rather than as the output's last line(s)", "FILE");
        var report = Options.Text("--report", "Write a self-contained HTML report (cost, gainers and losers, distribution, the provisions behind it) into this file", "FILE");
        var xlsx = Options.Text("--xlsx", "Write the comparison's tables and each person's difference as a spreadsheet into this file", "FILE");
        var csv = Options.Text("--csv", "Write the comparison's tables and each person's difference as CSV files into this folder", "FOLDER");
        var parquetOut = Options.Text("--parquet", "Write each person's difference (every difference line) as Parquet into this file", "FILE");
        var command = new Command("compare", "The built-in law (or, with --baseline-without, the law without an instrument) against the built-in law plus the --rules files, over a population: one line per person (and month) whose entitlements differ, then totals by kind, group and payee")
        {
            input, rules, without, month, from, to, format, quiet, summaryFile, report, xlsx, csv, parquetOut,
        };
        command.SetAction(parse => Compare(
            parse.GetValue(input)!, parse.GetValue(rules), parse.GetValue(without), Months(parse.GetValue(month), parse.GetValue(from), parse.GetValue(to)),
            parse.GetValue(format) == OutputFormat.Json, parse.GetValue(quiet), parse.GetValue(summaryFile), io,
            new AnalysisFiles(parse.GetValue(report), parse.GetValue(xlsx), parse.GetValue(csv), parse.GetValue(parquetOut))));
        return command;
    }

    /// <summary>The months compared: each situation's own (null), the one of --month, or every month of --from to --to.</summary>
    private static YearMonth[]? Months(YearMonth? month, YearMonth? from, YearMonth? to)
    {
        if (from is null != to is null)
        {
            throw new UsageException("--from and --to go together: the first and the last month compared");
        }

        if (from is { } first && to is { } last)
        {
            if (month is not null)
            {
                throw new UsageException("give --month, or --from and --to, not both");
            }

            if (last < first)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--to {last:yyyy-MM} is before --from {first:yyyy-MM}"));
            }

            var months = new List<YearMonth>();
            for (var m = first; m <= last; m = m.PlusMonths(1))
            {
                months.Add(m);
            }

            return [.. months];
        }

        return month is { } one ? [one] : null;
    }

    /// <summary>The files <c>compare</c> writes its analysis into, each optional.</summary>
    private sealed record AnalysisFiles(string? Report, string? Xlsx, string? Csv, string? Parquet = null)
    {
        internal bool Any => Report is not null || Xlsx is not null || Csv is not null;
    }

    private static int Compare(string input, string[]? ruleFiles, string[]? without, YearMonth[]? months, bool json, bool quiet, string? summaryFile, Streams io, AnalysisFiles files)
    {
        var (stdin, stdout, stderr) = (io.Stdin, io.Stdout, io.Stderr);
        if (ruleFiles is not { Length: > 0 } && without is not { Length: > 0 })
        {
            throw new UsageException("compare needs a change: at least one --rules FILE, or --baseline-without ID");
        }

        var baseline = RuleSet.BuiltIn;
        foreach (string id in without ?? [])
        {
            baseline = baseline.Instruments.Any(i => i.Id == id)
                ? baseline.Without(id)
                : throw new UsageException($"--baseline-without: no built-in instrument has the id {id}; `welfare-rules rules --all` lists them");
        }

        var changed = Program.LoadRules(ruleFiles);
        // A Parquet population is read from its typed columns (its rows with lists, or a value out of the contract, as JSON).
        bool parquet = input != "-" && ParquetFiles.ParquetPopulation.IsParquet(input);
        Stream? file = null;
        InputMeter? meter = null;
        using var reader = parquet ? TextReader.Null : Inputs.OpenText(input, "--input", stdin, out file, out meter, io.Stop);
        using var output = new BufferedStream(stdout, 1 << 16);
        var analysis = files.Any ? new Reporting.ComparisonAnalysis(keepDifferences: files.Xlsx is not null || files.Csv is not null) : null;
        var differences = files.Parquet is { } parquetFile ? ParquetFiles.ParquetTable.Differences(parquetFile) : null;
        ComparisonSummary summary;
        bool badInput;
        using (differences)
        {
            // A Parquet population in the months given, or whose rows all give one month, is read straight into the
            // engine's columns, unless the report's distribution needs every person's situation.
            var columnMonths = !parquet || analysis is not null ? null
                : months is { Length: > 0 } given ? given
                : ParquetFiles.ParquetPopulation.TheMonth(Inputs.CheckFile(input, "--input")) is { } own ? [own] : null;
            (summary, badInput) = columnMonths is not null
                ? CompareColumns(baseline, changed, Inputs.CheckFile(input, "--input"), input, columnMonths, json, output, stderr, differences, io.Stop)
                : CompareLines(baseline, changed, reader, input, months, json, output, stderr,
                    run => meter is null ? run() : ProgressDisplay.Run(!quiet && io.ErrorIsTerminal, meter, file?.Length ?? 0, "persons", run), analysis,
                    parquet ? Until(io.Stop, ParquetFiles.ParquetPopulation.ReadSituations(Inputs.CheckFile(input, "--input"), months is { Length: > 0 } first ? first[0] : null)) : null,
                    differences);
        }
        if (analysis is not null)
        {
            var distribution = analysis.Distribution.Build();
            var builtIn = RuleSet.BuiltIn.Instruments.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            var setting = new Reporting.ComparisonSetting(input, [.. changed.Instruments.Where(i => !builtIn.Contains(i.Id))], without ?? [], months?.Length ?? 1,
                months is { Length: > 0 } m ? YearMonthPattern.Iso.Format(m[0]) : null, months is { Length: > 0 } n ? YearMonthPattern.Iso.Format(n[^1]) : null,
                LocalDatePattern.Iso.Format(changed.Version), Server.ServerApp.ToolVersion);
            if (files.Report is { } reportFile)
            {
                File.WriteAllText(reportFile, Reporting.ComparisonReport.Render(summary, distribution, analysis, setting), new UTF8Encoding(false));
            }

            if (files.Xlsx is { } xlsxFile)
            {
                Reporting.ComparisonSheets.WriteXlsx(xlsxFile, summary, distribution, analysis, setting);
            }

            if (files.Csv is { } csvFolder)
            {
                Reporting.ComparisonSheets.WriteCsv(csvFolder, summary, distribution, analysis, setting);
            }
        }

        if (summaryFile is null)
        {
            WriteSummary(output, summary, json, months?.Length ?? 1);
        }
        else
        {
            using var summaryStream = new FileStream(summaryFile, FileMode.Create, FileAccess.Write, FileShare.Read);
            using var summaryOutput = new OutputStream(summaryStream);
            WriteSummary(summaryOutput, summary, json, months?.Length ?? 1);
        }

        output.Flush();
        return io.Finish(badInput ? Program.BadInput : summary.Errors > 0 ? Program.Failure : Program.Ok,
            string.Create(CultureInfo.InvariantCulture, $"the differences and the summary cover the {summary.Persons + summary.Errors:#,0} persons read before it"));
    }

    /// <summary>
    /// Compares the situations of a JSON Lines reader under two laws and writes the difference lines (and, with
    /// <paramref name="json"/>, the error lines) in input order: the tool's <c>compare</c> and the server's.
    /// </summary>
    /// <param name="baseline">The baseline law.</param>
    /// <param name="changed">The changed law.</param>
    /// <param name="reader">The situations, one a line.</param>
    /// <param name="input">The input's name in messages.</param>
    /// <param name="months">Each situation's own month (null), one month, or every month compared.</param>
    /// <param name="json">Whether error lines go into the output too.</param>
    /// <param name="output">Where the lines go.</param>
    /// <param name="stderr">Where the messages go.</param>
    /// <param name="run">Runs the comparison (the tool draws its progress bar around it).</param>
    /// <param name="analysis">Collects the distribution, the causes and the difference rows, or null.</param>
    /// <param name="situations">The situations already read (a Parquet population), or null to read them from <paramref name="reader"/>.</param>
    /// <param name="differences">Also writes each difference line into a Parquet file, or null.</param>
    internal static (ComparisonSummary Summary, bool BadInput) CompareLines(RuleSet baseline, RuleSet changed, TextReader reader, string input, YearMonth[]? months,
        bool json, Stream output, TextWriter stderr, Func<Func<ComparisonSummary>, ComparisonSummary> run, Reporting.ComparisonAnalysis? analysis = null,
        IEnumerable<SituationLine>? situations = null, ParquetFiles.ParquetTable? differences = null)
    {
        var written = new ComparisonLines(output, stderr, input, json, analysis, differences);

        // Each person's input line and id, by index, for the lines written about them: the comparison reports a
        // batch's persons before it reads the next batch, so two batches' worth is enough.
        var lines = new int[2 * PolicyComparison.BatchSize];
        var ids = new string?[2 * PolicyComparison.BatchSize];
        long index = 0;

        IEnumerable<Situation> Population()
        {
            // With --month, or --from and --to, a line's own month is overridden (each is compared in the months given).
            // JSON Lines are parsed on every core, a batch at a time, in order.
            foreach (var item in situations ?? SituationReader.ReadLines(reader, input, months is { Length: > 0 } given ? given[0] : null, 0, Environment.ProcessorCount))
            {
                if (item.Error is { } error)
                {
                    written.Unreadable(item.Line, error.Message, error.Path, item.Id);
                    continue;
                }

                // Over a range of months, each situation is compared in each month (one person-month each).
                foreach (var situation in months is { Length: > 1 } range ? range.Select(m => item.Situation! with { Month = m }) : [item.Situation!])
                {
                    if (index > 0 && index % PolicyComparison.BatchSize == 0)
                    {
                        // The batch before is compared and written: every bad line held comes before this one.
                        written.WriteUnread(int.MaxValue);
                    }

                    int slot = (int)(index++ % lines.Length);
                    lines[slot] = item.Line;
                    ids[slot] = situation.Id;
                    yield return situation;
                }
            }
        }

        var summary = run(() => PolicyComparison.Run(baseline, changed, Population(),
            difference => written.Difference(difference, lines[difference.Index % lines.Length]),
            (person, error) => written.Failure(lines[person % lines.Length], ids[person % lines.Length], error),
            analysis is null ? null : analysis.Distribution.Add));
        written.Finish();
        return (summary, written.BadInput);
    }

    /// <summary>
    /// <see cref="CompareLines"/> over a Parquet population in the months given, its row groups read straight into
    /// the engine's columns (<see cref="ParquetFiles.ParquetPopulation.ReadBatches"/>): the same lines, in the same
    /// order, and the same summary; a situation is made only for a person a line names.
    /// </summary>
    internal static (ComparisonSummary Summary, bool BadInput) CompareColumns(RuleSet baseline, RuleSet changed, string path, string input, YearMonth[] months,
        bool json, Stream output, TextWriter stderr, ParquetFiles.ParquetTable? differences = null, System.Threading.CancellationToken stop = default)
    {
        var written = new ComparisonLines(output, stderr, input, json, null, differences);
        ParquetFiles.ParquetBatch? current = null;
        long batchStart = 0, nextStart = 0;
        int m = months.Length;

        IEnumerable<ColumnBatch> Batches()
        {
            // A streaming batch's persons at a time, each in every month (its lines are written, not held), and at
            // most a million person-months (a batch keeps each month's profile numbers until its lines are written).
            foreach (var batch in ReadAhead.Of(ParquetFiles.ParquetPopulation.ReadBatches(path, months[0], Math.Clamp(MaxBatchPersonMonths / m, 1, PolicyComparison.BatchSize))))
            {
                // Ctrl+C: the batches compared so far are written, and their summary (the batch in hand is finished).
                if (stop.IsCancellationRequested)
                {
                    yield break;
                }

                // Every error line held comes before this batch's rows.
                written.WriteUnread(int.MaxValue);
                foreach (var refused in batch.Refused)
                {
                    written.Unreadable((int)refused.Line, refused.Message, refused.Path, refused.Id);
                }

                (current, batchStart) = (batch, nextStart);
                nextStart += (long)batch.Batch.Rows * m;
                yield return batch.Batch;

                // Ctrl+C during the batch: it is written, and the batch being read ahead is not compared.
                if (stop.IsCancellationRequested)
                {
                    yield break;
                }
            }
        }

        int Ordinal(long index) => (int)((index - batchStart) / m);

        var summary = PolicyComparison.Run(baseline, changed, Batches(), months,
            difference => written.Difference(difference, current!.Lines[Ordinal(difference.Index)]),
            (person, error) => written.Failure(current!.Lines[Ordinal(person)], current.Ids[Ordinal(person)], error));
        written.Finish();
        return (summary, written.BadInput);
    }

    /// <summary>
    /// The lines a comparison writes, in input-line order: difference lines, error lines of persons who cannot be
    /// evaluated, and error lines of input that is not a situation, which is read before the persons around it are
    /// compared, so its lines wait here until the lines before them are written (with JSON only).
    /// </summary>
    private sealed class ComparisonLines(Stream output, TextWriter stderr, string input, bool json, Reporting.ComparisonAnalysis? analysis, ParquetFiles.ParquetTable? differences)
    {
        // Each line is written into a buffer, then onto the output: a writer over the stream itself would flush
        // the stream at every line (a system call a line through the output's buffer).
        private readonly ArrayBufferWriter<byte> lineBytes = new(4096);
        private Utf8JsonWriter? lineWriter;
        private readonly Queue<(int Line, string Message, string? Path, string? Id)> unread = new();

        /// <summary>Whether some input was not a situation.</summary>
        internal bool BadInput { get; private set; }

        private Utf8JsonWriter writer => lineWriter ??= new Utf8JsonWriter(lineBytes, EvaluateCommand.Compact);

        /// <summary>Input that is not a situation: its message now, its error line in its place.</summary>
        internal void Unreadable(int line, string message, string? path, string? id)
        {
            BadInput = true;
            stderr.WriteLine(message);
            if (json)
            {
                unread.Enqueue((line, message, path, id));
            }
        }

        /// <summary>Writes the error lines held of input lines before <paramref name="before"/>.</summary>
        internal void WriteUnread(int before)
        {
            while (unread.Count > 0 && unread.Peek().Line < before)
            {
                var (line, message, path, id) = unread.Dequeue();
                Error(line, message, path, id);
            }
        }

        /// <summary>A person whose entitlements differ, read from input line <paramref name="line"/>.</summary>
        internal void Difference(PersonDifference difference, int line)
        {
            WriteUnread(line);
            WriteDifference(writer, difference, line);
            analysis?.Add(difference, line);
            differences?.AddDifference(difference, line);
            EndLine();
        }

        /// <summary>A person who cannot be evaluated: the message, and the error line with JSON.</summary>
        internal void Failure(int line, string? id, Evaluation.EvaluationException error)
        {
            string message = $"{input} line {line}{EvaluateCommand.IdText(id)}: {error.Message}";
            stderr.WriteLine(message);
            if (json)
            {
                WriteUnread(line);
                Error(line, message, null, id);
            }
        }

        /// <summary>Writes the error lines still held, at the end of the input.</summary>
        internal void Finish()
        {
            WriteUnread(int.MaxValue);
            writer.Dispose();
        }

        /// <summary>Writes one error line (docs/contract.md, "Error lines").</summary>
        private void Error(int line, string message, string? path, string? id)
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteNumber("line", line);
            writer.WriteString("error", message);
            if (path is not null)
            {
                writer.WriteString("path", path);
            }

            writer.WriteEndObject();
            EndLine();
        }

        private void EndLine()
        {
            writer.Flush();
            lineBytes.Write("\n"u8);
            output.Write(lineBytes.WrittenSpan);
            lineBytes.ResetWrittenCount();
            writer.Reset();
        }
    }

    /// <summary>Writes one difference line's object (docs/contract.md, "Difference lines"): the tool's and the server's.</summary>
    internal static void WriteDifference(Utf8JsonWriter writer, PersonDifference difference, int line)
    {
        writer.WriteStartObject();
        if (difference.Situation.Id is { } id)
        {
            writer.WriteString("id", id);
        }

        writer.WriteNumber("line", line);
        writer.WriteNumber("index", difference.Index);
        writer.WriteString("month", difference.Situation.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        writer.WriteNumber("baseline", difference.BaselineReport.Total.Value);
        writer.WriteNumber("changed", difference.ChangedReport.Total.Value);
        writer.WriteNumber("difference", difference.Difference.Value);
        writer.WriteStartArray("changes");
        foreach (var c in difference.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", ContractNames.Of(c.Kind));
            writer.WriteString("payee", ContractNames.Of(c.Payee));
            if (c.Group is not null)
            {
                writer.WriteString("group", c.Group);
            }

            writer.WriteNumber("baseline", c.Baseline.Value);
            writer.WriteNumber("changed", c.Changed.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (difference.HealthInsurance is { } health)
        {
            writer.WriteStartObject("healthInsurance");
            writer.WriteNumber("baseline", health.Baseline.Value);
            writer.WriteNumber("changed", health.Changed.Value);
            writer.WriteEndObject();
        }

        ReportJson.WriteBasis(writer, difference.Causes);
        writer.WriteEndObject();
    }

    internal static Command BuildPopulation(Streams io)
    {
        var size = Options.Text("--size", "The number of persons", "N");
        size.Required = true;
        var seed = Options.Text("--seed", "The seed: the same seed gives the same population (default 1)", "S");
        var jurisdiction = Options.Text("--jurisdiction", "VN or VN-HN (default VN)", "CODE");
        var month = Options.Month("--month", "The month of every situation (default 2024-08)", "-m");
        var merit = new Option<bool>("--merit") { Description = "Merit persons and relatives, each with a merit record, in the mix of docs/population.md" };
        var calibrated = new Option<bool>("--calibrated") { Description = "Hanoi, each person weighted so that the population matches the city's published figures (docs/population.md)" };
        var output = Options.Text("--output", "Write into this file: a .parquet name writes Parquet (docs/contract.md, \"Population as Parquet\"), any other JSON Lines; default standard output (JSON Lines)", "FILE");
        var command = new Command("population", "A reproducible synthetic population in JSON Lines, in the situation format (docs/population.md)")
        {
            size, seed, jurisdiction, month, merit, calibrated, output,
        };
        command.SetAction(parse => Population(parse.GetValue(size)!, parse.GetValue(seed), parse.GetValue(jurisdiction), parse.GetValue(month), parse.GetValue(merit), parse.GetValue(calibrated), io.Stdout, parse.GetValue(output)));
        return command;
    }

    private static int Population(string sizeText, string? seedText, string? code, YearMonth? monthGiven, bool merit, bool calibrated, Stream stdout, string? outputFile = null)
    {
        if (calibrated && (merit || (code is not null && code != "VN-HN")))
        {
            throw new UsageException("--calibrated is a Hanoi population of its own: no --merit, and --jurisdiction VN-HN if given");
        }

        long size = long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out long s) ? s : throw new UsageException("--size: expected a whole number");
        ulong seed = ulong.TryParse(seedText ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out ulong sd) ? sd : throw new UsageException("--seed: expected a whole number");
        var jurisdiction = Jurisdiction.TryParse(code ?? "VN", out var j) ? j : throw new UsageException("--jurisdiction: not a jurisdiction code");
        var month = monthGiven ?? new YearMonth(2024, 8);
        if (calibrated && size < 1)
        {
            throw new UsageException("--calibrated: --size is at least 1");
        }

        var situations = calibrated ? CalibratedPopulation.Generate(size, seed, month, RuleSet.BuiltIn)
            : merit ? PopulationGenerator.GenerateMerit(size, seed, jurisdiction, month)
            : PopulationGenerator.Generate(size, seed, jurisdiction, month);
        if (outputFile is not null && ParquetFiles.ParquetPopulation.IsParquet(outputFile))
        {
            ParquetFiles.ParquetPopulation.Write(situations, outputFile);
            return Program.Ok;
        }

        using var target = outputFile is null ? null : new OutputStream(new FileStream(outputFile, FileMode.Create, FileAccess.Write, FileShare.Read));
        using var output = new BufferedStream(target ?? stdout, 1 << 16);
        using var writer = new Utf8JsonWriter(output, EvaluateCommand.Compact);
        foreach (var situation in situations)
        {
            SituationWriter.Write(writer, situation);
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }

        return Program.Ok;
    }

    /// <summary>Writes the comparison's summary object, <c>{"summary": …}</c> (docs/contract.md, "Summary"): the tool's and the server's.</summary>
    internal static void WriteSummaryJson(Utf8JsonWriter writer, ComparisonSummary summary, int months)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("summary");
        writer.WriteNumber("persons", summary.Persons);
        if (months > 1)
        {
            writer.WriteNumber("months", months);
        }

        writer.WriteNumber("gainers", summary.Gainers);
        writer.WriteNumber("losers", summary.Losers);
        writer.WriteNumber("unchanged", summary.Unchanged);
        writer.WriteNumber("errors", summary.Errors);
        writer.WriteNumber("baseline", summary.BaselineTotal.Value);
        writer.WriteNumber("changed", summary.ChangedTotal.Value);
        writer.WriteNumber("difference", summary.Difference.Value);
        if (summary.IsWeighted)
        {
            // The people the records stand for (their weights); the amounts above are weighted so.
            writer.WriteStartObject("weighted");
            writer.WriteNumber("persons", summary.WeightedPersons);
            writer.WriteNumber("gainers", summary.WeightedGainers);
            writer.WriteNumber("losers", summary.WeightedLosers);
            writer.WriteNumber("unchanged", summary.WeightedPersons - summary.WeightedGainers - summary.WeightedLosers);
            writer.WriteEndObject();
        }

        foreach (var (name, lines) in new[] { ("byKind", summary.ByKind), ("byGroup", summary.ByGroup), ("byPayee", summary.ByPayee) })
        {
            writer.WriteStartArray(name);
            foreach (var l in lines)
            {
                writer.WriteStartObject();
                writer.WriteString("key", l.Key);
                writer.WriteNumber("persons", l.Persons);
                if (summary.IsWeighted)
                {
                    writer.WriteNumber("weightedPersons", l.WeightedPersons);
                }

                writer.WriteNumber("baseline", l.Baseline.Value);
                writer.WriteNumber("changed", l.Changed.Value);
                writer.WriteNumber("difference", l.Difference.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteSummary(Stream output, ComparisonSummary summary, bool json, int months)
    {
        if (json)
        {
            using (var writer = new Utf8JsonWriter(output, EvaluateCommand.Compact))
            {
                WriteSummaryJson(writer, summary, months);
            }

            output.WriteByte((byte)'\n');
            return;
        }

        var text = new StringBuilder();
        string counted = months > 1 ? string.Create(CultureInfo.InvariantCulture, $"person-months ({months} months)") : "persons";
        string cost = months > 1 ? string.Create(CultureInfo.InvariantCulture, $"cost of the {months} months") : "monthly cost";
        text.Append(CultureInfo.InvariantCulture, $"# {counted} {summary.Persons:#,0}: {summary.Gainers:#,0} gain, {summary.Losers:#,0} lose, {summary.Unchanged:#,0} unchanged, {summary.Errors:#,0} errors\n");
        if (summary.IsWeighted)
        {
            text.Append(CultureInfo.InvariantCulture, $"# weighted: {summary.WeightedPersons:#,0} people: {summary.WeightedGainers:#,0} gain, {summary.WeightedLosers:#,0} lose (the amounts below are weighted)\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"# {cost}: baseline {summary.BaselineTotal.Value:#,0}, changed {summary.ChangedTotal.Value:#,0}, difference {summary.Difference.Value:#,0} VND\n");
        foreach (var (name, lines) in new[] { ("kind", summary.ByKind), ("group", summary.ByGroup), ("payee", summary.ByPayee) })
        {
            text.Append(CultureInfo.InvariantCulture, $"# {"by " + name,-26}{"persons",10}{"baseline",18}{"changed",18}{"difference",16}\n");
            foreach (var l in lines)
            {
                text.Append(CultureInfo.InvariantCulture, $"#   {l.Key,-24}{l.Persons,10:#,0}{l.Baseline.Value,18:#,0}{l.Changed.Value,18:#,0}{l.Difference.Value,16:#,0}\n");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        output.Write(bytes);
    }

    private static Dictionary<YearMonth, Dong> ReadPaid(string file) => ParsePaid(Inputs.ReadBytes(file, "--paid"), file);

    /// <summary>Reads amounts paid, <c>{"yyyy-MM": whole đồng}</c>; a problem is a <see cref="UsageException"/> naming the line and path.</summary>
    internal static Dictionary<YearMonth, Dong> ParsePaid(byte[] bytes, string source)
    {
        string name = MessageText.Cut(source);
        if (Utf16.HasMark(bytes))
        {
            throw new UsageException($"{name}: {Utf16.Message}");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 8 });
        }
        catch (JsonException bad)
        {
            throw new UsageException($"{name} line {(bad.LineNumber ?? 0) + 1}: {MessageText.Cut(bad.Path ?? "$")}: {JsonText.Message(bad)}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{name} line 1: $: expected an object {{\"yyyy-MM\": whole đồng paid}}");
            }

            var index = JsonLineIndex.Build(bytes);
            var paid = new Dictionary<YearMonth, Dong>();
            long total = 0;
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                string path = $"$['{property.Name}']";
                string where = $"{name} line {index.LineOf("$." + property.Name)}: {MessageText.Cut(path)}";
                var month = YearMonthPattern.Iso.Parse(property.Name);
                if (!month.Success || month.Value.Year < 1900)
                {
                    throw new UsageException($"{where}: \"{MessageText.Cut(property.Name)}\" is not a month (yyyy-MM, from 1900)");
                }

                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out long amount) || amount < 0)
                {
                    throw new UsageException($"{where}: expected whole đồng paid, 0 or more");
                }

                if (amount > long.MaxValue - total)
                {
                    throw new UsageException($"{where}: the amounts paid add up to more than 64 bits of đồng");
                }

                total += amount;
                paid[month.Value] = new Dong(amount);
            }

            return paid;
        }
    }

    /// <summary>Whether a file holds JSON Lines: two or more non-blank lines, the first a complete JSON object on its own.</summary>
    private static bool IsJsonLines(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).Take(2).ToList();
        return lines.Count == 2 && EvaluateCommand.IsCompleteObject(lines[0]);
    }

    /// <summary>The rows of a Parquet population read until Ctrl+C (the row in hand is finished).</summary>
    private static IEnumerable<SituationLine> Until(System.Threading.CancellationToken stop, IEnumerable<SituationLine> rows) =>
        rows.TakeWhile(_ => !stop.IsCancellationRequested);

    /// <summary>The most person-months a batch of the columns' comparison holds (<see cref="CompareColumns"/>).</summary>
    private const int MaxBatchPersonMonths = 1 << 20;

    /// <summary>The most months one schedule covers (a hundred years).</summary>
    private const int MaxScheduleMonths = 1200;

    internal static YearMonth Month(string text, string option)
    {
        var parsed = YearMonthPattern.Iso.Parse(text);
        return !parsed.Success ? throw new UsageException($"{option}: \"{MessageText.Cut(text)}\" is not a month (yyyy-MM)")
            : parsed.Value.Year < 1900 ? throw new UsageException($"{option}: \"{MessageText.Cut(text)}\" is before 1900")
            : parsed.Value;
    }

    private static string Spell(ArrearsReason reason) => reason switch
    {
        ArrearsReason.DecisionSignedLate => "decision-signed-late",
        ArrearsReason.RetroactiveRule => "retroactive-rule",
        ArrearsReason.Underpaid => "underpaid",
        ArrearsReason.Overpaid => "overpaid",
        _ => "none",
    };
}
