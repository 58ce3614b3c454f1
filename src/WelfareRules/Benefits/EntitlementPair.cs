using WelfareRules.Evaluation;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Benefits;

/// <summary>Up to two entitlements a calculator gives for a person-month, in order; <see cref="First"/> is null when there are none.</summary>
internal readonly record struct EntitlementPair(Entitlement? First, Entitlement? Second)
{
    internal bool IsEmpty => First is null && Second is null;

    /// <summary>The sum of the entitlements.</summary>
    internal Dong Total => (First?.Amount ?? Dong.Zero) + (Second?.Amount ?? Dong.Zero);

    /// <summary>Appends the entitlements, in order, to a month's list.</summary>
    internal void AddTo(ref ValueList<Entitlement> entitlements)
    {
        if (First is not null)
        {
            entitlements.Add(First);
        }

        if (Second is not null)
        {
            entitlements.Add(Second);
        }
    }
}
