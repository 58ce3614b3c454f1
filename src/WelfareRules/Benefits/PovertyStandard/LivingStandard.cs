namespace WelfareRules.Benefits.PovertyStandard;

/// <summary>A household's class under the multidimensional poverty standard.</summary>
public enum LivingStandard
{
    /// <summary><c>none</c>: above the average-living-standard band.</summary>
    None = 0,

    /// <summary><c>poor</c>: hộ nghèo.</summary>
    Poor = 1,

    /// <summary><c>nearPoor</c>: hộ cận nghèo.</summary>
    NearPoor = 2,

    /// <summary><c>averageLivingStandard</c>: hộ có mức sống trung bình.</summary>
    AverageLivingStandard = 3,
}
