using WelfareRules.Legal;

namespace WelfareRules.Benefits;

/// <summary>
/// Citations of the rules written as code (start and stop months, combination rules). The figures they
/// govern are cited from the rule files; these name the provisions the logic itself follows.
/// </summary>
internal static class LawCitations
{
    internal const string Nd20 = "20/2021/NĐ-CP";

    /// <summary>The Law on Social Insurance 41/2024/QH15 (its text not seen here: citations of it are reported).</summary>
    internal const string Law41 = "41/2024/QH15";

    /// <summary>Art 4 k3: a local standard may not be lower than the national one.</summary>
    internal static readonly Citation LocalFloor = new(Nd20, "4", "3");

    /// <summary>Art 6 k2: only the highest amount, except K4 with K5, K6 or K8.</summary>
    internal static readonly Citation HighestOnly = new(Nd20, "6", "2");

    /// <summary>Art 8 k1 đ: start months.</summary>
    internal static readonly Citation StartMonth = new(Nd20, "8", "1", "đ");

    /// <summary>Art 8 k2: stop from the month after death or loss of eligibility.</summary>
    internal static readonly Citation StopMonth = new(Nd20, "8", "2");

    /// <summary>Law on Social Insurance 41/2024/QH15 Art 21: who receives the social pension (trợ cấp hưu trí xã hội).</summary>
    internal static readonly Citation SocialPension = new(Law41, "21", status: ProvisionStatus.Reported);

    /// <summary>176/2025/NĐ-CP Art 4: the social pension is paid from the month the commune chairman signs the decision (reported).</summary>
    internal static readonly Citation SocialPensionStart = new("176/2025/NĐ-CP", "4", status: ProvisionStatus.Reported);

    /// <summary>
    /// Law 41/2024/QH15 Art 22 k2: a person eligible for both the social pension and a monthly social allowance
    /// receives the higher (reported: quoted by the press, the law's text not seen).
    /// </summary>
    internal static readonly Citation HigherOfPensionAndAllowance = new(Law41, "22", "2", status: ProvisionStatus.Reported);
}
