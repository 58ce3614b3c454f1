using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Law;

namespace WelfareRules.Serialization;

/// <summary>How <see cref="JsonLinesEvaluator"/> reads, names and evaluates the lines.</summary>
public sealed record JsonLinesOptions
{
    /// <summary>Gets the name used in errors (a file name, or <c>-</c> for standard input).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string Source { get; init => field = Preconditions.CheckNotNull(value, nameof(Source)); } = "input";

    /// <summary>Gets a month overriding each situation's own, or null.</summary>
    /// <exception cref="ArgumentException">The month is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The month is before 1900 (a default month?).</exception>
    public YearMonth? Month { get; init => field = Preconditions.CheckMonth(value, nameof(Month)); }

    /// <summary>Gets the evaluation options (strictness, explanation).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public EvaluationOptions Evaluation { get; init => field = Preconditions.CheckNotNull(value, nameof(Evaluation)); } = EvaluationOptions.Default;

    /// <summary>Gets the number of lines of the file already read before the reader's first line, so that line numbers are the file's.</summary>
    public int LinesBefore { get; init; }

    /// <summary>Gets the number of cores used; 1 evaluates on the calling thread only.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Gets the number of lines read, evaluated and written at a time.</summary>
    public int BatchSize { get; init; } = 4096;

    /// <summary>
    /// Gets whether the next batch is read while one is evaluated (on more than one core): faster over a file or a
    /// fast pipe; false for an interactive stream, whose answers to a batch are then written, and the output flushed,
    /// before more is read (as on one core).
    /// </summary>
    public bool ReadAhead { get; init; } = true;

    /// <summary>
    /// Gets whether, without explanation, a line whose profile was met before gets that report's bytes
    /// (<see cref="Populations.ProfileReports"/>); off only to measure what it saves.
    /// </summary>
    internal bool ReuseProfiles { get; init; } = true;
}

/// <summary>What a JSON Lines run met.</summary>
/// <param name="Evaluated">Situations evaluated.</param>
/// <param name="BadLines">Lines that are not a situation (each reported in its place).</param>
/// <param name="Failures">Situations whose evaluation failed (a month outside the encoded law, a strict refusal).</param>
public readonly record struct JsonLinesSummary(int Evaluated, int BadLines, int Failures);

/// <summary>
/// <c>evaluate</c> over JSON Lines: one compact report line per non-blank input line, in input order; a bad
/// line yields <c>{"line": N, "error": "...", "path": "$..."}</c> in its place (its message also on the error
/// writer), a failed evaluation <c>{"line": N, "error": "..."}</c>, and the other lines are still evaluated.
/// </summary>
/// <remarks>
/// Lines are read a batch at a time; each line of the batch is parsed, evaluated and written into its
/// chunk's own buffer on all cores, while the batch before is written out (its buffers and error messages,
/// in input order) and the batch after is read. So a batch's lines are written once the next batch is read
/// (or the input ends); on one core (<see cref="JsonLinesOptions.MaxDegreeOfParallelism"/> 1), or without
/// <see cref="JsonLinesOptions.ReadAhead"/>, each batch is written, and the output flushed, as soon as it is evaluated. Without explanation, a line whose profile was met before gets that report's bytes
/// (<see cref="Populations.ProfileReports"/>). The output is byte for byte that of evaluating the lines one
/// after the other.
/// </remarks>
public static class JsonLinesEvaluator
{
    /// <summary>The lines one worker takes at a time, written into one buffer.</summary>
    private const int ChunkLines = 32;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText ErrorName = JsonEncodedText.Encode("error");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("path");

    /// <summary>Evaluates every line of <paramref name="input"/> and writes a line for each to <paramref name="output"/>.</summary>
    /// <param name="rules">The law.</param>
    /// <param name="input">The JSON Lines.</param>
    /// <param name="output">Where the report and error lines go (UTF-8).</param>
    /// <param name="errors">Where each error's message goes, in input order.</param>
    /// <param name="options">Source name, month override, evaluation options, cores.</param>
    /// <returns>What was met.</returns>
    /// <remarks>
    /// Lines end at LF only (<see cref="JsonLinesReader"/>). A message that cannot be written to
    /// <paramref name="errors"/> is dropped: writing a message never ends the run.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    /// <exception cref="IOException">Reading <paramref name="input"/> or writing <paramref name="output"/> failed (the lines before are written).</exception>
    public static JsonLinesSummary Evaluate(RuleSet rules, TextReader input, Stream output, TextWriter errors, JsonLinesOptions? options = null)
    {
        options = Checked(rules, input, output, errors, options);
        return Run(rules, new TextInput(JsonLinesReader.Of(input)), output, errors, options);
    }

    /// <summary>
    /// Evaluates every line of UTF-8 JSON Lines read as bytes, as <see cref="Evaluate(RuleSet, TextReader, Stream, TextWriter, JsonLinesOptions?)"/>
    /// evaluates them from text: the same lines written, errors and numbers. The lines are not decoded into text
    /// and encoded again, which makes it the faster way for a file.
    /// </summary>
    /// <param name="rules">The law.</param>
    /// <param name="input">The JSON Lines in UTF-8 (a UTF-8 byte-order mark at the start is skipped; bytes that are not UTF-8 are read as a text reader reads them, each bad sequence a replacement character). For another encoding, read it as text with the other overload.</param>
    /// <param name="output">Where the report and error lines go (UTF-8).</param>
    /// <param name="errors">Where each error's message goes, in input order.</param>
    /// <param name="options">Source name, month override, evaluation options, cores.</param>
    /// <returns>What was met.</returns>
    /// <remarks>Lines end at LF only, a CR just before it dropped (as <see cref="JsonLinesReader"/> reads them).</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    /// <exception cref="IOException">Reading <paramref name="input"/> or writing <paramref name="output"/> failed (the lines before are written).</exception>
    public static JsonLinesSummary EvaluateUtf8(RuleSet rules, Stream input, Stream output, TextWriter errors, JsonLinesOptions? options = null)
    {
        options = Checked(rules, input, output, errors, options);
        return Run(rules, new BytesInput(input), output, errors, options);
    }

    /// <summary>The arguments of <see cref="Evaluate(RuleSet, TextReader, Stream, TextWriter, JsonLinesOptions?)"/> and <see cref="EvaluateUtf8"/> checked; the options, or the defaults.</summary>
    private static JsonLinesOptions Checked(RuleSet rules, object input, Stream output, TextWriter errors, JsonLinesOptions? options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        options ??= new JsonLinesOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.LinesBefore);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        return options;
    }

    /// <summary>
    /// Evaluates situations already read (a Parquet population's rows, read from their typed columns) as
    /// <see cref="Evaluate(RuleSet, TextReader, Stream, TextWriter, JsonLinesOptions?)"/> evaluates lines: each
    /// situation's report, or each bad line's error, in its place, numbered by its <see cref="SituationLine.Line"/>;
    /// <see cref="JsonLinesOptions.Month"/> and <see cref="JsonLinesOptions.LinesBefore"/> are the reader's business.
    /// </summary>
    internal static JsonLinesSummary EvaluateSituations(RuleSet rules, IEnumerable<SituationLine> situations, Stream output, TextWriter errors, JsonLinesOptions? options = null) =>
        EvaluateRead(rules, (situations ?? throw new ArgumentNullException(nameof(situations))).Select(ReadLine.Of), output, errors, options);

    /// <summary>
    /// As <see cref="EvaluateSituations"/>, over lines read into situations, errors, or persons of a population held in
    /// compact form (<see cref="ReadLine"/>).
    /// </summary>
    internal static JsonLinesSummary EvaluateRead(RuleSet rules, IEnumerable<ReadLine> situations, Stream output, TextWriter errors, JsonLinesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(situations);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        options ??= new JsonLinesOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        using var items = situations.GetEnumerator();
        return Run(rules, new SituationInput(items), output, errors, options);
    }

    private static JsonLinesSummary Run(RuleSet rules, Input lines, Stream output, TextWriter errors, JsonLinesOptions options)
    {
        errors = SafeMessages.Of(errors);
        var profiles = options.Evaluation.Explain || !options.ReuseProfiles ? null : new Populations.ProfileReports(rules, options.Evaluation);
        using var first = new Batch(rules, options, profiles);
        int number = options.LinesBefore;
        var summary = default(JsonLinesSummary);

        if (options.MaxDegreeOfParallelism == 1 || !options.ReadAhead)
        {
            // One core (nothing to overlap), or no reading ahead: each batch is written as soon as it is evaluated
            // (a stream served line by line gets its answers without waiting for the next batch).
            while (true)
            {
                var failed = Read(first, lines, ref number, options.BatchSize);
                if (first.Count == 0)
                {
                    failed?.Throw();
                    return summary;
                }

                first.Run();
                summary = first.WriteTo(output, errors, summary);

                // Whoever waits for these answers gets them now, not when a buffer fills.
                output.Flush();
                failed?.Throw();
                if (first.Count < options.BatchSize)
                {
                    // Read short: the input ended (it is not read again; a terminal would wait for another end).
                    return summary;
                }
            }
        }

        // Two batches in turn: while one is parsed, evaluated and written into its buffers on the workers, this
        // thread writes out the one before it and reads the one after it into that one's place. What is written is
        // what a line-by-line run writes, in the same order; a failure to read is raised after the lines before it.
        using var second = new Batch(rules, options, profiles);
        var failure = Read(first, lines, ref number, options.BatchSize);

        // A batch read short ended the input: it is not read again (a terminal would wait for a second end of input).
        bool ended = first.Count < options.BatchSize;
        Batch? done = null;
        var (running, free) = (first, second);
        while (running.Count > 0)
        {
            var work = running.Count < 2 * ChunkLines ? RunHere(running) : Task.Run(running.Run);
            ExceptionDispatchInfo? nextFailure = null;
            try
            {
                if (done is not null)
                {
                    summary = done.WriteTo(output, errors, summary);
                    free = done;
                    done = null;
                }

                if (failure is null && !ended)
                {
                    nextFailure = Read(free, lines, ref number, options.BatchSize);
                    ended = free.Count < options.BatchSize;
                }
                else
                {
                    free.Clear(number + 1);
                }
            }
            catch (Exception)
            {
                // The workers finish with the batch before its buffers are given back.
                TaskWaits.Ignoring(work);
                throw;
            }

            work.GetAwaiter().GetResult();
            if (failure is not null)
            {
                summary = running.WriteTo(output, errors, summary);
                failure.Throw();
            }

            (done, running, failure) = (running, free, nextFailure);
        }

        if (done is not null)
        {
            summary = done.WriteTo(output, errors, summary);
        }

        failure?.Throw();
        return summary;
    }

    /// <summary>Runs a batch on the calling thread (a small one), as a finished task.</summary>
    private static Task RunHere(Batch batch)
    {
        batch.Run();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Reads up to <paramref name="size"/> lines into <paramref name="batch"/>; a failure to read is returned, to be
    /// raised once the lines read before it are evaluated and written, as a line-by-line reading would have.
    /// </summary>
    private static ExceptionDispatchInfo? Read(Batch batch, Input lines, ref int number, int size)
    {
        batch.Clear(number + 1);
        try
        {
            while (batch.Count < size && lines.Next(batch))
            {
                number++;
            }
        }
        catch (Exception exception)
        {
            return ExceptionDispatchInfo.Capture(exception);
        }

        return null;
    }

    /// <summary>Where a batch's lines come from: text lines, or situations already read.</summary>
    private abstract class Input
    {
        /// <summary>Adds the next line to <paramref name="batch"/>; false at the end of the input.</summary>
        internal abstract bool Next(Batch batch);
    }

    private sealed class TextInput(JsonLinesReader lines) : Input
    {
        internal override bool Next(Batch batch)
        {
            if (lines.ReadLine() is not { } text)
            {
                return false;
            }

            batch.Add(text);
            return true;
        }
    }

    /// <summary>UTF-8 lines read as bytes, each copied into its batch (no text in between).</summary>
    private sealed class BytesInput(Stream stream) : Input
    {
        private readonly byte[] buffer = new byte[1 << 16];
        private byte[] carry = new byte[1024];
        private int position, length, carried;
        private bool started, ended;

        internal override bool Next(Batch batch)
        {
            while (true)
            {
                if (position == length)
                {
                    if (ended || !Fill())
                    {
                        if (carried == 0)
                        {
                            return false;
                        }

                        Emit(batch, carry.AsSpan(0, carried));
                        carried = 0;
                        return true;
                    }

                    continue;
                }

                var rest = buffer.AsSpan(position, length - position);
                int end = rest.IndexOf((byte)'\n');
                if (end < 0)
                {
                    Carry(rest);
                    position = length;
                    continue;
                }

                position += end + 1;
                if (carried > 0)
                {
                    Carry(rest[..end]);
                    Emit(batch, carry.AsSpan(0, carried));
                    carried = 0;
                }
                else
                {
                    Emit(batch, rest[..end]);
                }

                return true;
            }
        }

        private static void Emit(Batch batch, ReadOnlySpan<byte> line) => batch.Add(Utf8Lines.WithoutCarriageReturn(line));

        private void Carry(ReadOnlySpan<byte> part)
        {
            if (carried + part.Length > carry.Length)
            {
                Array.Resize(ref carry, Math.Max(carried + part.Length, carry.Length * 2));
            }

            part.CopyTo(carry.AsSpan(carried));
            carried += part.Length;
        }

        private bool Fill()
        {
            position = 0;
            length = stream.Read(buffer, 0, buffer.Length);
            if (length <= 0)
            {
                (length, ended) = (0, true);
                return false;
            }

            if (!started)
            {
                // A byte-order mark may come in pieces: the first three bytes are awaited while they may still be one
                // (and only then, so that a pipe's short first line is answered without waiting for more).
                while (length < 3 && "\uFEFF"u8.StartsWith(buffer.AsSpan(0, length)) && stream.Read(buffer, length, buffer.Length - length) is var more and > 0)
                {
                    length += more;
                }

                started = true;
                if (buffer.AsSpan(0, length).StartsWith("\uFEFF"u8))
                {
                    position = 3;
                }
            }

            return true;
        }
    }

    private sealed class SituationInput(IEnumerator<ReadLine> items) : Input
    {
        internal override bool Next(Batch batch)
        {
            if (!items.MoveNext())
            {
                return false;
            }

            batch.Add(items.Current);
            return true;
        }
    }

    /// <summary>What became of one line.</summary>
    private enum Outcome : byte
    {
        Blank,
        Report,
        BadLine,
        Failure,
        Crash,
    }

    /// <summary>A batch of lines, their outcomes and the chunk buffers they are written into.</summary>
    private sealed class Batch(RuleSet rules, JsonLinesOptions options, Populations.ProfileReports? profiles) : IDisposable
    {
        private readonly List<string> lines = new(Math.Min(options.BatchSize, 1 << 16));

        /// <summary>The situations already read, when the input is not text (then <see cref="lines"/> stays empty).</summary>
        private readonly List<ReadLine> items = [];

        /// <summary>The lines read as bytes, each a range of <see cref="utf8"/>, when the input is bytes.</summary>
        private readonly List<(int Start, int Length)> utf8Lines = [];
        private byte[] utf8 = [];
        private int utf8Length;
        private readonly List<Chunk> chunks = [];
        private Outcome[] outcomes = [];
        private string?[] messages = [];
        private int[] ends = [];
        private ExceptionDispatchInfo?[] crashes = [];
        private int firstNumber;

        internal int Count => lines.Count + items.Count + utf8Lines.Count;

        public void Dispose()
        {
            foreach (var chunk in chunks)
            {
                chunk.Buffer.Dispose();
            }
        }

        internal void Clear(int first)
        {
            lines.Clear();
            items.Clear();
            utf8Lines.Clear();
            utf8Length = 0;
            firstNumber = first;
        }

        internal void Add(string line) => lines.Add(line);

        internal void Add(ReadLine item) => items.Add(item);

        internal void Add(ReadOnlySpan<byte> line)
        {
            if (utf8Length + line.Length > utf8.Length)
            {
                Array.Resize(ref utf8, Math.Max(utf8Length + line.Length, Math.Max(1 << 16, utf8.Length * 2)));
            }

            line.CopyTo(utf8.AsSpan(utf8Length));
            utf8Lines.Add((utf8Length, line.Length));
            utf8Length += line.Length;
        }

        /// <summary>Parses, evaluates and writes every line into its chunk's buffer.</summary>
        internal void Run()
        {
            int count = Count;
            if (outcomes.Length < count)
            {
                outcomes = new Outcome[count];
                messages = new string?[count];
                ends = new int[count];
                crashes = new ExceptionDispatchInfo?[count];
            }

            int chunkCount = (count + ChunkLines - 1) / ChunkLines;
            while (chunks.Count < chunkCount)
            {
                chunks.Add(new Chunk());
            }

            if (options.MaxDegreeOfParallelism == 1 || chunkCount == 1)
            {
                for (int c = 0; c < chunkCount; c++)
                {
                    RunChunk(c);
                }
            }
            else
            {
                Parallel.For(0, chunkCount, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, RunChunk);
            }
        }

        /// <summary>Writes the lines out in order: each error's message, then its chunk's bytes.</summary>
        internal JsonLinesSummary WriteTo(Stream output, TextWriter errors, JsonLinesSummary summary)
        {
            int evaluated = summary.Evaluated, bad = summary.BadLines, failures = summary.Failures;
            for (int c = 0; c * ChunkLines < Count; c++)
            {
                var written = chunks[c].Buffer.WrittenSpan;
                int first = c * ChunkLines, last = Math.Min(Count, first + ChunkLines);

                // The chunk's bytes not yet written start at pending; line i's bytes start where line i - 1's end.
                int pending = 0;
                for (int i = first; i < last; i++)
                {
                    int begin = i == first ? 0 : ends[i - 1];
                    switch (outcomes[i])
                    {
                        case Outcome.Report:
                            evaluated++;
                            break;
                        case Outcome.BadLine:
                        case Outcome.Failure:
                            output.Write(written[pending..begin]);
                            pending = begin;
                            errors.WriteLine(messages[i]);
                            _ = outcomes[i] == Outcome.BadLine ? bad++ : failures++;
                            break;
                        case Outcome.Crash:
                            output.Write(written[pending..begin]);
                            crashes[i]!.Throw();
                            break;
                    }
                }

                output.Write(written[pending..]);
            }

            return new JsonLinesSummary(evaluated, bad, failures);
        }

        private void RunChunk(int c)
        {
            var chunk = chunks[c];
            chunk.Buffer.ResetWrittenCount();
            int last = Math.Min(Count, (c + 1) * ChunkLines);
            for (int i = c * ChunkLines; i < last; i++)
            {
                outcomes[i] = items.Count > 0
                    ? RunItem(items[i], chunk, out messages[i], out crashes[i])
                    : utf8Lines.Count > 0
                    ? RunBytes(utf8.AsSpan(utf8Lines[i].Start, utf8Lines[i].Length), firstNumber + i, chunk, out messages[i], out crashes[i])
                    : RunLine(lines[i], firstNumber + i, chunk, out messages[i], out crashes[i]);
                ends[i] = chunk.Buffer.WrittenCount;
            }
        }

        /// <summary>A line of text, read as its UTF-8 is (<see cref="RunBytes"/>: the same blank lines and errors).</summary>
        private Outcome RunLine(string text, int number, Chunk chunk, out string? message, out ExceptionDispatchInfo? crash)
        {
            ReadOnlySpan<byte> utf8;
            try
            {
                utf8 = chunk.Encode(text);
            }
            catch (Exception unexpected)
            {
                // As a failure while the line is read: raised in its place, after the lines before it.
                message = null;
                crash = ExceptionDispatchInfo.Capture(unexpected);
                return Outcome.Crash;
            }

            return RunBytes(utf8, number, chunk, out message, out crash);
        }

        /// <summary>A line read as bytes, as its text would be read (<see cref="Utf8Lines"/>).</summary>
        private Outcome RunBytes(ReadOnlySpan<byte> line, int number, Chunk chunk, out string? message, out ExceptionDispatchInfo? crash)
        {
            message = null;
            crash = null;
            if (Utf8Lines.IsBlank(line))
            {
                return Outcome.Blank;
            }

            try
            {
                var json = Utf8Lines.AsRead(line);
                var values = chunk.Values;
                try
                {
                    SituationReader.Read(json, options.Source, number, options.Month, values);
                }
                catch (SituationFormatException bad)
                {
                    message = bad.Message;
                    WriteError(chunk, number, message, bad.Path, SituationReader.TryReadId(json));
                    return Outcome.BadLine;
                }

                // The line of a profile met before is written from the values alone; a situation is made only for the others.
                if (profiles is not null && profiles.TryWrite(values, chunk.Buffer, chunk.IdWriter))
                {
                    chunk.NewLine();
                    return Outcome.Report;
                }

                return RunSituation(values.ToSituation(), number, chunk, out message, keyed: profiles is not null);
            }
            catch (Exception unexpected)
            {
                chunk.Writer.Reset();
                crash = ExceptionDispatchInfo.Capture(unexpected);
                return Outcome.Crash;
            }
        }

        /// <summary>A situation already read, the error its line holds, or a person held in compact form, as a line of text would be.</summary>
        private Outcome RunItem(in ReadLine item, Chunk chunk, out string? message, out ExceptionDispatchInfo? crash)
        {
            message = null;
            crash = null;
            try
            {
                if (item.Error is { } bad)
                {
                    message = bad;
                    WriteError(chunk, item.Line, message, item.ErrorPath, item.Id);
                    return Outcome.BadLine;
                }

                if (item.Population is not { } population)
                {
                    return RunSituation(item.Situation!, item.Line, chunk, out message);
                }

                // The profile from the columns; a situation only when its line is not known. In a population of one
                // jurisdiction the situation's own key is the one just tried: it is not looked up again.
                if (profiles is not null && profiles.TryWrite(population, item.Index, item.Month, item.Id, chunk.Buffer, chunk.IdWriter))
                {
                    chunk.NewLine();
                    return Outcome.Report;
                }

                return RunSituation(population.SituationAt(item.Index, item.Month) with { Id = item.Id }, item.Line, chunk, out message, keyed: population.Jurisdictions.Length == 1);
            }
            catch (Exception unexpected)
            {
                chunk.Writer.Reset();
                crash = ExceptionDispatchInfo.Capture(unexpected);
                return Outcome.Crash;
            }
        }

        /// <summary>Evaluates a situation (by its profile's line when known, unless <paramref name="keyed"/> says its key was just tried) and writes its line.</summary>
        private Outcome RunSituation(Facts.Situation situation, int number, Chunk chunk, out string? message, bool keyed = false)
        {
            message = null;
            if (!keyed && profiles is not null && profiles.TryWrite(situation, chunk.Buffer, chunk.IdWriter))
            {
                chunk.NewLine();
                return Outcome.Report;
            }

            Reports.Report report;
            try
            {
                report = rules.Evaluate(situation, options.Evaluation);
            }
            catch (EvaluationException failed)
            {
                message = string.Create(CultureInfo.InvariantCulture, $"{options.Source} line {number}: {failed.Message}");
                WriteError(chunk, number, message, null, situation.Id);
                return Outcome.Failure;
            }

            var writer = chunk.Writer;
            ReportJson.Write(writer, report, situation.Id, options.Evaluation.Languages);
            writer.Flush();
            writer.Reset();
            chunk.NewLine();
            return Outcome.Report;
        }

        private static void WriteError(Chunk chunk, int number, string message, string? path, string? id)
        {
            var writer = chunk.Writer;
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString(IdName, id);
            }

            writer.WriteNumber(LineName, number);
            writer.WriteString(ErrorName, message);
            if (path is not null)
            {
                writer.WriteString(PathName, path);
            }

            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            chunk.NewLine();
        }
    }

    /// <summary>One worker's buffer, its JSON writer and its scratch space for a line's UTF-8.</summary>
    private sealed class Chunk
    {
        /// <summary>The values of the line in hand (<see cref="SituationReader.Read"/>).</summary>
        internal SituationValues Values { get; } = new();

        private byte[] utf8 = new byte[1024];

        public Chunk()
        {
            Writer = new Utf8JsonWriter(Buffer, Compact);
            IdWriter = new Utf8JsonWriter(Buffer, Compact);
        }

        internal PooledBuffer Buffer { get; } = new();

        internal Utf8JsonWriter Writer { get; }

        /// <summary>A writer for a lone id (<see cref="Populations.ProfileReports"/>).</summary>
        internal Utf8JsonWriter IdWriter { get; }

        internal ReadOnlySpan<byte> Encode(string text)
        {
            int most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (utf8.Length < most)
            {
                utf8 = new byte[Math.Max(most, utf8.Length * 2)];
            }

            return utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, utf8));
        }

        internal void NewLine()
        {
            Buffer.GetSpan(1)[0] = (byte)'\n';
            Buffer.Advance(1);
        }
    }

    /// <summary>A growing buffer of bytes rented from the shared pool, so that a run's chunk buffers are reused by the next.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] array = ArrayPool<byte>.Shared.Rent(1 << 16);

        internal int WrittenCount { get; private set; }

        internal ReadOnlySpan<byte> WrittenSpan => array.AsSpan(0, WrittenCount);

        public void Advance(int count) => WrittenCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return array.AsMemory(WrittenCount);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return array.AsSpan(WrittenCount);
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(array);
            array = [];
        }

        internal void ResetWrittenCount() => WrittenCount = 0;

        private void Ensure(int sizeHint)
        {
            int needed = WrittenCount + Math.Max(sizeHint, 256);
            if (needed > array.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, array.Length * 2));
                WrittenSpan.CopyTo(larger);
                ArrayPool<byte>.Shared.Return(array);
                array = larger;
            }
        }
    }
}

/// <summary>
/// A line already read, for <see cref="JsonLinesEvaluator.EvaluateRead"/>: its situation, the error it holds, or a
/// person of a population held in compact form (evaluated from the population's columns, <see cref="Populations.ProfileReports"/>).
/// </summary>
/// <param name="Line">The 1-based line (or row) number.</param>
/// <param name="Situation">The situation, or null.</param>
/// <param name="Error">The error's message, or null when the line is good.</param>
/// <param name="ErrorPath">The JSON path the error names, or null.</param>
/// <param name="Id">The line's id, or null.</param>
/// <param name="Population">The population the person is read from, or null.</param>
/// <param name="Index">The person's position in <paramref name="Population"/>.</param>
/// <param name="Month">The month the person is evaluated in, with <paramref name="Population"/>.</param>
internal readonly record struct ReadLine(int Line, Facts.Situation? Situation, string? Error, string? ErrorPath, string? Id, Populations.Population? Population = null, int Index = 0, YearMonth Month = default)
{
    /// <summary>A line read into its situation or its error.</summary>
    internal static ReadLine Of(SituationLine line) => new(line.Line, line.Situation, line.Error?.Message, line.Error?.Path, line.Id);
}
