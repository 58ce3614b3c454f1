using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Populations;

namespace WelfareRules.Benchmarks.Populations;

/// <summary>The populations sorting into profiles is measured over.</summary>
public enum SortedPopulation
{
    /// <summary>The generator's national population (as the country run uses): few children, many persons a profile.</summary>
    Generated,

    /// <summary>The real-looking caseload of <see cref="CaseloadBenchmarks"/>: a third raising 3 to 12 children.</summary>
    RealLooking,
}

/// <summary>
/// Sorting a population into profiles (<see cref="ProfileSorter"/>) on all cores, under the built-in law and a draft
/// together, as a comparison does: the step that bounds the country run. <see cref="Classify"/> sorts one month
/// (per person); <see cref="ClassifyTwelveMonths"/> sorts the twelve months of 2027 in one run, as the multi-month
/// comparison does (per person-month).
/// </summary>
[MemoryDiagnoser]
public class ProfileBenchmarks
{
    private const int Persons = 1_000_000;
    private static readonly YearMonth Month = new(2027, 3);

    private Population population = null!;
    private RuleSet draft = null!;
    private static readonly YearMonth[] Months = [.. Enumerable.Range(1, 12).Select(m => new YearMonth(2027, m))];

    /// <summary>The population.</summary>
    [Params(SortedPopulation.Generated, SortedPopulation.RealLooking)]
    public SortedPopulation Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        IEnumerable<Situation> situations = Kind == SortedPopulation.Generated
            ? PopulationGenerator.Generate(Persons, 7, Jurisdiction.Vietnam, Month)
            : CaseloadBenchmarks.Generate(Caseload.RealLooking, Persons, 27);
        population = Population.Create(situations);
        draft = RuleSet.BuiltIn.With(InstrumentReader.Read(
            """{"format":1,"id":"DRAFT-HTXH-70","kind":"draft","title":"Dự thảo","issuer":"bench","jurisdiction":"VN","appliesFrom":"2027-01-01","status":"provisional","provisions":[{"parameter":"age","case":"social-pension","from":"2027-01-01","value":70,"basis":{"article":"1"}}]}"""u8,
            "draft.json"));
    }

    [Benchmark(OperationsPerInvoke = Persons)]
    public int Classify() => new ProfileSorter(population, System.Environment.ProcessorCount, false, RuleSet.BuiltIn, draft).Sort(Month).Count;

    [Benchmark(OperationsPerInvoke = Persons * 12)]
    public int ClassifyTwelveMonths()
    {
        var sorter = new ProfileSorter(population, System.Environment.ProcessorCount, true, RuleSet.BuiltIn, draft);
        int profiles = 0;
        foreach (var month in Months)
        {
            profiles += sorter.Sort(month).Present;
        }

        return profiles;
    }
}
