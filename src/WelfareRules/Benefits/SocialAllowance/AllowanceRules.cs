using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using static WelfareRules.Benefits.AgeReading;

namespace WelfareRules.Benefits.SocialAllowance;

/// <summary>
/// The eligibility rules of the monthly social allowance (trợ cấp xã hội hằng tháng), one per kind of
/// group in ND 20/2021 Art 5 and in provincial resolutions. Each is a pure function of the facts.
/// </summary>
internal static class AllowanceRules
{
    private static readonly RuleMatch NoMatch = default;

    internal static readonly AllowanceRule OrphanChild = new(
        "orphan-child", RuleCategory.Child, StartRule.DecisionMonth, ["under-4", "from-4"],
        (p, m) => p.Orphanhood != Orphanhood.None && StillUnder(p.BirthDate, LegalAges.Child, m)
            ? YoungOrOlder(p, m, "child with no source of nurture", "trẻ em không có nguồn nuôi dưỡng")
            : NoMatch);

    internal static readonly AllowanceRule OrphanStudent = new(
        "orphan-student", RuleCategory.Child, StartRule.DecisionMonth, ["student"],
        (p, m) => p.Orphanhood != Orphanhood.None && p.InEducation
                  && AgeIn(p.BirthDate, m) >= LegalAges.Child && StillUnder(p.BirthDate, LegalAges.StudentLimit, m)
            ? new RuleMatch("student", 1, $"aged {AgeIn(p.BirthDate, m)}, formerly a child with no source of nurture, still studying (until 22)",
                $"{AgeIn(p.BirthDate, m)} tuổi, đang học (đến 22 tuổi)")
            : NoMatch);

    internal static readonly AllowanceRule HivChildPoor = new(
        "hiv-child-poor", RuleCategory.Child, StartRule.DecisionMonth, ["under-4", "from-4"],
        (p, m) => p.HivPositive && p.Household.Poverty == Poverty.Poor && StillUnder(p.BirthDate, LegalAges.Child, m)
            ? YoungOrOlder(p, m, "child with HIV in a poor household", "trẻ em nhiễm HIV thuộc hộ nghèo")
            : NoMatch);

    internal static readonly AllowanceRule SingleParentPoor = new(
        "single-parent-poor", RuleCategory.SingleParent, StartRule.DecisionMonth, ["per-child"],
        (p, m) =>
        {
            if (!p.Household.IsPoorOrNearPoor)
            {
                return NoMatch;
            }

            int children = p.Children.Count(c => QualifyingChild(c, m));
            return children > 0
                ? new RuleMatch("per-child", children, $"poor or near-poor single parent raising {children} qualifying child(ren)",
                    $"người đơn thân nghèo đang nuôi {children} con")
                : NoMatch;
        });

    internal static readonly AllowanceRule ElderlyPoorWithoutSupporter = ElderlyWithoutSupporter(
        "elderly-poor-without-supporter", nearPoorToo: false);

    internal static readonly AllowanceRule ElderlyPoorOrNearPoorWithoutSupporter = ElderlyWithoutSupporter(
        "elderly-poor-or-near-poor-without-supporter", nearPoorToo: true);

    internal static readonly AllowanceRule Elderly75DifficultArea = new(
        "elderly-75-difficult-area", RuleCategory.Elderly, StartRule.AgeReached, ["single"],
        (p, m) => p.Household.IsPoorOrNearPoor && p.Household.ExtremelyDifficultArea
                  && AgeIn(p.BirthDate, m) >= LegalAges.K5bFrom && StillUnder(p.BirthDate, LegalAges.Eighty, m)
            ? new RuleMatch("single", 1, $"aged {AgeIn(p.BirthDate, m)}, poor or near-poor, in an extremely disadvantaged area",
                $"{AgeIn(p.BirthDate, m)} tuổi, hộ nghèo hoặc cận nghèo, vùng đặc biệt khó khăn")
            : NoMatch);

    internal static readonly AllowanceRule Elderly80NoPension = new(
        "elderly-80-no-pension", RuleCategory.Elderly, StartRule.AgeReached, ["single"],
        (p, m) => !p.ReceivesPension && AgeIn(p.BirthDate, m) >= LegalAges.Eighty
            ? new RuleMatch("single", 1, $"aged {AgeIn(p.BirthDate, m)}, no pension or monthly social-insurance benefit",
                $"{AgeIn(p.BirthDate, m)} tuổi, không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng")
            : NoMatch);

    internal static readonly AllowanceRule ElderlyCommunityCare = new(
        "elderly-community-care", RuleCategory.Elderly, StartRule.DecisionMonth, ["single"],
        (p, m) => p.Household.Poverty == Poverty.Poor && p.WithoutSupporter && p.EligibleForFacilityCare
                  && p.LivingArrangement == LivingArrangement.FosterCare && AgeIn(p.BirthDate, m) >= LegalAges.Elderly
            ? new RuleMatch("single", 1, "poor elderly person with no supporter, eligible for a facility, cared for in the community",
                "người cao tuổi nghèo không có người phụng dưỡng, đủ điều kiện vào cơ sở nhưng được nhận chăm sóc tại cộng đồng")
            : NoMatch);

    internal static readonly AllowanceRule Disabled = new(
        "disability", RuleCategory.Disability, StartRule.DisabilityCertificateMonth,
        ["especially-severe-adult", "especially-severe-child-or-elderly", "severe-adult", "severe-child-or-elderly"],
        (p, m) =>
        {
            if (p.Disability is not (Disability.Severe or Disability.EspeciallySevere))
            {
                return NoMatch;
            }

            int age = AgeIn(p.BirthDate, m);
            bool childOrElderly = age < LegalAges.Child || age >= LegalAges.Elderly;
            bool especially = p.Disability == Disability.EspeciallySevere;
            string level = especially ? "especially-severe" : "severe";
            string band = childOrElderly ? "child-or-elderly" : "adult";
            string who = age < LegalAges.Child ? "child" : age >= LegalAges.Elderly ? "elderly person" : "adult";
            string whoVi = age < LegalAges.Child ? "trẻ em" : age >= LegalAges.Elderly ? "người cao tuổi" : "người";
            return new RuleMatch($"{level}-{band}", 1,
                $"{(especially ? "especially severely" : "severely")} disabled {who} (aged {age})",
                $"{whoVi} khuyết tật {(especially ? "đặc biệt nặng" : "nặng")} ({age} tuổi)");
        });

    internal static readonly AllowanceRule ChildUnder3DifficultArea = new(
        "child-under-3-difficult-area", RuleCategory.Child, StartRule.DecisionMonth, ["single"],
        (p, m) => StillUnder(p.BirthDate, LegalAges.Infant, m) && p.Household.IsPoorOrNearPoor && p.Household.ExtremelyDifficultArea
                  && p.Orphanhood == Orphanhood.None && !(p.HivPositive && p.Household.Poverty == Poverty.Poor)
                  && p.Disability is not (Disability.Severe or Disability.EspeciallySevere)
            ? new RuleMatch("single", 1, "child under 3 in a poor or near-poor household in an extremely disadvantaged area",
                "trẻ em dưới 3 tuổi thuộc hộ nghèo, cận nghèo ở vùng đặc biệt khó khăn")
            : NoMatch);

    internal static readonly AllowanceRule HivPoorNoIncome = new(
        "hiv-poor-no-income", RuleCategory.HivAdult, StartRule.DecisionMonth, ["single"],
        (p, m) => p.HivPositive && p.Household.Poverty == Poverty.Poor && !p.ReceivesPension
            ? new RuleMatch("single", 1, "person with HIV in a poor household with no stable monthly income",
                "người nhiễm HIV thuộc hộ nghèo không có nguồn thu nhập ổn định hằng tháng")
            : NoMatch);

    /// <summary>Every rule, by the name rule files use.</summary>
    internal static readonly FrozenDictionary<string, AllowanceRule> ByName = new[]
    {
        OrphanChild, OrphanStudent, HivChildPoor, SingleParentPoor, ElderlyPoorWithoutSupporter,
        ElderlyPoorOrNearPoorWithoutSupporter, Elderly75DifficultArea, Elderly80NoPension, ElderlyCommunityCare,
        Disabled, ChildUnder3DifficultArea, HivPoorNoIncome,
    }.ToFrozenDictionary(r => r.Name);

    /// <summary>A child counted for K4: under 16, or 16 to 22 and studying (loss from the month after the birthday).</summary>
    internal static bool QualifyingChild(RaisedChild child, YearMonth month) =>
        child.BirthDate <= month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month))
        && (StillUnder(child.BirthDate, LegalAges.Child, month) || (child.InEducation && StillUnder(child.BirthDate, LegalAges.StudentLimit, month)));

    private static RuleMatch YoungOrOlder(Person p, YearMonth m, string who, string whoVi)
    {
        int age = AgeIn(p.BirthDate, m);
        return age < LegalAges.YoungChild
            ? new RuleMatch("under-4", 1, $"{who}, aged {age} (under 4)", $"{whoVi}, {age} tuổi (dưới 4 tuổi)")
            : new RuleMatch("from-4", 1, $"{who}, aged {age} (4 or over)", $"{whoVi}, {age} tuổi (từ đủ 4 tuổi)");
    }

    private static AllowanceRule ElderlyWithoutSupporter(string name, bool nearPoorToo) => new(
        name, RuleCategory.Elderly, StartRule.DecisionMonth, ["60-to-80", "80-plus"],
        (p, m) =>
        {
            bool poverty = p.Household.Poverty == Poverty.Poor || (nearPoorToo && p.Household.Poverty == Poverty.NearPoor);
            int age = AgeIn(p.BirthDate, m);
            if (!poverty || !p.WithoutSupporter || age < LegalAges.Elderly)
            {
                return NoMatch;
            }

            string household = nearPoorToo ? "poor or near-poor" : "poor";
            string householdVi = nearPoorToo ? "hộ nghèo, cận nghèo" : "hộ nghèo";
            return age < LegalAges.Eighty
                ? new RuleMatch("60-to-80", 1, $"elderly person aged {age} (60 to under 80), {household}, no supporter",
                    $"người cao tuổi {age} tuổi (từ đủ 60 đến dưới 80), {householdVi}, không có người phụng dưỡng")
                : new RuleMatch("80-plus", 1, $"elderly person aged {age} (80 or over), {household}, no supporter",
                    $"người cao tuổi {age} tuổi (từ đủ 80), {householdVi}, không có người phụng dưỡng");
        });
}
