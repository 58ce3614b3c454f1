using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Xunit;

namespace WelfareRules.Tests.Contract;

/// <summary>
/// docs/contract.md and the schemas of docs/schema/: every example of the page validates against its schema,
/// and so does the tool's real output for each command; a report that breaks the contract does not.
/// </summary>
public sealed partial class ContractSchemaTest : IDisposable
{
    private readonly List<string> _tempFiles = [];
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    private static readonly string[] SchemaNames =
        ["situation", "report", "error-line", "schedule", "paid", "compare-difference", "compare-summary", "rules", "classify"];

    internal static string Root { get; } = FindRoot();

    public static TheoryData<int, string, string> DocExamples()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var (index, schema, json) in Examples())
        {
            data.Add(index, schema, json);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocExamples))]
    public void Example_InContractPage_ValidatesAgainstItsSchema(int index, string schema, string json)
    {
        AssertValid(schema, json, $"docs/contract.md example {index}");
    }

    [Fact]
    public void Examples_InContractPage_CoverEverySchema()
    {
        var covered = Examples().Select(e => e.Schema).ToHashSet(StringComparer.Ordinal);

        Assert.All(SchemaNames, name => Assert.Contains(name, covered));
        Assert.All(SchemaNames, name => Assert.True(File.Exists(SchemaPath(name)), name));
    }

    [Fact]
    public void Examples_InContractPage_EachJsonBlockIsMarked()
    {
        string page = File.ReadAllText(Path.Combine(Root, "docs", "contract.md"));

        // Every ```json block is checked: none may escape the marker that names its schema.
        Assert.Equal(Regex.Matches(page, "^```json$", RegexOptions.Multiline).Count, Examples().Count());
    }

    [Fact]
    public void Evaluate_WorkedCasesAsJsonLines_EveryReportValidates()
    {
        string[] situations = [.. WorkedCase.Load().Select(c => c.SituationJson)];
        string file = TempFile(".jsonl", string.Join("\n", situations) + "\n");

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", file);

        Assert.True(exit == 0, stderr);
        string[] lines = Lines(stdout);
        Assert.Equal(situations.Length, lines.Length);
        Assert.All(lines, line => AssertValid("report", line, line[..Math.Min(80, line.Length)]));
    }

    [Fact]
    public void Evaluate_OneSituation_IndentedReportValidates()
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", Path.Combine(Root, "docs", "examples", "orphan-2023-03.json"));

        Assert.True(exit == 0, stderr);
        AssertValid("report", stdout, "orphan-2023-03");
    }

    [Fact]
    public void Evaluate_DeathBeyondHorizonAndOtherCard_ReportsValidate()
    {
        // A death with cremation (one-off kinds), a month beyond the horizon (warnings), another card (null health insurance).
        string file = TempFile(".jsonl", string.Join("\n",
            """{"jurisdiction":"VN-HN","month":"2025-03","person":{"birthDate":"1944-05-02","deathDate":"2025-03-10","cremated":true,"permanentResident":true,"withoutSupporter":true,"household":{"poverty":"poor"}}}""",
            """{"jurisdiction":"VN","month":"2030-01","person":{"birthDate":"1990-01-01"}}""",
            """{"jurisdiction":"VN","month":"2024-01","person":{"birthDate":"1990-01-01","hasOtherHealthInsurance":true}}""",
            """{"jurisdiction":"VN-HN","month":"2026-02","person":{"birthDate":"1940-01-01","receivesPension":true,"pensionBelowSocialPension":true}}"""));

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", file);

        Assert.True(exit == 0, stderr);
        Assert.All(Lines(stdout), line => AssertValid("report", line, line[..80]));
        Assert.Contains("\"healthInsurance\":null", stdout, StringComparison.Ordinal);
        Assert.Contains("the law's horizon", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BadAndRefusedLines_ErrorLinesValidate()
    {
        string file = TempFile(".jsonl", string.Join("\n",
            """{"jurisdiction":"VN","month":"2023-03","person":{"birthDate":"2020-13-10"}}""",
            """{"jurisdiction":"VN","month":"2019-03","person":{"birthDate":"2000-01-10"}}""",
            """{"jurisdiction":"VN","month":"2023-03","person":{"birthDate":"2000-01-10","unknownFact":true}}""",
            "not json"));

        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", file);

        Assert.Equal(2, exit);
        string[] lines = Lines(stdout);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => AssertValid("error-line", line, line));
    }

    [Fact]
    public void Evaluate_SituationsWithIds_IdsEchoedFirstInReportsAndErrorLines()
    {
        string file = TempFile(".jsonl", string.Join("\n",
            """{"id":"case-1","jurisdiction":"VN","month":"2023-03","person":{"birthDate":"2020-01-10","orphanhood":"abandoned"}}""",
            """{"id":"case-2","jurisdiction":"VN","month":"2023-03","person":{"birthDate":"2020-13-10"}}""",
            """{"jurisdiction":"VN","month":"2023-03","person":{"birthDate":"2020-01-10"}}""",
            """{"id":"case-4","jurisdiction":"VN","month":"2019-03","person":{"birthDate":"2000-01-10"}}"""));

        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", file);

        Assert.Equal(2, exit);
        string[] lines = Lines(stdout);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("""{"id":"case-1","jurisdiction":"VN",""", lines[0], StringComparison.Ordinal);
        AssertValid("report", lines[0], "case-1");
        Assert.StartsWith("""{"id":"case-2","line":2,"error":""", lines[1], StringComparison.Ordinal);
        AssertValid("error-line", lines[1], "case-2");
        Assert.StartsWith("""{"jurisdiction":"VN",""", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("""{"id":"case-4","line":4,"error":""", lines[3], StringComparison.Ordinal);
        AssertValid("error-line", lines[3], "case-4");
    }

    [Fact]
    public void Compare_Json_EveryLineParsesAndValidatesWithLinesAndIds()
    {
        string rules = Path.Combine(Root, "docs", "policy-example", "hanoi-700k-2027.json");
        string input = TempFile(".jsonl", string.Join("\n",
            """{"id":"a","jurisdiction":"VN-HN","month":"2027-02","person":{"birthDate":"1940-01-01","withoutSupporter":true,"household":{"poverty":"poor"}}}""",
            """{"id":"b","jurisdiction":"VN","month":"2027-13","person":{}}""",
            "",
            """{"jurisdiction":"VN-HN","month":"2027-02","person":{"birthDate":"2015-01-01","orphanhood":"abandoned"}}""",
            """{"id":"d","jurisdiction":"VN","month":"2027-02","person":{"birthDate":"1990-01-01"}}""") + "\n");

        var (exit, stdout, stderr) = CliRunner.Run("compare", "-r", rules, "-i", input, "-f", "json", "--quiet");

        Assert.Equal(2, exit);
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
        var parsed = Lines(stdout).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        var error = Assert.Single(parsed, line => line.ContainsKey("error"));
        Assert.Equal("b", (string?)error["id"]);
        Assert.Equal(2, (int?)error["line"]);
        AssertValid("error-line", error.ToJsonString(), "error");
        var differences = parsed.Where(line => line.ContainsKey("difference") && !line.ContainsKey("summary")).ToList();
        Assert.Equal([1, 4], differences.Select(d => (int)d["line"]!));
        Assert.Equal(["a", null], differences.Select(d => (string?)d["id"]));
        Assert.All(differences, d => AssertValid("compare-difference", d.ToJsonString(), d.ToJsonString()));
        Assert.Equal([1, 2, 4], parsed[..^1].Select(line => (int)line["line"]!));
        Assert.True(parsed[^1].ContainsKey("summary"));
        AssertValid("compare-summary", parsed[^1].ToJsonString(), "summary");
    }

    [Fact]
    public void Compare_SummaryFile_TakesTheSummaryOutOfTheOutput()
    {
        string rules = Path.Combine(Root, "docs", "policy-example", "hanoi-700k-2027.json");
        string input = Path.Combine(Root, "docs", "policy-example", "people.jsonl");
        string summary = TempFile(".json", "");

        var (exit, stdout, stderr) = CliRunner.Run("compare", "-r", rules, "-i", input, "-f", "json", "--summary", summary);

        Assert.True(exit == 0, stderr);
        Assert.All(Lines(stdout), line => AssertValid("compare-difference", line, line));
        AssertValid("compare-summary", File.ReadAllText(summary), "summary file");
    }

    [Fact]
    public void Situations_WorkedCasesDocsExamplesAndPeople_Validate()
    {
        var situations = WorkedCase.Load().Select(c => (c.ToString(), c.SituationJson)).ToList();
        foreach (string file in Directory.GetFiles(Path.Combine(Root, "docs", "examples"), "*.json"))
        {
            situations.Add((file, File.ReadAllText(file)));
        }

        string people = Path.Combine(Root, "docs", "policy-example", "people.jsonl");
        situations.AddRange(Lines(File.ReadAllText(people)).Select(line => (people, line)));

        Assert.True(situations.Count > 50);
        Assert.All(situations, s => AssertValid("situation", s.Item2, s.Item1));
    }

    [Fact]
    public void Population_Output_EveryLineIsASituation()
    {
        var (exit, stdout, stderr) = CliRunner.Run("population", "--size", "300", "--seed", "7", "--jurisdiction", "VN-HN", "--month", "2026-02");

        Assert.True(exit == 0, stderr);
        string[] lines = Lines(stdout);
        Assert.Equal(300, lines.Length);
        Assert.All(lines, line => AssertValid("situation", line, line));
    }

    [Fact]
    public void Schedule_WithAndWithoutPaid_OutputValidates()
    {
        string situation = TempFile(".json", """{"jurisdiction":"VN","month":"2024-06","person":{"birthDate":"1940-01-01","decisionSignedOn":"2024-08-05"}}""");
        string paidJson = """{"2024-06": 0, "2024-07": 0, "2024-08": 300000, "2024-09": 900000}""";
        AssertValid("paid", paidJson, "paid file");
        string paid = TempFile(".json", paidJson);

        var withPaid = CliRunner.Run("schedule", "--input", situation, "--from", "2024-06", "--to", "2024-09", "--paid", paid);
        var withoutPaid = CliRunner.Run("schedule", "--input", situation, "--from", "2024-06", "--to", "2024-09");

        Assert.True(withPaid.Exit == 0, withPaid.Stderr);
        Assert.True(withoutPaid.Exit == 0, withoutPaid.Stderr);
        AssertValid("schedule", withPaid.Stdout, "schedule --paid");
        AssertValid("schedule", withoutPaid.Stdout, "schedule");
        Assert.Contains("\"overpaid\"", withPaid.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"decision-signed-late\"", withPaid.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hanoi-700k-2027.json", "people.jsonl")]
    [InlineData("near-poor-health-insurance-100.json", null)]
    public void Compare_Json_DifferenceLinesAndSummaryValidate(string rules, string? population)
    {
        // The second case changes only the state's share of a near-poor person's premium: a healthInsurance object.
        string input = population is null
            ? TempFile(".jsonl", """{"jurisdiction":"VN","month":"2027-01","person":{"birthDate":"1990-01-01","household":{"poverty":"nearPoor"}}}""" + "\n")
            : Path.Combine(Root, "docs", "policy-example", population);

        var (exit, stdout, stderr) = CliRunner.Run(
            "compare", "--rules", Path.Combine(Root, "docs", "policy-example", rules), "--input", input, "--format", "json", "--quiet");

        Assert.True(exit == 0, stderr);
        string[] lines = Lines(stdout);
        Assert.True(lines.Length >= 2, stdout);
        Assert.All(lines[..^1], line => AssertValid("compare-difference", line, line));
        AssertValid("compare-summary", lines[^1], "summary");
    }

    [Theory]
    [InlineData("VN", "2021-07-01")]
    [InlineData("VN-HN", "2025-03-01")]
    [InlineData("VN-HN", "2026-02-01")]
    [InlineData("VN-HN", "2027-06-01")]
    public void Rules_Json_OutputValidates(string jurisdiction, string on)
    {
        var (exit, stdout, stderr) = CliRunner.Run("rules", "--jurisdiction", jurisdiction, "--on", on, "--format", "json");

        Assert.True(exit == 0, stderr);
        AssertValid("rules", stdout, $"rules {jurisdiction} {on}");
    }

    [Theory]
    [InlineData("rural", "1400000", "3")]
    [InlineData("urban", "1400000", "0")]
    [InlineData("urban", "2500000", "0")]
    [InlineData("rural", "9000000", "6")]
    public void Classify_Json_OutputValidates(string area, string income, string deprivations)
    {
        var (exit, stdout, stderr) = CliRunner.Run("classify", "--area", area, "--income", income, "--deprivations", deprivations, "--on", "2024-01-01");

        Assert.True(exit == 0, stderr);
        AssertValid("classify", stdout, $"classify {area} {income} {deprivations}");
    }

    [Fact]
    public void Report_WithoutTotal_FailsValidation()
    {
        var report = RealReport();
        report.Remove("total");

        Assert.False(Evaluate("report", report.ToJsonString()).IsValid);
    }

    [Theory]
    [InlineData("unverified")]
    [InlineData("Verified")]
    [InlineData("")]
    public void Report_UnknownStatus_FailsValidation(string status)
    {
        var report = RealReport();
        report["status"] = status;

        Assert.False(Evaluate("report", report.ToJsonString()).IsValid);
    }

    [Fact]
    public void Report_ProvisionalTrueWithReportedStatus_FailsValidation()
    {
        // provisional is true only for the provisional grade.
        var report = RealReport();
        report["status"] = "reported";
        report["provisional"] = true;

        Assert.False(Evaluate("report", report.ToJsonString()).IsValid);
    }

    [Fact]
    public void Report_UnknownKindOrExtraField_FailsValidation()
    {
        var unknownKind = RealReport();
        unknownKind["entitlements"]![0]!["kind"] = "housing-support";
        var extraField = RealReport();
        extraField["undocumented"] = 1;

        Assert.False(Evaluate("report", unknownKind.ToJsonString()).IsValid);
        Assert.False(Evaluate("report", extraField.ToJsonString()).IsValid);
    }

    [Theory]
    [InlineData("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"1950-01-01","withoutSuporter":true}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"1950-01-01","disability":"total"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2024-08","person":{}}""")]
    [InlineData("""{"jurisdiction":"Hanoi","month":"2024-08","person":{"birthDate":"1950-01-01"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2024-8","person":{"birthDate":"1950-01-01"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"1850-01-01"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"1950-01-01","childrenUnder36Months":-1}}""")]
    public void Situation_RefusedByTheTool_FailsValidation(string json)
    {
        // Each is refused by the tool too (exit 2): the schema is as strict as the reader.
        string file = TempFile(".json", json);

        Assert.Equal(2, CliRunner.Run("evaluate", "--input", file).Exit);
        Assert.False(Evaluate("situation", json).IsValid);
    }

    [Fact]
    public void Situation_NullOptionalFields_ValidatesAndIsAccepted()
    {
        string json = """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"1950-01-01","cremated":null,"household":null,"disability":null}}""";

        Assert.Equal(0, CliRunner.Run("evaluate", "--input", TempFile(".json", json)).Exit);
        AssertValid("situation", json, "nulls");
    }

    [Fact]
    public void RuleFiles_BuiltInPolicyExamplesAndRuleFilesPage_Validate()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "src", "WelfareRules", "Law", "Data"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs", "policy-example"), "*.json"))
            .Select(f => (f, File.ReadAllText(f)))
            .ToList();
        string page = File.ReadAllText(Path.Combine(Root, "docs", "rule-files.md"));
        var block = Regex.Match(page, "^```json\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(block.Success);
        files.Add(("docs/rule-files.md", block.Groups[1].Value));

        Assert.True(files.Count > 10);
        Assert.All(files, f => AssertValid("rule-file", f.Item2, f.Item1));
    }

    [Theory]
    [InlineData("titel")]
    [InlineData("provisions")]
    public void RuleFile_UnknownFieldOrBadValue_FailsValidation(string change)
    {
        // An unknown field at the top, or a provision whose value is a string: both refused by the reader too.
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "docs", "policy-example", "hanoi-700k-2027.json")))!.AsObject();
        if (change == "titel")
        {
            file["titel"] = "x";
        }
        else
        {
            file["provisions"]![0]!["value"] = "700000";
        }

        Assert.False(Evaluate("rule-file", file.ToJsonString()).IsValid);
    }

    internal static IEnumerable<(int Index, string Schema, string Json)> Examples()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Root, "docs", "contract.md"));
        int index = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var marker = Marker().Match(lines[i]);
            if (!marker.Success)
            {
                continue;
            }

            Assert.True(i + 1 < lines.Length && lines[i + 1] == "```json", $"docs/contract.md line {i + 1}: a schema marker must be followed by a ```json block");
            int end = Array.IndexOf(lines, "```", i + 2);
            Assert.True(end > i, $"docs/contract.md line {i + 1}: unclosed block");
            yield return (index++, marker.Groups[1].Value, string.Join("\n", lines[(i + 2)..end]));
            i = end;
        }
    }

    private static JsonObject RealReport()
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", Path.Combine(Root, "docs", "examples", "orphan-2023-03.json"));
        Assert.True(exit == 0, stderr);
        var report = JsonNode.Parse(stdout)!.AsObject();
        Assert.True(Evaluate("report", report.ToJsonString()).IsValid, "the unaltered report is valid");
        return report;
    }

    private static void AssertValid(string schema, string json, string what)
    {
        var results = Evaluate(schema, json);
        if (!results.IsValid)
        {
            var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
            Assert.Fail($"{what} does not validate against {schema}.schema.json:\n{string.Join("\n", errors)}\n{json}");
        }
    }

    private static EvaluationResults Evaluate(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema(schema).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static JsonSchema Schema(string name) =>
        Schemas.GetOrAdd(name, static n => JsonSchema.FromText(
            File.ReadAllText(SchemaPath(n)),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://welfare-rules.invalid/schema/{n}.schema.json")));

    private static string SchemaPath(string name) => Path.Combine(Root, "docs", "schema", name + ".schema.json");

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Removes the files this test wrote (a run left thousands in the temporary folder).</summary>
    public void Dispose()
    {
        foreach (string path in _tempFiles)
        {
            File.Delete(path);
        }
    }

    private string TempFile(string extension, string content)
    {
        string path = Path.Combine(Path.GetTempPath(), "welfare-contract-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content);
        _tempFiles.Add(path);
        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WelfareRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("WelfareRules.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^<!-- schema: ([a-z-]+) -->$")]
    private static partial Regex Marker();
}
