using System;
using System.Linq;
using NodaTime;
using WelfareRules.Benefits;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using Xunit;

namespace WelfareRules.Tests.Policy;

/// <summary>The calibrated Hanoi population: each stratum weighted to its published figure, the other figures close to theirs.</summary>
public sealed class CalibratedPopulationTest
{
    private static readonly YearMonth Month = new(2025, 8);

    [Fact]
    public void Generate_EveryStratum_WeighsToItsPublishedFigure()
    {
        var population = CalibratedPopulation.Generate(20_000, 3, Month, RuleSet.BuiltIn).ToList();
        var targets = CalibratedPopulation.Targets.ToDictionary(t => t.Name, t => t.Value);

        var byStratum = population.GroupBy(s => CalibratedPopulation.Stratum(RuleSet.BuiltIn, s)).ToDictionary(g => CalibratedPopulation.Strata[g.Key], g => g.Sum(s => s.Weight));

        foreach (string stratum in CalibratedPopulation.Strata.Where(s => s != "other"))
        {
            // Weights are rounded to four decimals: a stratum is off by at most a hundredth of a person per thousand persons.
            Assert.InRange(byStratum[stratum], targets[stratum] - 1, targets[stratum] + 1);
        }

        Assert.InRange(population.Sum(s => s.Weight), targets["population"] - 2, targets["population"] + 2);
        Assert.All(population, s => Assert.Equal(Jurisdiction.Hanoi, s.Jurisdiction));
        Assert.Equal(population.Select(s => s.Weight), CalibratedPopulation.Generate(20_000, 3, Month, RuleSet.BuiltIn).Select(s => s.Weight));
    }

    [Fact]
    public void Generate_Checks_AreNearThePublishedFigures()
    {
        var population = CalibratedPopulation.Generate(20_000, 3, Month, RuleSet.BuiltIn).ToList();
        decimal total = population.Sum(s => s.Weight);
        var checks = CalibratedPopulation.Checks.ToDictionary(c => c.Name, c => c.Value);
        var lastDay = Month.OnDayOfMonth(Month.Calendar.GetDaysInMonth(Month.Year, Month.Month));

        decimal male = population.Where(s => s.Person.Sex == Sex.Male).Sum(s => s.Weight) / total;
        decimal elderly = population.Where(s => AgeReading.CompletedYears(s.Person.BirthDate, lastDay) >= 60).Sum(s => s.Weight) / total;
        decimal income = population.Sum(s => s.Weight * (s.Person.Household.IncomePerPerson ?? 0)) / total;

        Assert.InRange(male, checks["male share"] - 0.02m, checks["male share"] + 0.02m);
        Assert.InRange(elderly, checks["share aged 60 or over"], checks["share aged 60 or over"] + 0.03m);
        Assert.InRange(income, checks["mean income per person per month"] * 0.9m, checks["mean income per person per month"] * 1.1m);
    }
}
