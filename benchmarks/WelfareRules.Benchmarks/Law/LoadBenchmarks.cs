using BenchmarkDotNet.Attributes;
using WelfareRules.Law;

namespace WelfareRules.Benchmarks.Law;

/// <summary>Reading and validating every embedded instrument file into a rule set (what RuleSet.BuiltIn does once).</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    [Benchmark]
    public RuleSet LoadAndValidateBuiltInLaw() => RuleSet.Create(BuiltInLaw.Load());
}
