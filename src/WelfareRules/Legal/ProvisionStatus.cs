namespace WelfareRules.Legal;

/// <summary>
/// How far a provision of the law has been checked: its provenance grade. The grades are ordered from the
/// strongest to the weakest; a figure resting on several provisions has the weakest grade among them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Verified"/> (đã đối chiếu văn bản): the instrument's own text was seen, article, clause and point checked.</item>
/// <item><see cref="Reported"/> (theo nguồn thứ cấp): the figure agrees across secondary sources that quote the instrument, but its text was not seen.</item>
/// <item><see cref="Provisional"/> (chưa xác minh): assumed, inferred, conflicting, a draft, or a citation whose article is unknown.</item>
/// </list>
/// </remarks>
public enum ProvisionStatus
{
    /// <summary>The instrument's text was seen: article, clause and point checked.</summary>
    Verified = 0,

    /// <summary>
    /// The figure agrees across secondary sources quoting the instrument (the press, legal portals), but the
    /// instrument's text was not seen. Used in computations and named in explanations; evaluation that admits only
    /// verified law refuses it.
    /// </summary>
    Reported = 1,

    /// <summary>
    /// Assumed, inferred, conflicting, a draft, or cited to an unknown article. Used in computations, but every
    /// result that depends on it carries a warning, and strict evaluation refuses it.
    /// </summary>
    Provisional = 2,
}
