using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Policy;
using Xunit;

namespace WelfareRules.Tests.Policy;

/// <summary>
/// A draft that changes a state health-insurance share (docs/policy-example/near-poor-health-insurance-100.json: the
/// near-poor share from 70% to 100% from 2027-01-01) shows its cost and its gainers like any other change.
/// </summary>
public sealed class HealthInsuranceComparisonTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-hi-compare").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Draft() => RepositoryFiles.PolicyExample("near-poor-health-insurance-100.json");

    // Two near-poor people, one poor (already 100%), one with no support: in 2027-02 the premium is 4.5% × 2,530,000 = 113,850 (161/2026/NĐ-CP).
    private const string People = """
        {"jurisdiction":"VN","month":"2027-02","person":{"birthDate":"1990-01-01","household":{"poverty":"nearPoor"}}}
        {"jurisdiction":"VN","month":"2027-02","person":{"birthDate":"1985-05-05","household":{"poverty":"nearPoor"}}}
        {"jurisdiction":"VN","month":"2027-02","person":{"birthDate":"1990-01-01","household":{"poverty":"poor"}}}
        {"jurisdiction":"VN","month":"2027-02","person":{"birthDate":"1990-01-01"}}
        """;

    [Fact]
    public void Compare_NearPoorShareTo100_CostsTheStatesExtraPremiumForEachNearPoorPerson()
    {
        var changed = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(Draft()));
        var person = new Person(new LocalDate(1990, 1, 1)) { Household = new Household { Poverty = Poverty.NearPoor } };

        var difference = PolicyComparison.Compare(RuleSet.BuiltIn, changed, new Situation(Jurisdiction.Vietnam, new YearMonth(2027, 2), person));

        // 70% of 113,850 rounds to 79,695; the whole premium is 113,850: 34,155 more a month.
        Assert.Equal(new HealthInsuranceChange(new Dong(79_695), new Dong(113_850)), difference.HealthInsurance);
        Assert.Equal(34_155, difference.Difference.Value);
        Assert.Empty(difference.Changes);
        Assert.Contains(difference.Causes, c => c.Instrument == "DRAFT-BHYT-CN-2027");
    }

    [Fact]
    public void CompareCommand_NearPoorShareTo100_ReportsCostAndGainers()
    {
        string input = Path.Combine(folder, "people.jsonl");
        File.WriteAllText(input, People);

        var (exit, stdout, stderr) = CliRunner.Run("compare", "--rules", Draft(), "--input", input, "--format", "json");

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var differences = lines.Where(l => l.TryGetProperty("index", out _)).ToList();
        Assert.Equal([0L, 1L], differences.Select(d => d.GetProperty("index").GetInt64()));
        Assert.All(differences, d =>
        {
            Assert.Equal(34_155, d.GetProperty("difference").GetInt64());
            Assert.Equal(113_850, d.GetProperty("healthInsurance").GetProperty("changed").GetInt64());
        });

        var summary = lines.Single(l => l.TryGetProperty("summary", out _)).GetProperty("summary");
        Assert.Equal(2 * 34_155, summary.GetProperty("difference").GetInt64());
        Assert.Equal(2, summary.GetProperty("gainers").GetInt64());
        Assert.Equal(0, summary.GetProperty("losers").GetInt64());
        var health = summary.GetProperty("byKind").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "health-insurance");
        Assert.Equal(2 * 34_155, health.GetProperty("difference").GetInt64());
        Assert.Equal(3, health.GetProperty("persons").GetInt64());
    }
}
