using System.Linq;
using System.Text.Json;
using Xunit;

namespace WelfareRules.Tests.Cli;

/// <summary><c>welfare-rules evaluate</c> reports care, institutional and funeral entitlements to the letter of the contract.</summary>
public sealed class EvaluateCommandCareTest
{
    [Fact]
    public void Evaluate_DisabledMotherWithHousehold_ReportsKindsAndPayees()
    {
        const string situation = """
            {"jurisdiction":"VN","month":"2024-10","person":{"birthDate":"1995-01-01","disability":"especiallySevere","pregnant":true,"childrenUnder36Months":1,"livingArrangement":"family"}}
            """;

        var (exit, stdout, stderr) = CliRunner.RunWithInput(situation, "evaluate", "--input", "-");

        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var entitlements = report.RootElement.GetProperty("entitlements").EnumerateArray()
            .Select(e => (Kind: e.GetProperty("kind").GetString(), Payee: e.GetProperty("payee").GetString(), Amount: e.GetProperty("amount").GetInt64(), Coefficient: e.GetProperty("coefficient").GetDecimal()))
            .ToList();
        Assert.Equal(
            [("social-allowance", "beneficiary", 1_000_000L, 2.0m), ("disability-care-support", "beneficiary", 1_000_000L, 2.0m), ("carer-support", "carer", 500_000L, 1.0m)],
            entitlements);
        Assert.Equal(2_500_000, report.RootElement.GetProperty("total").GetInt64());
        var careBasis = report.RootElement.GetProperty("entitlements")[1].GetProperty("basis")[0];
        Assert.Equal("20", careBasis.GetProperty("article").GetString());
        Assert.Equal("a", careBasis.GetProperty("point").GetString());
    }

    [Fact]
    public void Evaluate_DeathInFacility_ReportsInstitutionalCareAndFuneralSupport()
    {
        const string situation = """
            {"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2022-03-01","orphanhood":"bothParentsDead","livingArrangement":"facility","deathDate":"2024-08-03"}}
            """;

        var (exit, stdout, stderr) = CliRunner.RunWithInput(situation, "evaluate", "--input", "-");

        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var kinds = report.RootElement.GetProperty("entitlements").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("payee").GetString())).ToList();
        Assert.Equal([("institutional-care", "beneficiary"), ("funeral-support", "beneficiary")], kinds);
        Assert.Equal(27_500_000, report.RootElement.GetProperty("total").GetInt64());
    }
}
