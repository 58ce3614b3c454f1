using System.Collections.Generic;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Populations;

/// <summary>
/// The facts a run's keys keep: those a condition of the rule sets reads and those the single-person path reads outside
/// them. Persons who differ in nothing else share a profile, and get the single-person path's reports.
/// </summary>
public sealed class ProfileCoverageTest
{
    private static ulong Bits(FactBits.Field field) => field.Mask << field.Shift;

    [Fact]
    public void FactsRead_BuiltInLawAndAProvinceFile_KeepWhatTheirConditionsRead()
    {
        // No built-in group reads the household's area or a parent's allowance or detention; the made-up province's
        // group (docs/policy-example/province-own-group.json) reads the parent's two facts.
        ulong builtIn = ProfileCoverage.Of([RuleSet.BuiltIn]).FactsRead;
        Assert.Equal(0UL, builtIn & (Bits(FactBits.Area) | Bits(FactBits.ParentReceivesAllowance) | Bits(FactBits.ParentDetained)));
        foreach (var read in new[] { FactBits.Disability, FactBits.Orphanhood, FactBits.Poverty, FactBits.PermanentResident, FactBits.JurisdictionIndex, FactBits.HealthInsuranceHouseholdOrder })
        {
            Assert.Equal(Bits(read), builtIn & Bits(read));
        }

        var province = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RepositoryFiles.Docs("policy-example", "province-own-group.json")));
        ulong withProvince = ProfileCoverage.Of([province]).FactsRead;
        Assert.Equal(Bits(FactBits.ParentReceivesAllowance) | Bits(FactBits.ParentDetained), withProvince & (Bits(FactBits.ParentReceivesAllowance) | Bits(FactBits.ParentDetained)));
        Assert.Equal(0UL, withProvince & Bits(FactBits.Area));
    }

    [Fact]
    public void Evaluate_PersonsDifferingOnlyInFactsNothingReads_ShareAProfileAndGetTheirOwnReports()
    {
        // Two elderly near-poor residents of Hanoi, urban and rural, each with a parent detained or not: one profile
        // under the built-in law, which reads none of those facts; a draft group reading the area splits them.
        var month = new YearMonth(2026, 3);
        var situations = new List<Situation>();
        foreach (var area in new[] { Area.Urban, Area.Rural })
        {
            foreach (bool detained in new[] { false, true })
            {
                situations.Add(new Situation(Jurisdiction.Hanoi, month, new Person(new LocalDate(1944, 2, 10))
                {
                    PermanentResident = true,
                    ParentDetained = detained,
                    Household = new Household { Poverty = Poverty.NearPoor, Area = area },
                }));
            }
        }

        var population = Population.Create(situations);
        const string draft = """
            {
              "format": 1, "id": "DRAFT-HN-RURAL", "kind": "draft", "title": "Dự thảo (giả định)", "issuer": "test",
              "jurisdiction": "VN-HN", "appliesFrom": "2026-01-01", "status": "provisional",
              "groups": [ { "id": "HN-RURAL-ELDERLY", "code": "HNR", "from": "2026-01-01", "title": "Nhóm giả định", "basis": { "article": "1" },
                "when": { "all": [ { "age": { "atLeast": "elderly" } }, { "fact": "household.area", "in": [ "rural" ] } ] }, "start": "age-reached", "combine": "highest" } ],
              "provisions": [ { "parameter": "coefficient", "group": "HN-RURAL-ELDERLY", "case": "single", "from": "2026-01-01", "value": 3, "basis": { "article": "2" } } ]
            }
            """;
        var rules = RuleSet.BuiltIn.With(InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes(draft), "rural.json"));
        foreach (var (law, profiles) in new[] { (RuleSet.BuiltIn, 1), (rules, 2) })
        {
            var result = PopulationEngine.Evaluate(law, population, [month]).Single();
            Assert.Equal(profiles, result.Profiles);
            for (int i = 0; i < situations.Count; i++)
            {
                var expected = ReportJson.ToJson(law.Evaluate(situations[i], new EvaluationOptions { Explain = false }));
                Assert.Equal(expected, ReportJson.ToJson(result.ReportOf(i)!));
            }
        }

        Assert.Contains(PopulationEngine.Evaluate(rules, population, [month]).Single().ReportOf(2)!.Entitlements, e => e.Group == "HN-RURAL-ELDERLY");
    }
}
