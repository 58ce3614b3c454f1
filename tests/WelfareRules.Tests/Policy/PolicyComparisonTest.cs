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
    public void Run_MonthsOfDraftsSigningAlikeAndApart_EachDifferenceIsThePersonsOwn()
    {
        // The changed law takes the baseline's signatures where the two sign alike (a new standard from January 2027) and
        // not where an age a condition reads moves (the social pension's from March 2027): every person's two reports,
        // month by month, against the single-person path.
        var months = Enumerable.Range(0, 5).Select(m => new YearMonth(2026, 11).PlusMonths(m)).ToList();
        var situations = Tests.Populations.VariedPopulation.Create(4_000, 37).Where(s => s.Jurisdiction == Jurisdiction.Hanoi).ToList();
        var age = InstrumentReader.Read("""
            {
              "format": 1, "id": "DRAFT-SP-70-MARCH", "kind": "draft", "title": "Dự thảo (giả định)", "issuer": "test",
              "jurisdiction": "VN", "appliesFrom": "2027-03-01", "status": "provisional",
              "provisions": [ { "parameter": "age", "case": "social-pension", "from": "2027-03-01", "value": 70, "basis": { "article": "1" } } ]
            }
            """u8, "age.json");
        var draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RepositoryFiles.PolicyExample("hanoi-700k-2027.json"))).With(age);
        var quiet = new WelfareRules.Evaluation.EvaluationOptions { Explain = false };
        var differences = new Dictionary<(long Index, YearMonth Month), PersonDifference>();
        var population = WelfareRules.Populations.Population.Create(situations);
        PolicyComparison.Run(RuleSet.BuiltIn, draft, population, months, d => differences.Add((d.Index, d.Situation.Month), d));

        int expected = 0;
        foreach (var month in months)
        {
            for (int i = 0; i < situations.Count; i++)
            {
                var situation = situations[i] with { Month = month };
                WelfareRules.Reports.Report before, after;
                try
                {
                    (before, after) = (RuleSet.BuiltIn.Evaluate(situation, quiet), draft.Evaluate(situation, quiet));
                }
                catch (WelfareRules.Evaluation.EvaluationException)
                {
                    continue;
                }

                // What a comparison counts as a difference: an entitlement's kind, payee, amount or group, or the state's premium share.
                bool differs = before.HealthInsuranceStatePays != after.HealthInsuranceStatePays
                    || !before.Entitlements.Select(e => (e.Kind, e.Payee, e.Amount, e.Group)).SequenceEqual(after.Entitlements.Select(e => (e.Kind, e.Payee, e.Amount, e.Group)));
                Assert.Equal(differs, differences.TryGetValue((i, month), out var difference));
                if (differs)
                {
                    expected++;
                    Assert.Equal(after.Cost - before.Cost, difference!.Difference);
                }
            }
        }

        Assert.Equal(expected, differences.Count);
        Assert.Contains(differences.Values, d => d.Situation.Month == new YearMonth(2027, 3) && d.ChangedReport.Entitlements.Any(e => e.Kind == WelfareRules.Reports.EntitlementKind.SocialPension)
            && !d.BaselineReport.Entitlements.Any(e => e.Kind == WelfareRules.Reports.EntitlementKind.SocialPension));
    }

    [Fact]
    public void Run_VariedPopulation_TotalsEqualThoseAddedPersonByPerson()
    {
        // The totals, added once for each pair of what they read of two reports, against every person's own two reports
        // added one by one: amounts and persons under every key, the month's costs, gainers and losers.
        var month = new YearMonth(2027, 3);
        var situations = Tests.Populations.VariedPopulation.Create(3_000, 31).Where(s => s.Jurisdiction == Jurisdiction.Hanoi).Select(s => s with { Month = month }).ToList();
        var draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RepositoryFiles.PolicyExample("hanoi-700k-2027.json")));
        var quiet = new WelfareRules.Evaluation.EvaluationOptions { Explain = false };
        var pairs = new List<(WelfareRules.Reports.Report Before, WelfareRules.Reports.Report After)>();
        foreach (var situation in situations)
        {
            try
            {
                pairs.Add((RuleSet.BuiltIn.Evaluate(situation, quiet), draft.Evaluate(situation, quiet)));
            }
            catch (WelfareRules.Evaluation.EvaluationException)
            {
            }
        }

        var summary = PolicyComparison.Run(RuleSet.BuiltIn, draft, WelfareRules.Populations.Population.Create(situations), month);

        Assert.Equal(pairs.Count, summary.Persons);
        Assert.Equal(pairs.Aggregate(Dong.Zero, (t, p) => t + p.Before.Cost), summary.BaselineTotal);
        Assert.Equal(pairs.Aggregate(Dong.Zero, (t, p) => t + p.After.Cost), summary.ChangedTotal);
        Assert.Equal(pairs.Count(p => p.After.Cost > p.Before.Cost), summary.Gainers);
        Assert.Equal(pairs.Count(p => p.After.Cost < p.Before.Cost), summary.Losers);
        Assert.True(summary.Gainers > 50, $"{summary.Gainers} gainers");
        foreach (var (lines, keyOf, healthInsuranceKey) in new (IEnumerable<ComparisonTotal>, System.Func<WelfareRules.Reports.Entitlement, string>, string)[]
        {
            (summary.ByKind, e => WelfareRules.Reports.ContractNames.Of(e.Kind), "health-insurance"),
            (summary.ByGroup, e => e.Group ?? WelfareRules.Reports.ContractNames.Of(e.Kind), "health-insurance"),
            (summary.ByPayee, e => WelfareRules.Reports.ContractNames.Of(e.Payee), WelfareRules.Reports.ContractNames.Of(WelfareRules.Reports.Payee.Beneficiary)),
        })
        {
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                Dong Amount(WelfareRules.Reports.Report r) =>
                    r.Entitlements.Where(e => keyOf(e) == line.Key).Aggregate(Dong.Zero, (t, e) => t + e.Amount) + (line.Key == healthInsuranceKey ? r.HealthInsuranceStatePays : Dong.Zero);
                bool In(WelfareRules.Reports.Report r) => r.Entitlements.Any(e => keyOf(e) == line.Key) || (line.Key == healthInsuranceKey && r.HealthInsuranceStatePays != Dong.Zero);

                Assert.Equal(pairs.Aggregate(Dong.Zero, (t, p) => t + Amount(p.Before)), line.Baseline);
                Assert.Equal(pairs.Aggregate(Dong.Zero, (t, p) => t + Amount(p.After)), line.Changed);
                Assert.Equal(pairs.Count(p => In(p.Before) || In(p.After)), line.Persons);
            }
        }
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
