using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using Xunit;

namespace WelfareRules.Tests.Policy;

/// <summary>Weighted comparisons and their distribution: bands of change, age bands, poverty, commune, deciles of baseline income.</summary>
public sealed class DistributionTest
{
    private static readonly RuleSet Draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RepositoryFiles.PolicyExample("hanoi-700k-2027.json")));

    private static List<Situation> Population(int size, Func<Random, Situation, Situation>? vary = null)
    {
        var random = new Random(5);
        return [.. PopulationGenerator.Generate(size, 9, Jurisdiction.Hanoi, new YearMonth(2027, 3)).Select(s => vary is null ? s : vary(random, s))];
    }

    [Fact]
    public void Run_EveryWeight2Point5_WeighsEveryTotal()
    {
        var plain = Population(3_000);
        var weighted = plain.Select(s => s with { Weight = 2.5m }).ToList();

        var one = PolicyComparison.Run(RuleSet.BuiltIn, Draft, plain);
        var heavy = PolicyComparison.Run(RuleSet.BuiltIn, Draft, weighted);

        Assert.Equal(one.Persons, heavy.Persons);
        Assert.Equal(2.5m * one.Persons, heavy.WeightedPersons);
        Assert.Equal(2.5m * one.Gainers, heavy.WeightedGainers);
        Assert.Equal((long)Math.Round(2.5m * one.BaselineTotal.Value, MidpointRounding.AwayFromZero), heavy.BaselineTotal.Value);
        Assert.Equal((long)Math.Round(2.5m * one.ChangedTotal.Value, MidpointRounding.AwayFromZero), heavy.ChangedTotal.Value);
        Assert.True(heavy.IsWeighted);
        Assert.False(one.IsWeighted);
        foreach (var line in heavy.ByKind)
        {
            var plainLine = Assert.Single(one.ByKind, l => l.Key == line.Key);
            Assert.Equal(2.5m * plainLine.Persons, line.WeightedPersons);
        }
    }

    [Fact]
    public void Run_RandomWeights_EngineEqualsOneByOne()
    {
        var population = Population(4_000, (r, s) => s with { Weight = r.Next(0, 1000) / 100m });

        var engine = PolicyComparison.Run(RuleSet.BuiltIn, Draft, population);
        var reference = PolicyComparison.RunOneByOne(RuleSet.BuiltIn, Draft, population);

        Assert.Equal(reference.BaselineTotal, engine.BaselineTotal);
        Assert.Equal(reference.ChangedTotal, engine.ChangedTotal);
        Assert.Equal(reference.WeightedPersons, engine.WeightedPersons);
        Assert.Equal(reference.WeightedGainers, engine.WeightedGainers);
        Assert.Equal(reference.ByGroup.Select(l => (l.Key, l.Baseline, l.Changed, l.WeightedPersons)), engine.ByGroup.Select(l => (l.Key, l.Baseline, l.Changed, l.WeightedPersons)));
    }

    [Theory]
    [InlineData(1_000_000, 1_000_000, 2)]
    [InlineData(1_000_000, 1_050_000, 1)]
    [InlineData(1_000_000, 1_050_001, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(1_000_000, 950_000, 3)]
    [InlineData(1_000_000, 949_999, 4)]
    [InlineData(1_000_000, 0, 4)]
    public void Band_CostBeforeAndAfter_FallsInItsBandOfChange(long before, long after, int band)
    {
        Assert.Equal(band, DistributionBuilder.Band(before, after));
    }

    [Fact]
    public void Build_WeightedPopulation_EveryBreakdownAddsUpToTheSummary()
    {
        string[] communes = ["00001", "00004", "00006"];
        var population = Population(5_000, (r, s) => s with
        {
            Weight = r.Next(1, 400) / 4m,
            Commune = communes[r.Next(communes.Length)],
            Person = s.Person with
            {
                Sex = (Sex)r.Next(0, 3),
                Household = s.Person.Household with { IncomePerPerson = r.Next(0, 20) * 500_000L },
            },
        });
        var builder = new DistributionBuilder();

        var summary = PolicyComparison.Run(RuleSet.BuiltIn, Draft, population, onEvaluated: builder.Add);
        var distribution = builder.Build();

        foreach (var lines in new[] { distribution.ByChange, distribution.ByAgeBand, distribution.BySex, distribution.ByPoverty, distribution.ByCommune, distribution.ByDecile })
        {
            Assert.Equal(summary.WeightedPersons, lines.Sum(l => l.Persons));
            Assert.Equal(summary.Difference.Value, lines.Sum(l => l.Difference.Value), 10.0);
            Assert.Equal(summary.WeightedGainers, lines.Sum(l => l.Gainers));
        }

        Assert.Equal(DistributionBuilder.ChangeBands, distribution.ByChange.Select(l => l.Key));
        Assert.Equal(communes.Order(), distribution.ByCommune.Select(l => l.Key));
        // Deciles of equal weighted persons: each within the heaviest weight of a tenth.
        Assert.Equal(10, distribution.ByDecile.Length);
        decimal heaviest = population.Max(s => s.Weight);
        Assert.All(distribution.ByDecile, d => Assert.InRange(d.Persons, (summary.WeightedPersons / 10) - heaviest, (summary.WeightedPersons / 10) + heaviest));
    }
}
