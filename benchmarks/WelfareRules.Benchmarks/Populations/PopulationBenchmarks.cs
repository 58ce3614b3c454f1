using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Policy;
using WelfareRules.Populations;

namespace WelfareRules.Benchmarks.Populations;

/// <summary>
/// Population throughput in person-months: one million generated Hanoi persons over the twelve months of
/// 2026 through the population engine (all cores, then one; and January alone, where no profile's report
/// can be reused from another month), and the straightforward path (the
/// single-person API in a loop, one core) over the first 20,000 of them in January, in the same run. Each
/// figure is per person-month.
/// </summary>
[MemoryDiagnoser]
public class PopulationBenchmarks
{
    private const int Persons = 1_000_000;
    private const int LoopPersons = 20_000;
    private static readonly EvaluationOptions Quiet = new() { Explain = false };
    private static readonly YearMonth[] Months = [.. Enumerable.Range(1, 12).Select(m => new YearMonth(2026, m))];

    private Population population = null!;
    private List<Situation> situations = [];

    [GlobalSetup]
    public void Setup()
    {
        situations = PopulationGenerator.Generate(Persons, 11, Jurisdiction.Hanoi, new YearMonth(2026, 1)).ToList();
        population = Population.Create(situations);
        situations = situations.Take(LoopPersons).ToList();
    }

    [Benchmark(OperationsPerInvoke = Persons * 12)]
    public Dong EngineAllCores() => Year(0);

    [Benchmark(OperationsPerInvoke = Persons * 12)]
    public Dong EngineOneCore() => Year(1);

    [Benchmark(Baseline = true, OperationsPerInvoke = LoopPersons)]
    public Dong SinglePersonLoop()
    {
        var total = Dong.Zero;
        foreach (var situation in situations)
        {
            total += RuleSet.BuiltIn.Evaluate(situation, Quiet).Total;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Persons)]
    public Dong EngineOneMonthAllCores() => PopulationEngine.Evaluate(RuleSet.BuiltIn, population, Months[0]).Total;

    private Dong Year(int cores)
    {
        var total = Dong.Zero;
        foreach (var month in PopulationEngine.Evaluate(RuleSet.BuiltIn, population, Months, cores))
        {
            total += month.Total;
        }

        return total;
    }
}
