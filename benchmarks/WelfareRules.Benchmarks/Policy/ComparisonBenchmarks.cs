using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;

namespace WelfareRules.Benchmarks.Policy;

/// <summary>
/// Baseline against a draft (Hanoi standard 700,000 from 2027) over 10,000 generated persons, input already
/// parsed: the streaming comparison (batched through the population engine) against the straightforward one
/// (the single-person path, person by person).
/// </summary>
[MemoryDiagnoser]
public class ComparisonBenchmarks
{
    private List<Situation> population = [];
    private RuleSet changed = RuleSet.BuiltIn;

    [GlobalSetup]
    public void Setup()
    {
        population = PopulationGenerator.Generate(10_000, 5, Jurisdiction.Hanoi, new YearMonth(2027, 1)).ToList();
        changed = RuleSet.BuiltIn.With(InstrumentReader.Read(
            """{"format":1,"id":"DRAFT-HN-2027","kind":"draft","title":"Dự thảo","issuer":"bench","jurisdiction":"VN-HN","appliesFrom":"2027-01-01","status":"verified","provisions":[{"parameter":"standard","from":"2027-01-01","value":700000,"basis":{"article":"1"}}]}"""u8,
            "draft.json"));
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public ComparisonSummary CompareTenThousand() => PolicyComparison.Run(RuleSet.BuiltIn, changed, population);

    [Benchmark(Baseline = true, OperationsPerInvoke = 10_000)]
    public ComparisonSummary CompareTenThousandOneByOne() => PolicyComparison.RunOneByOne(RuleSet.BuiltIn, changed, population);
}
