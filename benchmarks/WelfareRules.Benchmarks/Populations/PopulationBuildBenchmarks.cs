using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Populations;

namespace WelfareRules.Benchmarks.Populations;

/// <summary>
/// Setting a population up: one million generated Hanoi persons packed into the engine's compact form
/// (<see cref="PopulationBuilder"/>, one core; <see cref="Population.Create"/>), beside the engine's month over
/// the same persons, in the same run. Per person.
/// </summary>
[MemoryDiagnoser]
public class PopulationBuildBenchmarks
{
    private const int Persons = 1_000_000;

    private List<Situation> situations = [];
    private Population population = null!;

    [GlobalSetup]
    public void Setup()
    {
        situations = PopulationGenerator.Generate(Persons, 11, Jurisdiction.Hanoi, new YearMonth(2026, 1)).ToList();
        population = Population.Create(situations);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Persons)]
    public int BuildFromPersons()
    {
        var builder = new PopulationBuilder(Persons);
        foreach (var situation in situations)
        {
            builder.Add(situation.Jurisdiction, situation.Person);
        }

        return builder.ToPopulation().Count;
    }

    [Benchmark(OperationsPerInvoke = Persons)]
    public int CreateFromSituations() => Population.Create(situations).Count;

    [Benchmark(OperationsPerInvoke = Persons)]
    public long EngineOneMonthAllCores() => PopulationEngine.Evaluate(RuleSet.BuiltIn, population, new YearMonth(2026, 1)).Total.Value;
}
