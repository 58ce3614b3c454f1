using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Populations;

namespace WelfareRules.Benchmarks.Populations;

/// <summary>
/// Baseline against a draft (Hanoi standard 700,000 from 2027) over ten million generated Hanoi persons in
/// one month, on all cores, input already in compact form (its building is the setup, not measured).
/// </summary>
[MemoryDiagnoser]
public class PopulationComparisonBenchmarks
{
    private const int Persons = 10_000_000;
    private static readonly YearMonth Month = new(2027, 1);

    private Population population = null!;
    private RuleSet changed = RuleSet.BuiltIn;

    [GlobalSetup]
    public void Setup()
    {
        population = Population.Create(PopulationGenerator.Generate(Persons, 5, Jurisdiction.Hanoi, Month));
        changed = RuleSet.BuiltIn.With(InstrumentReader.Read(
            """{"format":1,"id":"DRAFT-HN-2027","kind":"draft","title":"Dự thảo","issuer":"bench","jurisdiction":"VN-HN","appliesFrom":"2027-01-01","status":"verified","provisions":[{"parameter":"standard","from":"2027-01-01","value":700000,"basis":{"article":"1"}}]}"""u8,
            "draft.json"));
    }

    [Benchmark]
    public ComparisonSummary CompareTenMillion() => PolicyComparison.Run(RuleSet.BuiltIn, changed, population, Month);
}
