namespace WelfareRules.Law;

/// <summary>What a parameter's value is.</summary>
public enum ParameterKind
{
    /// <summary>An amount in whole đồng.</summary>
    Amount = 0,

    /// <summary>A coefficient (hệ số), multiplier, rate or share, as a decimal.</summary>
    Factor = 1,

    /// <summary>A yes/no switch, such as whether a beneficiary group is open.</summary>
    Switch = 2,
}
