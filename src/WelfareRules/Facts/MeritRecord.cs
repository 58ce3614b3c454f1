using System.Text.Json.Serialization;
using NodaTime;

namespace WelfareRules.Facts;

/// <summary>
/// The categories of merit persons (người có công với cách mạng) and their relatives that are paid a monthly
/// allowance, as Ordinance 02/2020/UBTVQH14 Art 3 names them; spelled in the contract as in <c>docs/merit-persons.md</c>.
/// </summary>
public enum MeritCategory
{
    /// <summary><c>pre-1945-activist</c>: người hoạt động cách mạng trước ngày 01/01/1945 (Art 3 k1 a).</summary>
    [JsonStringEnumMemberName("pre-1945-activist")]
    Pre1945Activist = 0,

    /// <summary><c>pre-1945-activist-survivor</c>: the spouse or child of a deceased pre-1945 activist (Art 10 k3).</summary>
    [JsonStringEnumMemberName("pre-1945-activist-survivor")]
    Pre1945ActivistSurvivor = 1,

    /// <summary><c>pre-uprising-1945-activist</c>: người hoạt động cách mạng từ 01/01/1945 đến ngày khởi nghĩa tháng Tám năm 1945 (Art 3 k1 b).</summary>
    [JsonStringEnumMemberName("pre-uprising-1945-activist")]
    PreUprising1945Activist = 2,

    /// <summary><c>pre-uprising-1945-activist-survivor</c>: the spouse or child of a deceased pre-uprising activist (Art 13 k3).</summary>
    [JsonStringEnumMemberName("pre-uprising-1945-activist-survivor")]
    PreUprising1945ActivistSurvivor = 3,

    /// <summary><c>martyr-relative</c>: thân nhân liệt sĩ, a martyr's parent, spouse, child or foster-carer (Art 16).</summary>
    [JsonStringEnumMemberName("martyr-relative")]
    MartyrRelative = 4,

    /// <summary><c>remarried-martyr-spouse</c>: a martyr's spouse who remarried (Art 16 k10).</summary>
    [JsonStringEnumMemberName("remarried-martyr-spouse")]
    RemarriedMartyrSpouse = 5,

    /// <summary><c>heroic-mother</c>: Bà mẹ Việt Nam anh hùng (Art 3 k1 d).</summary>
    [JsonStringEnumMemberName("heroic-mother")]
    HeroicMother = 6,

    /// <summary><c>armed-forces-hero</c>: Anh hùng Lực lượng vũ trang nhân dân (Art 3 k1 đ).</summary>
    [JsonStringEnumMemberName("armed-forces-hero")]
    ArmedForcesHero = 7,

    /// <summary><c>labour-hero-resistance</c>: Anh hùng Lao động trong thời kỳ kháng chiến (Art 3 k1 e).</summary>
    [JsonStringEnumMemberName("labour-hero-resistance")]
    LabourHeroResistance = 8,

    /// <summary><c>war-invalid</c>: thương binh (Art 3 k1 g, Art 23 k1).</summary>
    [JsonStringEnumMemberName("war-invalid")]
    WarInvalid = 9,

    /// <summary><c>war-invalid-equivalent</c>: người hưởng chính sách như thương binh (Art 23 k2).</summary>
    [JsonStringEnumMemberName("war-invalid-equivalent")]
    WarInvalidEquivalent = 10,

    /// <summary><c>b-war-invalid</c>: thương binh loại B (Art 23 k3).</summary>
    [JsonStringEnumMemberName("b-war-invalid")]
    BWarInvalid = 11,

    /// <summary><c>war-invalid-survivor</c>: a relative of a deceased war invalid at 61% or more (Art 25 k2).</summary>
    [JsonStringEnumMemberName("war-invalid-survivor")]
    WarInvalidSurvivor = 12,

    /// <summary><c>sick-soldier</c>: bệnh binh (Art 3 k1 h).</summary>
    [JsonStringEnumMemberName("sick-soldier")]
    SickSoldier = 13,

    /// <summary><c>sick-soldier-survivor</c>: a relative of a deceased sick soldier at 61% or more (Art 28 k2).</summary>
    [JsonStringEnumMemberName("sick-soldier-survivor")]
    SickSoldierSurvivor = 14,

    /// <summary><c>resistance-activist-agent-orange</c>: người hoạt động kháng chiến bị nhiễm chất độc hóa học (Art 3 k1 i).</summary>
    [JsonStringEnumMemberName("resistance-activist-agent-orange")]
    ResistanceActivistAgentOrange = 15,

    /// <summary><c>agent-orange-survivor</c>: a relative of a deceased Agent-Orange activist at 61% or more (Art 31 k3).</summary>
    [JsonStringEnumMemberName("agent-orange-survivor")]
    AgentOrangeSurvivor = 16,

    /// <summary><c>agent-orange-child</c>: the deformed biological child of an Agent-Orange activist (Art 31 k1).</summary>
    [JsonStringEnumMemberName("agent-orange-child")]
    AgentOrangeChild = 17,

    /// <summary><c>revolutionary-prisoner</c>: imprisoned or exiled by the enemy (Art 3 k1 k).</summary>
    [JsonStringEnumMemberName("revolutionary-prisoner")]
    RevolutionaryPrisoner = 18,

    /// <summary><c>resistance-participant</c>: người hoạt động kháng chiến (Art 3 k1 l): a one-off only, no monthly allowance.</summary>
    [JsonStringEnumMemberName("resistance-participant")]
    ResistanceParticipant = 19,

    /// <summary><c>revolution-helper</c>: người có công giúp đỡ cách mạng (Art 3 k1 m).</summary>
    [JsonStringEnumMemberName("revolution-helper")]
    RevolutionHelper = 20,
}

/// <summary>The award of a person who helped the revolution (Ordinance Art 38), which fixes the allowance.</summary>
public enum MeritAward
{
    /// <summary>No award given.</summary>
    [JsonStringEnumMemberName("none")]
    None = 0,

    /// <summary><c>to-quoc-ghi-cong</c>: the "Tổ quốc ghi công" medal or the "Có công với nước" certificate, before the August Revolution (Art 38 k1).</summary>
    [JsonStringEnumMemberName("to-quoc-ghi-cong")]
    ToQuocGhiCong = 1,

    /// <summary><c>resistance-order</c>: the Resistance Order, Huân chương Kháng chiến (Art 38 k2).</summary>
    [JsonStringEnumMemberName("resistance-order")]
    ResistanceOrder = 2,
}

/// <summary>
/// One merit record of a person (<c>person.merit[]</c>): a category of merit person or relative and the facts its
/// amount needs. A person in several categories has several records; their allowances add up (Ordinance Art 6 k3).
/// </summary>
/// <remarks>Immutable and thread-safe. The facts a category needs are checked when a situation is read (<c>docs/contract.md</c>).</remarks>
public sealed record MeritRecord
{
    private readonly MeritCategory category;
    private readonly MeritAward award;
    private readonly int? rate;
    private readonly int martyrs = 1;
    private readonly int seniorityYears;
    private readonly LocalDate? recognisedOn;

    /// <summary>Creates a record of the category.</summary>
    /// <param name="category">The category.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="category"/> is not a defined value.</exception>
    public MeritRecord(MeritCategory category) => Category = category;

    /// <summary>The category.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a defined <see cref="MeritCategory"/>.</exception>
    public MeritCategory Category { get => category; init => category = Preconditions.CheckDefined(value, nameof(Category)); }

    /// <summary>The body-injury rate (tỷ lệ tổn thương cơ thể), whole percent from 0 to 100, for the categories paid by rate; null when not given.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is outside 0 to 100.</exception>
    public int? Rate
    {
        get => rate;
        init => rate = value is null ? null : Preconditions.CheckRange(value.Value, 0, 100, nameof(Rate));
    }

    /// <summary>Whether the wound or illness is especially severe (vết thương, bệnh tật đặc biệt nặng): the special supplement and carer rows at 81% or more.</summary>
    public bool EspeciallySevere { get; init; }

    /// <summary>The number of martyrs the relative descends from (1 by default), for <see cref="MeritCategory.MartyrRelative"/>.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is outside 1 to 100.</exception>
    public int Martyrs { get => martyrs; init => martyrs = Preconditions.CheckRange(value, 1, 100, nameof(Martyrs)); }

    /// <summary>Whether the person lives alone (sống cô đơn, Ordinance Art 4 k3): the nurture supplement.</summary>
    public bool LivesAlone { get; init; }

    /// <summary>Whether the merit person lives with the family (true by default); false means a nursing centre, so no carer allowance.</summary>
    public bool LivesWithFamily { get; init; } = true;

    /// <summary>For a pre-1945 activist: whether detached (diện thoát ly).</summary>
    public bool Detached { get; init; }

    /// <summary>For a detached pre-1945 activist: the years of seniority (thâm niên) the per-year supplement is paid for.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is outside 0 to 100.</exception>
    public int SeniorityYears { get => seniorityYears; init => seniorityYears = Preconditions.CheckRange(value, 0, 100, nameof(SeniorityYears)); }

    /// <summary>For a person who helped the revolution: the award.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is not a defined <see cref="MeritAward"/>.</exception>
    public MeritAward Award { get => award; init => award = Preconditions.CheckDefined(value, nameof(Award)); }

    /// <summary>The date of recognition (the decision or medical conclusion), or null: the allowance is paid from its month.</summary>
    /// <exception cref="System.ArgumentException">The date is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The date is before 1900 (such as <c>default</c>).</exception>
    public LocalDate? RecognisedOn { get => recognisedOn; init => recognisedOn = Preconditions.CheckDate(value, nameof(RecognisedOn)); }
}
