using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using WelfareRules.Law;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests;

/// <summary>Every worked case of the law reference, through the library and through <c>welfare-rules evaluate</c>.</summary>
public sealed class WorkedCasesTest
{
    [Theory]
    [MemberData(nameof(WorkedCase.All), MemberType = typeof(WorkedCase))]
    public void Evaluate_WorkedCase_MatchesTheLawReference(WorkedCase workedCase)
    {
        var situation = SituationReader.Parse(workedCase.SituationJson, $"case {workedCase.Id}");
        var report = RuleSet.BuiltIn.Evaluate(situation);

        var actual = report.Entitlements
            .Select(e => new ExpectedEntitlement(ContractNames.Of(e.Kind), ContractNames.Of(e.Payee), e.Amount.Value, e.Group))
            .OrderBy(e => e.ToString(), System.StringComparer.Ordinal);
        Assert.Equal(workedCase.Expected.Entitlements.OrderBy(e => e.ToString(), System.StringComparer.Ordinal), actual);
        Assert.Equal(workedCase.Expected.Total, report.Total.Value);
        Assert.Equal(workedCase.Expected.Provisional, report.IsProvisional);
        Assert.Equal(workedCase.Expected.Provisional, !report.Warnings.IsEmpty);
        Assert.All(report.Entitlements, e => Assert.NotEmpty(e.Basis));
        if (workedCase.Expected.HealthInsurance is { } expected)
        {
            var health = report.HealthInsurance;
            Assert.NotNull(health);
            Assert.Equal(
                (expected.Premium, expected.StateShare, expected.StatePays, expected.PersonPays),
                (health.Premium.Value, health.StateShare, health.StatePays.Value, health.PersonPays.Value));
            Assert.All(expected.Basis, citation => Assert.Contains(citation, health.Basis.Select(c => c.ToString())));
        }
    }

    [Fact]
    public void EvaluateCommand_AllWorkedCasesAsJsonLines_ReportsEachInOrder()
    {
        var cases = WorkedCase.Load().ToList();
        string input = Path.Combine(Path.GetTempPath(), $"worked-{System.Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(input, cases.Select(c => JsonDocument.Parse(c.SituationJson).RootElement.GetRawText()));
        try
        {
            var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input);
            Assert.True(exit == 0, stderr);
            var lines = stdout.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(cases.Count, lines.Length);
            for (int i = 0; i < cases.Count; i++)
            {
                using var report = JsonDocument.Parse(lines[i]);
                Assert.Equal(cases[i].Expected.Total, report.RootElement.GetProperty("total").GetInt64());
                Assert.Equal(cases[i].Expected.Provisional, report.RootElement.GetProperty("warnings").GetArrayLength() > 0);
                if (cases[i].Expected.HealthInsurance is { } health)
                {
                    var block = report.RootElement.GetProperty("healthInsurance");
                    Assert.Equal(health.Premium, block.GetProperty("premium").GetInt64());
                    Assert.Equal(health.StateShare, block.GetProperty("stateShare").GetDecimal());
                    Assert.Equal(health.StatePays, block.GetProperty("statePays").GetInt64());
                    Assert.Equal(health.PersonPays, block.GetProperty("personPays").GetInt64());
                }
            }
        }
        finally
        {
            File.Delete(input);
        }
    }
}
