using System.Globalization;
namespace WelfareRules.Legal;

/// <summary>The warning a report gives for a provisional provision, in English and Vietnamese, and the key that tells two such warnings apart.</summary>
/// <param name="Key">The citation as text (<see cref="Citation.ToString"/>): one warning per distinct key.</param>
/// <param name="Text">The warning line in English.</param>
/// <param name="TextVi">The warning line in Vietnamese.</param>
internal sealed record ProvisionalWarning(string Key, string Text, string TextVi)
{
    /// <summary>The warning of a provisional provision, with its note (why it is provisional) in the English text when it has one.</summary>
    internal static ProvisionalWarning For(Citation citation, string? note)
    {
        var warning = For(citation);
        return note is null ? warning : warning with { Text = warning.Text + ". Why: " + note };
    }

    internal static ProvisionalWarning For(Citation citation) => new(
        citation.ToString(),
        string.Create(CultureInfo.InvariantCulture, $"provisional law: {citation.Instrument} (Art {citation.Article}{(citation.Clause is null ? "" : " k" + citation.Clause)}) is not verified against the legal text or its sources (assumed, inferred, conflicting or a draft); figures that depend on it may change"),
        string.Create(CultureInfo.InvariantCulture, $"quy định chưa xác minh: {(citation.Clause is null ? "" : "khoản " + citation.Clause + " ")}Điều {citation.Article} {Citation.VietnameseInstrument(citation.Instrument)} chưa được đối chiếu với văn bản hoặc nguồn (giả định, suy luận, mâu thuẫn hoặc dự thảo); số liệu dựa vào quy định này có thể thay đổi"));
}
