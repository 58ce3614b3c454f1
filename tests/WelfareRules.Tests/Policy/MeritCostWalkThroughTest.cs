using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Policy;

/// <summary>The walk-through of docs/merit-persons.md, "What the 2024 rise cost": the cost of 77/2024/NĐ-CP over a generated Hanoi caseload.</summary>
public sealed class MeritCostWalkThroughTest
{
    private static readonly YearMonth[] SecondHalf2024 = [.. Enumerable.Range(0, 6).Select(i => new YearMonth(2024, 7).PlusMonths(i))];

    [Fact]
    public void Compare_WithoutNd77OverJulyToDecember2024_CostsTheFiguresOfThePage()
    {
        var population = PopulationGenerator.GenerateMerit(76_000, 2024, Jurisdiction.Hanoi, new YearMonth(2024, 7));
        var personMonths = population.SelectMany(s => SecondHalf2024.Select(m => s with { Month = m }));

        var summary = PolicyComparison.Run(RuleSet.BuiltIn.Without("77/2024/NĐ-CP"), RuleSet.BuiltIn, personMonths);

        Assert.Equal(456_000, summary.Persons);
        Assert.Equal(456_000, summary.Gainers);
        Assert.Equal(1_430_560_440_000, summary.BaselineTotal.Value);
        Assert.Equal(1_878_811_680_000, summary.ChangedTotal.Value);
        Assert.Equal(448_251_240_000, summary.Difference.Value);
        Assert.Equal(15_197_292_000, Assert.Single(summary.ByKind, t => t.Key == "merit-carer-allowance").Difference.Value);
    }

    [Fact]
    public void Without_Nd77_PaysTheNd55TablesFromJuly2024()
    {
        // Independently of the comparison: without 77/2024, July 2024 pays what June 2024 (55/2023) paid.
        var without = RuleSet.BuiltIn.Without("77/2024/NĐ-CP");
        foreach (var situation in PopulationGenerator.GenerateMerit(500, 7, Jurisdiction.Vietnam, new YearMonth(2024, 7)))
        {
            var july = without.Evaluate(situation);
            var june = RuleSet.BuiltIn.Evaluate(situation with { Month = new YearMonth(2024, 6) });
            Assert.Equal(MeritTotal(june), MeritTotal(july));
        }
    }

    private static long MeritTotal(Report report) =>
        report.Entitlements.Where(e => e.Kind is EntitlementKind.MeritAllowance or EntitlementKind.MeritCarerAllowance).Sum(e => e.Amount.Value);
}
