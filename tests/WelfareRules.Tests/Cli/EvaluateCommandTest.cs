using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>welfare-rules evaluate</c> against the command-line contract.</summary>
public sealed class EvaluateCommandTest : IDisposable
{
    private const string Orphan = """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","orphanhood":"abandoned"}}""";
    private const string Provisional = """{"jurisdiction":"VN","month":"2026-08","person":{"birthDate":"1986-01-01","disability":"severe"}}""";
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Evaluate_OneSituation_WritesTheContractReport()
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", WriteFile("one.json", Orphan));
        Assert.True(exit == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("VN", root.GetProperty("jurisdiction").GetString());
        Assert.Equal("2024-08", root.GetProperty("month").GetString());
        Assert.Equal(500000, root.GetProperty("standard").GetProperty("amount").GetInt64());
        var entitlement = Assert.Single(root.GetProperty("entitlements").EnumerateArray());
        Assert.Equal("social-allowance", entitlement.GetProperty("kind").GetString());
        Assert.Equal("beneficiary", entitlement.GetProperty("payee").GetString());
        Assert.Equal(750000, entitlement.GetProperty("amount").GetInt64());
        Assert.Equal(1.5m, entitlement.GetProperty("coefficient").GetDecimal());
        Assert.Equal("ND20-5-1", entitlement.GetProperty("group").GetString());
        Assert.False(entitlement.GetProperty("provisional").GetBoolean());
        var basis = entitlement.GetProperty("basis").EnumerateArray().ToList();
        Assert.Contains(basis, b => b.GetProperty("instrument").GetString() == "20/2021/NĐ-CP" && b.GetProperty("article").GetString() == "6"
            && b.GetProperty("clause").GetString() == "1" && b.GetProperty("point").GetString() == "a" && b.GetProperty("status").GetString() == "verified");
        Assert.Equal(750000, root.GetProperty("total").GetInt64());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        Assert.True(root.GetProperty("explanation").GetArrayLength() > 0);
        Assert.True(root.TryGetProperty("healthInsurance", out _));
    }

    [Fact]
    public void Evaluate_JsonLinesWithBadLines_ReportsEachInPlaceAndExitsTwo()
    {
        string input = WriteFile("cases.jsonl", string.Join("\n",
            Orphan,
            """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2024-13-01"}}""",
            "",
            """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","orphanhod":"abandoned"}}""",
            Orphan));
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input);

        Assert.Equal(2, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal(750000, JsonDocument.Parse(lines[0]).RootElement.GetProperty("total").GetInt64());
        var bad = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal(2, bad.GetProperty("line").GetInt32());
        Assert.EndsWith("cases.jsonl line 2: $.person.birthDate: \"2024-13-01\" is not a date (yyyy-MM-dd)", bad.GetProperty("error").GetString(), StringComparison.Ordinal);
        var unknown = JsonDocument.Parse(lines[2]).RootElement;
        Assert.Equal(4, unknown.GetProperty("line").GetInt32());
        Assert.Contains("$.person.orphanhod: unknown field", unknown.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(750000, JsonDocument.Parse(lines[3]).RootElement.GetProperty("total").GetInt64());
        Assert.Contains("cases.jsonl line 2: $.person.birthDate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BadSingleFile_ExitsTwoNamingFileLineAndPath()
    {
        string input = WriteFile("bad.json", "{\n  \"jurisdiction\": \"VN\",\n  \"month\": \"2024-08\",\n  \"person\": {\n    \"birthDate\": \"2015-01-01\",\n    \"disability\": \"blind\"\n  }\n}");
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("bad.json line 6: $.person.disability: \"blind\" is not one of none, mild, severe, especiallySevere", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingBirthDate_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", WriteFile("nobirth.json", """{"jurisdiction":"VN","month":"2024-08","person":{}}"""));
        Assert.Equal(2, exit);
        Assert.Contains("$.person.birthDate: missing", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MonthOverride_AppliesToEverySituation()
    {
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", WriteFile("one.json", Orphan), "--month", "2023-08");
        Assert.Equal(0, exit);
        Assert.Equal(540000, JsonDocument.Parse(stdout).RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public void Evaluate_TextFormat_ShowsTableAndBilingualExplanation()
    {
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", WriteFile("one.json", Orphan), "--format", "text");
        Assert.Equal(0, exit);
        Assert.Contains("social-allowance", stdout, StringComparison.Ordinal);
        Assert.Contains("750,000", stdout, StringComparison.Ordinal);
        Assert.Contains("Giải thích", stdout, StringComparison.Ordinal);
        Assert.Contains("mức chuẩn", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Provisional_WarnsAndFlags()
    {
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", WriteFile("p.json", Provisional));
        Assert.Equal(0, exit);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.True(root.GetProperty("entitlements")[0].GetProperty("provisional").GetBoolean());
        Assert.Contains("335/2026/NĐ-CP", root.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StrictWithProvisional_ErrorInsteadOfReport()
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", WriteFile("p.json", Provisional), "--strict");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("provisional", stderr, StringComparison.Ordinal);

        // --admit reported admits the reported standard of 2024 and still refuses the provisional line.
        var (linesExit, linesOut, _) = CliRunner.Run("evaluate", "--input", WriteFile("p.jsonl", Orphan + "\n" + Provisional), "--admit", "reported");
        Assert.Equal(1, linesExit);
        var lines = linesOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(750000, JsonDocument.Parse(lines[0]).RootElement.GetProperty("total").GetInt64());
        Assert.Equal(2, JsonDocument.Parse(lines[1]).RootElement.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Evaluate_StrictWithReportedLaw_RefusedNamingTheGrade()
    {
        // 2024-08 rests on the reported standard of 76/2024/NĐ-CP: --strict admits only verified law.
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", WriteFile("r.json", Orphan), "--strict");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains("[reported]", stderr, StringComparison.Ordinal);

        var (admitted, json, _) = CliRunner.Run("evaluate", "--input", WriteFile("r2.json", Orphan), "--admit", "reported");
        Assert.Equal(0, admitted);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal("reported", report.GetProperty("status").GetString());
        Assert.Equal("reported", report.GetProperty("entitlements")[0].GetProperty("status").GetString());

        var (bad, _, badErr) = CliRunner.Run("evaluate", "--input", WriteFile("r3.json", Orphan), "--admit", "sure");
        Assert.Equal(2, bad);
        Assert.Contains("--admit", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RulesFile_AppliesOnTopOfTheBuiltInLaw()
    {
        string situation = WriteFile("d.json", """{"jurisdiction":"VN","month":"2027-02","person":{"birthDate":"2015-01-01","orphanhood":"abandoned"}}""");
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", situation, "--rules", Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json"));
        Assert.True(exit == 0, stderr);
        Assert.Equal(900000, JsonDocument.Parse(stdout).RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public void Evaluate_BadRulesFile_ExitsTwoNamingTheFile()
    {
        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", WriteFile("one.json", Orphan), "--rules", Law.RuleFileValidationTest.RuleFile("duplicate-date.json"));
        Assert.Equal(2, exit);
        Assert.Contains("duplicate-date.json line 11: $.provisions[0]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StandardInputJsonLines_Streamed()
    {
        var (exit, stdout, _) = CliRunner.RunWithInput(Orphan + "\n" + Orphan + "\n", "evaluate", "--input", "-");
        Assert.Equal(0, exit);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Evaluate_StandardInputIndentedObject_OneReport()
    {
        string indented = JsonSerializer.Serialize(JsonDocument.Parse(Orphan).RootElement, new JsonSerializerOptions { WriteIndented = true });
        var (exit, stdout, _) = CliRunner.RunWithInput(indented, "evaluate", "--input", "-");
        Assert.Equal(0, exit);
        Assert.Equal(750000, JsonDocument.Parse(stdout).RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public void Evaluate_MonthBeforeEncodedLaw_ExitsOne()
    {
        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", WriteFile("old.json", Orphan.Replace("2024-08", "2020-05", StringComparison.Ordinal)));
        Assert.Equal(1, exit);
        Assert.Contains("not encoded", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("evaluate", "--input")]
    [InlineData("evaluate", "--input", "x.json", "--format", "xml")]
    [InlineData("evaluate", "--input", "x.json", "--month", "2024-13")]
    [InlineData("evaluate", "--bogus")]
    [InlineData("frobnicate")]
    public void Run_BadCommandLine_ExitsTwo(params string[] args)
    {
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("welfare-rules: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingFile_ExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", Path.Combine(folder, "absent.json"));
        Assert.Equal(2, exit);
        Assert.Contains("absent.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsToolAndLawVersions()
    {
        var (exit, stdout, _) = CliRunner.Run("--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^welfare-rules \S+ \(law \d{4}-\d{2}-\d{2}\)", stdout);
    }

    [Fact]
    public void Rules_NationalOnDate_ListsStandardWithCitation()
    {
        var (exit, stdout, _) = CliRunner.Run("rules", "--jurisdiction", "VN", "--on", "2024-08-01", "--format", "json");
        Assert.Equal(0, exit);
        var parameters = JsonDocument.Parse(stdout).RootElement.GetProperty("parameters").EnumerateArray().ToList();
        var standard = Assert.Single(parameters, p => p.GetProperty("parameter").GetString() == "standard");
        Assert.Equal(500000m, standard.GetProperty("value").GetDecimal());
        Assert.Equal("76/2024/NĐ-CP", standard.GetProperty("basis")[0].GetProperty("instrument").GetString());
    }
}
