using NodaTime;
using WelfareRules.Legal;

namespace WelfareRules.Law;

/// <summary>
/// A beneficiary group (nhóm đối tượng) defined by an instrument: its id, who it admits (conditions over the facts,
/// written in the rule file, or a named rule of the library), the date it opens, and its legal basis. Its
/// coefficients are provisions.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class GroupDefinition
{
    internal GroupDefinition(string id, string code, string? rule, Jurisdiction jurisdiction, LocalDate from, string title, string? titleEnglish, Citation basis, SourceLocation location, Conditions.GroupEligibility? eligibility = null)
    {
        Eligibility = eligibility;
        Id = id;
        Code = code;
        Rule = rule;
        Jurisdiction = jurisdiction;
        From = from;
        Title = title;
        TitleEnglish = titleEnglish;
        Basis = basis;
        Location = location;
    }

    /// <summary>The group's id as reports show it, e.g. <c>ND20-5-5a</c>.</summary>
    public string Id { get; }

    /// <summary>A short code, e.g. <c>K5a</c>.</summary>
    public string Code { get; }

    /// <summary>
    /// The named eligibility rule of the library that decides membership, or null when the rule file states the
    /// group's conditions itself (<c>when</c>, <c>bands</c>); see <c>docs/rule-files.md</c>.
    /// </summary>
    public string? Rule { get; }

    /// <summary>The group's conditions, bands, start and combination, when the rule file states them.</summary>
    internal Conditions.GroupEligibility? Eligibility { get; }

    /// <summary>Whether the group belongs to the monthly social allowance (every group with a named rule does).</summary>
    internal bool IsAllowance => Eligibility is null || Eligibility.Benefit == Conditions.GroupBenefit.SocialAllowance;

    /// <summary>Where the group exists.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The date from which the group exists (it may be closed later by a <c>group-open</c> provision).</summary>
    public LocalDate From { get; }

    /// <summary>The Vietnamese title.</summary>
    public string Title { get; }

    /// <summary>An English title, or null.</summary>
    public string? TitleEnglish { get; }

    /// <summary>The provision defining the group.</summary>
    public Citation Basis { get; }

    /// <summary>Where the group was read from.</summary>
    public SourceLocation Location { get; }
}
