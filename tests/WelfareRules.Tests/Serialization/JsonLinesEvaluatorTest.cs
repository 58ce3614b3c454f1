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
using WelfareRules.Legal;
using WelfareRules.Serialization;
using WelfareRules.Tests.Populations;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>
/// The JSON Lines path against itself: reports reused by profile against every line evaluated on its own, and
/// the batches read, evaluated and written in turn against one line at a time, byte for byte.
/// </summary>
public sealed class JsonLinesEvaluatorTest
{
    private static readonly Lazy<string> Varied = new(() =>
    {
        // The varied test population (every group, benefit and error of the built-in law), each situation in one of
        // the months the law changes in, a third with ids (quotes, non-ASCII, a line separator), with bad lines.
        var random = new Random(61);
        var text = new StringBuilder();
        int i = 0;
        foreach (var situation in VariedPopulation.Create(20_000, 61))
        {
            var dated = situation with { Month = VariedPopulation.Months[random.Next(VariedPopulation.Months.Length)] };
            dated = (i % 3) switch
            {
                0 => dated with { Id = "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                1 when i % 7 == 0 => dated with { Id = $"\"quoted\" Nguyễn \u2028 {i}" },
                _ => dated,
            };
            text.Append(SituationLines.Json(dated)).Append('\n');
            if (i % 997 == 0)
            {
                text.Append("{\"id\":\"bad\",\"jurisdiction\":\"VN-HN\",\"month\":\"2026-13\",\"person\":{}}\n\n");
            }

            i++;
        }

        return text.ToString();
    });

    [Theory]
    [InlineData(false, 4096, 2)]
    [InlineData(false, 7, 2)]
    [InlineData(true, 100, 2)]
    [InlineData(false, 64, 1)]
    public void EvaluateSituations_LinesReadBefore_EqualTheirTextEvaluated(bool explain, int batch, int cores)
    {
        // The same lines, once as text and once as the situations and errors SituationReader.ReadLines makes of them
        // (what a Parquet population's reader hands over): the same bytes, messages and counts.
        string input = explain ? string.Join("", Varied.Value.Split('\n').Take(2_000).Select(l => l + "\n")) : Varied.Value;
        var options = new JsonLinesOptions { Evaluation = new EvaluationOptions { Explain = explain }, BatchSize = batch, MaxDegreeOfParallelism = cores, Source = "varied.jsonl" };
        var fromText = Run(input, options);

        using var output = new MemoryStream();
        using var errors = new StringWriter();
        var summary = JsonLinesEvaluator.EvaluateSituations(RuleSet.BuiltIn, SituationReader.ReadLines(new StringReader(input), "varied.jsonl"), output, errors, options);

        Assert.Equal(fromText.Summary, summary);
        Assert.Equal(fromText.Errors, errors.ToString());
        Assert.Equal(fromText.Output, output.ToArray());
        Assert.True(summary.BadLines > 0 && summary.Failures > 0, summary.ToString());
    }

    /// <summary>The varied lines with what only bytes can hold: CRLF, a lone CR, non-ASCII blank lines, bytes that are not UTF-8, a line longer than the reading buffer, no final line feed.</summary>
    private static byte[] AwkwardBytes()
    {
        var lines = Varied.Value.Split('\n').Take(3_000).ToList();
        lines.Insert(5, lines[4] + "\r");
        lines.Insert(9, "\u00A0\u2003 ");
        lines.Insert(12, lines[11] + "\r\r");
        lines.Insert(20, "{\"id\":\"long\",\"jurisdiction\":\"VN\",\"month\":\"2026-07\",\"person\":{\"birthDate\":\"1950-01-01\"},\"commune\":\"" + new string('x', 100_000) + "\"}");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines.Take(30)) + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\":\"bad-"));
        bytes.AddRange([0xC3, 0x28, 0xFF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\",\"jurisdiction\":\"VN\",\"month\":\"2026-07\",\"person\":{\"birthDate\":\"1950-01-01\"}}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(string.Join("\n", lines.Skip(30)).TrimEnd('\n')));
        return [.. bytes];
    }

    [Theory]
    [InlineData(false, 4096, 2, true)]
    [InlineData(false, 7, 2, true)]
    [InlineData(false, 64, 1, true)]
    [InlineData(false, 100, 2, false)]
    [InlineData(true, 100, 2, true)]
    public void EvaluateUtf8_AwkwardBytes_EqualTheTextsEvaluation(bool explain, int batch, int cores, bool mark)
    {
        byte[] input = AwkwardBytes();
        if (explain)
        {
            input = input[..Array.IndexOf(input, (byte)'\n', 600_000)];
        }

        var options = new JsonLinesOptions { Evaluation = new EvaluationOptions { Explain = explain }, BatchSize = batch, MaxDegreeOfParallelism = cores, Source = "varied.jsonl", LinesBefore = 3 };
        byte[] read = mark ? [.. "\uFEFF"u8, .. input] : input;

        using var textOutput = new MemoryStream();
        using var textErrors = new StringWriter();
        var fromText = JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, new StreamReader(new MemoryStream(read)), textOutput, textErrors, options);
        using var output = new MemoryStream();
        using var errors = new StringWriter();
        var fromBytes = JsonLinesEvaluator.EvaluateUtf8(RuleSet.BuiltIn, new TrickleStream(read), output, errors, options);

        Assert.Equal(fromText, fromBytes);
        Assert.Equal(textErrors.ToString(), errors.ToString());
        Assert.Equal(textOutput.ToArray(), output.ToArray());
        Assert.True(fromBytes.BadLines > 0 && fromBytes.Failures > 0, fromBytes.ToString());
        Assert.Contains("\"id\":\"long\"", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 2)]
    [InlineData(200, 2)]
    [InlineData(0, 1)]
    public void EvaluateUtf8_InputFailingAfterSomeLines_WritesEveryLineBeforeItThenRaisesIt(int lines, int cores)
    {
        string input = string.Join("", Varied.Value.Split('\n').Where(l => l.Length > 0 && !l.Contains("\"bad\"", StringComparison.Ordinal)).Take(lines).Select(l => l + "\n"));
        using var output = new MemoryStream();
        var failure = Assert.Throws<IOException>(() => JsonLinesEvaluator.EvaluateUtf8(
            RuleSet.BuiltIn, new FailingStream(Encoding.UTF8.GetBytes(input)), output, TextWriter.Null, new JsonLinesOptions { BatchSize = 64, MaxDegreeOfParallelism = cores, Evaluation = new EvaluationOptions { Explain = false } }));

        Assert.Equal(FailingStream.Message, failure.Message);
        var written = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines, written.Length);
    }

    [Fact]
    public void EvaluateUtf8_PipeGivesAShortFirstLine_AnswersItBeforeReadingMore()
    {
        // A pipe that gives "x\n" and then fails if read again before its answer is written: the first bytes cannot
        // start a byte-order mark, so they are not waited on.
        var pipe = new AnswerFirstStream("x\n"u8.ToArray());
        using var output = new MemoryStream();
        pipe.Output = output;

        Assert.Throws<IOException>(() => JsonLinesEvaluator.EvaluateUtf8(RuleSet.BuiltIn, pipe, output, TextWriter.Null, new JsonLinesOptions { BatchSize = 1, MaxDegreeOfParallelism = 1, ReadAhead = false }));

        Assert.StartsWith("{\"line\":1,\"error\":", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProvisionStatus.Provisional)]
    [InlineData(ProvisionStatus.Verified)]
    public void Evaluate_WithoutExplanation_ReusedReportsEqualEachLineEvaluatedAlone(ProvisionStatus admit)
    {
        var evaluation = new EvaluationOptions { Explain = false, Admit = admit };
        var reused = Run(Varied.Value, new JsonLinesOptions { Evaluation = evaluation });
        var alone = Run(Varied.Value, new JsonLinesOptions { Evaluation = evaluation, ReuseProfiles = false });

        Assert.Equal(alone.Summary, reused.Summary);
        Assert.Equal(alone.Errors, reused.Errors);
        Assert.Equal(alone.Output, reused.Output);
        Assert.True(alone.Summary.BadLines > 0 && alone.Summary.Failures > 0 && alone.Summary.Evaluated > 1_000, alone.Summary.ToString());
    }

    [Fact]
    public void Evaluate_SmallBatchesOnAllCores_EqualOneLineAtATime()
    {
        string input = string.Join("", Varied.Value.Split('\n').Take(3_000).Select(l => l + "\n"));
        var options = new JsonLinesOptions { Evaluation = new EvaluationOptions { Explain = false } };
        var oneByOne = Run(input, options with { BatchSize = 1, MaxDegreeOfParallelism = 1, ReuseProfiles = false });
        foreach (int size in new[] { 7, 64, 100, 4096 })
        {
            foreach (bool readAhead in new[] { true, false })
            {
                var batched = Run(input, options with { BatchSize = size, ReadAhead = readAhead });
                Assert.Equal(oneByOne.Summary, batched.Summary);
                Assert.Equal(oneByOne.Errors, batched.Errors);
                Assert.Equal(oneByOne.Output, batched.Output);
            }
        }
    }

    [Theory]
    [InlineData(10, 64, 2)]
    [InlineData(64, 64, 2)]
    [InlineData(200, 64, 2)]
    [InlineData(0, 64, 2)]
    [InlineData(10, 64, 1)]
    [InlineData(64, 64, 1)]
    [InlineData(200, 64, 1)]
    [InlineData(0, 64, 1)]
    public void Evaluate_InputFailingAfterSomeLines_WritesEveryLineBeforeItThenRaisesIt(int lines, int batch, int cores)
    {
        string input = string.Join("", Varied.Value.Split('\n').Where(l => l.Length > 0 && !l.Contains("\"bad\"", StringComparison.Ordinal)).Take(lines).Select(l => l + "\n"));
        using var output = new MemoryStream();
        var failure = Assert.Throws<IOException>(() => JsonLinesEvaluator.Evaluate(
            RuleSet.BuiltIn, new FailingReader(input), output, TextWriter.Null, new JsonLinesOptions { BatchSize = batch, MaxDegreeOfParallelism = cores, Evaluation = new EvaluationOptions { Explain = false } }));

        Assert.Equal(FailingReader.Message, failure.Message);
        var written = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines, written.Length);
        Assert.All(written, line => JsonDocument.Parse(line).Dispose());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ReadLines_ParsedOnSeveralCores_EqualOneLineAtATime(int cores)
    {
        // The varied lines (bad lines and blank lines among them, more than a batch), with lines before and a month.
        static string Describe(SituationLine l) =>
            $"{l.Line} {l.Id} {(l.Situation is { } s ? SituationLines.Json(s) : l.Error!.Message + " " + l.Error.Path)}";
        var month = new YearMonth(2027, 3);

        var one = SituationReader.ReadLines(new StringReader(Varied.Value), "varied.jsonl", month, 5).Select(Describe).ToList();
        var many = SituationReader.ReadLines(new StringReader(Varied.Value), "varied.jsonl", month, 5, cores).Select(Describe).ToList();

        Assert.True(one.Count > SituationReader.ParallelBatch && one.Exists(l => l.Contains("$.month", StringComparison.Ordinal)), one.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(one, many);

        // Stopped early (the next batch being parsed): the lines taken, and the reader left without a fault.
        foreach (int taken in new[] { 10, SituationReader.ParallelBatch + 3 })
        {
            var first = SituationReader.ReadLines(new StringReader(Varied.Value), "varied.jsonl", month, 5, cores).Take(taken).Select(Describe).ToList();
            Assert.Equal(one.Take(taken), first);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(5000)]
    public void ReadLines_ParsedOnSeveralCoresInputFailing_YieldsEveryLineBeforeItThenRaisesIt(int lines)
    {
        string input = string.Join("", Varied.Value.Split('\n').Where(l => l.Length > 0).Take(lines).Select(l => l + "\n"));
        int read = 0;

        var failure = Assert.Throws<IOException>(() =>
        {
            foreach (var _ in SituationReader.ReadLines(new FailingReader(input), "varied.jsonl", null, 0, 2))
            {
                read++;
            }
        });

        Assert.Equal(FailingReader.Message, failure.Message);
        Assert.Equal(lines, read);
    }

    [Theory]
    [InlineData(10, 2)]
    [InlineData(64, 2)]
    [InlineData(130, 2)]
    [InlineData(10, 1)]
    [InlineData(64, 1)]
    [InlineData(130, 1)]
    public void Evaluate_InputEnded_IsNotReadAgain(int lines, int cores)
    {
        // A terminal gives its end of input once per Ctrl+D: reading on would wait for another.
        string input = string.Join("", Varied.Value.Split('\n').Where(l => l.Length > 0).Take(lines).Select(l => l + "\n"));
        using var output = new MemoryStream();
        var summary = JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, new EndOnceReader(input), output, TextWriter.Null, new JsonLinesOptions { BatchSize = 64, MaxDegreeOfParallelism = cores });

        Assert.Equal(lines, summary.Evaluated + summary.BadLines + summary.Failures);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Evaluate_WithoutReadAhead_WritesEachBatchBeforeReadingMore(int cores)
    {
        // A stream fed slowly: the answers to the lines given must be out before more is asked for.
        var given = Varied.Value.Split('\n').Where(l => l.Length > 0).Take(20).ToArray();
        var output = new FlushCountingStream();
        var reader = new LineByLineReader(given, output);
        JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, reader, output, TextWriter.Null, new JsonLinesOptions { BatchSize = 8, MaxDegreeOfParallelism = cores, ReadAhead = false });

        // Line 9 was asked for once the 8 reports of the first batch were written and flushed, line 17 once 16 were.
        Assert.Equal(8, reader.FlushedLinesWhenAsked[8]);
        Assert.Equal(16, reader.FlushedLinesWhenAsked[16]);
    }

    private static (JsonLinesSummary Summary, string Errors, byte[] Output) Run(string input, JsonLinesOptions options)
    {
        using var output = new MemoryStream();
        using var errors = new StringWriter();
        var summary = JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, new StringReader(input), output, errors, options with { Source = "varied.jsonl" });
        return (summary, errors.ToString(), output.ToArray());
    }

    /// <summary>Gives its bytes a few at a time (a byte-order mark and lines split across reads).</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int turn;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1 + (turn++ * 7919 % 5000)));
    }

    /// <summary>Gives its bytes, then fails as a broken input does.</summary>
    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        internal const string Message = "the disk failed";

        public override int Read(byte[] buffer, int offset, int count) =>
            Position < Length ? base.Read(buffer, offset, count) : throw new IOException(Message);
    }

    /// <summary>Gives its bytes in one read; a read after that fails unless an answer was written in between (and the stream then ends).</summary>
    private sealed class AnswerFirstStream(byte[] bytes) : MemoryStream(bytes)
    {
        internal MemoryStream? Output { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position < Length)
            {
                return base.Read(buffer, offset, count);
            }

            throw new IOException(Output is { Length: > 0 } ? "ended" : "read again before the first line was answered");
        }
    }

    /// <summary>An output that counts the lines it had when last flushed.</summary>
    private sealed class FlushCountingStream : MemoryStream
    {
        internal int FlushedLines { get; private set; }

        public override void Flush()
        {
            FlushedLines = ToArray().Count(b => b == (byte)'\n');
            base.Flush();
        }
    }

    /// <summary>Gives one line a read, noting how many report lines had been flushed when each line was asked for.</summary>
    private sealed class LineByLineReader(string[] lines, FlushCountingStream output) : TextReader
    {
        private int next;

        internal Dictionary<int, int> FlushedLinesWhenAsked { get; } = [];

        public override int Read(Span<char> buffer)
        {
            if (next == lines.Length)
            {
                return 0;
            }

            FlushedLinesWhenAsked[next] = output.FlushedLines;
            string line = lines[next++] + "\n";
            Assert.True(line.Length <= buffer.Length);
            line.AsSpan().CopyTo(buffer);
            return line.Length;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read() => throw new NotSupportedException();

        public override int Peek() => throw new NotSupportedException();
    }

    /// <summary>Gives the text and its end once; a read after the end fails the test.</summary>
    private sealed class EndOnceReader(string text) : TextReader
    {
        private int position;
        private bool ended;

        public override int Read(Span<char> buffer)
        {
            Assert.False(ended, "the input was read again after its end");
            int count = Math.Min(buffer.Length, Math.Min(100, text.Length - position));
            text.AsSpan(position, count).CopyTo(buffer);
            position += count;
            ended = count == 0;
            return count;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read() => throw new NotSupportedException();

        public override int Peek() => throw new NotSupportedException();
    }

    /// <summary>Gives the text, then fails as a broken input does.</summary>
    private sealed class FailingReader(string text) : TextReader
    {
        internal const string Message = "the input broke";

        private int position;

        public override int Read(Span<char> buffer)
        {
            if (position == text.Length)
            {
                throw new IOException(Message);
            }

            int count = Math.Min(buffer.Length, Math.Min(100, text.Length - position));
            text.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read() => throw new NotSupportedException();

        public override int Peek() => throw new NotSupportedException();
    }
}
