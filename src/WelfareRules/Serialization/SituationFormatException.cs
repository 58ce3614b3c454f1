using System;
using System.Globalization;

namespace WelfareRules.Serialization;

/// <summary>
/// A situation in JSON could not be read. The message names the source, line and JSON path, e.g.
/// <c>cases.jsonl line 3: $.person.birthDate: "2024-13-01" is not a date (yyyy-MM-dd)</c>.
/// </summary>
public sealed class SituationFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name (or <c>-</c> for standard input).</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="path">The JSON path.</param>
    /// <param name="detail">What is wrong.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="path"/> or <paramref name="detail"/> is null.</exception>
    public SituationFormatException(string source, int line, string path, string detail)
        : base(MessageText.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{MessageText.Cut(Preconditions.CheckNotNull(source, nameof(source)))} line {line}: {MessageText.Cut(Preconditions.CheckNotNull(path, nameof(path)))}: {Preconditions.CheckNotNull(detail, nameof(detail))}")))
    {
        SourceName = source;
        Line = line;
        Path = path;
        Detail = detail;
    }

    /// <summary>The file name, or <c>-</c> for standard input.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>The JSON path of the bad value.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Detail { get; }
}
