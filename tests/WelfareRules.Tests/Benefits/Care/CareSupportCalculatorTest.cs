using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Benefits.Care;

/// <summary>Care support (ND 20 Art 20) alongside the person's own allowance (Art 19 k1).</summary>
public sealed class CareSupportCalculatorTest
{
    private static Report Evaluate(int year, int month, Person person) =>
        RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, new YearMonth(year, month), person));

    [Fact]
    public void Evaluate_FosteredEspeciallySevereDisabledOrphan_AllowanceAndOneHighestCarerSupport()
    {
        // K1 from 4 (carer 1.5) and especially severely disabled child (carer 2.5): the carer gets 2.5 only.
        var report = Evaluate(2024, 8, new Person(new LocalDate(2014, 2, 1))
        {
            Orphanhood = Orphanhood.BothParentsDead,
            Disability = Disability.EspeciallySevere,
            LivingArrangement = LivingArrangement.FosterCare,
        });

        var carer = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.CarerSupport);
        Assert.Equal(Payee.Carer, carer.Payee);
        Assert.Equal(1_250_000, carer.Amount.Value);
        Assert.Equal("ND20-20-2d", carer.Group);
        Assert.Equal(1_250_000, report.AmountOf(EntitlementKind.SocialAllowance).Value);
        Assert.Equal(2_500_000, report.Total.Value);
    }

    [Fact]
    public void Evaluate_DisabledMotherRaisingTwoInfants_HigherCoefficientToHerself()
    {
        var report = Evaluate(2024, 8, new Person(new LocalDate(1994, 1, 1)) { Disability = Disability.Severe, ChildrenUnder36Months = 2 });

        var support = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.DisabilityCareSupport);
        Assert.Equal(Payee.Beneficiary, support.Payee);
        Assert.Equal(2.0m, support.Coefficient);
        Assert.Equal(1_000_000, support.Amount.Value);
        Assert.Equal(750_000, report.AmountOf(EntitlementKind.SocialAllowance).Value);
    }

    [Fact]
    public void Evaluate_HanoiHouseholdCaringForEspeciallySevereMember_CitesTheDecreesGroupBesideHanoisCoefficient()
    {
        // Hanoi sets its own care coefficient (NQ 63/2025); the group that makes the household eligible is still the
        // decree's (ND 20/2021 Art 20 k2 c), and the amount's basis names both.
        var report = RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 3), new Person(new LocalDate(1980, 1, 1))
        {
            Disability = Disability.EspeciallySevere,
            LivingArrangement = LivingArrangement.Family,
        }));

        var carer = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.CarerSupport);
        Assert.Equal("ND20-20-2c", carer.Group);
        Assert.Equal(new WelfareRules.Legal.Citation("20/2021/NĐ-CP", "20", "2", "c"), carer.Basis[0]);
        Assert.Contains(carer.Basis, c => c.Instrument == "63/2025/NQ-HĐND");
    }

    [Fact]
    public void Evaluate_DraftCareGroupOnAVerifiedCoefficient_IsGradedAsTheDraft()
    {
        // A provisional draft opens the Art 20 k2 a support to every pregnant woman with a disability certificate, at
        // the decree's own (verified) coefficient: the support is as provisional as the group that grants it.
        var draft = InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes("""
            {
              "format": 1, "id": "DRAFT-CARE", "kind": "draft", "title": "Dự thảo", "titleEn": "Draft",
              "issuer": "Bộ Y tế (dự thảo)", "jurisdiction": "VN", "appliesFrom": "2027-01-01", "status": "provisional",
              "source": "a test", "groups": [ {
                "id": "DRAFT-CARE-1", "code": "D1", "benefit": "disability-care-support", "from": "2027-01-01",
                "title": "Phụ nữ mang thai có giấy xác nhận khuyết tật", "titleEn": "Pregnant woman with a disability certificate",
                "basis": { "article": "1" },
                "when": { "all": [ { "fact": "pregnant", "is": true }, { "date": "disabilityCertifiedOn", "relation": "present" } ] },
                "bands": [ { "case": "disabled-parent" } ] } ]
            }
            """), "draft-care.json");
        var rules = RuleSet.BuiltIn.With(draft);

        var report = rules.Evaluate(new Situation(Jurisdiction.Vietnam, new YearMonth(2027, 3), new Person(new LocalDate(1995, 1, 1))
        {
            Disability = Disability.Mild,
            DisabilityCertifiedOn = new LocalDate(2020, 1, 1),
            Pregnant = true,
        }));

        var support = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.DisabilityCareSupport);
        Assert.Equal("DRAFT-CARE-1", support.Group);
        Assert.Equal("DRAFT-CARE", support.Basis[0].Instrument);
        Assert.Contains(support.Basis, c => c.Instrument == "20/2021/NĐ-CP" && c.Article == "20");
        Assert.Equal(WelfareRules.Legal.ProvisionStatus.Provisional, support.Status);
    }

    [Fact]
    public void Evaluate_PregnantWomanWithoutSevereDisability_NoCareSupport()
    {
        var report = Evaluate(2024, 8, new Person(new LocalDate(1994, 1, 1)) { Disability = Disability.Mild, Pregnant = true });

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_EspeciallySevereAdultLivingAlone_NoHouseholdCareSupport()
    {
        var report = Evaluate(2024, 8, new Person(new LocalDate(1980, 1, 1)) { Disability = Disability.EspeciallySevere, LivingArrangement = LivingArrangement.Alone });

        Assert.DoesNotContain(report.Entitlements, e => e.Kind == EntitlementKind.CarerSupport);
        Assert.Equal(1_000_000, report.Total.Value);
    }

    [Fact]
    public void Evaluate_BeforeTheCareDecisionMonth_AllowanceFromCertificateButNoCareSupport()
    {
        var person = new Person(new LocalDate(1980, 1, 1))
        {
            Disability = Disability.EspeciallySevere,
            DisabilityCertifiedOn = new LocalDate(2024, 6, 20),
            DecisionSignedOn = new LocalDate(2024, 9, 5),
        };

        var august = Evaluate(2024, 8, person);
        var september = Evaluate(2024, 9, person);

        Assert.Equal(EntitlementKind.SocialAllowance, Assert.Single(august.Entitlements).Kind);
        Assert.Equal(500_000, september.AmountOf(EntitlementKind.CarerSupport).Value);
    }

    [Fact]
    public void Evaluate_FosteredChildTurningFour_CarerSupportDropsFromTheBirthdayMonth()
    {
        var person = new Person(new LocalDate(2020, 10, 15)) { Orphanhood = Orphanhood.Abandoned, LivingArrangement = LivingArrangement.FosterCare };

        Assert.Equal(1_250_000, Evaluate(2024, 9, person).AmountOf(EntitlementKind.CarerSupport).Value);
        Assert.Equal(750_000, Evaluate(2024, 10, person).AmountOf(EntitlementKind.CarerSupport).Value);
    }

    [Fact]
    public void Evaluate_MonthAfterDeath_NoCareSupport()
    {
        var report = Evaluate(2024, 11, new Person(new LocalDate(1980, 1, 1))
        {
            Disability = Disability.EspeciallySevere,
            DeathDate = new LocalDate(2024, 10, 15),
        });

        Assert.Empty(report.Entitlements);
    }

    [Fact]
    public void Evaluate_FosterChildTurnedSixteenNotStudying_CarerSupportStopsFromTheNextMonth()
    {
        var person = new Person(new LocalDate(2008, 5, 10)) { Orphanhood = Orphanhood.BothParentsDead, LivingArrangement = LivingArrangement.FosterCare };

        Assert.Equal(540_000, Evaluate(2024, 5, person).AmountOf(EntitlementKind.CarerSupport).Value);
        Assert.Empty(Evaluate(2024, 6, person).Entitlements);
    }
}
