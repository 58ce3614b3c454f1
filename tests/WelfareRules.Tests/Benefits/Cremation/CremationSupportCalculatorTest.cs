using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Benefits.Cremation;

/// <summary>Hanoi cremation support (NQ 03/2020/NQ-HĐND): adult or child under 6, plus transport, in the month of death.</summary>
public sealed class CremationSupportCalculatorTest
{
    private static readonly YearMonth DeathMonth = new(2024, 6);

    private static Person Deceased(LocalDate birth) =>
        new(birth) { DeathDate = new LocalDate(2024, 6, 12), Cremated = true, PermanentResident = true };

    private static Report Evaluate(Jurisdiction jurisdiction, Person person, YearMonth? month = null) =>
        RuleSet.BuiltIn.Evaluate(new Situation(jurisdiction, month ?? DeathMonth, person));

    [Fact]
    public void Evaluate_AdultResidentCremated_PaysAdultAmountPlusTransport()
    {
        var report = Evaluate(Jurisdiction.Hanoi, Deceased(new LocalDate(1970, 1, 1)));

        var cremation = Assert.Single(report.Entitlements);
        Assert.Equal(EntitlementKind.CremationSupport, cremation.Kind);
        Assert.Equal(4_000_000, cremation.Amount.Value);
        Assert.All(cremation.Basis, c => Assert.Equal("03/2020/NQ-HĐND", c.Instrument));
    }

    [Fact]
    public void Evaluate_ChildAged5_PaysChildAmountPlusTransport()
    {
        // 5 years old on the date of death (turns 6 on 2024-06-13, the day after).
        var report = Evaluate(Jurisdiction.Hanoi, Deceased(new LocalDate(2018, 6, 13)));

        Assert.Equal(2_500_000, report.AmountOf(EntitlementKind.CremationSupport).Value);
    }

    [Fact]
    public void Evaluate_ChildTurned6OnTheDayOfDeath_PaysAdultAmount()
    {
        var report = Evaluate(Jurisdiction.Hanoi, Deceased(new LocalDate(2018, 6, 12)));

        Assert.Equal(4_000_000, report.AmountOf(EntitlementKind.CremationSupport).Value);
    }

    [Fact]
    public void Evaluate_NotAPermanentResident_PaysNothing()
    {
        var report = Evaluate(Jurisdiction.Hanoi, Deceased(new LocalDate(1970, 1, 1)) with { PermanentResident = false });

        Assert.Empty(report.Entitlements);
        Assert.Contains(report.Explanation, s => s.English.StartsWith("No cremation support", System.StringComparison.Ordinal) && s.English.Contains("a permanent resident: no", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_NotAResidentButInACityFacility_PaysTheSupport()
    {
        // NQ 03/2020: also people nurtured in Hanoi's public social-assistance facilities, not only permanent residents.
        var person = Deceased(new LocalDate(1970, 1, 1)) with { PermanentResident = false, LivingArrangement = LivingArrangement.Facility };

        var report = Evaluate(Jurisdiction.Hanoi, person);

        Assert.Equal(4_000_000, report.AmountOf(EntitlementKind.CremationSupport).Value);
    }

    [Fact]
    public void Evaluate_NotCremated_PaysNothing()
    {
        var report = Evaluate(Jurisdiction.Hanoi, Deceased(new LocalDate(1970, 1, 1)) with { Cremated = false });

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_OutsideHanoi_PaysNothing()
    {
        var report = Evaluate(Jurisdiction.Vietnam, Deceased(new LocalDate(1970, 1, 1)));

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_MonthAfterDeath_PaysNothing()
    {
        var report = Evaluate(Jurisdiction.Hanoi, Deceased(new LocalDate(1970, 1, 1)), new YearMonth(2024, 7));

        Assert.Empty(report.Entitlements);
    }
}
