using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Building;
using WelfareRules.Legal;
using Xunit;

namespace WelfareRules.Tests.Benefits.HealthInsurance;

/// <summary>A province gives its own health-insurance support by file alone: a group of its own, with an age of its own, and its share.</summary>
public sealed class LocalHealthInsuranceGroupTest
{
    private static readonly Jurisdiction Zz = Jurisdiction.Parse("VN-ZZ");
    private static readonly LocalDate From = new(2027, 1, 1);

    private static RuleSet Rules() => RuleSet.BuiltIn.With(
        new InstrumentBuilder("01/2027/NQ-HĐND-ZZ", InstrumentKind.Resolution, "Nghị quyết hỗ trợ bảo hiểm y tế (tỉnh giả định)", "HĐND tỉnh ZZ (giả định)",
                Zz, From, ProvisionStatus.Provisional)
            .Provision("standard", From, 600_000, new ProvisionBasis("1"))
            .Group("ZZ-BHYT-65", "ZZ-HI", From, "Người từ đủ 65 tuổi chưa có thẻ bảo hiểm y tế", new ProvisionBasis("2", "1"),
                When.All(When.AgeAtLeast("zz-hi-elderly"), When.Fact("permanentResident", true)), benefit: GroupBenefitKind.HealthInsuranceLocal)
            .Age("zz-hi-elderly", From, 65, new ProvisionBasis("2", "1"))
            .Provision("health-insurance-local-share", From, 0.5m, new ProvisionBasis("2", "2"), group: "ZZ-BHYT-65")
            .Build());

    private static Situation Aged(int birthYear, bool resident = true) =>
        new(Zz, new YearMonth(2027, 3), new Person(new LocalDate(birthYear, 1, 1)) { PermanentResident = resident });

    [Fact]
    public void Evaluate_ProvinceGroupMet_PaysItsShareCitingIt()
    {
        var health = Rules().Evaluate(Aged(1960)).HealthInsurance!;

        // 4.5% × 2,530,000 = 113,850 (161/2026/NĐ-CP); the province pays half.
        Assert.Equal(0.5m, health.StateShare);
        Assert.Equal((56_925L, 56_925L), (health.StatePays.Value, health.PersonPays.Value));
        Assert.Contains(health.Basis, c => c.Instrument == "01/2027/NQ-HĐND-ZZ" && c.Article == "2" && c.Clause == "2");
        Assert.Contains(health.Basis, c => c.Instrument == "01/2027/NQ-HĐND-ZZ" && c.Article == "2" && c.Clause == "1");
    }

    [Theory]
    [InlineData(1965, true)]
    [InlineData(1960, false)]
    public void Evaluate_ProvinceGroupNotMet_NoShare(int birthYear, bool resident)
    {
        Assert.Equal(0m, Rules().Evaluate(Aged(birthYear, resident)).HealthInsurance!.StateShare);
    }
}
