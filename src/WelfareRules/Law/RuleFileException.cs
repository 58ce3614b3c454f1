using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace WelfareRules.Law;

/// <summary>One problem found in a rule file: where, and what.</summary>
/// <param name="Location">The file, line and JSON path.</param>
/// <param name="Message">What is wrong, in terms of the rule file.</param>
/// <exception cref="ArgumentNullException"><paramref name="Location"/> or <paramref name="Message"/> is null.</exception>
public sealed record RuleFileProblem(SourceLocation Location, string Message)
{
    /// <summary>The file, line and JSON path.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public SourceLocation Location { get; init => field = Preconditions.CheckNotNull(value, nameof(Location)); } = Preconditions.CheckNotNull(Location, nameof(Location));

    /// <summary>What is wrong, in terms of the rule file.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string Message { get; init => field = Preconditions.CheckNotNull(value, nameof(Message)); } = Preconditions.CheckNotNull(Message, nameof(Message));

    /// <summary>Formats as <c>file line N: path: message</c>.</summary>
    /// <returns>The problem as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Location}: {Message}");
}

/// <summary>
/// A rule file (an instrument) or a combination of instruments was refused: it is malformed, or it
/// contradicts itself or the law it is added to. Nothing of it was applied.
/// </summary>
public sealed class RuleFileException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems, at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public RuleFileException(ImmutableArray<RuleFileProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>The most problems the message lists; <see cref="Problems"/> holds them all.</summary>
    public const int MaxListed = 100;

    /// <summary>Every problem found, in file order.</summary>
    public ImmutableArray<RuleFileProblem> Problems { get; }

    private static string Describe(ImmutableArray<RuleFileProblem> problems) =>
        problems.IsDefaultOrEmpty
            ? throw new ArgumentException("A rule-file exception has at least one problem.", nameof(problems))
            : "Rule file refused: " + string.Join(Environment.NewLine, problems.Take(MaxListed).Select(p => MessageText.Escape(p.ToString())))
              + (problems.Length > MaxListed ? string.Create(CultureInfo.InvariantCulture, $"{Environment.NewLine}… and {problems.Length - MaxListed} more problems") : "");
}
