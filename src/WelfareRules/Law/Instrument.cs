using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using WelfareRules.Legal;

namespace WelfareRules.Law;

/// <summary>
/// A legal instrument (văn bản quy phạm pháp luật) or a draft policy change: its identity, dates and
/// status, and the dated provisions and beneficiary groups it contributes. Read one from a rule file
/// with <see cref="InstrumentReader"/>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The signed, in-force and application dates are kept apart: an
/// instrument may be signed and take effect after the months it applies to.
/// </remarks>
public sealed class Instrument
{
    internal Instrument(
        string id, InstrumentKind kind, string title, string? titleEnglish, string issuer, Jurisdiction jurisdiction,
        LocalDate? signed, LocalDate? effective, LocalDate appliesFrom, ProvisionStatus status, string? source,
        ImmutableArray<GroupDefinition> groups, ImmutableArray<Provision> provisions, string file)
    {
        Id = id;
        Kind = kind;
        Title = title;
        TitleEnglish = titleEnglish;
        Issuer = issuer;
        Jurisdiction = jurisdiction;
        Signed = signed;
        Effective = effective;
        AppliesFrom = appliesFrom;
        Status = status;
        Source = source;
        Groups = groups;
        Provisions = provisions;
        File = file;
    }

    /// <summary>The instrument's number (số hiệu), e.g. <c>20/2021/NĐ-CP</c>.</summary>
    public string Id { get; }

    /// <summary>The kind of instrument.</summary>
    public InstrumentKind Kind { get; }

    /// <summary>The Vietnamese title, e.g. "Nghị định quy định chính sách trợ giúp xã hội…".</summary>
    public string Title { get; }

    /// <summary>An English title, or null.</summary>
    public string? TitleEnglish { get; }

    /// <summary>The issuing body, e.g. "Chính phủ".</summary>
    public string Issuer { get; }

    /// <summary>Where the instrument's provisions apply.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The signing date (ngày ký), or null when unknown (a draft).</summary>
    public LocalDate? Signed { get; }

    /// <summary>The date it takes effect (ngày có hiệu lực), or null when unknown.</summary>
    public LocalDate? Effective { get; }

    /// <summary>The first date its provisions apply to; no provision of it may start earlier.</summary>
    public LocalDate AppliesFrom { get; }

    /// <summary>The status of the instrument as a whole; a provision may be more doubtful than its instrument.</summary>
    public ProvisionStatus Status { get; }

    /// <summary>Where the text was checked, or null.</summary>
    public string? Source { get; }

    /// <summary>The beneficiary groups it defines.</summary>
    public ImmutableArray<GroupDefinition> Groups { get; }

    /// <summary>The dated parameter values it sets.</summary>
    public ImmutableArray<Provision> Provisions { get; }

    /// <summary>The file or embedded resource it was read from.</summary>
    public string File { get; }

    /// <summary>The number and title.</summary>
    /// <returns>The instrument as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({Title})");
}
