using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Benefits.Care;

/// <summary>Institutional care (ND 20 Arts 24–25): the nurturing allowance replaces the monthly allowance.</summary>
public sealed class InstitutionalCareCalculatorTest
{
    private static Report Evaluate(int year, int month, Person person) =>
        RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, new YearMonth(year, month), person));

    [Fact]
    public void Evaluate_PregnantDisabledWomanInFacility_OnlyTheNurturingAllowance()
    {
        var report = Evaluate(2024, 8, new Person(new LocalDate(1995, 1, 1))
        {
            Disability = Disability.EspeciallySevere,
            Pregnant = true,
            ChildrenUnder36Months = 1,
            LivingArrangement = LivingArrangement.Facility,
        });

        var only = Assert.Single(report.Entitlements);
        Assert.Equal(EntitlementKind.InstitutionalCare, only.Kind);
        Assert.Equal(2_000_000, only.Amount.Value);
        Assert.Contains(report.Explanation, s => s.Basis.Contains(new WelfareRules.Legal.Citation("20/2021/NĐ-CP", "25", "5")));
    }

    [Fact]
    public void Evaluate_ChildInFacilityTurningFour_FiveThenFourTimesTheStandard()
    {
        var person = new Person(new LocalDate(2020, 10, 15)) { Orphanhood = Orphanhood.BothParentsDead, LivingArrangement = LivingArrangement.Facility };

        Assert.Equal(2_500_000, Evaluate(2024, 9, person).Total.Value);
        Assert.Equal(2_000_000, Evaluate(2024, 10, person).Total.Value);
    }

    [Fact]
    public void Evaluate_ElderlyPoorWithoutSupporterInFacility_NurturingAllowance()
    {
        var report = Evaluate(2024, 8, new Person(new LocalDate(1950, 1, 1))
        {
            WithoutSupporter = true,
            Household = new Household { Poverty = Poverty.Poor },
            LivingArrangement = LivingArrangement.Facility,
        });

        Assert.Equal(2_000_000, report.AmountOf(EntitlementKind.InstitutionalCare).Value);
        Assert.Equal(0, report.AmountOf(EntitlementKind.SocialAllowance).Value);
    }

    [Fact]
    public void Evaluate_BeforeAdmissionDecision_NothingPaid()
    {
        var report = Evaluate(2024, 8, new Person(new LocalDate(2015, 1, 1))
        {
            Orphanhood = Orphanhood.Abandoned,
            LivingArrangement = LivingArrangement.Facility,
            DecisionSignedOn = new LocalDate(2024, 9, 2),
        });

        Assert.Empty(report.Entitlements);
    }
}
