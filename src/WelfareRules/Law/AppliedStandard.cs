using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Law;

/// <summary>
/// The social-assistance standard (mức chuẩn trợ giúp xã hội) applied in a month: the higher of the
/// local and national standards (ND 20/2021 Art 4 k3), with the provision it came from.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AppliedStandard
{
    internal AppliedStandard(Provision provision, Provision? national, Provision? local)
    {
        Provision = provision;
        National = national;
        Local = local;
    }

    /// <summary>The amount applied.</summary>
    public Dong Amount => Provision.Amount;

    /// <summary>The provision applied.</summary>
    public Provision Provision { get; }

    /// <summary>The legal basis of the amount applied.</summary>
    public Citation Basis => Provision.Basis;

    /// <summary>The national standard in force, or null when none is.</summary>
    public Provision? National { get; }

    /// <summary>The local standard in force, or null when the jurisdiction has none (or is national).</summary>
    public Provision? Local { get; }

    /// <summary>Whether a local standard exists but the national one applied because it is higher (the national floor).</summary>
    public bool IsNationalFloor => Local is not null && ReferenceEquals(Provision, National);
}
