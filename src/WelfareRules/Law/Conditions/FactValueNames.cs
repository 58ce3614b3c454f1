using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using WelfareRules.Facts;

namespace WelfareRules.Law.Conditions;

/// <summary>
/// The Vietnamese labels of the values of the contract's choice facts, as a Vietnamese explanation names them
/// ("hoàn cảnh không có nguồn nuôi dưỡng: mồ côi cả cha và mẹ" rather than the contract's <c>bothParentsDead</c>).
/// Wording, not law: the values' meaning is in <c>docs/contract.md</c>, the cases in the instruments' groups.
/// </summary>
internal static class FactValueNames
{
    /// <summary>ND 20/2021 Art 5 k1, points a to l.</summary>
    internal static readonly IReadOnlyDictionary<int, string> Orphanhood = Labelled<Orphanhood>(
        (Facts.Orphanhood.None, "không thuộc trường hợp nào"),
        (Facts.Orphanhood.Abandoned, "bị bỏ rơi chưa có người nhận làm con nuôi"),
        (Facts.Orphanhood.BothParentsDead, "mồ côi cả cha và mẹ"),
        (Facts.Orphanhood.OneDeadOtherMissing, "mồ côi cha hoặc mẹ, người còn lại bị tuyên bố mất tích"),
        (Facts.Orphanhood.OneDeadOtherInFacility, "mồ côi cha hoặc mẹ, người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội, nhà xã hội"),
        (Facts.Orphanhood.OneDeadOtherDetained, "mồ côi cha hoặc mẹ, người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang ở trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc"),
        (Facts.Orphanhood.BothMissing, "cả cha và mẹ bị tuyên bố mất tích"),
        (Facts.Orphanhood.BothInFacility, "cả cha và mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội, nhà xã hội"),
        (Facts.Orphanhood.BothDetained, "cả cha và mẹ đang chấp hành án phạt tù tại trại giam hoặc đang ở trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc"),
        (Facts.Orphanhood.OneMissingOtherInFacility, "cha hoặc mẹ bị tuyên bố mất tích, người còn lại đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội, nhà xã hội"),
        (Facts.Orphanhood.OneMissingOtherDetained, "cha hoặc mẹ bị tuyên bố mất tích, người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang ở trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc"),
        (Facts.Orphanhood.OneInFacilityOtherDetained, "cha hoặc mẹ đang hưởng chế độ chăm sóc, nuôi dưỡng tại cơ sở trợ giúp xã hội, người còn lại đang chấp hành án phạt tù tại trại giam hoặc đang ở trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc")
    );

    internal static readonly IReadOnlyDictionary<int, string> Disability = Labelled<Disability>(
        (Facts.Disability.None, "không khuyết tật"),
        (Facts.Disability.Mild, "khuyết tật nhẹ"),
        (Facts.Disability.Severe, "khuyết tật nặng"),
        (Facts.Disability.EspeciallySevere, "khuyết tật đặc biệt nặng")
    );

    internal static readonly IReadOnlyDictionary<int, string> LivingArrangement = Labelled<LivingArrangement>(
        (Facts.LivingArrangement.Family, "sống cùng gia đình"),
        (Facts.LivingArrangement.Alone, "sống một mình"),
        (Facts.LivingArrangement.FosterCare, "được cá nhân, hộ gia đình nhận chăm sóc, nuôi dưỡng"),
        (Facts.LivingArrangement.Facility, "sống tại cơ sở trợ giúp xã hội")
    );

    internal static readonly IReadOnlyDictionary<int, string> DeathCause = Labelled<DeathCause>(
        (Facts.DeathCause.Ordinary, "thông thường"),
        (Facts.DeathCause.Disaster, "do thiên tai, hỏa hoạn, dịch bệnh, tai nạn giao thông, tai nạn lao động nghiêm trọng hoặc lý do bất khả kháng khác")
    );

    internal static readonly IReadOnlyDictionary<int, string> Poverty = Labelled<Poverty>(
        (Facts.Poverty.None, "không thuộc hộ nghèo, hộ cận nghèo"),
        (Facts.Poverty.Poor, "hộ nghèo"),
        (Facts.Poverty.NearPoor, "hộ cận nghèo")
    );

    internal static readonly IReadOnlyDictionary<int, string> Area = Labelled<Area>(
        (Facts.Area.Urban, "thành thị"),
        (Facts.Area.Rural, "nông thôn")
    );

    /// <summary>Ordinance 02/2020/UBTVQH14 Art 3 and the relatives its articles name.</summary>
    internal static readonly IReadOnlyDictionary<int, string> MeritCategory = Labelled<MeritCategory>(
        (Facts.MeritCategory.Pre1945Activist, "người hoạt động cách mạng trước ngày 01/01/1945"),
        (Facts.MeritCategory.Pre1945ActivistSurvivor, "vợ, chồng, con của người hoạt động cách mạng trước ngày 01/01/1945 đã chết"),
        (Facts.MeritCategory.PreUprising1945Activist, "người hoạt động cách mạng từ ngày 01/01/1945 đến ngày khởi nghĩa tháng Tám năm 1945"),
        (Facts.MeritCategory.PreUprising1945ActivistSurvivor, "vợ, chồng, con của người hoạt động cách mạng từ ngày 01/01/1945 đến ngày khởi nghĩa tháng Tám năm 1945 đã chết"),
        (Facts.MeritCategory.MartyrRelative, "thân nhân liệt sỹ"),
        (Facts.MeritCategory.RemarriedMartyrSpouse, "vợ hoặc chồng liệt sỹ lấy chồng hoặc vợ khác (khoản 10 Điều 16 Pháp lệnh 02/2020/UBTVQH14)"),
        (Facts.MeritCategory.HeroicMother, "Bà mẹ Việt Nam anh hùng"),
        (Facts.MeritCategory.ArmedForcesHero, "Anh hùng Lực lượng vũ trang nhân dân"),
        (Facts.MeritCategory.LabourHeroResistance, "Anh hùng Lao động trong thời kỳ kháng chiến"),
        (Facts.MeritCategory.WarInvalid, "thương binh"),
        (Facts.MeritCategory.WarInvalidEquivalent, "người hưởng chính sách như thương binh"),
        (Facts.MeritCategory.BWarInvalid, "thương binh loại B"),
        (Facts.MeritCategory.WarInvalidSurvivor, "thân nhân của thương binh, người hưởng chính sách như thương binh có tỷ lệ tổn thương cơ thể từ 61% trở lên đã chết"),
        (Facts.MeritCategory.SickSoldier, "bệnh binh"),
        (Facts.MeritCategory.SickSoldierSurvivor, "thân nhân của bệnh binh có tỷ lệ tổn thương cơ thể từ 61% trở lên đã chết"),
        (Facts.MeritCategory.ResistanceActivistAgentOrange, "người hoạt động kháng chiến bị nhiễm chất độc hóa học"),
        (Facts.MeritCategory.AgentOrangeSurvivor, "thân nhân của người hoạt động kháng chiến bị nhiễm chất độc hóa học có tỷ lệ tổn thương cơ thể từ 61% trở lên đã chết"),
        (Facts.MeritCategory.AgentOrangeChild, "con đẻ bị dị dạng, dị tật của người hoạt động kháng chiến bị nhiễm chất độc hóa học"),
        (Facts.MeritCategory.RevolutionaryPrisoner, "người hoạt động cách mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế bị địch bắt tù, đày"),
        (Facts.MeritCategory.ResistanceParticipant, "người hoạt động kháng chiến giải phóng dân tộc, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế"),
        (Facts.MeritCategory.RevolutionHelper, "người có công giúp đỡ cách mạng")
    );

    internal static readonly IReadOnlyDictionary<int, string> MeritAward = Labelled<MeritAward>(
        (Facts.MeritAward.None, "không được khen tặng"),
        (Facts.MeritAward.ToQuocGhiCong, "Kỷ niệm chương “Tổ quốc ghi công” hoặc Bằng “Có công với nước” trước Cách mạng tháng Tám năm 1945"),
        (Facts.MeritAward.ResistanceOrder, "Huân chương Kháng chiến")
    );

    /// <summary>The labels in the order of the enumeration's values (which is the order of the fact's values).</summary>
    /// <exception cref="InvalidOperationException">A value has no label.</exception>
    internal static ImmutableArray<string> Labels<T>(IReadOnlyDictionary<int, string> labels)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var result = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = labels.TryGetValue(Convert.ToInt32(values[i], CultureInfo.InvariantCulture), out var label) ? label
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{typeof(T).Name}.{values[i]} has no Vietnamese label"));
        }

        return [.. result];
    }

    /// <summary>
    /// Labels by the number of their value: one table of a form every enumeration shares (a table typed by each would
    /// be code compiled again for each at start, which the library's ahead-of-time image cannot hold).
    /// </summary>
    private static Dictionary<int, string> Labelled<T>(params (T Value, string Label)[] labels)
        where T : struct, Enum
    {
        var byNumber = new Dictionary<int, string>(labels.Length);
        foreach (var (value, label) in labels)
        {
            byNumber.Add(Convert.ToInt32(value, CultureInfo.InvariantCulture), label);
        }

        return byNumber;
    }
}
