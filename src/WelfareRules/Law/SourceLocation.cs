namespace WelfareRules.Law;

/// <summary>Where something was read from: a file (or resource) name, a line (1-based, 0 when unknown) and a JSON path.</summary>
/// <param name="File">The file or embedded resource name.</param>
/// <param name="Line">The 1-based line, or 0 when unknown (an instrument built in code).</param>
/// <param name="Path">The JSON path, e.g. <c>$.provisions[3].from</c>.</param>
public sealed record SourceLocation(string File, int Line, string Path)
{
    /// <summary>A location for instruments built in code.</summary>
    /// <param name="instrumentId">The instrument's number.</param>
    /// <param name="path">A path within it.</param>
    /// <returns>The location.</returns>
    public static SourceLocation InCode(string instrumentId, string path) => new($"(code: {instrumentId})", 0, path);

    /// <summary>Formats as <c>file line N: path</c>.</summary>
    /// <returns>The location as text.</returns>
    public override string ToString() => Line > 0 ? $"{File} line {Line}: {Path}" : $"{File}: {Path}";
}
