using WelfareRules.Legal;

namespace WelfareRules.Benefits;

/// <summary>
/// Citations of the rules written as code (start and stop months, combination rules). The figures they
/// govern are cited from the rule files; these name the provisions the logic itself follows.
/// </summary>
internal static class LawCitations
{
    internal const string Nd20 = "20/2021/NĐ-CP";

    /// <summary>Art 4 k3: a local standard may not be lower than the national one.</summary>
    internal static readonly Citation LocalFloor = new(Nd20, "4", "3");

    /// <summary>Art 6 k2: only the highest amount, except K4 with K5, K6 or K8.</summary>
    internal static readonly Citation HighestOnly = new(Nd20, "6", "2");

    /// <summary>Art 8 k1 đ: start months.</summary>
    internal static readonly Citation StartMonth = new(Nd20, "8", "1", "đ");

    /// <summary>Art 8 k2: stop from the month after death or loss of eligibility.</summary>
    internal static readonly Citation StopMonth = new(Nd20, "8", "2");

    /// <summary>Law on Social Insurance 41/2024/QH15 Art 21: who receives the social pension (trợ cấp hưu trí xã hội).</summary>
    internal static readonly Citation SocialPension = new("41/2024/QH15", "21");
}
