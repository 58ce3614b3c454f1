using System.Linq;
using WelfareRules.Law;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Benefits.HealthInsurance;

/// <summary>
/// Every state-paid and subsidised group against its citation, across the switch from 146/2018/NĐ-CP to
/// 188/2025/NĐ-CP (effective 2025-08-15, so in force from September 2025 under the first-of-the-month
/// reading) and Hanoi's start (19/2025/NQ-HĐND, 2026-01-01).
/// </summary>
public sealed class HealthInsuranceGroupsTest
{
    private const string Nd146 = "146/2018/NĐ-CP";
    private const string Nd188 = "188/2025/NĐ-CP";
    private const string HanoiNq19 = "19/2025/NQ-HĐND";

    public static TheoryData<string, string, string, decimal, string?> Groups => new()
    {
        // jurisdiction, month, person (contract JSON), expected state share, expected citation of the share (null: no support).
        // Children under 6: Art 3 k7.
        { "VN", "2025-08", """{"birthDate":"2022-01-01"}""", 1m, Nd146 + " Art 3 k7" },
        { "VN", "2025-09", """{"birthDate":"2022-01-01"}""", 1m, Nd188 + " Art ? [reported]" },
        // Monthly social allowance (here K5c, aged 84 with no pension): Art 3 k8.
        { "VN", "2025-08", """{"birthDate":"1941-02-01"}""", 1m, Nd146 + " Art 3 k8" },
        { "VN", "2025-09", """{"birthDate":"1941-02-01"}""", 1m, Nd188 + " Art ? [reported]" },
        // Poor household: Art 3 k9 a.
        { "VN", "2025-08", """{"birthDate":"1990-01-01","household":{"poverty":"poor"}}""", 1m, Nd146 + " Art 3 k9 a" },
        { "VN", "2025-09", """{"birthDate":"1990-01-01","household":{"poverty":"poor"}}""", 1m, Nd188 + " Art ? [reported]" },
        // Ethnic minority in an extremely disadvantaged area: Art 3 k9 b (cited before k9 c, which also applies).
        { "VN", "2025-08", """{"birthDate":"1990-01-01","ethnicMinority":true,"household":{"extremelyDifficultArea":true}}""", 1m, Nd146 + " Art 3 k9 b" },
        { "VN", "2025-09", """{"birthDate":"1990-01-01","ethnicMinority":true,"household":{"extremelyDifficultArea":true}}""", 1m, Nd188 + " Art ? [reported]" },
        // Anyone living in an extremely disadvantaged area: Art 3 k9 c.
        { "VN", "2025-08", """{"birthDate":"1990-01-01","household":{"extremelyDifficultArea":true}}""", 1m, Nd146 + " Art 3 k9 c" },
        { "VN", "2025-09", """{"birthDate":"1990-01-01","household":{"extremelyDifficultArea":true}}""", 1m, Nd188 + " Art ? [reported]" },
        // Aged 80+ on a monthly social-insurance benefit (receivesPension): Art 3 k17.
        { "VN", "2025-08", """{"birthDate":"1940-01-01","receivesPension":true}""", 1m, Nd146 + " Art 3 k17" },
        { "VN", "2025-09", """{"birthDate":"1940-01-01","receivesPension":true}""", 1m, Nd188 + " Art ? [reported]" },
        // Near-poor: 70%, Art 8 k1 b.
        { "VN", "2025-08", """{"birthDate":"1990-01-01","household":{"poverty":"nearPoor"}}""", 0.7m, Nd146 + " Art 8 k1 b" },
        { "VN", "2025-09", """{"birthDate":"1990-01-01","household":{"poverty":"nearPoor"}}""", 0.7m, Nd188 + " Art ? [reported]" },
        // Students: 30% (Art 8 k1 c), then 50% from 2025-07-01 (188/2025/NĐ-CP; provisional: the sources give 2025-07-01 or 2025-08-15).
        { "VN", "2025-06", """{"birthDate":"2005-01-01","student":true}""", 0.3m, Nd146 + " Art 8 k1 c" },
        { "VN", "2025-07", """{"birthDate":"2005-01-01","student":true}""", 0.5m, Nd188 + " Art ? [provisional]" },
        { "VN", "2025-09", """{"birthDate":"2005-01-01","student":true}""", 0.5m, Nd188 + " Art ? [provisional]" },
        // Farming household with an average living standard: 30%.
        { "VN", "2025-08", """{"birthDate":"1990-01-01","household":{"averageLivingStandardFarming":true}}""", 0.3m, Nd146 + " Art 8 k1 c" },
        { "VN", "2025-09", """{"birthDate":"1990-01-01","household":{"averageLivingStandardFarming":true}}""", 0.3m, Nd188 + " Art ? [reported]" },
        // Several groups: the highest share (Art 8 k2): near-poor 70% over student 30%.
        { "VN", "2025-08", """{"birthDate":"2005-01-01","student":true,"household":{"poverty":"nearPoor"}}""", 0.7m, Nd146 + " Art 8 k1 b" },
        // No group.
        { "VN", "2025-08", """{"birthDate":"1990-01-01"}""", 0m, null },
        // A child is under 6 until the month of the 6th birthday; from the next month, no longer.
        { "VN", "2025-09", """{"birthDate":"2019-09-15"}""", 1m, Nd188 + " Art ? [reported]" },
        { "VN", "2025-10", """{"birthDate":"2019-09-15"}""", 0m, null },

        // Hanoi, before and after 19/2025/NQ-HĐND applies (2026-01-01).
        // a) escaped poverty or near-poverty: 100% for 36 months from the month of recognition (window provisional).
        { "VN-HN", "2025-12", """{"permanentResident":true,"birthDate":"1990-01-01","household":{"escapedPovertyMonth":"2025-06"}}""", 0m, null },
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"1990-01-01","household":{"escapedPovertyMonth":"2025-06"}}""", 1m, HanoiNq19 + " Art 3 k3 a [reported]" },
        { "VN-HN", "2029-02", """{"permanentResident":true,"birthDate":"1990-01-01","household":{"escapedPovertyMonth":"2026-03"}}""", 1m, HanoiNq19 + " Art 3 k3 a [reported]" },
        { "VN-HN", "2029-03", """{"permanentResident":true,"birthDate":"1990-01-01","household":{"escapedPovertyMonth":"2026-03"}}""", 0m, null },
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"1990-01-01","household":{"escapedPovertyMonth":"2023-01"}}""", 0m, null },
        // b) aged 70 to under 75.
        { "VN-HN", "2025-12", """{"permanentResident":true,"birthDate":"1954-01-01"}""", 0m, null },
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"1954-01-01"}""", 1m, HanoiNq19 + " Art 3 k3 b [reported]" },
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"1956-02-01"}""", 0m, null },
        // c) mild disability, not children under 16.
        { "VN-HN", "2025-12", """{"permanentResident":true,"birthDate":"1990-01-01","disability":"mild"}""", 0m, null },
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"1990-01-01","disability":"mild"}""", 1m, HanoiNq19 + " Art 3 k3 c [reported]" },
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"2015-01-01","disability":"mild"}""", 0m, null },
        // d) ethnic minorities without a card.
        { "VN-HN", "2025-12", """{"permanentResident":true,"birthDate":"1990-01-01","ethnicMinority":true}""", 0m, null },
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"1990-01-01","ethnicMinority":true}""", 1m, HanoiNq19 + " Art 3 k3 d [reported]" },
        // Farming household with an average living standard: +30% on the national 30%.
        { "VN-HN", "2025-12", """{"permanentResident":true,"birthDate":"1990-01-01","household":{"averageLivingStandardFarming":true}}""", 0.3m, Nd188 + " Art ? [reported]" },
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"1990-01-01","household":{"averageLivingStandardFarming":true}}""", 0.6m, HanoiNq19 + " Art 3 k3 [reported]" },
        // The national share still counts in Hanoi; Hanoi's top-ups do not apply outside it.
        { "VN-HN", "2026-01", """{"permanentResident":true,"birthDate":"1990-01-01","household":{"poverty":"nearPoor"}}""", 0.7m, Nd188 + " Art ? [reported]" },
        { "VN", "2026-01", """{"birthDate":"1954-01-01"}""", 0m, null },
        // Hanoi's support (19/2025/NQ-HĐND) is for permanent residents: aged 72, not a permanent resident, nothing.
        { "VN-HN", "2026-01", """{"birthDate":"1954-01-01"}""", 0m, null },

        // Nurtured in a social assistance facility (20/2021/NĐ-CP Art 24 k1, Art 25 k2): a state-paid card.
        { "VN", "2022-10", """{"birthDate":"1990-01-01","disability":"severe","livingArrangement":"facility"}""", 1m, "20/2021/NĐ-CP Art 25 k2" },
        { "VN", "2024-08", """{"birthDate":"2022-06-01","orphanhood":"abandoned","livingArrangement":"facility"}""", 1m, Nd146 + " Art 3 k7" },
        { "VN", "2026-08", """{"birthDate":"1990-01-01","disability":"severe","livingArrangement":"facility"}""", 1m, "20/2021/NĐ-CP Art 25 k2" },

        // 146/2018/NĐ-CP Art 13 k2: born before 30 September, the card lasts to 30 September of the year the child turns six.
        { "VN", "2024-09", """{"birthDate":"2018-03-10"}""", 1m, Nd146 + " Art 3 k7" },
        { "VN", "2024-10", """{"birthDate":"2018-03-10"}""", 0m, null },
        { "VN", "2024-04", """{"birthDate":"2018-03-10"}""", 1m, Nd146 + " Art 3 k7" },
        { "VN", "2025-02", """{"birthDate":"2018-03-10"}""", 0m, null },
        // Born after 30 September: to the end of the month of the sixth birthday.
        { "VN", "2024-11", """{"birthDate":"2018-11-20"}""", 1m, Nd146 + " Art 3 k7" },
        { "VN", "2024-12", """{"birthDate":"2018-11-20"}""", 0m, null },
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public void Evaluate_SupportGroup_ShareAndCitation(string jurisdiction, string month, string person, decimal share, string? citation)
    {
        var health = Evaluate(jurisdiction, month, person).HealthInsurance;

        Assert.NotNull(health);
        Assert.Equal(share, health.StateShare);
        Assert.Equal(health.Premium, health.StatePays + health.PersonPays);
        if (citation is not null)
        {
            Assert.Contains(citation, health.Basis.Select(c => c.ToString()));
        }
        else
        {
            // Base salary and rate only.
            Assert.Equal(2, health.Basis.Length);
        }
    }

    [Fact]
    public void Evaluate_StudentAndFarmingInHanoi_NationalHighestPlusLocal()
    {
        // National: max(student 50%, farming 30%); Hanoi adds its farming 30%.
        var health = Evaluate("VN-HN", "2026-02", """{"permanentResident":true,"birthDate":"2005-01-01","student":true,"household":{"averageLivingStandardFarming":true}}""").HealthInsurance!;

        Assert.Equal(0.8m, health.StateShare);
        Assert.Equal((84_240, 21_060), (health.StatePays.Value, health.PersonPays.Value));
        Assert.True(health.Provisional);
    }

    [Fact]
    public void Evaluate_ChildTurnedSixInMarch_CardToSeptemberCitesArt13()
    {
        var report = Evaluate("VN", "2024-07", """{"birthDate":"2018-03-10"}""");

        Assert.Contains(report.Explanation, step => step.Basis.Any(c => c.ToString() == Nd146 + " Art 13 k2 a"));
    }

    [Fact]
    public void Evaluate_SupportedHouseholdMember_NoLadder()
    {
        // 146/2018 Art 7 k2: the ladder is not for people the budget supports.
        var health = Evaluate("VN", "2024-08", """{"birthDate":"1990-01-01","healthInsuranceHouseholdOrder":3,"household":{"poverty":"nearPoor"}}""").HealthInsurance!;

        Assert.Equal((105_300, 73_710, 31_590), (health.Premium.Value, health.StatePays.Value, health.PersonPays.Value));
        Assert.DoesNotContain(health.Basis, c => c.Point == "e");
    }

    [Fact]
    public void Evaluate_HasOtherHealthInsurance_NoBlock()
    {
        var report = Evaluate("VN", "2024-08", """{"birthDate":"1990-01-01","hasOtherHealthInsurance":true,"household":{"poverty":"poor"}}""");

        Assert.Null(report.HealthInsurance);
        Assert.Contains("\"healthInsurance\":null", ReportJson.ToJson(report), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DiedBeforeTheMonth_NoBlock()
    {
        var report = Evaluate("VN", "2024-08", """{"birthDate":"1940-01-01","deathDate":"2024-06-10"}""");

        Assert.Null(report.HealthInsurance);
    }

    [Fact]
    public void Evaluate_StrictMode_RefusesProvisionalHealthInsurance()
    {
        var situation = SituationReader.Parse("""{"jurisdiction":"VN","month":"2025-10","person":{"birthDate":"2005-01-01","student":true}}""", "test");

        var error = Assert.Throws<WelfareRules.Evaluation.EvaluationException>(() => RuleSet.BuiltIn.Evaluate(situation, new WelfareRules.Evaluation.EvaluationOptions { Strict = true }));

        Assert.Equal(WelfareRules.Evaluation.EvaluationError.ProvisionalLaw, error.Error);
    }

    [Fact]
    public void ReportJson_HealthInsurance_WritesTheContractBlock()
    {
        var json = ReportJson.ToJson(Evaluate("VN", "2024-08", """{"birthDate":"1990-01-01","household":{"poverty":"nearPoor"}}"""));

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var block = doc.RootElement.GetProperty("healthInsurance");
        Assert.Equal(105_300, block.GetProperty("premium").GetInt64());
        Assert.Equal(0.7m, block.GetProperty("stateShare").GetDecimal());
        Assert.Equal(73_710, block.GetProperty("statePays").GetInt64());
        Assert.Equal(31_590, block.GetProperty("personPays").GetInt64());
        Assert.Contains(block.GetProperty("basis").EnumerateArray(), b => b.GetProperty("instrument").GetString() == Nd146 && b.GetProperty("article").GetString() == "8");
        // Base salary 73/2024/NĐ-CP is known from secondary sources: the block is reported.
        Assert.Equal("reported", block.GetProperty("status").GetString());
        Assert.False(block.GetProperty("provisional").GetBoolean());
    }

    private static Report Evaluate(string jurisdiction, string month, string person) =>
        RuleSet.BuiltIn.Evaluate(SituationReader.Parse($$"""{"jurisdiction":"{{jurisdiction}}","month":"{{month}}","person":{{person}}}""", "test"));
}
