using System;
using System.Text;

namespace WelfareRules.Legal;

/// <summary>
/// A legal basis (căn cứ pháp lý): an instrument and, within it, an article (Điều), clause (khoản)
/// and point (điểm), with the status of the provision cited.
/// </summary>
/// <remarks>Immutable and thread-safe; equality is by value.</remarks>
public sealed record Citation
{
    /// <summary>Creates a citation.</summary>
    /// <param name="instrument">The instrument's number (số hiệu), e.g. <c>20/2021/NĐ-CP</c>.</param>
    /// <param name="article">The article (Điều), e.g. <c>6</c>; required.</param>
    /// <param name="clause">The clause (khoản), if any.</param>
    /// <param name="point">The point (điểm), if any, e.g. <c>đ</c>.</param>
    /// <param name="status">The provision's provenance grade: verified, reported or provisional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> or <paramref name="article"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="instrument"/> or <paramref name="article"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined grade.</exception>
    public Citation(string instrument, string article, string? clause = null, string? point = null, ProvisionStatus status = ProvisionStatus.Verified)
    {
        Preconditions.CheckNotNull(instrument, nameof(instrument));
        Preconditions.CheckNotNull(article, nameof(article));
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(instrument), nameof(instrument), "A citation names its instrument.");
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(article), nameof(article), "A citation names an article.");
        Instrument = instrument;
        Article = article;
        Clause = string.IsNullOrWhiteSpace(clause) ? null : clause;
        Point = string.IsNullOrWhiteSpace(point) ? null : point;
        Status = Preconditions.CheckDefined(status, nameof(status));
    }

    /// <summary>The instrument's number (số hiệu văn bản), e.g. <c>20/2021/NĐ-CP</c>.</summary>
    public string Instrument { get; }

    /// <summary>The article (Điều).</summary>
    public string Article { get; }

    /// <summary>The clause (khoản), or null.</summary>
    public string? Clause { get; }

    /// <summary>The point (điểm), or null.</summary>
    public string? Point { get; }

    /// <summary>The provenance grade of the provision cited.</summary>
    public ProvisionStatus Status { get; }

    /// <summary>The appendix (phụ lục) whose table sets the figure, e.g. <c>II</c>, or null.</summary>
    public string? Appendix { get; init => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    /// <summary>The row (số thứ tự) of the appendix's table, e.g. <c>21</c> or <c>6.1</c>, or null.</summary>
    public string? Row { get; init => field = string.IsNullOrWhiteSpace(value) ? null : value; }

    /// <summary>Whether the provision cited is provisional.</summary>
    public bool IsProvisional => Status == ProvisionStatus.Provisional;

    /// <summary>
    /// Formats the citation in English, e.g. "20/2021/NĐ-CP Art 6 k1 đ", with the grade in brackets when it is
    /// not verified ("76/2024/NĐ-CP Art 1 k1 [reported]").
    /// </summary>
    /// <returns>The citation as text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Instrument).Append(" Art ").Append(Article);
        if (Clause is not null)
        {
            text.Append(" k").Append(Clause);
        }

        if (Point is not null)
        {
            text.Append(' ').Append(Point);
        }

        if (Appendix is not null)
        {
            text.Append(", Appendix ").Append(Appendix);
            if (Row is not null)
            {
                text.Append(" row ").Append(Row);
            }
        }

        if (Status != ProvisionStatus.Verified)
        {
            text.Append(" [").Append(Status.ContractName()).Append(']');
        }

        return text.ToString();
    }

    /// <summary>
    /// The instrument as a Vietnamese citation names it: its type (loại văn bản) before its number, read from the abbreviation
    /// after the number's last slash, as ND 30/2020/NĐ-CP Appendix III spells them: <c>NĐ</c> Nghị định, <c>NQ</c> Nghị
    /// quyết, <c>TT</c> Thông tư, <c>TTLT</c> Thông tư liên tịch, <c>QĐ</c> Quyết định, <c>CT</c> Chỉ thị; the number
    /// alone where it does not say (a law's or an ordinance's number, which a resolution of the same body shares; a
    /// draft's id).
    /// </summary>
    internal static string VietnameseInstrument(string instrument) => VietnameseType(instrument) is { } type ? type + " " + instrument : instrument;

    private static string? VietnameseType(string instrument)
    {
        int slash = instrument.LastIndexOf('/');
        var abbreviation = slash < 0 ? default : instrument.AsSpan(slash + 1);
        int dash = abbreviation.IndexOf('-');
        return dash <= 0 ? null : abbreviation[..dash] switch
        {
            "NĐ" => "Nghị định",
            "NQ" => "Nghị quyết",
            "TT" => "Thông tư",
            "TTLT" => "Thông tư liên tịch",
            "QĐ" => "Quyết định",
            "CT" => "Chỉ thị",
            _ => null,
        };
    }

    /// <summary>
    /// Formats the citation in Vietnamese, e.g. "điểm đ khoản 1 Điều 6 Nghị định 20/2021/NĐ-CP", with the grade in brackets
    /// when it is not verified ("[theo nguồn thứ cấp]", "[chưa xác minh]").
    /// </summary>
    /// <returns>The citation as Vietnamese text.</returns>
    public string ToVietnameseString()
    {
        var text = new StringBuilder();
        if (Appendix is not null)
        {
            if (Row is not null)
            {
                text.Append("STT ").Append(Row).Append(' ');
            }

            text.Append("Phụ lục ").Append(Appendix).Append(", ");
        }

        if (Point is not null)
        {
            text.Append("điểm ").Append(Point).Append(' ');
        }

        if (Clause is not null)
        {
            text.Append("khoản ").Append(Clause).Append(' ');
        }

        text.Append("Điều ").Append(Article).Append(' ').Append(VietnameseInstrument(Instrument));
        if (Status != ProvisionStatus.Verified)
        {
            text.Append(" [").Append(Status.VietnameseName()).Append(']');
        }

        return text.ToString();
    }
}
