using System;
using System.IO;
using System.Linq;
using System.Reflection;
using WelfareRules.Law;
using WelfareRules.Serialization;

namespace WelfareRules.Cli;

/// <summary>The <c>welfare-rules</c> tool: exit codes 0 (all evaluated), 2 (bad input), 1 (anything else).</summary>
public static class Program
{
    internal const int Ok = 0;
    internal const int Failure = 1;
    internal const int BadInput = 2;

    private const string Usage = """
        welfare-rules: Vietnamese social-welfare entitlements from JSON situations.

        Commands:
          evaluate --input FILE [--month yyyy-MM] [--format json|text] [--strict | --admit GRADE] [--lines] [--rules FILE]...
              Evaluate one situation (a JSON object) or JSON Lines (.jsonl or --lines, one situation a line).
              FILE may be - for standard input. --rules adds an instrument (rule file) on top of the
              built-in law; repeatable. --strict admits only verified law (its text was seen);
              --admit reported admits verified and reported law (secondary sources); a result resting
              on weaker law is refused. Default: every grade, provisional results flagged and warned.
          rules --jurisdiction VN|VN-HN|... --on yyyy-MM-dd [--format text|json] [--rules FILE]...
              The instruments and parameter values in force, with citation and status.
          schedule --input FILE --from yyyy-MM --to yyyy-MM [--paid FILE] [--format json|text] [--rules FILE]...
              Month-by-month amounts for one situation, with arrears against what was paid
              (--paid: a JSON object {"yyyy-MM": amount paid}).
          compare --rules FILE... --input POPULATION.jsonl [--month yyyy-MM] [--format text|json] [--quiet]
              The change (--rules) against the built-in law: one line per person whose entitlements
              differ, then totals by kind, group and payee.
          population --size N [--seed S] [--jurisdiction J] [--month yyyy-MM]
              A reproducible synthetic population in JSON Lines (docs/population.md).
          classify --area rural|urban --income N --deprivations N --on yyyy-MM-dd [--format json|text]
              Household class under the national poverty standard (07/2021/NĐ-CP; 2027-2030 provisional):
              poor, nearPoor, averageLivingStandard or none. N: income per person per month; indicators lacked.

        Options:
          --help       this text
          --version    the tool's version and the built-in law's version

        Exit codes: 0 all situations evaluated; 2 bad input (message names file, line and JSON path);
        1 anything else (a month outside the encoded law, a strict refusal, output that cannot be written).
        Formats: docs/cli.md.
        """;

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        // Standard input is read as UTF-8 with a byte-order mark detected, so that UTF-16 is refused rather than decoded.
        using var stdin = StandardStreams.InputIsClosed()
            ? (TextReader)new ClosedInput()
            : new StreamReader(Console.OpenStandardInput(), new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var stdout = StandardStreams.Output();
        return Run(args, stdin, stdout, Console.Error);
    }

    /// <summary>Runs the tool with the given streams (used by tests).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// Nothing the input holds makes this throw: every problem is a message on <paramref name="stderr"/> and an
    /// exit code. A message that cannot be written is dropped; output that cannot be written ends the run (exit 1).
    /// </remarks>
    public static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr = SafeMessages.Of(stderr);
        stdout = new OutputStream(stdout);
        try
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                Write(stdout, Usage + Environment.NewLine);
                return args.Length == 0 ? BadInput : Ok;
            }

            if (args[0] == "--version")
            {
                string version = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
                Write(stdout, $"welfare-rules {version.Split('+')[0]} (law {RuleSet.BuiltIn.Version:yyyy-MM-dd})" + Environment.NewLine);
                return Ok;
            }

            var rest = args.Skip(1).ToArray();
            if (rest.Contains("--help"))
            {
                Write(stdout, Usage + Environment.NewLine);
                return Ok;
            }

            return args[0] switch
            {
                "evaluate" => EvaluateCommand.Run(rest, stdin, stdout, stderr),
                "rules" => RulesCommand.Run(rest, stdout),
                "schedule" => PolicyCommands.Schedule(rest, stdout, stderr),
                "compare" => PolicyCommands.Compare(rest, stdin, stdout, stderr),
                "population" => PolicyCommands.Population(rest, stdout),
                "classify" => ClassifyCommand.Run(rest, stdout, stderr),
                _ => throw new UsageException($"unknown command \"{args[0]}\"; see --help"),
            };
        }
        catch (UsageException usage)
        {
            stderr.WriteLine("welfare-rules: " + usage.Message);
            return BadInput;
        }
        catch (RuleFileException refused)
        {
            stderr.WriteLine("welfare-rules: " + refused.Message);
            return BadInput;
        }
        catch (OutputFailedException failed)
        {
            stderr.WriteLine("welfare-rules: " + failed.Message);
            return Failure;
        }
        catch (IOException io)
        {
            stderr.WriteLine("welfare-rules: " + io.Message);
            return BadInput;
        }
        catch (UnauthorizedAccessException denied)
        {
            stderr.WriteLine("welfare-rules: " + denied.Message);
            return BadInput;
        }
        catch (OverflowException overflow)
        {
            stderr.WriteLine("welfare-rules: a total does not fit in 64 bits of đồng: " + overflow.Message);
            return Failure;
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            // The last guard: a defect of the tool is a message and exit 1, never an abort that loses the output's end.
            stderr.WriteLine($"welfare-rules: internal error ({unexpected.GetType().Name}): {unexpected.Message}");
            return Failure;
        }
    }

    internal static RuleSet LoadRules(CommandLine line)
    {
        var rules = RuleSet.BuiltIn;
        var added = new System.Collections.Generic.List<Instrument>();
        var problems = new System.Collections.Generic.List<RuleFileProblem>();
        foreach (string file in line.All("--rules"))
        {
            // Every file is read, so that one refusal lists the problems of them all.
            try
            {
                added.Add(InstrumentReader.Read(Inputs.ReadBytes(file, "--rules"), Path.GetFileName(file)));
            }
            catch (RuleFileException refused)
            {
                problems.AddRange(refused.Problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new RuleFileException([.. problems]);
        }

        return added.Count == 0 ? rules : RuleSet.Create(rules.Instruments.AddRange(added));
    }

    internal static void Write(Stream stream, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
        stream.Flush();
    }
}
