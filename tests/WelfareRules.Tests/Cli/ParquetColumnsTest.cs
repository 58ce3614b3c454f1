using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using WelfareRules.Cli.ParquetFiles;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Populations;
using WelfareRules.Serialization;
using WelfareRules.Tests.Populations;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary>A Parquet population read straight into the engine's columns (<see cref="ParquetPopulation.ReadPopulation"/>), against the same persons read as JSON Lines.</summary>
public sealed class ParquetColumnsTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-parquet-columns-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ReadPopulation_VariedPersonsInSmallRowGroups_GivesThePersonsAndResultsOfTheirJsonLines(int parallelism)
    {
        // Every fact the law reads, merit records and children (both go their own ways), in row groups of 700 read on
        // one core or two.
        var situations = VariedPopulation.Create(6_000, 5).Where(s => s.Jurisdiction.Code != "VN-ZZ").ToList();
        string parquet = Path.Combine(folder, "varied.parquet");
        ParquetPopulation.Write(situations, parquet, rowGroupSize: 700);
        var lines = SituationReader.ReadLines(new StringReader(string.Join("\n", situations.Select(SituationLines.Json))), "varied.jsonl").ToList();
        var fromLines = Population.Create(lines.Where(l => l.Situation is not null).Select(l => l.Situation!));

        var fromParquet = ParquetPopulation.ReadPopulation(parquet, null, parallelism, out var refused);

        // The rows the JSON reader refuses (merit records out of the contract) are left out, each named by its line.
        Assert.NotEmpty(refused);
        Assert.Equal(lines.Where(l => l.Error is not null).Select(l => (long)l.Line), refused.Select(r => r.Line));
        Assert.Equal(lines.Where(l => l.Error is not null).Select(l => l.Error!.Path), refused.Select(r => System.Text.RegularExpressions.Regex.Match(r.Message, @"\$[^:]*").Value));
        Assert.Equal(fromLines.Count, fromParquet.Count);
        Assert.True(situations.Count(s => !s.Person.Merit.IsEmpty) > 100 && situations.Count(s => !s.Person.ChildrenRaisedAlone.IsEmpty) > 100);
        var month = new YearMonth(2026, 7);
        for (int i = 0; i < fromLines.Count; i++)
        {
            Assert.Equal(SituationLines.Json(fromLines.SituationAt(i, month)), SituationLines.Json(fromParquet.SituationAt(i, month)));
        }

        // The engine's words and dates themselves, whether a row was packed with its group's plain rows, column by
        // column, or on its own.
        AssertSameWords(fromLines, fromParquet);

        // With a month given (each row group's month column one month by its statistics, so not decoded), the same.
        var inMonth = ParquetPopulation.ReadPopulation(parquet, new YearMonth(2027, 3), parallelism, out var refusedInMonth);
        Assert.Equal(refused.Select(r => r.Line), refusedInMonth.Select(r => r.Line));
        Assert.Equal(fromParquet.Count, inMonth.Count);
        for (int i = 0; i < fromLines.Count; i++)
        {
            Assert.Equal(SituationLines.Json(fromLines.SituationAt(i, month)), SituationLines.Json(inMonth.SituationAt(i, month)));
        }

        YearMonth[] months = [new(2026, 6), new(2026, 7), new(2027, 1)];
        var draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RepositoryFiles.PolicyExample("social-pension-age-70.json")));
        Assert.Equal(
            Describe(PolicyComparison.Run(RuleSet.BuiltIn, draft, fromLines, months)),
            Describe(PolicyComparison.Run(RuleSet.BuiltIn, draft, fromParquet, months)));
    }

    [Fact]
    public async System.Threading.Tasks.Task ReadPopulation_ColumnWithoutValuesInSomeRowGroups_NotDecodedThereAndReadAsItsJsonLines()
    {
        // Death dates only in the second of three row groups of 100: the first and the last hold none (so, by their
        // statistics, their chunks are not decoded), read on one core so that each group's arrays serve the next.
        var situations = VariedPopulation.Create(900, 4).Where(s => s.Jurisdiction.Code != "VN-ZZ" && s.Person.Merit.IsEmpty).Take(300)
            .Select((s, i) => i is >= 100 and < 200 ? s : s with { Person = s.Person with { DeathDate = null, DeathCause = DeathCause.Ordinary } })
            .ToList();
        Assert.Equal(300, situations.Count);
        Assert.Contains(situations.Skip(100).Take(100), s => s.Person.DeathDate is not null);
        string parquet = Path.Combine(folder, "sparse.parquet");
        ParquetPopulation.Write(situations, parquet, rowGroupSize: 100);

        await using (var stream = File.OpenRead(parquet))
        await using (var reader = await Parquet.ParquetReader.CreateAsync(stream))
        {
            var death = reader.Schema.GetDataFields().Single(f => f.Name == "deathDate");
            var skipped = Enumerable.Range(0, reader.RowGroupCount).Select(g =>
            {
                using var group = reader.OpenRowGroupReader(g);
                return ParquetPopulation.AllNull(group, death, (int)group.RowCount);
            });
            Assert.Equal([true, false, true], skipped);

            // The codes are written once a row group, in a dictionary.
            using var first = reader.OpenRowGroupReader(0);
            var jurisdiction = reader.Schema.GetDataFields().Single(f => f.Name == "jurisdiction");
            Assert.Contains(Parquet.Meta.Encoding.PLAIN_DICTIONARY, first.GetMetadata(jurisdiction)!.MetaData!.Encodings);
        }

        var fromLines = Population.Create(situations);
        var fromParquet = ParquetPopulation.ReadPopulation(parquet, null, parallelism: 1, out var refused);

        Assert.Empty(refused);
        Assert.Equal(fromLines.Count, fromParquet.Count);
        var month = new YearMonth(2026, 7);
        for (int i = 0; i < fromLines.Count; i++)
        {
            Assert.Equal(SituationLines.Json(fromLines.SituationAt(i, month)), SituationLines.Json(fromParquet.SituationAt(i, month)));
        }
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void ReadLines_VariedPersonsInSmallRowGroups_EvaluateAsTheirJsonLines(int parallelism, bool hanoiOnly)
    {
        // Row groups of 700 read ahead on one core or two, persons of several jurisdictions (each then from its
        // situation) or of one (each keyed from the columns), merit records, children, refused rows: the lines, their
        // order and the errors of the same rows' JSON Lines.
        var situations = VariedPopulation.Create(5_000, 13).Where(s => s.Jurisdiction.Code != "VN-ZZ" && (!hanoiOnly || s.Jurisdiction == Jurisdiction.Hanoi)).ToList();
        string parquet = Path.Combine(folder, "lines.parquet");
        ParquetPopulation.Write(situations, parquet, rowGroupSize: 700);
        var month = new YearMonth(2027, 2);
        var options = new JsonLinesOptions { Source = parquet, Month = month, Evaluation = new WelfareRules.Evaluation.EvaluationOptions { Explain = false } };

        var (expected, expectedErrors) = Run(o => JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, new StringReader(string.Join("\n", situations.Select(SituationLines.Json))), o.Output, o.Errors, options));
        var (actual, actualErrors) = Run(o => JsonLinesEvaluator.EvaluateRead(RuleSet.BuiltIn, ParquetPopulation.ReadLines(parquet, month, parallelism), o.Output, o.Errors, options));

        Assert.Contains("\"error\"", expected, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"$.person.merit", expected, StringComparison.Ordinal);
        Assert.Equal(expected.Split('\n').Length, actual.Split('\n').Length);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedErrors, actualErrors);

        static (string Output, string Errors) Run(Action<(MemoryStream Output, StringWriter Errors)> run)
        {
            var streams = (new MemoryStream(), new StringWriter());
            run(streams);
            return (System.Text.Encoding.UTF8.GetString(streams.Item1.ToArray()), streams.Item2.ToString());
        }
    }

    [Fact]
    public void ReadPopulation_RowsOutOfTheContract_AreLeftOutByLineAndTheRestRead()
    {
        // Written by DuckDB: an unknown poverty class on row 2, a count beyond the compact form on row 4 (the only row
        // of its jurisdiction, which the population then does not hold), a month that is not one on row 5 (refused
        // though a month is given, as JSON Lines refuses it).
        string parquet = Path.Combine(folder, "duck.parquet");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES
                ('P1', 'VN', '2024-07', DATE '1940-01-01', 'poor', 0),
                ('P2', 'VN', '2024-07', DATE '1940-01-01', 'veryPoor', 0),
                ('P3', 'VN-HN', '2024-07', DATE '2020-01-10', NULL, 2),
                ('P4', 'VN-ZZ', '2024-07', DATE '1990-01-10', NULL, 300),
                ('P5', 'VN', '2024-13', DATE '1990-01-10', NULL, 0))
              AS t(id, jurisdiction, month, birthDate, household_poverty, childrenUnder36Months))
            TO '{parquet}' (FORMAT PARQUET)
            """);

        var population = ParquetPopulation.ReadPopulation(parquet, new YearMonth(2027, 3), 2, out var refused);

        Assert.Equal([2L, 4L, 5L], refused.Select(r => r.Line));
        Assert.Contains("$.month", refused[2].Message, StringComparison.Ordinal);
        Assert.Equal(["VN", "VN-HN"], population.Jurisdictions.Select(j => j.Code).Order(StringComparer.Ordinal));
        Assert.Contains("$.person.household.poverty", refused[0].Message, StringComparison.Ordinal);
        Assert.Contains("ChildrenUnder36Months", refused[1].Message, StringComparison.Ordinal);
        Assert.Equal(2, population.Count);
        Assert.Equal(Jurisdiction.Hanoi, population.JurisdictionAt(1));
        Assert.Equal(2, population.PersonAt(1).ChildrenUnder36Months);
    }

    [Fact]
    public void ReadPopulation_RowsAtTheContractsEdges_PackedAsTheirSituationsOrRefusedByLine()
    {
        // Written by DuckDB (another writer: plain text, its own statistics), a month given: rows packed with their
        // group's plain rows (a certificate, a death before birth, a month left empty, a left-poverty month, a weight
        // and a commune) beside rows that go one at a time and are refused there (dates before 1900, a month that is
        // not one, a negative or not-a-number weight, an empty id or commune).
        string parquet = Path.Combine(folder, "edges.parquet");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES
                ('A1', 'VN-HN', '2027-03', DATE '1950-01-01', NULL, DATE '2020-05-05', NULL, NULL, NULL),
                ('A2', 'VN-HN', NULL, DATE '1950-01-01', DATE '1949-12-01', NULL, NULL, NULL, NULL),
                ('A3', 'VN', '2027-03', DATE '1899-12-31', NULL, NULL, NULL, NULL, NULL),
                ('A4', 'VN', '2027-03', DATE '1950-01-01', DATE '1899-01-01', NULL, NULL, NULL, NULL),
                ('A5', 'VN', '2027-03', DATE '1950-01-01', NULL, NULL, 'bad', NULL, NULL),
                ('A6', 'VN', '2027-03', DATE '1950-01-01', NULL, NULL, '2020-05', NULL, NULL),
                ('A7', 'VN', '2027-03', DATE '1950-01-01', NULL, NULL, NULL, -1::DOUBLE, NULL),
                ('A8', 'VN', '2027-03', DATE '1950-01-01', NULL, NULL, NULL, 'NaN'::DOUBLE, NULL),
                ('', 'VN', '2027-03', DATE '1950-01-01', NULL, NULL, NULL, NULL, NULL),
                ('A10', 'VN', '2027-03', DATE '1950-01-01', NULL, NULL, NULL, NULL, ''),
                ('A11', 'VN', '2027-03', DATE '1950-01-01', NULL, NULL, NULL, 2.5::DOUBLE, 'HN-001'))
              AS t(id, jurisdiction, month, birthDate, deathDate, disabilityCertifiedOn, household_escapedPovertyMonth, weight, commune))
            TO '{parquet}' (FORMAT PARQUET)
            """);

        var population = ParquetPopulation.ReadPopulation(parquet, new YearMonth(2027, 3), 1, out var refused);

        Assert.Equal([3L, 4L, 5L, 7L, 8L, 9L, 10L], refused.Select(r => r.Line));
        Assert.Equal(
            ["$.person.birthDate", "$.person.deathDate", "$.person.household.escapedPovertyMonth", "$.weight", "$.weight", "$.id", "$.commune"],
            refused.Select(r => r.Path));
        var born = new LocalDate(1950, 1, 1);
        var expected = Population.Create(
        [
            new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 3), new Person(born) { DisabilityCertifiedOn = new LocalDate(2020, 5, 5) }),
            new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 3), new Person(born) { DeathDate = new LocalDate(1949, 12, 1) }),
            new Situation(Jurisdiction.Vietnam, new YearMonth(2027, 3), new Person(born) { Household = new Household { EscapedPovertyMonth = new YearMonth(2020, 5) } }),
            new Situation(Jurisdiction.Vietnam, new YearMonth(2027, 3), new Person(born)),
        ]);
        AssertSameWords(expected, population);
        Assert.NotEqual(0UL, population.Columns.Facts[0] & (1UL << FactBits.HasDisabilityCertificate.Shift));
        Assert.NotEqual(0UL, population.Columns.Facts[1] & (1UL << FactBits.DeathBeforeBirth.Shift));
    }

    /// <summary>The same persons in the engine's form: each one's word, jurisdiction, dates and number of children (a jurisdiction's number may differ; the jurisdiction may not).</summary>
    private static void AssertSameWords(Population expected, Population actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var (want, got) = (expected.Columns, actual.Columns);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(FactBits.WithJurisdiction(want.Facts[i], 0), FactBits.WithJurisdiction(got.Facts[i], 0));
            Assert.Equal(want.Jurisdictions[FactBits.Jurisdiction(want.Facts[i])], got.Jurisdictions[FactBits.Jurisdiction(got.Facts[i])]);
            Assert.Equal(
                (want.Birth[i], want.Death[i], want.Decision[i], want.Certified[i], want.Escaped[i], want.ChildStart[i + 1] - want.ChildStart[i]),
                (got.Birth[i], got.Death[i], got.Decision[i], got.Certified[i], got.Escaped[i], got.ChildStart[i + 1] - got.ChildStart[i]));
        }
    }

    [Theory]
    [InlineData(333)]
    [InlineData(700)]
    public void ReadBatches_ComparedInSlicesOverMonths_GiveTheSituationsComparison(int slice)
    {
        // Varied persons (merit records go one by one, rows out of the contract are refused) in row groups of 700,
        // compared over three months in slices of the group: the differences, errors and totals of the streaming
        // comparison over the same persons, each in each month, in the same order and with the same indices.
        var situations = VariedPopulation.Create(3_000, 11).Where(s => s.Jurisdiction.Code != "VN-ZZ").ToList();
        string parquet = Path.Combine(folder, "sliced.parquet");
        ParquetPopulation.Write(situations, parquet, rowGroupSize: 700);
        YearMonth[] months = [new(2026, 6), new(2026, 7), new(2027, 1)];
        var draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RepositoryFiles.PolicyExample("hanoi-700k-2027.json")));
        var read = ParquetPopulation.ReadSituations(parquet, months[0]).Where(l => l.Situation is not null).Select(l => l.Situation!);

        var expected = new List<string>();
        var expectedSummary = PolicyComparison.Run(RuleSet.BuiltIn, draft, read.SelectMany(s => months.Select(m => s with { Month = m })),
            d => expected.Add(Line(d)), (i, e) => expected.Add($"{i} error {e.Message}"));
        var actual = new List<string>();
        var actualSummary = PolicyComparison.Run(RuleSet.BuiltIn, draft, ParquetPopulation.ReadBatches(parquet, months[0], slice).Select(b => b.Batch), months,
            d => actual.Add(Line(d)), (i, e) => actual.Add($"{i} error {e.Message}"));

        Assert.True(expected.Count > 100, expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, actual);
        Assert.Equal(Describe(expectedSummary), Describe(actualSummary));

        static string Line(PersonDifference d) =>
            $"{d.Index} {SituationLines.Json(d.Situation)} {string.Join(",", d.Changes)} {string.Join(",", d.Causes)}";
    }

    private static string Describe(ComparisonSummary s) =>
        $"{s.Persons} {s.Gainers} {s.Losers} {s.Errors} {s.BaselineTotal} {s.ChangedTotal} | {string.Join("; ", s.ByKind)} | {string.Join("; ", s.ByGroup)} | {string.Join("; ", s.ByPayee)}";
}
