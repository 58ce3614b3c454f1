using System;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Populations;

public sealed class TallyShapesTest
{
    [Fact]
    public void Key_ReportsOfAVariedPopulation_EqualOnlyWhereEverythingTheTotalsReadIsEqual()
    {
        var population = Population.Create(VariedPopulation.Create(3_000, 21));
        var month = new YearMonth(2026, 7);
        var result = PopulationEngine.Evaluate(RuleSet.BuiltIn, population, month);
        var reports = Enumerable.Range(0, population.Count).Select(result.ReportOf).Distinct().ToList();

        var shapes = reports.GroupBy(r => TallyShapes.Key(r)).ToList();

        // Far fewer shapes than profiles (and no more than distinct reports), and within a shape the same cost,
        // payment and entitlements, in order.
        Assert.InRange(shapes.Count, 2, Math.Min(reports.Count, result.Profiles / 2));
        foreach (var shape in shapes)
        {
            var first = shape.First();
            foreach (var report in shape)
            {
                Assert.Equal(first is null, report is null);
                if (first is null || report is null)
                {
                    continue;
                }

                Assert.Equal(first.Cost, report.Cost);
                Assert.Equal(first.HealthInsuranceStatePays, report.HealthInsuranceStatePays);
                Assert.Equal(Read(first), Read(report));
            }
        }

        static string[] Read(Report report) => [.. report.Entitlements.Select(e => $"{e.Kind} {e.Payee} {e.Amount} {e.Group}")];
    }

    [Fact]
    public void Evaluate_ManyProfilesOnSeveralCores_TotalsEqualTheSumOverPersons()
    {
        // More profiles than one core counts the shapes of (8,192), on four cores, over months of two laws.
        var population = Population.Create(VariedPopulation.Create(40_000, 23));
        YearMonth[] months = [new(2026, 6), new(2026, 7), new(2026, 8)];

        foreach (var result in PopulationEngine.Evaluate(RuleSet.BuiltIn, population, months, maxDegreeOfParallelism: 4))
        {
            Assert.True(result.Profiles > 8_192, $"{result.Profiles} profiles");
            var reports = Enumerable.Range(0, population.Count).Select(result.ReportOf).ToList();
            Assert.Equal(reports.Count(r => r is null), result.Errors);
            Assert.Equal(reports.OfType<Report>().Aggregate(WelfareRules.Money.Dong.Zero, (t, r) => t + r.Cost), result.Total);
            foreach (var line in result.ByKind.Where(l => l.Key != "health-insurance"))
            {
                Assert.Equal(reports.OfType<Report>().Count(r => r.Entitlements.Any(e => ContractNames.Of(e.Kind) == line.Key)), line.Persons);
                Assert.Equal(reports.OfType<Report>().Aggregate(WelfareRules.Money.Dong.Zero, (t, r) => t + r.Entitlements.Where(e => ContractNames.Of(e.Kind) == line.Key).Aggregate(WelfareRules.Money.Dong.Zero, (u, e) => u + e.Amount)), line.Amount);
            }
        }
    }

    [Fact]
    public void Key_NoReport_DiffersFromEveryReport()
    {
        var report = RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, new YearMonth(2026, 7), new Person(new LocalDate(1940, 1, 1))), new EvaluationOptions { Explain = false });

        Assert.NotEqual(TallyShapes.Key(null), TallyShapes.Key(report));
    }
}
