using System;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
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
    internal const string Under4 = "under-4";
    internal const string From4 = "from-4";
    internal const string PerChild = "per-child";
    internal const string Single = "single";
    private const string SixtyToEighty = "60-to-80";
    private const string EightyPlus = "80-plus";
    private const string EspeciallySevereAdult = "especially-severe-adult";
    private const string EspeciallySevereChildOrElderly = "especially-severe-child-or-elderly";
    private const string SevereAdult = "severe-adult";
    private const string SevereChildOrElderly = "severe-child-or-elderly";

    private static readonly RuleMatch NoMatch = default;
    private static readonly RuleMatch SingleMatch = new(Single, 1);

    internal static readonly AllowanceRule OrphanChild = new(
        "orphan-child", RuleCategory.Child, StartRule.DecisionMonth, [Under4, From4],
        (p, m) => p.Orphanhood != Orphanhood.None && StillUnder(p.BirthDate, LegalAges.Child, m) ? YoungOrOlder(p, m) : NoMatch,
        (p, m, _) => YoungOrOlderReason(p, m, "child with no source of nurture", "trẻ em không có nguồn nuôi dưỡng"));

    internal static readonly AllowanceRule OrphanStudent = new(
        "orphan-student", RuleCategory.Child, StartRule.DecisionMonth, ["student"],
        (p, m) => p.Orphanhood != Orphanhood.None && p.InEducation
                  && AgeIn(p.BirthDate, m) >= LegalAges.Child && StillUnder(p.BirthDate, LegalAges.StudentLimit, m)
            ? new RuleMatch("student", 1)
            : NoMatch,
        (p, m, _) => new RuleReason(string.Create(CultureInfo.InvariantCulture, $"aged {AgeIn(p.BirthDate, m)}, formerly a child with no source of nurture, still studying (until 22)"),
            string.Create(CultureInfo.InvariantCulture, $"{AgeIn(p.BirthDate, m)} tuổi, đang học (đến 22 tuổi)")));

    internal static readonly AllowanceRule HivChildPoor = new(
        "hiv-child-poor", RuleCategory.Child, StartRule.DecisionMonth, [Under4, From4],
        (p, m) => p.HivPositive && p.Household.Poverty == Poverty.Poor && StillUnder(p.BirthDate, LegalAges.Child, m) ? YoungOrOlder(p, m) : NoMatch,
        (p, m, _) => YoungOrOlderReason(p, m, "child with HIV in a poor household", "trẻ em nhiễm HIV thuộc hộ nghèo"));

    internal static readonly AllowanceRule SingleParentPoor = new(
        "single-parent-poor", RuleCategory.SingleParent, StartRule.DecisionMonth, [PerChild],
        (p, m) =>
        {
            if (!p.Household.IsPoorOrNearPoor)
            {
                return NoMatch;
            }

            int children = 0;
            foreach (var child in p.ChildrenRaisedAlone)
            {
                if (QualifyingChild(child, m))
                {
                    children++;
                }
            }

            return children > 0 ? new RuleMatch(PerChild, children) : NoMatch;
        },
        (_, _, match) => new RuleReason(string.Create(CultureInfo.InvariantCulture, $"poor or near-poor single parent raising {match.Multiplier} qualifying child(ren)"),
            string.Create(CultureInfo.InvariantCulture, $"người đơn thân nghèo đang nuôi {match.Multiplier} con")));

    internal static readonly AllowanceRule ElderlyPoorWithoutSupporter = ElderlyWithoutSupporter(
        "elderly-poor-without-supporter", nearPoorToo: false);

    internal static readonly AllowanceRule ElderlyPoorOrNearPoorWithoutSupporter = ElderlyWithoutSupporter(
        "elderly-poor-or-near-poor-without-supporter", nearPoorToo: true);

    internal static readonly AllowanceRule Elderly75DifficultArea = new(
        "elderly-75-difficult-area", RuleCategory.Elderly, StartRule.AgeReached, [Single],
        (p, m) => p.Household.IsPoorOrNearPoor && p.Household.ExtremelyDifficultArea
                  && AgeIn(p.BirthDate, m) >= LegalAges.K5bFrom && StillUnder(p.BirthDate, LegalAges.Eighty, m)
            ? SingleMatch
            : NoMatch,
        (p, m, _) => new RuleReason(string.Create(CultureInfo.InvariantCulture, $"aged {AgeIn(p.BirthDate, m)}, poor or near-poor, in an extremely disadvantaged area"),
            string.Create(CultureInfo.InvariantCulture, $"{AgeIn(p.BirthDate, m)} tuổi, hộ nghèo hoặc cận nghèo, vùng đặc biệt khó khăn")));

    internal static readonly AllowanceRule Elderly80NoPension = new(
        "elderly-80-no-pension", RuleCategory.Elderly, StartRule.AgeReached, [Single],
        (p, m) => !p.ReceivesPension && AgeIn(p.BirthDate, m) >= LegalAges.Eighty ? SingleMatch : NoMatch,
        (p, m, _) => new RuleReason(string.Create(CultureInfo.InvariantCulture, $"aged {AgeIn(p.BirthDate, m)}, no pension or monthly social-insurance benefit"),
            string.Create(CultureInfo.InvariantCulture, $"{AgeIn(p.BirthDate, m)} tuổi, không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng")));

    internal static readonly AllowanceRule ElderlyCommunityCare = new(
        "elderly-community-care", RuleCategory.Elderly, StartRule.DecisionMonth, [Single],
        (p, m) => p.Household.Poverty == Poverty.Poor && p.WithoutSupporter && p.EligibleForFacilityCare
                  && p.LivingArrangement == LivingArrangement.FosterCare && AgeIn(p.BirthDate, m) >= LegalAges.Elderly
            ? SingleMatch
            : NoMatch,
        (_, _, _) => new RuleReason("poor elderly person with no supporter, eligible for a facility, cared for in the community",
            "người cao tuổi nghèo không có người phụng dưỡng, đủ điều kiện vào cơ sở nhưng được nhận chăm sóc tại cộng đồng"));

    internal static readonly AllowanceRule Disabled = new(
        "disability", RuleCategory.Disability, StartRule.DisabilityCertificateMonth,
        [EspeciallySevereAdult, EspeciallySevereChildOrElderly, SevereAdult, SevereChildOrElderly],
        (p, m) =>
        {
            if (p.Disability is not (Disability.Severe or Disability.EspeciallySevere))
            {
                return NoMatch;
            }

            int age = AgeIn(p.BirthDate, m);
            bool childOrElderly = age < LegalAges.Child || age >= LegalAges.Elderly;
            return new RuleMatch(p.Disability == Disability.EspeciallySevere
                ? childOrElderly ? EspeciallySevereChildOrElderly : EspeciallySevereAdult
                : childOrElderly ? SevereChildOrElderly : SevereAdult, 1);
        },
        (p, m, _) =>
        {
            int age = AgeIn(p.BirthDate, m);
            bool especially = p.Disability == Disability.EspeciallySevere;
            string who = age < LegalAges.Child ? "child" : age >= LegalAges.Elderly ? "elderly person" : "adult";
            string whoVi = age < LegalAges.Child ? "trẻ em" : age >= LegalAges.Elderly ? "người cao tuổi" : "người";
            return new RuleReason(
                string.Create(CultureInfo.InvariantCulture, $"{(especially ? "especially severely" : "severely")} disabled {who} (aged {age})"),
                string.Create(CultureInfo.InvariantCulture, $"{whoVi} khuyết tật {(especially ? "đặc biệt nặng" : "nặng")} ({age} tuổi)"));
        });

    internal static readonly AllowanceRule ChildUnder3DifficultArea = new(
        "child-under-3-difficult-area", RuleCategory.Child, StartRule.DecisionMonth, [Single],
        (p, m) => StillUnder(p.BirthDate, LegalAges.Infant, m) && p.Household.IsPoorOrNearPoor && p.Household.ExtremelyDifficultArea
                  && p.Orphanhood == Orphanhood.None && !(p.HivPositive && p.Household.Poverty == Poverty.Poor)
                  && p.Disability is not (Disability.Severe or Disability.EspeciallySevere)
            ? SingleMatch
            : NoMatch,
        (_, _, _) => new RuleReason("child under 3 in a poor or near-poor household in an extremely disadvantaged area",
            "trẻ em dưới 3 tuổi thuộc hộ nghèo, cận nghèo ở vùng đặc biệt khó khăn"));

    internal static readonly AllowanceRule HivPoorNoIncome = new(
        "hiv-poor-no-income", RuleCategory.HivAdult, StartRule.DecisionMonth, [Single],
        (p, _) => p.HivPositive && p.Household.Poverty == Poverty.Poor && !p.ReceivesPension ? SingleMatch : NoMatch,
        (_, _, _) => new RuleReason("person with HIV in a poor household with no stable monthly income",
            "người nhiễm HIV thuộc hộ nghèo không có nguồn thu nhập ổn định hằng tháng"));

    /// <summary>Every rule, by the name rule files use.</summary>
    internal static readonly FrozenDictionary<string, AllowanceRule> ByName = new[]
    {
        OrphanChild, OrphanStudent, HivChildPoor, SingleParentPoor, ElderlyPoorWithoutSupporter,
        ElderlyPoorOrNearPoorWithoutSupporter, Elderly75DifficultArea, Elderly80NoPension, ElderlyCommunityCare,
        Disabled, ChildUnder3DifficultArea, HivPoorNoIncome,
    }.ToFrozenDictionary(r => r.Name);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Law.GroupDefinition, AllowanceRule> FromData = [];

    /// <summary>
    /// The rule of a group: the named rule of the library, or one made from the conditions the rule file states
    /// (made once per group definition); null for an unknown name.
    /// </summary>
    internal static AllowanceRule? For(Law.GroupDefinition group) =>
        group.Eligibility is null
            ? group.Rule is { } name && ByName.TryGetValue(name, out var rule) ? rule : null
            : FromData.GetValue(group, static g => FromEligibility(g));

    private static AllowanceRule FromEligibility(Law.GroupDefinition group)
    {
        var eligibility = group.Eligibility!;
        var category = eligibility.Combine switch
        {
            Law.Conditions.GroupCombination.Added => RuleCategory.SingleParent,
            Law.Conditions.GroupCombination.TakesAdded => RuleCategory.Elderly,
            _ => RuleCategory.Child,
        };
        var start = eligibility.Start switch
        {
            Law.Conditions.GroupStart.CertificateMonth => StartRule.DisabilityCertificateMonth,
            Law.Conditions.GroupStart.AgeReached => StartRule.AgeReached,
            _ => StartRule.DecisionMonth,
        };
        Func<Person, Law.MonthLaw, RuleMatch> match = (person, law) =>
        {
            var context = new Law.Conditions.ConditionContext(person, law);
            if (!eligibility.When.IsMet(context))
            {
                return NoMatch;
            }

            int multiplier = 1;
            if (eligibility.PerChild is { } perChild)
            {
                multiplier = perChild.Count(context);
                if (multiplier == 0)
                {
                    return NoMatch;
                }
            }

            foreach (var band in eligibility.Bands)
            {
                if (band.When is null || band.When.IsMet(context))
                {
                    return new RuleMatch(band.Case, multiplier);
                }
            }

            return NoMatch;
        };
        Func<Person, Law.MonthLaw, RuleMatch, RuleReason> describe = (person, law, matched) =>
        {
            var context = new Law.Conditions.ConditionContext(person, law);
            var notes = new Evaluation.ValueList<Law.Conditions.ConditionNote>();
            eligibility.When.Explain(context, ref notes);
            eligibility.PerChild?.Explain(context, ref notes);
            foreach (var band in eligibility.Bands)
            {
                if (band.Case == matched.Case)
                {
                    band.When?.Explain(context, ref notes);
                    break;
                }
            }

            var english = new System.Text.StringBuilder(group.TitleEnglish ?? group.Title);
            var vietnamese = new System.Text.StringBuilder(group.Title);
            var basis = ImmutableArray.CreateBuilder<WelfareRules.Legal.Citation>();
            foreach (var note in notes.AsSpan())
            {
                english.Append("; ").Append(note.English);
                vietnamese.Append("; ").Append(note.Vietnamese);
                foreach (var citation in note.Basis)
                {
                    if (!basis.Contains(citation))
                    {
                        basis.Add(citation);
                    }
                }
            }

            return new RuleReason(english.ToString(), vietnamese.ToString(), basis.ToImmutable());
        };
        return AllowanceRule.InLaw(group.Id, category, start, eligibility.Cases, match, describe);
    }

    /// <summary>A child counted for K4: under 16, or 16 to 22 and studying (loss from the month after the birthday).</summary>
    internal static bool QualifyingChild(RaisedChild child, YearMonth month) =>
        BornBy(child.BirthDate, month)
        && (StillUnder(child.BirthDate, LegalAges.Child, month) || (child.InEducation && StillUnder(child.BirthDate, LegalAges.StudentLimit, month)));

    private static RuleMatch YoungOrOlder(Person p, YearMonth m) =>
        new(AgeIn(p.BirthDate, m) < LegalAges.YoungChild ? Under4 : From4, 1);

    private static RuleReason YoungOrOlderReason(Person p, YearMonth m, string who, string whoVi)
    {
        int age = AgeIn(p.BirthDate, m);
        return age < LegalAges.YoungChild
            ? new RuleReason(string.Create(CultureInfo.InvariantCulture, $"{who}, aged {age} (under 4)"), string.Create(CultureInfo.InvariantCulture, $"{whoVi}, {age} tuổi (dưới 4 tuổi)"))
            : new RuleReason(string.Create(CultureInfo.InvariantCulture, $"{who}, aged {age} (4 or over)"), string.Create(CultureInfo.InvariantCulture, $"{whoVi}, {age} tuổi (từ đủ 4 tuổi)"));
    }

    private static AllowanceRule ElderlyWithoutSupporter(string name, bool nearPoorToo) => new(
        name, RuleCategory.Elderly, StartRule.DecisionMonth, [SixtyToEighty, EightyPlus],
        (p, m) =>
        {
            bool poverty = p.Household.Poverty == Poverty.Poor || (nearPoorToo && p.Household.Poverty == Poverty.NearPoor);
            if (!poverty || !p.WithoutSupporter)
            {
                return NoMatch;
            }

            int age = AgeIn(p.BirthDate, m);
            return age < LegalAges.Elderly ? NoMatch : new RuleMatch(age < LegalAges.Eighty ? SixtyToEighty : EightyPlus, 1);
        },
        (p, m, _) =>
        {
            int age = AgeIn(p.BirthDate, m);
            string household = nearPoorToo ? "poor or near-poor" : "poor";
            string householdVi = nearPoorToo ? "hộ nghèo, cận nghèo" : "hộ nghèo";
            return age < LegalAges.Eighty
                ? new RuleReason(string.Create(CultureInfo.InvariantCulture, $"elderly person aged {age} (60 to under 80), {household}, no supporter"),
                    string.Create(CultureInfo.InvariantCulture, $"người cao tuổi {age} tuổi (từ đủ 60 đến dưới 80), {householdVi}, không có người phụng dưỡng"))
                : new RuleReason(string.Create(CultureInfo.InvariantCulture, $"elderly person aged {age} (80 or over), {household}, no supporter"),
                    string.Create(CultureInfo.InvariantCulture, $"người cao tuổi {age} tuổi (từ đủ 80), {householdVi}, không có người phụng dưỡng"));
        });
}
