using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Policy;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Policy;

public sealed class PolicyComparisonTest
{
    private static readonly RuleSet Draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json")));

    [Fact]
    public void Run_GeneratedPopulation_TotalsEqualTheSumOfPersonDifferences()
    {
        var population = PopulationGenerator.Generate(5000, 42, Jurisdiction.Vietnam, new YearMonth(2027, 3)).ToList();
        var differences = new List<PersonDifference>();
        var summary = PolicyComparison.Run(RuleSet.BuiltIn, Draft, population, differences.Add);

        Assert.Equal(population.Count, summary.Persons + summary.Errors);
        Assert.Equal(summary.Difference, differences.Aggregate(Dong.Zero, (s, d) => s + d.Difference));
        Assert.Equal(summary.Difference, summary.ByKind.Aggregate(Dong.Zero, (s, l) => s + l.Difference));
        Assert.Equal(summary.Difference, summary.ByGroup.Aggregate(Dong.Zero, (s, l) => s + l.Difference));
        Assert.Equal(summary.Difference, summary.ByPayee.Aggregate(Dong.Zero, (s, l) => s + l.Difference));
        Assert.Equal(summary.Gainers, differences.Count(d => d.Difference > Dong.Zero));
        Assert.True(summary.Gainers > 100, $"{summary.Gainers} gainers");
        Assert.Equal(0, summary.Losers);
        Assert.All(differences, d => Assert.NotEmpty(d.Causes));
    }

    [Fact]
    public void Generate_SameSeed_SamePopulation()
    {
        var a = PopulationGenerator.Generate(200, 7, Jurisdiction.Hanoi, new YearMonth(2026, 2)).ToList();
        var b = PopulationGenerator.Generate(200, 7, Jurisdiction.Hanoi, new YearMonth(2026, 2)).ToList();
        var c = PopulationGenerator.Generate(200, 8, Jurisdiction.Hanoi, new YearMonth(2026, 2)).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void PopulationCommand_WritesContractSituationsThatReadBack()
    {
        var (exit, stdout, _) = CliRunner.Run("population", "--size", "300", "--seed", "3", "--jurisdiction", "VN-HN", "--month", "2026-02");
        Assert.Equal(0, exit);
        var lines = SituationReader.ReadLines(new StringReader(stdout), "population").ToList();
        Assert.Equal(300, lines.Count);
        Assert.All(lines, l => Assert.Null(l.Error));
        Assert.Equal(PopulationGenerator.Generate(300, 3, Jurisdiction.Hanoi, new YearMonth(2026, 2)), lines.Select(l => l.Situation!));
    }

    [Fact]
    public void Generate_EveryAllowanceGroupAppears()
    {
        var population = PopulationGenerator.Generate(20000, 1, Jurisdiction.Vietnam, new YearMonth(2024, 8));
        var groups = population.Select(s => RuleSet.BuiltIn.Evaluate(s, new WelfareRules.Evaluation.EvaluationOptions { Explain = false }))
            .SelectMany(r => r.Entitlements).Select(e => e.Group).OfType<string>().ToHashSet();
        foreach (string group in new[] { "ND20-5-1", "ND20-5-2", "ND20-5-3", "ND20-5-4", "ND20-5-5a", "ND20-5-5b", "ND20-5-5c", "ND20-5-5d", "ND20-5-6", "ND20-5-7", "ND20-5-8" })
        {
            Assert.Contains(group, groups);
        }
    }
}
