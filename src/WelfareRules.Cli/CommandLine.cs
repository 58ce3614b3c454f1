using System;
using System.Collections.Generic;

namespace WelfareRules.Cli;

/// <summary>A command line that could not be understood: exit code 2, with the message on standard error.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A minimal parser for <c>--name value</c> options, repeatable ones and switches.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> switches = new(StringComparer.Ordinal);

    internal CommandLine(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> switchOptions)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? inline = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inline = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            if (switchOptions.Contains(arg))
            {
                switches.Add(arg);
            }
            else if (valueOptions.Contains(arg))
            {
                string value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value"));
                if (value.Length == 0)
                {
                    throw new UsageException($"{arg}: the value is empty");
                }

                if (!values.TryGetValue(arg, out var list))
                {
                    values[arg] = list = [];
                }

                list.Add(value);
            }
            else
            {
                throw new UsageException($"unknown option \"{MessageText.Cut(args[i])}\"; see --help");
            }
        }
    }

    internal bool Has(string name) => switches.Contains(name);

    internal string? Value(string name) =>
        values.TryGetValue(name, out var list) ? list.Count == 1 ? list[0] : throw new UsageException($"{name} is given more than once") : null;

    internal IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var list) ? list : [];

    internal string Required(string name) => Value(name) ?? throw new UsageException($"missing {name}; see --help");
}
