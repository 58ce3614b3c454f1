using System;
using System.Collections.Immutable;
using NodaTime;
using WelfareRules.Facts;

namespace WelfareRules.Benefits.HealthInsurance;

/// <summary>What a support group's test may use besides the person and the month.</summary>
/// <param name="ReceivesMonthlyAssistance">The report holds a monthly social allowance or the social pension for the person.</param>
/// <param name="EscapedPovertyMonths">The local support window after leaving poverty, in months, or null when none is in force.</param>
/// <param name="NurturedInFacility">The report holds the nurturing allowance of a social assistance facility for the person (ND 20 Art 24 k1–3, Art 25 k1).</param>
/// <param name="ChildCardThroughMonth">The month of the year through which a child's card lasts in the year the child turns six, or null when none is in force.</param>
/// <param name="Law">The month's law, for the ages the groups read.</param>
internal readonly record struct SupportContext(bool ReceivesMonthlyAssistance, int? EscapedPovertyMonths, bool NurturedInFacility, int? ChildCardThroughMonth, Law.MonthLaw Law);

/// <summary>
/// A group whose premium the state pays in whole or in part: the case of the share parameter that holds
/// its share, and the test of the facts. The share and its citation come from the instrument files, so a
/// group counts only in months where an instrument gives it a share.
/// </summary>
internal sealed record SupportGroup(string Case, string English, string Vietnamese, Func<Person, YearMonth, SupportContext, bool> Applies);

/// <summary>The groups the facts can express, national and local, in the order a tie is cited.</summary>
internal static class SupportGroups
{
    /// <summary>The ages the groups read (cases of <c>age</c>): a child's card (146/2018/NĐ-CP Art 3 k7), the survivor group (Art 3 k17), Hanoi's elderly group (19/2025/NQ-HĐND Art 3 k3 b), a child (ND 20/2021 Art 5 k1).</summary>
    internal const string ChildAge = "hi-child", SurvivorAge = "hi-survivor", HanoiElderlyFrom = "hn-hi-elderly-from", HanoiElderlyTo = "hn-hi-elderly-to", Child = "child";

    /// <summary>National groups (146/2018/NĐ-CP Art 3 and Art 8; 188/2025/NĐ-CP from 2025-08-15): the highest share applies (Art 8 k2).</summary>
    internal static readonly ImmutableArray<SupportGroup> National =
    [
        new("child-under-6", "a child under 6", "trẻ em dưới 6 tuổi",
            (p, m, c) => AgeReading.StillUnder(p.BirthDate, LawValues.Age(c.Law, ChildAge), m) || ChildCardExtended(p.BirthDate, m, c.ChildCardThroughMonth, LawValues.Age(c.Law, ChildAge))),
        new("social-assistance", "receives a monthly social allowance or the social pension", "đang hưởng trợ cấp xã hội hằng tháng hoặc trợ cấp hưu trí xã hội",
            (_, _, c) => c.ReceivesMonthlyAssistance),
        new("facility-resident", "nurtured in a social assistance facility (ND 20 Art 24 k1–3): a health-insurance card (Art 25 k2)", "đối tượng được nuôi dưỡng tại cơ sở trợ giúp xã hội: được cấp thẻ bảo hiểm y tế",
            (_, _, c) => c.NurturedInFacility),
        new("poor-household", "a member of a poor household", "thành viên hộ nghèo",
            (p, _, _) => p.Household.Poverty == Poverty.Poor),
        new("ethnic-minority-difficult-area", "an ethnic minority living in a disadvantaged area", "người dân tộc thiểu số sinh sống tại vùng có điều kiện kinh tế - xã hội khó khăn",
            (p, _, _) => p.EthnicMinority && p.Household.ExtremelyDifficultArea),
        new("extremely-difficult-area", "living in an extremely disadvantaged area", "người sinh sống tại vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn",
            (p, _, _) => p.Household.ExtremelyDifficultArea),
        new("survivor-80", "aged 80 or over on a monthly social-insurance benefit (read as the survivor benefit)", "người từ đủ 80 tuổi đang hưởng trợ cấp tuất hằng tháng",
            (p, m, c) => p.ReceivesPension && AgeReading.AgeIn(p.BirthDate, m) >= LawValues.Age(c.Law, SurvivorAge)),
        new("near-poor", "a member of a near-poor household", "thành viên hộ cận nghèo",
            (p, _, _) => p.Household.Poverty == Poverty.NearPoor),
        new("student", "a pupil or student", "học sinh, sinh viên",
            (p, _, _) => p.Student),
        new("farming-average", "a farming, forestry, fishery or salt household with an average living standard", "hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình",
            (p, _, _) => p.Household.AverageLivingStandardFarming),
    ];

    /// <summary>Hanoi: a household recognised as having left poverty or near-poverty, within the support window (19/2025/NQ-HĐND Art 3 k3 a).</summary>
    internal static readonly SupportGroup EscapedPoverty =
        new("escaped-poverty", "household recognised as having left poverty or near-poverty, within the support window", "hộ thoát nghèo, thoát cận nghèo trong thời gian được hỗ trợ",
            (p, m, c) => p.Household.EscapedPovertyMonth is { } left && c.EscapedPovertyMonths is { } window && MonthsFrom(left, m) is var since && since >= 0 && since < window);

    /// <summary>Local groups (Hanoi 19/2025/NQ-HĐND Art 3 k3 from 2026-01-01): the highest local share is added to the national one.</summary>
    internal static readonly ImmutableArray<SupportGroup> Local =
    [
        EscapedPoverty,
        new("elderly-70-74", "aged 70 to under 75 without a card", "người từ đủ 70 tuổi đến dưới 75 tuổi chưa có thẻ bảo hiểm y tế",
            (p, m, c) => AgeReading.AgeIn(p.BirthDate, m) >= LawValues.Age(c.Law, HanoiElderlyFrom) && AgeReading.AgeIn(p.BirthDate, m) < LawValues.Age(c.Law, HanoiElderlyTo)),
        new("mild-disability", "mild disability, aged 16 or over, without a card", "người khuyết tật nhẹ (trừ trẻ em dưới 16 tuổi) chưa có thẻ bảo hiểm y tế",
            (p, m, c) => p.Disability == Disability.Mild && AgeReading.AgeIn(p.BirthDate, m) >= LawValues.Age(c.Law, Child)),
        new("ethnic-minority", "an ethnic minority without a card", "người dân tộc thiểu số chưa có thẻ bảo hiểm y tế",
            (p, _, _) => p.EthnicMinority),
        new("farming-average", "a farming, forestry, fishery or salt household with an average living standard", "hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình",
            (p, _, _) => p.Household.AverageLivingStandardFarming),
    ];

    /// <summary>
    /// 146/2018/NĐ-CP Art 13 k2: the card of a child born before the last day of <paramref name="throughMonth"/>
    /// (30 September) lasts to the end of that month of the year the child turns six; a child born later keeps it to the
    /// end of the month of the sixth birthday (which <see cref="AgeReading.StillUnder"/> already gives).
    /// </summary>
    internal static bool ChildCardExtended(LocalDate birthDate, YearMonth month, int? throughMonth, int childAge) =>
        throughMonth is { } through && birthDate.Month <= through && month.Year - birthDate.Year == childAge && month.Month <= through;

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>: 0 in the same month.</summary>
    internal static int MonthsFrom(YearMonth from, YearMonth to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
