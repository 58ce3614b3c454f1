using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary>The command line itself (System.CommandLine): help, suggestions, aliases, values in any case, completions.</summary>
public sealed class CommandLineTest : IDisposable
{
    private const string Orphan = """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","orphanhood":"abandoned"}}""";
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-cli-line-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string WriteFile(string name, string content)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static TheoryData<string, string[]> CommandsAndTheirOptions => new()
    {
        { "evaluate", ["--input", "-i", "--month", "-m", "--format", "-f", "--strict", "--admit", "--lines", "--rules", "-r"] },
        { "rules", ["--jurisdiction", "--on", "--format", "-f", "--rules", "-r"] },
        { "schedule", ["--input", "-i", "--from", "--to", "--paid", "--format", "-f", "--rules", "-r"] },
        { "compare", ["--input", "-i", "--rules", "-r", "--month", "-m", "--format", "-f", "--quiet"] },
        { "population", ["--size", "--seed", "--jurisdiction", "--month", "-m"] },
        { "classify", ["--area", "--income", "--deprivations", "--on", "--format", "-f", "--rules", "-r"] },
    };

    [Theory]
    [MemberData(nameof(CommandsAndTheirOptions))]
    public void Help_EachCommand_ShowsItsOwnOptionsAndAnExample(string command, string[] options)
    {
        var (exit, stdout, stderr) = CliRunner.Run(command, "--help");

        Assert.True(exit == 0, stderr);
        Assert.Contains($"welfare-rules {command} [options]", stdout, StringComparison.Ordinal);
        foreach (string option in options)
        {
            Assert.Matches($@"(^|[ ,]){option}[ ,<]", stdout);
        }

        // Another command's option is not listed (--area is classify's alone; --strict evaluate's alone).
        Assert.Equal(command == "classify", stdout.Contains("--area", StringComparison.Ordinal));
        Assert.Equal(command == "evaluate", stdout.Contains("--strict", StringComparison.Ordinal));
        Assert.Contains("Examples:", stdout, StringComparison.Ordinal);
        Assert.Contains($"  welfare-rules {command} ", stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_TheWordHelp_IsTheSameAsTheOption()
    {
        Assert.Equal(CliRunner.Run("schedule", "--help"), CliRunner.Run("help", "schedule"));
        var (exit, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(0, exit);
        foreach (string command in new[] { "evaluate", "rules", "schedule", "compare", "population", "classify" })
        {
            Assert.Contains("  " + command + " ", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_NoCommand_ShowsHelpOnStandardErrorExitsTwo()
    {
        var (exit, stdout, stderr) = CliRunner.Run();
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("evaluate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MisspeltOption_SuggestsTheRightOneExitsTwo()
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--inptu", WriteFile("one.json", Orphan));

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("welfare-rules: ", stderr, StringComparison.Ordinal);
        Assert.Contains("'--inptu' was not matched. Did you mean one of the following?" + Environment.NewLine + "--input", stderr, StringComparison.Ordinal);
        Assert.Contains("welfare-rules: see welfare-rules evaluate --help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MisspeltCommand_SuggestsTheRightOneExitsTwo()
    {
        var (exit, _, stderr) = CliRunner.Run("evalute", "--input", "x.json");
        Assert.Equal(2, exit);
        Assert.Contains("'evalute' was not matched. Did you mean one of the following?" + Environment.NewLine + "evaluate", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TEXT")]
    [InlineData("Text")]
    [InlineData("text")]
    public void Evaluate_FormatInAnyCase_IsRead(string format)
    {
        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", WriteFile("one.json", Orphan), "--format", format);
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("VN 2024-08: standard 500,000 VND", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ShortAliases_AreTheLongOptions()
    {
        string input = WriteFile("one.json", Orphan);
        string rules = Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json");
        var longForm = CliRunner.Run("evaluate", "--input", input, "--format", "json", "--month", "2027-02", "--rules", rules, "--admit", "PROVISIONAL");
        var shortForm = CliRunner.Run("evaluate", "-i", input, "-f", "json", "-m", "2027-02", "-r", rules, "--admit", "provisional");

        Assert.True(longForm.Exit == 0, longForm.Stderr);
        Assert.Equal(longForm, shortForm);
        Assert.Equal("2027-02", JsonDocument.Parse(shortForm.Stdout).RootElement.GetProperty("month").GetString());
    }

    [Fact]
    public void Evaluate_BadFormat_NamesTheOptionAndTheChoices()
    {
        var (exit, _, stderr) = CliRunner.Run("evaluate", "-i", WriteFile("one.json", Orphan), "-f", "xml");
        Assert.Equal(2, exit);
        Assert.StartsWith("welfare-rules: --format: \"xml\" is not json or text", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate", "--input")]
    [InlineData("evaluate", "-i")]
    [InlineData("schedule", "--input")]
    [InlineData("compare", "--input")]
    public void Run_MissingFile_IsNamedWithItsOption(string command, string option)
    {
        string missing = Path.Combine(folder, "missing.json");
        string[] args = command switch
        {
            "schedule" => [command, option, missing, "--from", "2024-01", "--to", "2024-02"],
            "compare" => [command, option, missing, "--rules", Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json")],
            _ => [command, option, missing],
        };
        var (exit, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith($"welfare-rules: --input: {missing}: no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingRuleFile_IsNamedWithItsOption()
    {
        string missing = Path.Combine(folder, "draft.json");
        var (exit, _, stderr) = CliRunner.Run("evaluate", "-i", WriteFile("one.json", Orphan), "-r", missing);
        Assert.Equal(2, exit);
        Assert.StartsWith($"welfare-rules: --rules: {missing}: no such file", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate", "--input", "x.json", "--input", "y.json")]
    [InlineData("evaluate", "--input", "x.json", "--lines", "extra")]
    [InlineData("rules", "--on", "2024-02-30")]
    [InlineData("rules")]
    [InlineData("population", "--size", "ten")]
    [InlineData("compare", "--input", "x.jsonl")]
    public void Run_BadUsage_ExitsTwo(params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("welfare-rules: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResponseFileToken_IsAFileNameNotExpanded()
    {
        // "@name" would be a response file to System.CommandLine by default; here it is a file name like any other.
        var (exit, _, stderr) = CliRunner.Run("evaluate", "--input", "@" + Path.Combine(folder, "args.rsp"));
        Assert.Equal(2, exit);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eva", "evaluate")]
    [InlineData("evaluate --f", "--format")]
    [InlineData("evaluate --format ", "json text")]
    [InlineData("evaluate --admit ", "provisional reported verified")]
    [InlineData("classify --area ", "rural urban")]
    public void Suggest_Directive_CompletesCommandsOptionsAndValues(string line, string expected)
    {
        var (exit, stdout, _) = CliRunner.Run($"[suggest:{line.Length}]", line);
        Assert.Equal(0, exit);
        Assert.Equal(expected.Split(' '), stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }
}
