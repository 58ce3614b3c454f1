namespace WelfareRules.Legal;

/// <summary>The warning a report gives for a provisional provision, and the key that tells two such warnings apart.</summary>
/// <param name="Key">The citation as text (<see cref="Citation.ToString"/>): one warning per distinct key.</param>
/// <param name="Text">The warning line.</param>
internal sealed record ProvisionalWarning(string Key, string Text)
{
    /// <summary>The warning for a provisional citation.</summary>
    internal static ProvisionalWarning For(Citation citation) => new(
        citation.ToString(),
        $"provisional law: {citation.Instrument} (Art {citation.Article}{(citation.Clause is null ? "" : " k" + citation.Clause)}) is not verified against the legal text; figures that depend on it may change");
}
