namespace WelfareRules.Reports;

/// <summary>The kinds of entitlement, with the spellings of the command-line contract.</summary>
public enum EntitlementKind
{
    /// <summary><c>social-allowance</c>: the monthly social allowance (ND 20 Arts 5–6, or a local resolution).</summary>
    SocialAllowance = 0,

    /// <summary><c>disability-care-support</c>: support to a disabled person who is pregnant or raising a child under 36 months (Art 20 k2 a, b).</summary>
    DisabilityCareSupport = 1,

    /// <summary><c>carer-support</c>: support to the household or person who fosters or directly cares (Art 20 k1, k2 c, k2 d).</summary>
    CarerSupport = 2,

    /// <summary><c>institutional-care</c>: the nurturing allowance in a social assistance facility (Art 25).</summary>
    InstitutionalCare = 3,

    /// <summary><c>social-pension</c>: the social pension (Law 41/2024 Art 21, ND 176/2025).</summary>
    SocialPension = 4,

    /// <summary><c>social-pension-top-up</c>: a local top-up to the social pension.</summary>
    SocialPensionTopUp = 5,

    /// <summary><c>funeral-support</c>: in the month of death.</summary>
    FuneralSupport = 6,

    /// <summary><c>cremation-support</c>: Hanoi NQ 03/2020, in the month of death.</summary>
    CremationSupport = 7,

    /// <summary><c>merit-allowance</c>: a preferential allowance, supplement, survivor or nurture amount of a merit person or relative (Ordinance 02/2020/UBTVQH14; ND 75/2021 Appendices I–III).</summary>
    MeritAllowance = 8,

    /// <summary><c>merit-carer-allowance</c>: the allowance for a merit person's carer (trợ cấp người phục vụ), payee <c>carer</c>.</summary>
    MeritCarerAllowance = 9,
}

/// <summary>Who is paid.</summary>
public enum Payee
{
    /// <summary><c>beneficiary</c>: the person themselves.</summary>
    Beneficiary = 0,

    /// <summary><c>carer</c>: the household or person who fosters or cares for them.</summary>
    Carer = 1,
}

/// <summary>The contract's spellings of <see cref="EntitlementKind"/> and <see cref="Payee"/>.</summary>
public static class ContractNames
{
    /// <summary>The contract spelling of a kind, e.g. <c>social-allowance</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The spelling.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static string Of(EntitlementKind kind) => kind switch
    {
        EntitlementKind.SocialAllowance => "social-allowance",
        EntitlementKind.DisabilityCareSupport => "disability-care-support",
        EntitlementKind.CarerSupport => "carer-support",
        EntitlementKind.InstitutionalCare => "institutional-care",
        EntitlementKind.SocialPension => "social-pension",
        EntitlementKind.SocialPensionTopUp => "social-pension-top-up",
        EntitlementKind.FuneralSupport => "funeral-support",
        EntitlementKind.CremationSupport => "cremation-support",
        EntitlementKind.MeritAllowance => "merit-allowance",
        EntitlementKind.MeritCarerAllowance => "merit-carer-allowance",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entitlement kind."),
    };

    /// <summary>The contract spelling of every kind, in the order of <see cref="EntitlementKind"/>.</summary>
    internal static readonly System.Collections.Immutable.ImmutableArray<string> KindSpellings =
        [.. System.Linq.Enumerable.Select(System.Enum.GetValues<EntitlementKind>(), Of)];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, EntitlementKind> KindsBySpelling =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(System.Enum.GetValues<EntitlementKind>(), Of, k => k, System.StringComparer.Ordinal);

    /// <summary>The kind a contract spelling names (ordinal, as the contract spells it), if any.</summary>
    internal static bool TryParse(string spelling, out EntitlementKind kind) => KindsBySpelling.TryGetValue(spelling, out kind);

    /// <summary>The Vietnamese name of a kind, as a Vietnamese explanation or report names it, e.g. <c>trợ cấp xã hội hằng tháng</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name, in lower case as it reads inside a sentence.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static string VietnameseName(EntitlementKind kind) => kind switch
    {
        EntitlementKind.SocialAllowance => "trợ cấp xã hội hằng tháng",
        EntitlementKind.DisabilityCareSupport => "hỗ trợ kinh phí chăm sóc hằng tháng (người khuyết tật)",
        EntitlementKind.CarerSupport => "hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
        EntitlementKind.InstitutionalCare => "trợ cấp nuôi dưỡng tại cơ sở trợ giúp xã hội",
        EntitlementKind.SocialPension => "trợ cấp hưu trí xã hội",
        EntitlementKind.SocialPensionTopUp => "hỗ trợ thêm cho người hưởng trợ cấp hưu trí xã hội",
        EntitlementKind.FuneralSupport => "hỗ trợ chi phí mai táng",
        EntitlementKind.CremationSupport => "hỗ trợ hỏa táng",
        EntitlementKind.MeritAllowance => "trợ cấp, phụ cấp ưu đãi người có công",
        EntitlementKind.MeritCarerAllowance => "trợ cấp người phục vụ người có công",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entitlement kind."),
    };

    /// <summary>The contract spelling of a payee.</summary>
    /// <param name="payee">The payee.</param>
    /// <returns><c>beneficiary</c> or <c>carer</c>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="payee"/> is not a defined payee.</exception>
    public static string Of(Payee payee) => Preconditions.CheckDefined(payee, nameof(payee)) == Payee.Carer ? "carer" : "beneficiary";

    /// <summary>
    /// Whether entitlements of this kind recur every month (counted in <see cref="Report.MonthlyTotal"/>), rather than
    /// being paid once (funeral and cremation support).
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True for the monthly kinds.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static bool IsMonthly(this EntitlementKind kind) => Preconditions.CheckDefined(kind, nameof(kind)) is not (EntitlementKind.FuneralSupport or EntitlementKind.CremationSupport);
}
