using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using DuckDB.NET.Data;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary>Populations as Parquet: written by <c>population</c>, read by <c>evaluate</c> and <c>compare</c> as their JSON Lines, and by another reader (DuckDB).</summary>
public sealed class ParquetPopulationTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-parquet-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private (string Parquet, string Lines) Population(params string[] options)
    {
        string parquet = Path.Combine(folder, "people.parquet"), lines = Path.Combine(folder, "people.jsonl");
        Assert.Equal(0, CliRunner.Run(["population", .. options, "--output", parquet]).Exit);
        Assert.Equal(0, CliRunner.Run(["population", .. options, "--output", lines]).Exit);
        return (parquet, lines);
    }

    /// <summary>
    /// Rows of every kind, written by DuckDB and as JSON Lines: a weighted row, a refused one (an unknown poverty
    /// class), one the compact form cannot hold (300 children under 36 months), one that cannot be evaluated (born
    /// after the months) and one of another jurisdiction.
    /// </summary>
    private (string Parquet, string Lines) OddRows()
    {
        string odd = Path.Combine(folder, "odd.parquet"), oddLines = Path.Combine(folder, "odd.jsonl");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES
                ('O1', 'VN-HN', '2027-01', DATE '1940-01-01', 'poor', NULL, 2.5::DOUBLE),
                ('O2', 'VN-HN', '2027-01', DATE '1940-01-01', 'veryPoor', NULL, NULL),
                ('O3', 'VN-HN', '2027-01', DATE '1990-01-01', 'poor', 300, NULL),
                ('O4', 'VN-HN', '2027-01', DATE '2028-06-01', NULL, NULL, NULL),
                ('O5', 'VN', '2027-01', DATE '1930-01-01', 'nearPoor', NULL, NULL))
              AS t(id, jurisdiction, month, birthDate, household_poverty, childrenUnder36Months, weight))
            TO '{odd}' (FORMAT PARQUET)
            """);

        File.WriteAllLines(oddLines,
        [
            """{"id":"O1","jurisdiction":"VN-HN","month":"2027-01","weight":2.5,"person":{"birthDate":"1940-01-01","household":{"poverty":"poor"}}}""",
            """{"id":"O2","jurisdiction":"VN-HN","month":"2027-01","person":{"birthDate":"1940-01-01","household":{"poverty":"veryPoor"}}}""",
            """{"id":"O3","jurisdiction":"VN-HN","month":"2027-01","person":{"birthDate":"1990-01-01","household":{"poverty":"poor"},"childrenUnder36Months":300}}""",
            """{"id":"O4","jurisdiction":"VN-HN","month":"2027-01","person":{"birthDate":"2028-06-01"}}""",
            """{"id":"O5","jurisdiction":"VN","month":"2027-01","person":{"birthDate":"1930-01-01","household":{"poverty":"nearPoor"}}}""",
        ]);
        return (odd, oddLines);
    }

    [Fact]
    public void EvaluateAndCompare_ParquetPopulation_GiveWhatItsJsonLinesGive()
    {
        var (parquet, lines) = Population("--calibrated", "--size", "3000", "--seed", "8", "--month", "2026-03");

        Assert.Equal(CliRunner.Run("evaluate", "--input", lines, "--explain", "none").Stdout, CliRunner.Run("evaluate", "--input", parquet, "--explain", "none").Stdout);
        string[] compare = ["compare", "--rules", RepositoryFiles.PolicyExample("hanoi-700k-2027.json"), "--month", "2027-03", "--format", "json", "--input"];
        Assert.Equal(CliRunner.Run([.. compare, lines]).Stdout, CliRunner.Run([.. compare, parquet]).Stdout);
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("both", null)]
    [InlineData("none", "2027-02")]
    [InlineData("vi", "2026-07")]
    public void Evaluate_ParquetRowsOfEveryKind_GiveWhatTheirJsonLinesGive(string explain, string? month)
    {
        // Rows read from their typed columns, rows that go the JSON way (merit records, children), a refused row, a
        // row the compact form cannot hold and one that cannot be evaluated: stdout, stderr and exit as the JSON Lines'.
        var (parquet, lines) = Population("--merit", "--size", "400", "--seed", "9", "--month", "2027-01");
        var (odd, oddLines) = OddRows();

        foreach (var (p, l) in new[] { (parquet, lines), (odd, oddLines) })
        {
            string[] evaluate = month is null ? ["evaluate", "--explain", explain, "--input"] : ["evaluate", "--explain", explain, "--month", month, "--input"];
            var fromLines = CliRunner.Run([.. evaluate, l]);
            var fromParquet = CliRunner.Run([.. evaluate, p]);

            Assert.Equal(fromLines.Exit, fromParquet.Exit);
            Assert.Equal(fromLines.Stdout, fromParquet.Stdout.Replace(p, l, StringComparison.Ordinal));
            Assert.Equal(fromLines.Stderr, fromParquet.Stderr.Replace(p, l, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2027-02")]
    public void Evaluate_RefusedRowsAtTheEdgesOfRowGroups_InTheirPlacesAsInJsonLines(string? month)
    {
        // 6,000 rows written by DuckDB in row groups of 2,048: refused rows (an unknown poverty class) first and last in
        // a group, and a whole group of them, read a group at a time with the next ones read ahead.
        string parquet = Path.Combine(folder, "edges.parquet"), lines = Path.Combine(folder, "edges.jsonl");
        static bool Refused(int i) => i is 1 or 2048 or 2049 or 4096 or > 4096;
        DuckDb.Execute($"""
            COPY (SELECT 'R' || i AS id, 'VN-HN' AS jurisdiction, '2027-01' AS month, DATE '1930-01-01' + CAST(i * 7 % 30000 AS INTEGER) AS birthDate,
                    CASE WHEN i IN (1, 2048, 2049, 4096) OR i > 4096 THEN 'veryPoor' WHEN i % 3 = 0 THEN 'poor' ELSE NULL END AS household_poverty
                  FROM range(1, 6001) t(i) ORDER BY i)
            TO '{parquet}' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)
            """);
        File.WriteAllLines(lines, Enumerable.Range(1, 6000).Select(i =>
        {
            string birth = new NodaTime.LocalDate(1930, 1, 1).PlusDays(i * 7 % 30000).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            string household = Refused(i) ? ",\"household\":{\"poverty\":\"veryPoor\"}" : i % 3 == 0 ? ",\"household\":{\"poverty\":\"poor\"}" : "";
            return "{\"id\":\"R" + i + "\",\"jurisdiction\":\"VN-HN\",\"month\":\"2027-01\",\"person\":{\"birthDate\":\"" + birth + "\"" + household + "}}";
        }));
        Assert.True(DuckDb.Scalar($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{parquet}')") >= 3);

        string[] evaluate = month is null ? ["evaluate", "--explain", "none", "--input"] : ["evaluate", "--explain", "none", "--month", month, "--input"];
        var fromLines = CliRunner.Run([.. evaluate, lines]);
        var fromParquet = CliRunner.Run([.. evaluate, parquet]);

        Assert.Equal(WelfareRules.Cli.Program.BadInput, fromLines.Exit);
        Assert.Equal(fromLines.Exit, fromParquet.Exit);
        Assert.Equal(fromLines.Stdout, fromParquet.Stdout.Replace(parquet, lines, StringComparison.Ordinal));
        Assert.Equal(fromLines.Stderr, fromParquet.Stderr.Replace(parquet, lines, StringComparison.Ordinal));
        Assert.Equal(6000, fromParquet.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(Enumerable.Range(1, 6000).Count(Refused), fromParquet.Stdout.Split('\n').Count(l => l.Contains("$.person.household.poverty", StringComparison.Ordinal)));
    }

    [Fact]
    public void EvaluateAndCompare_ParquetRowWithAnIdOutOfTheContract_ErrorLineWithoutItAsInJsonLines()
    {
        // An empty id and one of 300 characters are refused at $.id; their error lines name no id, from either format.
        string parquet = Path.Combine(folder, "ids.parquet"), lines = Path.Combine(folder, "ids.jsonl");
        string longId = new('x', 300);
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES
                ('I1', 'VN', '2027-01', DATE '1940-01-01'),
                ('', 'VN', '2027-01', DATE '1940-01-01'),
                ('{longId}', 'VN', '2027-01', DATE '1940-01-01'))
              AS t(id, jurisdiction, month, birthDate))
            TO '{parquet}' (FORMAT PARQUET)
            """);
        File.WriteAllLines(lines,
        [
            """{"id":"I1","jurisdiction":"VN","month":"2027-01","person":{"birthDate":"1940-01-01"}}""",
            """{"id":"","jurisdiction":"VN","month":"2027-01","person":{"birthDate":"1940-01-01"}}""",
            "{\"id\":\"" + longId + "\",\"jurisdiction\":\"VN\",\"month\":\"2027-01\",\"person\":{\"birthDate\":\"1940-01-01\"}}",
        ]);

        foreach (string[] run in new[]
        {
            new[] { "evaluate", "--explain", "none", "--input" },
            ["compare", "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), "--month", "2027-03", "--format", "json", "--input"],
            ["compare", "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), "--format", "json", "--input"],
        })
        {
            var fromLines = CliRunner.Run([.. run, lines]);
            var fromParquet = CliRunner.Run([.. run, parquet]);

            Assert.Equal(fromLines.Exit, fromParquet.Exit);
            Assert.Equal(fromLines.Stdout, fromParquet.Stdout.Replace(parquet, lines, StringComparison.Ordinal));
            Assert.Equal(fromLines.Stderr, fromParquet.Stderr.Replace(parquet, lines, StringComparison.Ordinal));
            Assert.DoesNotContain(longId, fromParquet.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("\"id\":\"\"", fromParquet.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_ParquetWithoutRows_IsBadUsageAsAnEmptyInput()
    {
        string parquet = Path.Combine(folder, "empty.parquet");
        DuckDb.Execute($"COPY (SELECT 'E1' AS id, 'VN' AS jurisdiction, '2027-01' AS month, DATE '1940-01-01' AS birthDate WHERE false) TO '{parquet}' (FORMAT PARQUET)");

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", parquet);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("no situation (the input is empty)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Population_AsParquet_ReadsBackInDuckDbWithTheContractsColumns()
    {
        var (parquet, lines) = Population("--merit", "--size", "500", "--seed", "2", "--month", "2024-07");
        var situations = File.ReadAllLines(lines).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), min(birthDate), max(birthDate), count(merit), typeof(min(birthDate)) FROM read_parquet('{parquet.Replace("'", "''", StringComparison.Ordinal)}')";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        Assert.Equal(situations.Count, Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        var births = situations.Select(s => s.GetProperty("person").GetProperty("birthDate").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(births[0], DateOnly.FromDateTime(reader.GetDateTime(1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(births[^1], DateOnly.FromDateTime(reader.GetDateTime(2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(situations.Count, Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("DATE", reader.GetString(4));
    }

    [Fact]
    public void EvaluateAndCompare_ParquetFromAnotherWriterWithABadValue_ReportTheRowAndItsPathAndComputeTheRest()
    {
        // Written by DuckDB, with only some of the columns: an unknown poverty class on row 2.
        string parquet = Path.Combine(folder, "duck.parquet");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES
                ('P1', 'VN', '2024-07', DATE '1940-01-01', 'poor', true),
                ('P2', 'VN', '2024-07', DATE '1940-01-01', 'veryPoor', true),
                ('P3', 'VN', '2024-07', DATE '2020-01-10', NULL, NULL))
              AS t(id, jurisdiction, month, birthDate, household_poverty, withoutSupporter))
            TO '{parquet}' (FORMAT PARQUET)
            """);

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", parquet, "--explain", "none");
        var (compareExit, compareOut, _) = CliRunner.Run("compare", "--input", parquet, "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), "--month", "2027-03", "--format", "json");

        Assert.Equal(2, exit);
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("$.person.household.poverty", lines[1].GetProperty("path").GetString());
        Assert.Equal("P3", lines[2].GetProperty("id").GetString());
        Assert.Equal(2, compareExit);
        var error = compareOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).Single(l => l.TryGetProperty("error", out _));
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("$.person.household.poverty", error.GetProperty("path").GetString());
    }

    [Fact]
    public void Compare_ParquetOverMonthsReadIntoColumns_GivesWhatItsJsonLinesGive()
    {
        // Weighted persons with ids over three months, and rows of every kind among them: refused (an unknown
        // poverty class), one the compact form cannot hold (300 children under 36 months: compared one by one),
        // one that cannot be evaluated (born after the months), merit records.
        var (parquet, lines) = Population("--calibrated", "--size", "2500", "--seed", "4", "--month", "2027-01");
        var (odd, oddLines) = OddRows();
        foreach (var (p, l) in new[] { (parquet, lines), (odd, oddLines) })
        {
            string[] compare = ["compare", "--rules", RepositoryFiles.PolicyExample("hanoi-700k-2027.json"), "--from", "2027-01", "--to", "2027-03", "--format", "json", "--input"];

            var fromLines = CliRunner.Run([.. compare, l]);
            var fromParquet = CliRunner.Run([.. compare, p]);

            Assert.Equal(fromLines.Exit, fromParquet.Exit);
            Assert.Equal(fromLines.Stdout, fromParquet.Stdout.Replace(p, l, StringComparison.Ordinal));
            Assert.Equal(fromLines.Stderr, fromParquet.Stderr.Replace(p, l, StringComparison.Ordinal));
        }

        // Over 36 months a row group is compared 1,820 persons at a time (a streaming batch's person-months): the same.
        string[] years = ["compare", "--rules", RepositoryFiles.PolicyExample("hanoi-700k-2027.json"), "--from", "2025-01", "--to", "2027-12", "--format", "json", "--input"];
        Assert.Equal(CliRunner.Run([.. years, lines]).Stdout, CliRunner.Run([.. years, parquet]).Stdout.Replace(parquet, lines, StringComparison.Ordinal));

        var odds = CliRunner.Run("compare", "--rules", RepositoryFiles.PolicyExample("hanoi-700k-2027.json"), "--from", "2027-01", "--to", "2027-03", "--format", "json", "--input", odd).Stdout;
        Assert.Contains("\"path\":\"$.person.household.poverty\"", odds, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"O4\"", odds, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareAndEvaluate_ParquetColumnOfAnotherType_IsBadInputNamingTheColumn()
    {
        // DuckDB writes 2.5 as a DECIMAL: the contract's weight is a double.
        string parquet = Path.Combine(folder, "decimal.parquet");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES ('D1', 'VN', '2027-01', DATE '1940-01-01', 2.5)) AS t(id, jurisdiction, month, birthDate, weight))
            TO '{parquet}' (FORMAT PARQUET)
            """);

        foreach (string[] run in new[]
        {
            new[] { "compare", "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), "--month", "2027-03", "--input", parquet },
            ["compare", "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), "--input", parquet],
            ["evaluate", "--input", parquet],
        })
        {
            var (exit, _, stderr) = CliRunner.Run(run);

            Assert.Equal(2, exit);
            Assert.Contains("column weight", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("'2027-01'", "'2027-01'")]
    [InlineData("'2027-01'", "'2027-02'")]
    [InlineData("'2027-01'", "NULL")]
    public void Compare_ParquetRowsOwnMonths_GiveWhatTheirJsonLinesGive(string first, string second)
    {
        // One month for every row (read into the engine's columns in it), two months, or a row without one (refused):
        // each as its JSON lines.
        string parquet = Path.Combine(folder, "own.parquet"), lines = Path.Combine(folder, "own.jsonl");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES ('A1', 'VN', {first}, DATE '1950-01-01', true), ('A2', 'VN', {second}, DATE '1952-06-01', true))
              AS t(id, jurisdiction, month, birthDate, withoutSupporter))
            TO '{parquet}' (FORMAT PARQUET)
            """);

        string Month(string sql) => sql == "NULL" ? "" : $"\"month\":\"{sql.Trim('\'')}\",";
        File.WriteAllLines(lines,
        [
            $$$"""{"id":"A1","jurisdiction":"VN",{{{Month(first)}}}"person":{"birthDate":"1950-01-01","withoutSupporter":true}}""",
            $$$"""{"id":"A2","jurisdiction":"VN",{{{Month(second)}}}"person":{"birthDate":"1952-06-01","withoutSupporter":true}}""",
        ]);
        string[] compare = ["compare", "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), "--format", "json", "--input"];

        var fromLines = CliRunner.Run([.. compare, lines]);
        var fromParquet = CliRunner.Run([.. compare, parquet]);

        Assert.Equal(fromLines.Exit, fromParquet.Exit);
        Assert.Equal(fromLines.Stdout, fromParquet.Stdout.Replace(parquet, lines, StringComparison.Ordinal));
        Assert.Contains("\"id\":\"A2\"", fromParquet.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'NaN'::DOUBLE")]
    [InlineData("1e30::DOUBLE")]
    [InlineData("-1::DOUBLE")]
    public void Compare_ParquetWeightOutOfTheContract_IsRefusedByLineAndPath(string weight)
    {
        string parquet = Path.Combine(folder, "weights.parquet");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES ('W1', 'VN', '2027-01', DATE '1940-01-01', 1::DOUBLE), ('W2', 'VN', '2027-01', DATE '1940-01-01', {weight}))
              AS t(id, jurisdiction, month, birthDate, weight))
            TO '{parquet}' (FORMAT PARQUET)
            """);

        foreach (string[] extra in new[] { new[] { "--month", "2027-03" }, [] })
        {
            var (exit, stdout, stderr) = CliRunner.Run(["compare", "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), .. extra, "--format", "json", "--input", parquet]);

            Assert.Equal(2, exit);
            Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
            var error = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).Single(l => l.TryGetProperty("error", out _));
            Assert.Equal(2, error.GetProperty("line").GetInt32());
            Assert.Equal("$.weight", error.GetProperty("path").GetString());
        }
    }

    [Fact]
    public void Compare_ParquetMonthCellThatIsNotAMonthUnderMonthGiven_IsRefusedAsItsJsonLineIs()
    {
        // The month given overrides the row's, which must still be a month (the typed reader once took any text).
        string parquet = Path.Combine(folder, "months.parquet"), lines = Path.Combine(folder, "months.jsonl");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES
                ('M1', 'VN', '2024-07', DATE '1940-01-01', true),
                ('M2', 'VN', '2024-13', DATE '1940-01-01', true))
              AS t(id, jurisdiction, month, birthDate, withoutSupporter))
            TO '{parquet}' (FORMAT PARQUET)
            """);

        File.WriteAllLines(lines,
        [
            """{"id":"M1","jurisdiction":"VN","month":"2024-07","person":{"birthDate":"1940-01-01","withoutSupporter":true}}""",
            """{"id":"M2","jurisdiction":"VN","month":"2024-13","person":{"birthDate":"1940-01-01","withoutSupporter":true}}""",
        ]);
        string[] compare = ["compare", "--rules", RepositoryFiles.PolicyExample("social-pension-age-70.json"), "--month", "2027-03", "--format", "json", "--input"];

        var fromLines = CliRunner.Run([.. compare, lines]);
        var fromParquet = CliRunner.Run([.. compare, parquet]);

        Assert.Equal(2, fromParquet.Exit);
        Assert.Equal(fromLines.Exit, fromParquet.Exit);
        Assert.Equal(fromLines.Stdout, fromParquet.Stdout.Replace(parquet, lines, StringComparison.Ordinal));
        Assert.Contains("\"path\":\"$.month\"", fromParquet.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"birthDate":"2015-03-01","inEducation":true},{"birthDate":"2019-06-01"}]""")]
    [InlineData("""[{"inEducation":false,"birthDate":"2010-01-01"}]""")]
    [InlineData("""[]""")]
    [InlineData("""[{"birthDate":"2015-03-01","nickname":"x"}]""")]
    [InlineData("""[null]""")]
    [InlineData("""[{"birthDate":"2015-02-30"}]""")]
    [InlineData("""[{"birthDate":"1899-12-31"}]""")]
    [InlineData("""[{"birthDate":"2015-03-01","birthDate":"2016-03-01"}]""")]
    [InlineData("""[{"inEducation":true}]""")]
    [InlineData("""[{"birthDate":null}]""")]
    [InlineData("""[{"birthDate":5}]""")]
    [InlineData("""[{"birthDate":{}}]""")]
    [InlineData("""[{"inEducation":"yes","birthDate":"2015-03-01"}]""")]
    [InlineData("""[{"birthDate":"2015-03-01","inEducation":null}]""")]
    [InlineData("""{"birthDate":"2015-03-01"}""")]
    public void Compare_ParquetChildrenCell_GivesWhatItsJsonLineGives(string children)
    {
        // Children are read from the cell without the JSON way when it has the writer's shape; any other
        // shape goes the JSON way, so the comparison (or its error and path) is the JSON line's.
        string parquet = Path.Combine(folder, "children.parquet"), lines = Path.Combine(folder, "children.jsonl");
        DuckDb.Execute($"""
            COPY (SELECT * FROM (VALUES
                ('C1', 'VN-HN', '2027-03', DATE '1985-05-01', 'poor', '{children.Replace("'", "''", StringComparison.Ordinal)}'),
                ('C2', 'VN-HN', '2027-03', DATE '1940-01-01', 'poor', NULL))
              AS t(id, jurisdiction, month, birthDate, household_poverty, childrenRaisedAlone))
            TO '{parquet}' (FORMAT PARQUET)
            """);

        File.WriteAllLines(lines,
        [
            $$$"""{"id":"C1","jurisdiction":"VN-HN","month":"2027-03","person":{"birthDate":"1985-05-01","household":{"poverty":"poor"},"childrenRaisedAlone":{{{children}}}}}""",
            """{"id":"C2","jurisdiction":"VN-HN","month":"2027-03","person":{"birthDate":"1940-01-01","household":{"poverty":"poor"}}}""",
        ]);
        string[] compare = ["compare", "--rules", RepositoryFiles.PolicyExample("hanoi-700k-2027.json"), "--format", "json", "--input"];

        var fromLines = CliRunner.Run([.. compare, lines]);
        var fromParquet = CliRunner.Run([.. compare, parquet]);

        Assert.Equal(fromLines.Exit, fromParquet.Exit);
        Assert.Equal(fromLines.Stdout, fromParquet.Stdout.Replace(parquet, lines, StringComparison.Ordinal));

        // With a month given, the rows are read straight into the engine's columns: the same lines.
        var inMonthFromLines = CliRunner.Run([.. compare[..^1], "--month", "2027-03", "--input", lines]);
        var inMonthFromParquet = CliRunner.Run([.. compare[..^1], "--month", "2027-03", "--input", parquet]);
        Assert.Equal(inMonthFromLines.Exit, inMonthFromParquet.Exit);
        Assert.Equal(inMonthFromLines.Stdout, inMonthFromParquet.Stdout.Replace(parquet, lines, StringComparison.Ordinal));
        if (children.Contains("2019", StringComparison.Ordinal))
        {
            Assert.Contains("\"C1\"", fromParquet.Stdout, StringComparison.Ordinal); // a single parent raising two children, paid more under the draft
        }
    }

    [Fact]
    public void CompareAndEvaluate_ParquetOutputs_HoldEveryDifferenceLineAndEveryResult()
    {
        var (parquet, lines) = Population("--calibrated", "--size", "2000", "--seed", "5", "--month", "2027-03");
        string differences = Path.Combine(folder, "differences.parquet"), results = Path.Combine(folder, "results.parquet");

        var (exit, stdout, stderr) = CliRunner.Run("compare", "--input", parquet, "--rules", RepositoryFiles.PolicyExample("hanoi-700k-2027.json"), "--format", "json", "--parquet", differences);
        var (evaluateExit, evaluated, _) = CliRunner.Run("evaluate", "--input", lines, "--explain", "none", "--parquet", results);

        Assert.True(exit == 0, stderr);
        Assert.Equal(0, evaluateExit);
        var differenceLines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var reports = evaluated.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), CAST(sum(difference) AS BIGINT), (SELECT count(*) FROM read_parquet('{results}')), (SELECT CAST(sum(total) AS BIGINT) FROM read_parquet('{results}')) FROM read_parquet('{differences}')";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());

        Assert.Equal(differenceLines.Count, Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(differenceLines.Sum(d => d.GetProperty("difference").GetInt64()), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(reports.Count, Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(reports.Sum(r => r.GetProperty("total").GetInt64()), Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Evaluate_FileThatIsNotParquet_IsBadInputNamingIt()
    {
        string bad = Path.Combine(folder, "bad.parquet");
        File.WriteAllText(bad, "not parquet");

        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", bad);

        Assert.Equal(2, exit);
        Assert.Contains("Parquet", stderr, StringComparison.Ordinal);
    }
}
