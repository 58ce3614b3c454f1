using System;
using System.CommandLine;
using System.CommandLine.Invocation;
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

        // The first Ctrl+C stops a long run at the end of the line in hand (its output complete up to there); a
        // second one ends the process at once.
        using var interrupt = new System.Threading.CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return Run(args, stdin, stdout, Console.Error, interrupt.Token, errorIsTerminal: !Console.IsErrorRedirected);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
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
    public static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr) => Run(args, stdin, stdout, stderr, default);

    /// <summary>Runs the tool with the given streams, stopping a long run at the end of a line when <paramref name="stop"/> is cancelled.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdin">Standard input.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="stop">Cancelled by Ctrl+C: <c>evaluate</c> and <c>compare</c> finish the line in hand, write their output and exit 1.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr, System.Threading.CancellationToken stop) =>
        Run(args, stdin, stdout, stderr, stop, errorIsTerminal: false);

    private static int Run(string[] args, TextReader stdin, Stream stdout, TextWriter stderr, System.Threading.CancellationToken stop, bool errorIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr = SafeMessages.Of(stderr);
        stdout = new OutputStream(stdout);
        try
        {
            // "help" and "help COMMAND" are read as --help, as before.
            if (args.Length > 0 && args[0] == "help")
            {
                args = [.. args.Skip(1), "--help"];
            }

            var root = CommandTree.Build(new Streams(stdin, stdout, stderr, stop, errorIsTerminal));
            var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            using var output = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), 1 << 12, leaveOpen: true) { AutoFlush = true };
            if (parse.Action is ParseErrorAction error)
            {
                // On standard error, which the output's reader never parses: each message, then the library's
                // suggestions for a misspelt name (and the help, for a bare "welfare-rules").
                foreach (var problem in parse.Errors)
                {
                    stderr.WriteLine("welfare-rules: " + problem.Message);
                }

                error.ShowHelp = args.Length == 0;
                error.ShowTypoCorrections = true;
                parse.Invoke(new InvocationConfiguration { Output = stderr, Error = TextWriter.Null, EnableDefaultExceptionHandler = false });
                stderr.WriteLine($"welfare-rules: see {Command(parse)} --help");
                return BadInput;
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            });
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

    /// <summary>The command a parse stopped in, as typed (<c>welfare-rules evaluate</c>).</summary>
    private static string Command(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "welfare-rules" : "welfare-rules " + parse.CommandResult.Command.Name;

    internal static RuleSet LoadRules(System.Collections.Generic.IReadOnlyList<string>? files)
    {
        var rules = RuleSet.BuiltIn;
        var added = new System.Collections.Generic.List<Instrument>();
        var problems = new System.Collections.Generic.List<RuleFileProblem>();
        foreach (string file in files ?? [])
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
