using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary>Hostile input, faults and misuse of the tool: a clear message and an exit code, never an abort or a lost line.</summary>
public sealed class HostileInputTest : IDisposable
{
    private const string Orphan = """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","orphanhood":"abandoned"}}""";
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-hostile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Draft(string provision) => Law.RuleFileBoundsTest.Draft(provision);

    /// <summary>Runs the built tool as a process through bash, so that redirections such as <c>2&gt;/dev/full</c> apply.</summary>
    private static (int Exit, string Stdout, string Stderr) Shell(string arguments)
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "welfare-rules.dll");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"dotnet '{tool}' {arguments}");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("compare")]
    public void Run_RuleFileValueThatWouldOverflow_RefusedWhenLoaded(string command)
    {
        string rules = WriteFile("huge.json", Draft("""{ "parameter": "funeral-multiple", "case": "allowance-recipient", "from": "2027-01-01", "value": 1e15, "basis": { "article": "1" } }"""));
        string input = WriteFile("p.jsonl", Orphan + "\n" + Orphan);
        var (exit, stdout, stderr) = CliRunner.Run(command, "--input", input, "--rules", rules);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("huge.json line 5: $.provisions[0].value: 1000000000000000 is out of range", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate --input {0}")]
    [InlineData("compare --input {0} --rules {1} --month 2027-02")]
    public void Run_StandardErrorFull_StillWritesEveryLine(string arguments)
    {
        string input = WriteFile("p.jsonl", $"{Orphan}\nnot json\n{Orphan}\n");
        string rules = Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json");
        var (exit, stdout, _) = Shell(string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, input, rules) + " 2>/dev/full");
        Assert.Equal(2, exit);
        Assert.True(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2, stdout);
    }

    [Fact]
    public void Compare_InputFromStandardInput_ReadsIt()
    {
        string rules = Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json");
        var (exit, stdout, stderr) = CliRunner.RunWithInput($"{Orphan}\n{Orphan}\n", "compare", "--input", "-", "--rules", rules, "--month", "2027-02", "--format", "json");
        Assert.True(exit == 0, stderr);
        var summary = JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("persons").GetInt64());
    }

    [Theory]
    [InlineData("evaluate", "--input", "")]
    [InlineData("evaluate", "--input", "{input}", "--rules", "")]
    [InlineData("schedule", "--input", "{input}", "--from", "2024-01", "--to", "2024-02", "--paid", "")]
    [InlineData("evaluate", "--input", "{folder}")]
    [InlineData("evaluate", "--input", "{input}", "--rules", "{folder}")]
    [InlineData("schedule", "--input", "{input}", "--from", "2024-01", "--to", "9999-12")]
    [InlineData("schedule", "--input", "{input}", "--from", "2024-01", "--to", "2024-02", "--format", "xml")]
    [InlineData("evaluate", "--input", "{folder}/missing.json")]
    public void Run_BadOptionOrPath_ClearMessageExitTwo(params string[] args)
    {
        string input = WriteFile("one.json", Orphan);
        var resolved = args.Select(a => a.Replace("{input}", input, StringComparison.Ordinal).Replace("{folder}", folder, StringComparison.Ordinal)).ToArray();
        var (exit, _, stderr) = CliRunner.Run(resolved);
        Assert.Equal(2, exit);
        Assert.StartsWith("welfare-rules: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", stderr, StringComparison.Ordinal);
        if (resolved.Contains(folder))
        {
            Assert.Contains("is a directory", stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "line 1")]
    [InlineData("{", "line 1")]
    [InlineData("[1, 2]", "expected an object")]
    [InlineData("{\"2024-01\": 1, \"2024-01\": 2}", "duplicate")]
    [InlineData("{\"2024-01\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": {\"g\": {\"h\": 1}}}}}}}}}", "depth")]
    [InlineData("{\"2024-01\": 9223372036854775807, \"2024-02\": 1}", "64 bits")]
    [InlineData("{\"2024-01\": -5}", "0 or more")]
    [InlineData("{\"2024-01\": \"x\"}", "$['2024-01']")]
    [InlineData("{\"-2024-01\": 1}", "not a month")]
    public void Schedule_BadPaidFile_ClearMessageExitTwo(string paid, string expected)
    {
        string input = WriteFile("one.json", Orphan);
        string paidFile = WriteFile("paid.json", paid);
        var (exit, _, stderr) = CliRunner.Run("schedule", "--input", input, "--from", "2024-01", "--to", "2024-03", "--paid", paidFile);
        Assert.Equal(2, exit);
        Assert.Contains("paid.json", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Evaluate_StandardInputClosed_ExitsTwoWithoutWaiting()
    {
        var (exit, stdout, stderr) = Shell("evaluate --input - <&-");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("standard input is closed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BareCarriageReturnInALine_DoesNotSplitIt()
    {
        string input = WriteFile("p.jsonl", Orphan.Replace(",\"month\"", ",\r\"month\"", StringComparison.Ordinal) + "\r\n" + "bad\r\n" + Orphan + "\n");
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", input);
        Assert.Equal(2, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(750000, JsonDocument.Parse(lines[0]).RootElement.GetProperty("total").GetInt64());
        Assert.Equal(2, JsonDocument.Parse(lines[1]).RootElement.GetProperty("line").GetInt32());
        Assert.Equal(750000, JsonDocument.Parse(lines[2]).RootElement.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("several.json", false)]
    [InlineData("-", true)]
    public void Evaluate_JsonLinesWithBadFirstLine_KeepsEveryOtherLine(string name, bool stdin)
    {
        string content = $"{{\"jurisdiction\":\"VN\",\n{Orphan}\n{Orphan}\n";
        string input = stdin ? "-" : WriteFile(name, content);
        var (exit, stdout, _) = CliRunner.RunWithInput(stdin ? content : "", "evaluate", "--input", input);
        Assert.Equal(2, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(1, JsonDocument.Parse(lines[0]).RootElement.GetProperty("line").GetInt32());
        Assert.Equal(750000, JsonDocument.Parse(lines[2]).RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public void Evaluate_LinesOption_ReadsJsonLinesWhateverTheName()
    {
        string input = WriteFile("odd.json", "bad\nbad too\n" + Orphan);
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", input, "--lines");
        Assert.Equal(2, exit);
        Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Evaluate_PrettyPrintedSingleObject_StillOneSituation()
    {
        string input = WriteFile("one.json", "{\n  \"jurisdiction\": \"VN\",\n  \"month\": \"2024-08\",\n  \"person\": {\"birthDate\": \"2015-01-01\", \"orphanhood\": \"abandoned\"}\n}\n");
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input);
        Assert.True(exit == 0, stderr);
        Assert.Equal(750000, JsonDocument.Parse(stdout).RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public void Evaluate_Utf16File_RefusedAsNotUtf8()
    {
        string input = Path.Combine(folder, "utf16.json");
        File.WriteAllText(input, Orphan, Encoding.Unicode);
        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", input);
        Assert.Equal(2, exit);
        Assert.Contains("not UTF-8", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"-2020-01-10\"", "$.person.birthDate")]
    [InlineData("\"1850-01-10\"", "$.person.birthDate")]
    public void Evaluate_ImpossibleDate_RefusedAsWritten(string date, string path)
    {
        string input = WriteFile("p.jsonl", $$$"""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":{{{date}}},"orphanhood":"abandoned"}}""");
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", input);
        Assert.Equal(2, exit);
        var line = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(path, line.GetProperty("path").GetString());
        Assert.Contains(date, line.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MonthBeyondHorizon_WarnsAndStrictRefuses()
    {
        string input = WriteFile("one.json", Orphan.Replace("2024-08", "2100-01", StringComparison.Ordinal));
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", input);
        Assert.Equal(0, exit);
        var warnings = JsonDocument.Parse(stdout).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains(warnings, w => w!.Contains("beyond the law's horizon", StringComparison.Ordinal));

        var (strictExit, _, strictErr) = CliRunner.Run("evaluate", "--input", input, "--strict");
        Assert.Equal(1, strictExit);
        Assert.Contains("horizon", strictErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DuplicateKey_RefusedWithPath()
    {
        string input = WriteFile("p.jsonl", """{"jurisdiction":"VN","jurisdiction":"VN-HN","month":"2024-08","person":{"birthDate":"2015-01-01"}}""");
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", input);
        Assert.Equal(2, exit);
        Assert.Equal("$.jurisdiction", JsonDocument.Parse(stdout).RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public void Evaluate_FieldNameWithNewlineAndEscape_CannotForgeALineOnStandardError()
    {
        string input = WriteFile("p.jsonl", "{\"x\\nwelfare-rules: forged\\u001b[31m\":1}\n" + Orphan);
        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", input);
        Assert.Equal(2, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\u001b', stderr);
    }

    [Fact]
    public void Evaluate_StandardOutputClosed_StopsWithExitOne()
    {
        string input = WriteFile("many.jsonl", string.Join("\n", Enumerable.Repeat(Orphan, 50_000)));
        var (exit, stdout, _) = Shell($"evaluate --input '{input}' | head -c 100 >/dev/null; exit ${{PIPESTATUS[0]}}");
        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void Run_RuleFilesWithProblemsInSeveralFiles_ListsThemAll()
    {
        string a = WriteFile("a.json", Draft("""{ "parameter": "standard", "from": "2027-01-01", "value": 0, "basis": { "article": "1" } }"""));
        string b = WriteFile("b.json", Draft("""{ "parameter": "nothing", "from": "2027-01-01", "value": 1, "basis": { "article": "1" } }"""));
        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", WriteFile("one.json", Orphan), "--rules", a, "--rules", b);
        Assert.Equal(2, exit);
        Assert.Contains("a.json line 5: $.provisions[0].value", stderr, StringComparison.Ordinal);
        Assert.Contains("b.json line 5: $.provisions[0].parameter", stderr, StringComparison.Ordinal);
    }
}
