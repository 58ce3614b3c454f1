using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using NodaTime;

namespace WelfareRules.Cli;

/// <summary>A command line that could not be understood: exit code 2, with the message on standard error.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The streams a command reads and writes.</summary>
/// <param name="Stdin">Standard input (<c>--input -</c>).</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error, escaping control characters in what it is given.</param>
/// <param name="Stop">Cancelled by Ctrl+C: a long run finishes the line in hand, writes its output and stops.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal: progress bars are drawn there, and nowhere else.</param>
internal sealed record Streams(TextReader Stdin, Stream Stdout, TextWriter Stderr, System.Threading.CancellationToken Stop = default, bool ErrorIsTerminal = false)
{
    /// <summary>After a run: when it was interrupted, says so and gives exit code 1; otherwise <paramref name="exit"/>.</summary>
    internal int Finish(int exit, string what)
    {
        if (!Stop.IsCancellationRequested)
        {
            return exit;
        }

        Stderr.WriteLine($"welfare-rules: interrupted (Ctrl+C): {what}");
        return System.Math.Max(exit, Program.Failure);
    }
}

/// <summary>The output format of a command (<c>--format</c>, any case).</summary>
internal enum OutputFormat
{
    Json,
    Text,
}

/// <summary>
/// The options the commands share, built on System.CommandLine: help, typo suggestions and completions come from it.
/// Values named from a fixed list (<c>--format TEXT</c>) are read in any case; an empty value is refused.
/// </summary>
internal static class Options
{
    /// <summary>An option with one text value, refused when empty.</summary>
    internal static Option<string> Text(string name, string description, string helpName, params string[] aliases)
    {
        var option = new Option<string>(name, aliases) { Description = description, HelpName = helpName };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError($"{name}: the value is empty");
            }
        });
        return option;
    }

    /// <summary><c>--input FILE</c> (<c>-i</c>), required; <c>-</c> for standard input where the command reads it.</summary>
    internal static Option<string> Input(string description)
    {
        var option = Text("--input", description, "FILE", "-i");
        option.Required = true;
        return option;
    }

    /// <summary><c>--rules FILE</c> (<c>-r</c>), repeatable: an instrument on top of the built-in law.</summary>
    internal static Option<string[]> Rules(string description = "A rule file (an instrument) added on top of the built-in law; repeatable")
    {
        var option = new Option<string[]>("--rules", "-r")
        {
            Description = description,
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError("--rules: the value is empty");
            }
        });
        return option;
    }

    /// <summary>A month option (<c>yyyy-MM</c>, from 1900).</summary>
    internal static Option<YearMonth?> Month(string name, string description, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            HelpName = "yyyy-MM",
            CustomParser = result => Parse(result, text => PolicyCommands.Month(text, name)),
        };

    /// <summary>A date option (<c>yyyy-MM-dd</c>).</summary>
    internal static Option<LocalDate?> Date(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "yyyy-MM-dd",
            CustomParser = result => Parse(result, text =>
            {
                var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
                return parsed.Success ? parsed.Value : throw new UsageException($"{name}: \"{MessageText.Cut(text)}\" is not a date (yyyy-MM-dd)");
            }),
        };

    /// <summary><c>--format json|text</c> (<c>-f</c>), in any case.</summary>
    internal static Option<OutputFormat?> Format(OutputFormat byDefault) =>
        Choice<OutputFormat?>("--format", $"The output format (default {Spell(byDefault)})",
            [("json", OutputFormat.Json), ("text", OutputFormat.Text)], "-f");

    /// <summary>
    /// An option whose value is one of fixed words (lower case), read in any case, completed by the shell; absent, it is
    /// null. The words are a plain array, not a dictionary: a dictionary of each option's values would be compiled afresh
    /// at every start, its code over the tool's enumerations not being in the precompiled image.
    /// </summary>
    internal static Option<T> Choice<T>(string name, string description, (string Word, T Value)[] words, params string[] aliases)
    {
        var spellings = new string[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            spellings[i] = words[i].Word;
        }

        string list = spellings.Length == 2 ? string.Join(" or ", spellings) : string.Join(", ", spellings[..^1]) + " or " + spellings[^1];
        var option = new Option<T>(name, aliases)
        {
            Description = description,
            HelpName = string.Join("|", spellings),
            CustomParser = result => Parse(result, text =>
            {
                string lower = text.ToLowerInvariant();
                foreach (var (word, value) in words)
                {
                    if (word == lower)
                    {
                        return value;
                    }
                }

                throw new UsageException($"{name}: \"{MessageText.Cut(text)}\" is not {list}");
            }),
        };
        option.CompletionSources.Clear();
        option.CompletionSources.Add(spellings);
        return option;
    }

    /// <summary>The spelling of a format on the command line.</summary>
    internal static string Spell(OutputFormat format) => format == OutputFormat.Json ? "json" : "text";

    private static T Parse<T>(ArgumentResult result, Func<string, T> parse)
    {
        string text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (text.Length == 0)
        {
            result.AddError($"{result.Argument.Name}: the value is empty");
            return default!;
        }

        try
        {
            return parse(text);
        }
        catch (UsageException bad)
        {
            result.AddError(bad.Message);
            return default!;
        }
    }
}

/// <summary>The command tree: one command per verb, each with its own options, description and examples.</summary>
internal static class CommandTree
{
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        ["evaluate"] =
        [
            "welfare-rules evaluate -i docs/examples/orphan-2023-03.json",
            "welfare-rules evaluate -i cases.jsonl -f text --admit reported",
            "welfare-rules population --size 10 | welfare-rules evaluate -i - --month 2025-01",
        ],
        ["rules"] = ["welfare-rules rules --jurisdiction VN-HN --on 2026-02-01", "welfare-rules rules --on 2026-02-01 -r draft.json -f json"],
        ["schedule"] = ["welfare-rules schedule -i person.json --from 2024-01 --to 2024-12 --paid paid.json -f text"],
        ["compare"] = ["welfare-rules compare -r docs/policy-example/hanoi-700k-2027.json -i docs/policy-example/people.jsonl -f json"],
        ["population"] = ["welfare-rules population --size 1000 --seed 7 --jurisdiction VN-HN --month 2025-01 > people.jsonl"],
        ["classify"] = ["welfare-rules classify --area rural --income 1400000 --deprivations 3 --on 2024-06-01 -f text"],
        ["serve"] = ["welfare-rules serve", "welfare-rules serve --urls http://0.0.0.0:8080 --max-batch 50000"],
    };

    /// <summary>The root command, its actions writing to <paramref name="io"/>.</summary>
    internal static RootCommand Build(Streams io)
    {
        var root = new RootCommand("welfare-rules: Vietnamese social-welfare entitlements from JSON situations, on the built-in law or with rule files added. Formats: docs/cli.md and docs/contract.md.")
        {
            EvaluateCommand.Build(io),
            RulesCommand.Build(io),
            PolicyCommands.BuildSchedule(io),
            PolicyCommands.BuildCompare(io),
            PolicyCommands.BuildPopulation(io),
            ClassifyCommand.Build(io),
            Server.ServeCommand.Build(io),
        };
        root.HelpName = "welfare-rules";

        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
            else if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpWithExamples(help);
            }
        }

        return root;
    }

    /// <summary>The library's help for a command, then its examples and the exit codes.</summary>
    private sealed class HelpWithExamples(HelpAction help) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (Examples.TryGetValue(parseResult.CommandResult.Command.Name, out var lines))
            {
                output.WriteLine("Examples:");
                foreach (string line in lines)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }

            output.WriteLine("Exit codes: 0 done; 2 bad input or bad usage (the message names the file, line and JSON path, or the");
            output.WriteLine("option); 1 anything else (a month outside the encoded law, a strict refusal, output that cannot be");
            output.WriteLine("written). Formats: docs/cli.md and docs/contract.md.");
            return Program.Ok;
        }
    }

    /// <summary><c>--version</c>: the tool's version and the built-in law's.</summary>
    private sealed class VersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            string version = typeof(Program).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
            parseResult.InvocationConfiguration.Output.WriteLine(
                $"welfare-rules {version.Split('+')[0]} (law {Law.RuleSet.BuiltIn.Version.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})");
            return Program.Ok;
        }
    }
}
