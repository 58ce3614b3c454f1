using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using Xunit;
using static WelfareRules.Tests.TestDates;

namespace WelfareRules.Tests.Benefits.SocialAllowance;

/// <summary>The monthly social allowance: age boundaries, combination rules, start and stop months.</summary>
public sealed class SocialAllowanceTest
{
    private static Report Evaluate(string month, Person person, string jurisdiction = "VN") =>
        RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Parse(jurisdiction), Month(month), person));

    private static (string? Group, long Amount)[] Allowances(Report report) =>
        [.. report.Entitlements.Where(e => e.Kind == EntitlementKind.SocialAllowance).Select(e => (e.Group, e.Amount.Value))];

    private static Person Orphan(string birth) => new(Date(birth)) { Orphanhood = Orphanhood.BothParentsDead };

    [Theory]
    // K1: 2.5 under 4, 1.5 from the month of the 4th birthday (an adjustment applies from that month).
    [InlineData("2020-10-15", "2024-09", 1250000)]
    [InlineData("2020-10-15", "2024-10", 750000)]
    public void Evaluate_OrphanTurningFour_CoefficientChangesInTheBirthdayMonth(string birth, string month, long expected)
    {
        Assert.Equal([("ND20-5-1", expected)], Allowances(Evaluate(month, Orphan(birth))));
    }

    [Theory]
    // K1 ends at 16 (standard 360,000 before July 2024): the birthday month is paid, the next month is not (loss from the month after).
    [InlineData("2008-05-20", "2024-05", 540000)]
    [InlineData("2008-05-20", "2024-06", 0)]
    public void Evaluate_OrphanTurningSixteenNotStudying_StopsFromTheNextMonth(string birth, string month, long expected)
    {
        Assert.Equal(expected, Evaluate(month, Orphan(birth)).Total.Value);
    }

    [Fact]
    public void Evaluate_OrphanTurningSixteenStudying_ContinuesAsK2()
    {
        var person = Orphan("2008-05-20") with { InEducation = true };
        Assert.Equal([("ND20-5-2", 540000L)], Allowances(Evaluate("2024-06", person)));
    }

    [Theory]
    // K2 ends at 22: paid in the month of the 22nd birthday, not after.
    [InlineData("2002-03-10", "2024-03", 540000)]
    [InlineData("2002-03-10", "2024-04", 0)]
    // 29 February: the 22nd birthday in 2026 (a common year) is 28 February.
    [InlineData("2004-02-29", "2026-02", 750000)]
    [InlineData("2004-02-29", "2026-03", 0)]
    public void Evaluate_StudentTurningTwentyTwo_StopsFromTheNextMonth(string birth, string month, long expected)
    {
        var person = Orphan(birth) with { InEducation = true };
        Assert.Equal(expected, Evaluate(month, person).Total.Value);
    }

    [Theory]
    // K5a starts in the month of the 60th birthday; 1.5 until 80, 2.0 from the month of the 80th.
    [InlineData("1964-08-31", "2024-07", 0)]
    [InlineData("1964-08-31", "2024-08", 750000)]
    [InlineData("1944-08-31", "2024-07", 750000)]
    [InlineData("1944-08-31", "2024-08", 1000000)]
    public void Evaluate_PoorElderlyWithoutSupporter_BandsByAge(string birth, string month, long expected)
    {
        var person = new Person(Date(birth)) { WithoutSupporter = true, ReceivesPension = true, Household = new Household { Poverty = Poverty.Poor } };
        Assert.Equal(expected, Evaluate(month, person).Total.Value);
    }

    [Theory]
    // K5b from the month of turning 75 (Art 8 k1 đ), regardless of the decision date.
    [InlineData("1949-09-10", "2024-08", 0)]
    [InlineData("1949-09-10", "2024-09", 500000)]
    public void Evaluate_NearPoorInDifficultAreaTurning75_StartsInTheBirthdayMonth(string birth, string month, long expected)
    {
        var person = new Person(Date(birth))
        {
            ReceivesPension = true,
            DecisionSignedOn = new LocalDate(2024, 12, 1),
            Household = new Household { Poverty = Poverty.NearPoor, ExtremelyDifficultArea = true },
        };
        Assert.Equal(expected, Evaluate(month, person).Total.Value);
    }

    [Theory]
    // K5c from the month of turning 80; a pension excludes it.
    [InlineData("1944-03-15", "2024-02", false, 0)]
    [InlineData("1944-03-15", "2024-03", false, 360000)]
    [InlineData("1944-03-15", "2024-03", true, 0)]
    public void Evaluate_TurningEightyWithoutPension_StartsInTheBirthdayMonth(string birth, string month, bool pension, long expected)
    {
        var person = new Person(Date(birth)) { ReceivesPension = pension };
        Assert.Equal(expected, Evaluate(month, person).Total.Value);
    }

    [Theory]
    // K6: a child (2.5) becomes an adult (2.0) in the month of the 16th birthday; an adult becomes elderly (2.5) at 60.
    [InlineData("2008-05-20", "2024-04", 900000)]
    [InlineData("2008-05-20", "2024-05", 720000)]
    [InlineData("1964-07-02", "2024-06", 720000)]
    [InlineData("1964-07-02", "2024-07", 1250000)]
    public void Evaluate_EspeciallySevereDisability_ChildAdultElderlyBands(string birth, string month, long expected)
    {
        var person = new Person(Date(birth)) { Disability = Disability.EspeciallySevere, ReceivesPension = true };
        Assert.Equal(expected, Evaluate(month, person).AmountOf(EntitlementKind.SocialAllowance).Value);
    }

    [Fact]
    public void Evaluate_MildDisability_NoAllowance()
    {
        Assert.Empty(Evaluate("2024-07", new Person(Date("1990-01-01")) { Disability = Disability.Mild }).Entitlements);
    }

    [Theory]
    // Start from the month the disability certificate is issued, not the decision month (worked case 27).
    [InlineData("2024-05", 0)]
    [InlineData("2024-06", 720000)]
    [InlineData("2024-07", 1000000)]
    public void Evaluate_DisabilityCertificateBeforeDecision_StartsInTheCertificateMonth(string month, long expected)
    {
        var person = new Person(Date("1984-01-01"))
        {
            Disability = Disability.EspeciallySevere,
            DisabilityCertifiedOn = new LocalDate(2024, 6, 20),
            DecisionSignedOn = new LocalDate(2024, 8, 5),
        };
        Assert.Equal(expected, Evaluate(month, person).Total.Value);
    }

    [Theory]
    // Death: paid in the month of death, nothing from the month after (Art 8 k2).
    [InlineData("2024-10", 750000)]
    [InlineData("2024-11", 0)]
    public void Evaluate_BeneficiaryDies_StopsFromTheMonthAfterDeath(string month, long expectedAllowance)
    {
        var person = new Person(Date("1980-01-01")) { Disability = Disability.Severe, DeathDate = new LocalDate(2024, 10, 15) };
        Assert.Equal(expectedAllowance, Evaluate(month, person).AmountOf(EntitlementKind.SocialAllowance).Value);
    }

    [Fact]
    public void Evaluate_SingleParentAlsoHivPositive_ReceivesBoth()
    {
        var person = new Person(Date("1990-01-01"))
        {
            HivPositive = true,
            Household = new Household { Poverty = Poverty.Poor },
            ChildrenRaisedAlone = [new RaisedChild(Date("2020-01-01"))],
        };
        Assert.Equal([("ND20-5-4", 500000L), ("ND20-5-8", 750000L)], Allowances(Evaluate("2024-08", person)).OrderBy(a => a.Group).ToArray());
    }

    [Fact]
    public void Evaluate_SingleParentAlsoElderly_ReceivesBothWithTheHighestElderlyAmount()
    {
        // K5a 1.5 and K5c 1.0 both apply; only the higher is added to K4.
        var person = new Person(Date("1942-01-01"))
        {
            WithoutSupporter = true,
            Household = new Household { Poverty = Poverty.Poor },
            ChildrenRaisedAlone = [new RaisedChild(Date("2010-01-01"), InEducation: true)],
        };
        Assert.Equal([("ND20-5-4", 360000L), ("ND20-5-5a", 720000L)], Allowances(Evaluate("2023-06", person)).OrderBy(a => a.Group).ToArray());
    }

    [Fact]
    public void Evaluate_SingleParentChildren_CountsUnder16AndStudentsUnder22Only()
    {
        var person = new Person(Date("1975-01-01"))
        {
            Household = new Household { Poverty = Poverty.NearPoor },
            ChildrenRaisedAlone =
            [
                new RaisedChild(Date("2012-01-01")),
                new RaisedChild(Date("2005-01-01"), InEducation: true),
                new RaisedChild(Date("2005-01-01")),
                new RaisedChild(Date("2000-01-01"), InEducation: true),
            ],
        };
        var allowance = Assert.Single(Evaluate("2024-08", person).Entitlements);
        Assert.Equal(1000000, allowance.Amount.Value);
        Assert.Equal(2.0m, allowance.Coefficient);
    }

    [Fact]
    public void Evaluate_SingleParentNotPoor_NoAllowance()
    {
        var person = new Person(Date("1990-01-01")) { ChildrenRaisedAlone = [new RaisedChild(Date("2020-01-01"))] };
        Assert.Empty(Evaluate("2024-08", person).Entitlements);
    }

    [Fact]
    public void Evaluate_ChildInSeveralGroups_OnlyTheHighest()
    {
        // An HIV-positive orphan under 4 in a poor household: K1 2.5 and K3 2.5 and K8 1.5; one amount.
        var person = Orphan("2022-01-01") with { HivPositive = true, Household = new Household { Poverty = Poverty.Poor } };
        var report = Evaluate("2024-08", person);
        Assert.Equal(1250000, Assert.Single(report.Entitlements).Amount.Value);
        Assert.Contains(report.Explanation, s => s.English.Contains("only the highest", System.StringComparison.Ordinal));
    }

    [Theory]
    // K7: under 3, poor or near-poor, in an extremely disadvantaged area; lost from the month after the 3rd birthday.
    [InlineData("2021-08-10", "2024-08", 750000)]
    [InlineData("2021-08-10", "2024-09", 0)]
    public void Evaluate_InfantInDifficultArea_UntilThree(string birth, string month, long expected)
    {
        var person = new Person(Date(birth)) { Household = new Household { Poverty = Poverty.NearPoor, ExtremelyDifficultArea = true } };
        Assert.Equal(expected, Evaluate(month, person).Total.Value);
    }

    [Fact]
    public void Evaluate_ElderlyInCommunityCare_K5dCoefficientThree()
    {
        var person = new Person(Date("1946-01-01"))
        {
            WithoutSupporter = true,
            EligibleForFacilityCare = true,
            LivingArrangement = LivingArrangement.FosterCare,
            Household = new Household { Poverty = Poverty.Poor },
        };
        Assert.Contains(("ND20-5-5d", 1500000L), Allowances(Evaluate("2024-07", person)));
    }

    [Fact]
    public void Evaluate_DecisionSignedLater_NothingBeforeTheDecisionMonth()
    {
        var person = Orphan("2015-01-01") with { DecisionSignedOn = new LocalDate(2024, 9, 30) };
        Assert.Empty(Evaluate("2024-08", person).Entitlements);
        Assert.Equal(750000, Evaluate("2024-09", person).Total.Value);
    }

    [Fact]
    public void Evaluate_MonthBeforeNd20_RefusedAsNotEncoded()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate("2021-06", Orphan("2015-01-01")));
        Assert.Equal(EvaluationError.LawNotEncoded, error.Error);
        Assert.Contains("2021-07", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StrictWithProvisionalStandard_Refused()
    {
        var situation = new Situation(Jurisdiction.Vietnam, Month("2026-08"), new Person(Date("1986-01-01")) { Disability = Disability.Severe });
        var error = Assert.Throws<EvaluationException>(() => RuleSet.BuiltIn.Evaluate(situation, new EvaluationOptions { Strict = true }));
        Assert.Equal(EvaluationError.ProvisionalLaw, error.Error);
        Assert.Contains("335/2026/NĐ-CP", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_StrictWithVerifiedLaw_Evaluates()
    {
        // 2023: the standard (20/2021/NĐ-CP Art 4 k2) and the coefficient (Art 6 k1 e) were seen in the text; no health-insurance block.
        var situation = new Situation(Jurisdiction.Vietnam, Month("2023-08"), new Person(Date("1986-01-01")) { Disability = Disability.Severe, HasOtherHealthInsurance = true });
        Assert.Equal(540000, RuleSet.BuiltIn.Evaluate(situation, new EvaluationOptions { Strict = true }).Total.Value);
    }

    [Fact]
    public void Evaluate_StrictWithReportedLaw_RefusedButAdmittedWhenReportedIs()
    {
        // 2024-08: the standard of 500,000 (76/2024/NĐ-CP) is known from secondary sources only.
        var situation = new Situation(Jurisdiction.Vietnam, Month("2024-08"), new Person(Date("1986-01-01")) { Disability = Disability.Severe, HasOtherHealthInsurance = true });

        var refused = Assert.Throws<EvaluationException>(() => RuleSet.BuiltIn.Evaluate(situation, new EvaluationOptions { Strict = true }));
        Assert.Equal(EvaluationError.ProvisionalLaw, refused.Error);
        Assert.Contains("76/2024/NĐ-CP Art 1 k1 [reported]", refused.Message, System.StringComparison.Ordinal);

        var report = RuleSet.BuiltIn.Evaluate(situation, new EvaluationOptions { Admit = WelfareRules.Legal.ProvisionStatus.Reported });
        Assert.Equal(750000, report.Total.Value);
        Assert.Equal(WelfareRules.Legal.ProvisionStatus.Reported, report.Status);
        Assert.Equal(WelfareRules.Legal.ProvisionStatus.Reported, Assert.Single(report.Entitlements).Status);
        Assert.False(report.IsProvisional);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Evaluate_WithoutExplanation_SameEntitlementsNoSteps()
    {
        var situation = new Situation(Jurisdiction.Vietnam, Month("2024-08"), Orphan("2015-01-01"));
        var quiet = RuleSet.BuiltIn.Evaluate(situation, new EvaluationOptions { Explain = false });
        var full = RuleSet.BuiltIn.Evaluate(situation);
        Assert.Empty(quiet.Explanation);
        Assert.NotEmpty(full.Explanation);
        Assert.Equal(full.Total, quiet.Total);
    }

    [Fact]
    public void Evaluate_PersonBornAfterTheMonth_Refused()
    {
        var error = Assert.Throws<EvaluationException>(() => Evaluate("2024-08", Orphan("2024-09-01")));
        Assert.Equal(EvaluationError.InconsistentFacts, error.Error);
    }

    [Fact]
    public void Evaluate_Explanation_CitesEveryStepBilingually()
    {
        var report = Evaluate("2024-08", Orphan("2022-01-01"));
        Assert.All(report.Explanation, step =>
        {
            Assert.NotEmpty(step.Basis);
            Assert.False(string.IsNullOrWhiteSpace(step.Vietnamese));
        });
        Assert.Contains(report.Explanation, s => s.Vietnamese.Contains("mức chuẩn", System.StringComparison.Ordinal));
    }
}
