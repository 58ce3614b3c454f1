using System.Globalization;
namespace WelfareRules.Law;

/// <summary>Where something was read from: a file (or resource) name, a line (1-based, 0 when unknown) and a JSON path.</summary>
/// <param name="File">The file or embedded resource name.</param>
/// <param name="Line">The 1-based line, or 0 when unknown (an instrument built in code).</param>
/// <param name="Path">The JSON path, e.g. <c>$.provisions[3].from</c>.</param>
/// <exception cref="System.ArgumentNullException"><paramref name="File"/> or <paramref name="Path"/> is null.</exception>
public sealed record SourceLocation(string File, int Line, string Path)
{
    /// <summary>The file or embedded resource name.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public string File { get; init => field = Preconditions.CheckNotNull(value, nameof(File)); } = Preconditions.CheckNotNull(File, nameof(File));

    /// <summary>The JSON path, e.g. <c>$.provisions[3].from</c>.</summary>
    /// <exception cref="System.ArgumentNullException">The value is null.</exception>
    public string Path { get; init => field = Preconditions.CheckNotNull(value, nameof(Path)); } = Preconditions.CheckNotNull(Path, nameof(Path));

    /// <summary>A location for instruments built in code.</summary>
    /// <param name="instrumentId">The instrument's number.</param>
    /// <param name="path">A path within it.</param>
    /// <returns>The location.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="instrumentId"/> or <paramref name="path"/> is null.</exception>
    public static SourceLocation InCode(string instrumentId, string path) =>
        new(string.Create(CultureInfo.InvariantCulture, $"(code: {Preconditions.CheckNotNull(instrumentId, nameof(instrumentId))})"), 0, Preconditions.CheckNotNull(path, nameof(path)));

    /// <summary>Formats as <c>file line N: path</c>.</summary>
    /// <returns>The location as text.</returns>
    public override string ToString() => Line > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File} line {Line}: {Path}") : string.Create(CultureInfo.InvariantCulture, $"{File}: {Path}");
}
