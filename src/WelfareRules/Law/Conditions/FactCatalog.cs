using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using WelfareRules.Facts;
using WelfareRules.Serialization;

namespace WelfareRules.Law.Conditions;

/// <summary>The kinds of fact a condition can read.</summary>
internal enum FactType
{
    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One value of a closed vocabulary (an enumeration of the contract).</summary>
    Choice,

    /// <summary>A whole number (a count, an order).</summary>
    Count,

    /// <summary>A date, or a month, which may be absent; compared with the benefit month.</summary>
    Date,
}

/// <summary>
/// A fact of the contract that conditions may read: its name as the situation spells it, its type, its values
/// (for a choice), how to read it from a person, and its label in English and Vietnamese.
/// </summary>
/// <param name="Name">The contract's name (<c>orphanhood</c>, <c>household.poverty</c>).</param>
/// <param name="Type">The type.</param>
/// <param name="Values">For a choice, the contract spellings in the enumeration's order (value i is read as i); empty otherwise.</param>
/// <param name="Read">Reads the fact as a number: 0 or 1, the choice's index, the count; for a date, its packed month (year × 12 + month − 1), or <see cref="int.MinValue"/> when absent.</param>
/// <param name="English">The label in English.</param>
/// <param name="Vietnamese">The label in Vietnamese.</param>
/// <param name="ReadRecord">For a fact of a merit record (<c>merit.rate</c>), how to read it from the record, as <paramref name="Read"/> does from a person; null for a person's fact.</param>
internal sealed record FactDefinition(string Name, FactType Type, ImmutableArray<string> Values, Func<Person, int> Read, string English, string Vietnamese, Func<MeritRecord, int>? ReadRecord = null)
{
    /// <summary>The Vietnamese label of each of <see cref="Values"/>, in the same order (empty for a fact without values).</summary>
    internal ImmutableArray<string> ValuesVi { get; init; } = [];

    /// <summary>Value <paramref name="value"/> as a Vietnamese explanation names it: its label, or its contract spelling where it has none.</summary>
    internal string ValueVi(int value) => value < ValuesVi.Length ? ValuesVi[value] : Values[value];
}

/// <summary>
/// The facts of a person that rule files may name in conditions: every fact of the contract's situation, declared
/// once. Nothing outside this list can be read by a rule file, and nothing is ever evaluated from a string.
/// </summary>
internal static class FactCatalog
{
    /// <summary>A date fact that is absent.</summary>
    internal const int Absent = int.MinValue;

    private static readonly FrozenDictionary<string, FactDefinition> Definitions = new FactDefinition[]
    {
        Choice<Orphanhood>("orphanhood", p => (int)p.Orphanhood, "orphanhood", "hoàn cảnh không có nguồn nuôi dưỡng", FactValueNames.Orphanhood),
        Choice<Disability>("disability", p => (int)p.Disability, "disability", "mức độ khuyết tật", FactValueNames.Disability),
        Choice<LivingArrangement>("livingArrangement", p => (int)p.LivingArrangement, "living arrangement", "nơi sinh sống", FactValueNames.LivingArrangement),
        Choice<DeathCause>("deathCause", p => (int)p.DeathCause, "cause of death", "nguyên nhân chết", FactValueNames.DeathCause),
        Choice<Poverty>("household.poverty", p => (int)p.Household.Poverty, "household", "hộ gia đình", FactValueNames.Poverty),
        Choice<Area>("household.area", p => (int)p.Household.Area, "area", "khu vực", FactValueNames.Area),
        Flag("inEducation", p => p.InEducation, "in education", "đang đi học"),
        Flag("hivPositive", p => p.HivPositive, "living with HIV", "nhiễm HIV"),
        Flag("withoutSupporter", p => p.WithoutSupporter, "no supporter", "không có người phụng dưỡng"),
        Flag("receivesPension", p => p.ReceivesPension, "a pension or monthly social-insurance benefit", "lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng"),
        Flag("pensionBelowSocialPension", p => p.PensionBelowSocialPension, "a pension below the social pension", "lương hưu thấp hơn trợ cấp hưu trí xã hội"),
        Flag("parentReceivesAllowance", p => p.ParentReceivesAllowance, "a parent on the monthly allowance", "có cha hoặc mẹ đang hưởng trợ cấp xã hội hằng tháng"),
        Flag("parentDetained", p => p.ParentDetained, "a parent in prison or detention", "có cha hoặc mẹ đang chấp hành án phạt tù hoặc bị áp dụng biện pháp xử lý hành chính"),
        Flag("eligibleForFacilityCare", p => p.EligibleForFacilityCare, "eligible for a facility", "đủ điều kiện tiếp nhận vào cơ sở"),
        Flag("pregnant", p => p.Pregnant, "pregnant", "đang mang thai"),
        Flag("ethnicMinority", p => p.EthnicMinority, "an ethnic minority", "người dân tộc thiểu số"),
        Flag("student", p => p.Student, "a pupil or student", "học sinh, sinh viên"),
        Flag("hasOtherHealthInsurance", p => p.HasOtherHealthInsurance, "another health-insurance card", "thẻ bảo hiểm y tế khác"),
        Flag("cremated", p => p.Cremated, "cremated", "hỏa táng"),
        Flag("permanentResident", p => p.PermanentResident, "a permanent resident", "có hộ khẩu thường trú"),
        Flag("household.extremelyDifficultArea", p => p.Household.ExtremelyDifficultArea, "in an extremely disadvantaged area", "ở vùng đặc biệt khó khăn"),
        Flag("household.averageLivingStandardFarming", p => p.Household.AverageLivingStandardFarming, "a farming household of average living standard", "hộ nông, lâm, ngư, diêm nghiệp có mức sống trung bình"),
        new("childrenUnder36Months", FactType.Count, [], p => p.ChildrenUnder36Months, "children under 36 months", "con dưới 36 tháng tuổi"),
        new("healthInsuranceHouseholdOrder", FactType.Count, [], p => p.HealthInsuranceHouseholdOrder, "order in the household's health-insurance plan", "thứ tự tham gia bảo hiểm y tế theo hộ"),
        Date("deathDate", p => p.DeathDate is { } d ? Packed(d.Year, d.Month) : Absent, "death", "ngày chết"),
        Date("disabilityCertifiedOn", p => p.DisabilityCertifiedOn is { } d ? Packed(d.Year, d.Month) : Absent, "disability certificate", "giấy xác nhận khuyết tật"),
        Date("decisionSignedOn", p => p.DecisionSignedOn is { } d ? Packed(d.Year, d.Month) : Absent, "decision", "quyết định"),
        Date("household.escapedPovertyMonth", p => p.Household.EscapedPovertyMonth is { } m ? Packed(m.Year, m.Month) : Absent, "leaving poverty", "thoát nghèo"),
    }.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>The facts of a child raised alone (<c>childrenRaisedAlone[]</c>) that a children condition may read besides its age.</summary>
    internal static readonly FrozenDictionary<string, FactDefinition> ChildFacts = new FactDefinition[]
    {
        new("inEducation", FactType.Boolean, [], _ => 0, "in education", "đang đi học"),
    }.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>
    /// The facts of a merit record (<c>person.merit[]</c>) that the conditions of a merit group, or of a merit condition's
    /// <c>where</c>, may read besides the person's.
    /// </summary>
    internal static readonly FrozenDictionary<string, FactDefinition> MeritFacts = new FactDefinition[]
    {
        Record("merit.category", FactType.Choice, ContractEnum<MeritCategory>.Spellings, r => (int)r.Category, "category", "diện người có công") with { ValuesVi = FactValueNames.Labels<MeritCategory>(FactValueNames.MeritCategory) },
        Record("merit.rate", FactType.Count, [], r => r.Rate ?? 0, "body-injury rate (%)", "tỷ lệ tổn thương cơ thể (%)"),
        Record("merit.especiallySevere", FactType.Boolean, [], r => r.EspeciallySevere ? 1 : 0, "especially severe wound or illness", "vết thương, bệnh tật đặc biệt nặng"),
        Record("merit.martyrs", FactType.Count, [], r => r.Martyrs, "martyrs", "số liệt sĩ"),
        Record("merit.livesAlone", FactType.Boolean, [], r => r.LivesAlone ? 1 : 0, "living alone", "sống cô đơn"),
        Record("merit.livesWithFamily", FactType.Boolean, [], r => r.LivesWithFamily ? 1 : 0, "living with the family", "sống ở gia đình"),
        Record("merit.detached", FactType.Boolean, [], r => r.Detached ? 1 : 0, "detached", "diện thoát ly"),
        Record("merit.seniorityYears", FactType.Count, [], r => r.SeniorityYears, "years of seniority", "số năm thâm niên"),
        Record("merit.award", FactType.Choice, ContractEnum<MeritAward>.Spellings, r => (int)r.Award, "award", "khen thưởng") with { ValuesVi = FactValueNames.Labels<MeritAward>(FactValueNames.MeritAward) },
        Record("merit.recognisedOn", FactType.Date, [], r => r.RecognisedOn is { } d ? Packed(d.Year, d.Month) : Absent, "recognition", "quyết định công nhận"),
    }.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);

    /// <summary>Every fact's name, in no particular order.</summary>
    internal static ImmutableArray<string> Names => Definitions.Keys;

    internal static bool TryGet(string name, out FactDefinition definition) => Definitions.TryGetValue(name, out definition!);

    /// <summary>A month packed as year × 12 + month − 1, so that months compare as numbers.</summary>
    internal static int Packed(int year, int month) => (year * 12) + month - 1;

    private static FactDefinition Record(string name, FactType type, ImmutableArray<string> values, Func<MeritRecord, int> read, string english, string vietnamese) =>
        new(name, type, values, _ => type == FactType.Date ? Absent : 0, english, vietnamese, read);

    private static FactDefinition Flag(string name, Func<Person, bool> read, string english, string vietnamese) =>
        new(name, FactType.Boolean, [], p => read(p) ? 1 : 0, english, vietnamese);

    private static FactDefinition Date(string name, Func<Person, int> read, string english, string vietnamese) =>
        new(name, FactType.Date, [], read, english, vietnamese);

    private static FactDefinition Choice<T>(string name, Func<Person, int> read, string english, string vietnamese, IReadOnlyDictionary<int, string> valuesVi)
        where T : struct, Enum =>
        new(name, FactType.Choice, ContractEnum<T>.Spellings, read, english, vietnamese) { ValuesVi = FactValueNames.Labels<T>(valuesVi) };
}
