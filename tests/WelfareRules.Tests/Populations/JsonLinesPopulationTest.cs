using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Populations;

/// <summary>
/// <see cref="Population.ReadJsonLines"/>: the same persons, in the same order, and the same refused lines with the
/// same numbers, errors and ids, as reading the lines one at a time and adding each person to a builder, whatever
/// the block size and the number of cores.
/// </summary>
public sealed class JsonLinesPopulationTest
{
    private static readonly YearMonth Month = new(2026, 7);

    /// <summary>A varied population as JSON Lines, with every kind of awkward line among the persons.</summary>
    private static byte[] Awkward()
    {
        var lines = VariedPopulation.Create(600, 5).Select(Json).ToList();
        lines.Insert(3, "");                                                      // blank
        lines.Insert(10, "   \t ");                                               // white space
        lines.Insert(20, "\u00A0\u2003");                                         // white space that is not ASCII
        lines.Insert(30, """{"jurisdiction":"VN","month":"2026-07","person":{}}""");   // refused: no birth date
        lines.Insert(40, """{"id":"bad-1","jurisdiction":"VN","month":"2026-07","person":{"birthDate":"1950-13-01"}}""");  // refused, with its id
        lines.Insert(50, "not json");
        lines.Insert(60, """{"jurisdiction":"VN-HN","month":"2026-07","person":{"birthDate":"1950-01-01","merit":[{"category":"war-invalid","rate":41}]}}""");
        lines.Insert(70, """{"jurisdiction":"VN","month":"2026-07","person":{"birthDate":"1950-01-01","childrenUnder36Months":300}}""");  // not held: too many
        lines.Insert(80, """{"jurisdiction":"VN-ZZ","month":"2026-07","person":{"birthDate":"1960-01-01"}}""");  // a jurisdiction met late
        lines.Insert(90, """{"jurisdiction":"VN","month":"2026-07","person":{"birthDate":"1950-01-01"}}""" + "\r");  // CRLF
        lines.Insert(100, """{"jurisdiction":"VN","month":"2026-07","person":{"birthDate":"1950-01-01"}}""" + "\r\r");  // a CR left in the line
        lines.Insert(110, """{"id":"caf""" + "\u00E9" + """ ","jurisdiction":"VN","month":"2026-07","person":{"birthDate":"1944-02-29"}}""");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Join("\n", lines.Take(120)) + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"id":"bad-utf8","jurisdiction":"VN","month":"2026-07","person":{"birthDate":"1950-01-01","sex":"""));
        bytes.AddRange([0xC3, 0x28]);                                             // not UTF-8: read as a replacement character
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}}\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(string.Join("\n", lines.Skip(120))));   // no line feed at the end
        return [.. bytes];
    }

    private static string Json(Situation situation)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            SituationWriter.Write(writer, situation);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The lines read one at a time, each person added to a builder (a person it cannot hold refused).</summary>
    private static (Population Population, List<SituationLine> Refused, int Lines) OneByOne(byte[] input, YearMonth? month)
    {
        var builder = new PopulationBuilder();
        var refused = new List<SituationLine>();
        int lines = 0;
        using var reader = new StreamReader(new MemoryStream(input));
        foreach (var line in SituationReader.ReadLines(reader, "people.jsonl", month))
        {
            lines++;
            if (line.Situation is not { } situation)
            {
                refused.Add(line);
                continue;
            }

            try
            {
                builder.Add(situation.Jurisdiction, situation.Person);
            }
            catch (ArgumentException cannot)
            {
                // Refused in its place; the builder's position of the person ("person 12: ") gives way to the line's number.
                string why = System.Text.RegularExpressions.Regex.Replace(cannot.Message, @"^person \d+: | \(Parameter '[^']*'\)$", "");
                refused.Add(line with
                {
                    Situation = null,
                    Error = new SituationFormatException("people.jsonl", line.Line, "$.person", "the population's compact form cannot hold this person: " + why),
                });
            }
        }

        return (builder.ToPopulation(), refused, lines);
    }

    private static void AssertSame((Population Population, List<SituationLine> Refused, int Lines) expected, PopulationReadResult actual)
    {
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Population.Count, actual.Population.Count);
        Assert.Equal(expected.Population.Jurisdictions.Select(j => j.ToString()), actual.Population.Jurisdictions.Select(j => j.ToString()));
        for (int i = 0; i < expected.Population.Count; i++)
        {
            Assert.Equal(Json(expected.Population.SituationAt(i, Month)), Json(actual.Population.SituationAt(i, Month)));
        }

        Assert.Equal(expected.Refused.Select(r => (r.Line, r.Id)), actual.Refused.Select(r => (r.Line, r.Id)));
        for (int i = 0; i < expected.Refused.Count; i++)
        {
            Assert.Equal(expected.Refused[i].Error!.Message, actual.Refused[i].Error!.Message);
            Assert.Equal(expected.Refused[i].Error!.Path, actual.Refused[i].Error!.Path);
        }
    }

    [Theory]
    [InlineData(64, 1)]
    [InlineData(64, 2)]
    [InlineData(1000, 2)]
    [InlineData(1 << 20, 2)]
    public void ReadJsonLines_AwkwardLinesAnyBlockSize_EqualsLineByLine(int blockBytes, int cores)
    {
        byte[] input = Awkward();

        var read = JsonLinesPopulation.Read(new MemoryStream(input), "people.jsonl", null, cores, blockBytes);

        var expected = OneByOne(input, null);
        Assert.True(expected.Refused.Count >= 5, "the input has refused lines");
        Assert.True(expected.Population.Jurisdictions.Length >= 3, "the input has jurisdictions met late");
        Assert.Contains(read.Refused, r => r.Error!.Message.Contains("compact form cannot hold this person: ", StringComparison.Ordinal) && !r.Error.Message.Contains("person 0", StringComparison.Ordinal));
        Assert.Contains(read.Refused, r => r.Id == "bad-1");
        AssertSame(expected, read);
    }

    [Fact]
    public void ReadJsonLines_MonthGiven_ReadsLinesWithoutOne()
    {
        byte[] input = Encoding.UTF8.GetBytes("""
            {"jurisdiction":"VN","person":{"birthDate":"1940-01-01"}}
            {"jurisdiction":"VN-HN","month":"2020-01","person":{"birthDate":"1950-01-01"}}
            """);

        var read = Population.ReadJsonLines(new MemoryStream(input), "people.jsonl", Month);

        Assert.Empty(read.Refused);
        Assert.Equal(2, read.Population.Count);
        AssertSame(OneByOne(input, Month), read);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void ReadJsonLines_ByteOrderMark_ReadAsATextReaderReadsIt(string encoding)
    {
        string text = string.Join("\n", VariedPopulation.Create(40, 9).Select(Json)) + "\nnot json\n";
        var withMark = Encoding.GetEncoding(encoding);
        byte[] input = [.. withMark.GetPreamble(), .. withMark.GetBytes(text)];

        var read = Population.ReadJsonLines(new MemoryStream(input), "people.jsonl", null, 2);

        Assert.Equal(41, read.Lines);
        AssertSame(OneByOne(input, null), read);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1 << 20)]
    public void ReadJsonLines_MarkThenAFirstLineLongerThanABlock_IsSkippedAsATextReaderSkipsIt(int blockBytes)
    {
        // A malformed first line with an id, longer than a block: its id is read, as the text reader (which drops the mark) reads it.
        string first = """{"id":"first","jurisdiction":"VN","month":"2026-07","person":{"birthDate":"1950-01-01"},"commune":""" + "\"" + new string('x', 2 * blockBytes) + "\",}";
        string text = first + "\n \n" + string.Join("\n", VariedPopulation.Create(30, 4).Select(Json)) + "\n";
        byte[] input = [.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(text)];

        var read = JsonLinesPopulation.Read(new MemoryStream(input), "people.jsonl", null, 2, blockBytes);

        Assert.Equal("first", read.Refused[0].Id);
        AssertSame(OneByOne(input, null), read);
    }

    [Fact]
    public void ReadJsonLines_Empty_IsAnEmptyPopulation()
    {
        var read = Population.ReadJsonLines(new MemoryStream([]), "people.jsonl");

        Assert.Equal(0, read.Population.Count);
        Assert.Empty(read.Refused);
        Assert.Equal(0, read.Lines);
    }

    [Fact]
    public void ReadJsonLines_EngineOverThePopulation_EqualsTheBuildersPopulation()
    {
        byte[] input = Awkward();
        var read = Population.ReadJsonLines(new MemoryStream(input), "people.jsonl", null, 2);
        var expected = OneByOne(input, null).Population;

        var a = PopulationEngine.Evaluate(RuleSet.BuiltIn, read.Population, new YearMonth(2026, 1));
        var b = PopulationEngine.Evaluate(RuleSet.BuiltIn, expected, new YearMonth(2026, 1));

        Assert.Equal(b.Total, a.Total);
        Assert.True(a.Total.Value > 0);
    }

    [Fact]
    public void ReadJsonLines_BadArguments_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => Population.ReadJsonLines(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => Population.ReadJsonLines(new MemoryStream(), null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Population.ReadJsonLines(new MemoryStream(), "x", null, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Population.ReadJsonLines(new MemoryStream(), "x", null, -2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Population.ReadJsonLines(new MemoryStream(), "x", default(YearMonth)));
    }

    [Fact]
    public void ReadJsonLines_StreamFails_RaisesItsFailure()
    {
        var failing = new FailingStream(Awkward(), failAfter: 5000);

        Assert.Throws<IOException>(() => JsonLinesPopulation.Read(failing, "people.jsonl", null, 2, 1000));
    }

    /// <summary>A stream that fails after some bytes.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAfter)
            {
                throw new IOException("the disk failed");
            }

            return base.Read(buffer, offset, (int)Math.Min(count, failAfter - Position));
        }
    }
}
