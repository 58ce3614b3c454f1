using System;
using System.Text;
using NodaTime;
using WelfareRules.Benefits.Emergency;
using WelfareRules.Evaluation;
using WelfareRules.Law;
using Xunit;

namespace WelfareRules.Tests.Benefits.Emergency;

/// <summary>Emergency assistance (ND 20 Arts 12–15), worked cases 23 (injury), 24 and 25.</summary>
public sealed class EmergencyAssistanceTest
{
    private static EmergencyAward Compute(EmergencySupport support, LocalDate date, RuleSet? rules = null, Jurisdiction? jurisdiction = null) =>
        EmergencyAssistance.Compute(rules ?? RuleSet.BuiltIn, new EmergencyEvent(jurisdiction ?? Jurisdiction.Vietnam, date, support));

    [Theory]
    [InlineData(EmergencySupport.HouseLost, 40_000_000)]
    [InlineData(EmergencySupport.UrgentRelocation, 30_000_000)]
    [InlineData(EmergencySupport.HouseSeverelyDamaged, 20_000_000)]
    public void Compute_HousingSupport2024_FixedMinimumFlaggedProvisional(EmergencySupport support, long expected)
    {
        // Worked case 24: whether ND 76/2024 changed the Art 15 amounts is not known [M/U].
        var award = Compute(support, new LocalDate(2024, 10, 1));

        Assert.Equal(expected, award.Amount.Value);
        Assert.True(award.Provisional);
        Assert.NotEmpty(award.Warnings);
        Assert.Equal("76/2024/NĐ-CP", Assert.Single(award.Basis).Instrument);
    }

    [Theory]
    [InlineData(EmergencySupport.HouseLost, 40_000_000)]
    [InlineData(EmergencySupport.UrgentRelocation, 30_000_000)]
    [InlineData(EmergencySupport.HouseSeverelyDamaged, 20_000_000)]
    public void Compute_HousingSupport2023_VerifiedIn2021Text(EmergencySupport support, long expected)
    {
        // 20/2021/NĐ-CP Art 15 k1–3, seen in the 2021 text: verified before 76/2024/NĐ-CP, admitted by strict evaluation.
        var award = EmergencyAssistance.Compute(RuleSet.BuiltIn, new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2023, 10, 1), support), new EvaluationOptions { Strict = true });

        Assert.Equal(expected, award.Amount.Value);
        Assert.False(award.Provisional);
        Assert.Empty(award.Warnings);
        Assert.Equal(WelfareRules.Legal.ProvisionStatus.Verified, Assert.Single(award.Basis).Status);
    }

    [Fact]
    public void Compute_HousingSupportInStrictMode_Refused()
    {
        var emergency = new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2024, 10, 1), EmergencySupport.HouseLost);

        var error = Assert.Throws<EvaluationException>(() => EmergencyAssistance.Compute(RuleSet.BuiltIn, emergency, new EvaluationOptions { Strict = true }));
        Assert.Equal(EvaluationError.ProvisionalLaw, error.Error);
    }

    [Fact]
    public void Compute_SevereInjury2024_TenTimesTheStandard()
    {
        // Worked case 23, the injury half.
        var award = Compute(EmergencySupport.SevereInjury, new LocalDate(2024, 9, 8));

        Assert.Equal(5_000_000, award.Amount.Value);
        Assert.False(award.Provisional);
    }

    [Fact]
    public void Compute_DisasterDeath2023_FiftyTimesTheStandard()
    {
        Assert.Equal(18_000_000, Compute(EmergencySupport.DisasterDeath, new LocalDate(2023, 9, 8)).Amount.Value);
    }

    [Fact]
    public void Compute_TetRoundForFivePeople_SeventyFiveKilograms()
    {
        // Worked case 25, the Tết round.
        var award = EmergencyAssistance.Compute(RuleSet.BuiltIn,
            new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2025, 1, 20), EmergencySupport.TetFood) { People = 5, Months = 3 });

        Assert.Equal(75m, award.RiceKilograms);
        Assert.Equal(1, award.Months);
        Assert.Equal(0, award.Amount.Value);
    }

    [Fact]
    public void Compute_FloodRoundForFivePeople_UpTo225Kilograms()
    {
        // Worked case 25, the flood round: up to 3 months.
        var full = EmergencyAssistance.Compute(RuleSet.BuiltIn,
            new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2025, 9, 1), EmergencySupport.DisasterFood) { People = 5 });
        var two = EmergencyAssistance.Compute(RuleSet.BuiltIn,
            new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2025, 9, 1), EmergencySupport.DisasterFood) { People = 5, Months = 2 });

        Assert.Equal(225m, full.RiceKilograms);
        Assert.Equal(150m, two.RiceKilograms);
    }

    [Fact]
    public void Compute_FloodRoundLongerThanTheLimit_Refused()
    {
        var emergency = new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2025, 9, 1), EmergencySupport.DisasterFood) { People = 5, Months = 4 };

        Assert.Throws<ArgumentException>(() => EmergencyAssistance.Compute(RuleSet.BuiltIn, emergency));
    }

    [Fact]
    public void EmergencyEvent_NoPeople_Refused()
    {
        Assert.Throws<ArgumentException>(() => new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2025, 9, 1), EmergencySupport.TetFood) { People = 0 });
    }

    [Fact]
    public void Compute_ProvinceRaisesTheMinimum_LocalAmountReplacesTheNational()
    {
        var province = Jurisdiction.Parse("VN-DN");
        var rules = RuleSet.BuiltIn.With(LocalInstrument("VN-DN", "{ \"parameter\": \"emergency-amount\", \"case\": \"house-lost\", \"from\": \"2024-01-01\", \"value\": 60000000, \"basis\": { \"article\": \"1\" } }," +
            "{ \"parameter\": \"funeral-multiple\", \"case\": \"disaster\", \"from\": \"2024-01-01\", \"value\": 60, \"basis\": { \"article\": \"2\" } }"));

        Assert.Equal(60_000_000, Compute(EmergencySupport.HouseLost, new LocalDate(2024, 10, 1), rules, province).Amount.Value);
        Assert.Equal(30_000_000, Compute(EmergencySupport.DisasterDeath, new LocalDate(2024, 10, 1), rules, province).Amount.Value);
        Assert.Equal(40_000_000, Compute(EmergencySupport.HouseLost, new LocalDate(2024, 10, 1), rules).Amount.Value);
    }

    [Fact]
    public void With_ProvinceBelowTheNationalMinimum_Refused()
    {
        var instrument = LocalInstrument("VN-DN", "{ \"parameter\": \"emergency-amount\", \"case\": \"house-lost\", \"from\": \"2024-01-01\", \"value\": 10000000, \"basis\": { \"article\": \"1\" } }");

        Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(instrument));
    }

    private static Instrument LocalInstrument(string jurisdiction, string provisions) => InstrumentReader.Read(Encoding.UTF8.GetBytes(
        "{ \"format\": 1, \"id\": \"01/2024/NQ-HĐND-TEST\", \"kind\": \"resolution\", \"title\": \"Test\", \"issuer\": \"HĐND\", " +
        $"\"jurisdiction\": \"{jurisdiction}\", \"appliesFrom\": \"2024-01-01\", \"status\": \"verified\", \"provisions\": [ {provisions} ] }}"), "test.json");
}
