namespace WelfareRules.Facts;

/// <summary>The household's recognised poverty status in the person's jurisdiction (Hanoi uses its own line).</summary>
public enum Poverty
{
    /// <summary>Neither poor nor near-poor.</summary>
    None = 0,

    /// <summary>Poor household (hộ nghèo).</summary>
    Poor = 1,

    /// <summary>Near-poor household (hộ cận nghèo).</summary>
    NearPoor = 2,
}

/// <summary>A person's sex, when given: for the distribution of a comparison (no condition of the law reads it yet).</summary>
public enum Sex
{
    /// <summary>Not given.</summary>
    NotGiven = 0,

    /// <summary>Female (nữ).</summary>
    Female = 1,

    /// <summary>Male (nam).</summary>
    Male = 2,
}

/// <summary>Urban or rural area (the poverty line differs).</summary>
public enum Area
{
    /// <summary>Urban (thành thị).</summary>
    Urban = 0,

    /// <summary>Rural (nông thôn).</summary>
    Rural = 1,
}

/// <summary>How a death happened, for funeral support.</summary>
public enum DeathCause
{
    /// <summary>An ordinary death.</summary>
    Ordinary = 0,

    /// <summary>Disaster, fire, epidemic, traffic or serious work accident, or force majeure (ND 20 Art 14 k1).</summary>
    Disaster = 1,
}

/// <summary>The cases of ND 20/2021 Art 5 k1 points a–l: a child with no source of nurture ("detained": prison, reform school, compulsory education or rehab).</summary>
public enum Orphanhood
{
    /// <summary>Not orphaned or abandoned.</summary>
    None = 0,

    /// <summary>a) Abandoned and not adopted.</summary>
    Abandoned = 1,

    /// <summary>b) Both parents dead.</summary>
    BothParentsDead = 2,

    /// <summary>c) One parent dead, the other declared missing.</summary>
    OneDeadOtherMissing = 3,

    /// <summary>d) One parent dead, the other in a social assistance facility.</summary>
    OneDeadOtherInFacility = 4,

    /// <summary>đ) One parent dead, the other detained.</summary>
    OneDeadOtherDetained = 5,

    /// <summary>e) Both parents declared missing.</summary>
    BothMissing = 6,

    /// <summary>g) Both parents in a facility.</summary>
    BothInFacility = 7,

    /// <summary>h) Both parents detained.</summary>
    BothDetained = 8,

    /// <summary>i) One parent missing, the other in a facility.</summary>
    OneMissingOtherInFacility = 9,

    /// <summary>k) One parent missing, the other detained.</summary>
    OneMissingOtherDetained = 10,

    /// <summary>l) One parent in a facility, the other detained.</summary>
    OneInFacilityOtherDetained = 11,
}

/// <summary>The certified disability level (mức độ khuyết tật).</summary>
public enum Disability
{
    /// <summary>No disability.</summary>
    None = 0,

    /// <summary>Mild (khuyết tật nhẹ).</summary>
    Mild = 1,

    /// <summary>Severe (khuyết tật nặng).</summary>
    Severe = 2,

    /// <summary>Especially severe (khuyết tật đặc biệt nặng).</summary>
    EspeciallySevere = 3,
}

/// <summary>Where and with whom the person lives.</summary>
public enum LivingArrangement
{
    /// <summary>With their own household, which directly cares for them.</summary>
    Family = 0,

    /// <summary>Alone.</summary>
    Alone = 1,

    /// <summary>Fostered by another household or person in the community (nhận chăm sóc, nuôi dưỡng).</summary>
    FosterCare = 2,

    /// <summary>In a public social assistance facility (cơ sở trợ giúp xã hội).</summary>
    Facility = 3,
}
