using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Benefits.Funeral;

/// <summary>Funeral support in the month of death (ND 20 Art 11; Art 14 k1; Art 25 k3): the single highest.</summary>
public sealed class FuneralSupportCalculatorTest
{
    private static Report Evaluate(int year, int month, Person person) =>
        RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, new YearMonth(year, month), person));

    [Fact]
    public void Evaluate_AllowanceRecipientDiesInDisaster_OnlyTheHigherDisasterSupport()
    {
        var report = Evaluate(2024, 9, new Person(new LocalDate(1980, 1, 1))
        {
            Disability = Disability.Severe,
            DeathDate = new LocalDate(2024, 9, 7),
            DeathCause = DeathCause.Disaster,
        });

        var funeral = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.FuneralSupport);
        Assert.Equal(25_000_000, funeral.Amount.Value);
        Assert.Equal("ND20-14-1", funeral.Group);
        Assert.Equal(750_000, report.AmountOf(EntitlementKind.SocialAllowance).Value);
    }

    [Fact]
    public void Evaluate_DeathInFacility_FiftyTimesTheStandard()
    {
        var report = Evaluate(2023, 3, new Person(new LocalDate(1980, 1, 1))
        {
            Disability = Disability.EspeciallySevere,
            LivingArrangement = LivingArrangement.Facility,
            DeathDate = new LocalDate(2023, 3, 2),
        });

        var funeral = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.FuneralSupport);
        Assert.Equal(18_000_000, funeral.Amount.Value);
        Assert.Equal("ND20-25-3", funeral.Group);
        Assert.Equal(1_440_000, report.AmountOf(EntitlementKind.InstitutionalCare).Value);
    }

    [Fact]
    public void Evaluate_PensionerAgedEightyDies_TwentyTimesTheStandard()
    {
        var report = Evaluate(2024, 9, new Person(new LocalDate(1940, 1, 1)) { ReceivesPension = true, DeathDate = new LocalDate(2024, 9, 1) });

        var funeral = Assert.Single(report.Entitlements);
        Assert.Equal(10_000_000, funeral.Amount.Value);
        Assert.Equal("ND20-11-1c", funeral.Group);
    }

    [Fact]
    public void Evaluate_OrdinaryDeathWithoutAllowance_NoFuneralSupport()
    {
        var report = Evaluate(2024, 9, new Person(new LocalDate(1970, 1, 1)) { DeathDate = new LocalDate(2024, 9, 1) });

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_MonthBeforeDeath_NoFuneralSupport()
    {
        var report = Evaluate(2024, 8, new Person(new LocalDate(1980, 1, 1)) { Disability = Disability.Severe, DeathDate = new LocalDate(2024, 9, 7) });

        Assert.DoesNotContain(report.Entitlements, e => e.Kind == EntitlementKind.FuneralSupport);
    }
}
