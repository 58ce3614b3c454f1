using System;
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

/// <summary>The populations the caseload benchmarks are run over.</summary>
public enum Caseload
{
    /// <summary>
    /// Facts varying as a real caseload's do: every person a distinct birth date over 100 years, decision and
    /// certificate dates spread over ten years, one in ten dead within five years of the month, a third raising 3
    /// to 12 children born over 25 years; the rest of the facts drawn as a caseload has them.
    /// </summary>
    RealLooking,

    /// <summary>Every fact drawn independently and uniformly: almost every person a profile of their own.</summary>
    Independent,
}

/// <summary>
/// The engine over populations whose persons share few facts (a real caseload, and facts drawn independently),
/// beside the single-person loop over the same persons, in the same run: 200,000 persons over the twelve months of
/// 2026 in Hanoi. Each figure is per person-month. The baseline against a draft over the same persons and months
/// (a comparison evaluates every profile under both laws) is measured beside them.
/// </summary>
[MemoryDiagnoser]
public class CaseloadBenchmarks
{
    private const int Persons = 200_000;
    private const int LoopPersons = 20_000;
    private static readonly EvaluationOptions Quiet = new() { Explain = false };
    private static readonly YearMonth[] Months = [.. Enumerable.Range(1, 12).Select(m => new YearMonth(2026, m))];

    private Population population = null!;
    private List<Situation> loop = [];
    private RuleSet draft = RuleSet.BuiltIn;

    /// <summary>The population.</summary>
    [Params(Caseload.RealLooking, Caseload.Independent)]
    public Caseload Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var situations = Generate(Kind, Persons, 27);
        population = Population.Create(situations);
        loop = situations.Take(LoopPersons).ToList();
        draft = RuleSet.BuiltIn.With(InstrumentReader.Read(
            """{"format":1,"id":"DRAFT-HN-2026","kind":"draft","title":"Dự thảo","issuer":"bench","jurisdiction":"VN-HN","appliesFrom":"2026-07-01","status":"verified","provisions":[{"parameter":"standard","from":"2026-07-01","value":700000,"basis":{"article":"1"}}]}"""u8,
            "draft.json"));
    }

    /// <summary>The baseline against a draft (Hanoi's standard 700,000 from July 2026) over the twelve months, on all cores.</summary>
    [Benchmark(OperationsPerInvoke = Persons * 12)]
    public ComparisonSummary CompareAllCores() => PolicyComparison.Run(RuleSet.BuiltIn, draft, population, Months);

    [Benchmark(OperationsPerInvoke = Persons * 12)]
    public Dong EngineAllCores()
    {
        var total = Dong.Zero;
        foreach (var month in PopulationEngine.Evaluate(RuleSet.BuiltIn, population, Months))
        {
            total += month.Total;
        }

        return total;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = LoopPersons * 12)]
    public Dong SinglePersonLoop()
    {
        var total = Dong.Zero;
        foreach (var month in Months)
        {
            foreach (var situation in loop)
            {
                try
                {
                    total += RuleSet.BuiltIn.Evaluate(situation with { Month = month }, Quiet).Total;
                }
                catch (EvaluationException)
                {
                }
            }
        }

        return total;
    }

    /// <summary>A reproducible caseload of the kind asked for.</summary>
    public static List<Situation> Generate(Caseload kind, int size, int seed)
    {
        var r = new Random(seed);
        var month = new YearMonth(2026, 6);
        var start = new LocalDate(1926, 1, 1);
        var situations = new List<Situation>(size);
        for (int i = 0; i < size; i++)
        {
            bool independent = kind == Caseload.Independent;
            var birth = start.PlusDays(r.Next(100 * 365));
            var person = new Person(birth)
            {
                Orphanhood = independent ? (Orphanhood)r.Next(12) : r.Next(40) == 0 ? (Orphanhood)r.Next(1, 12) : Orphanhood.None,
                Disability = independent ? (Disability)r.Next(4) : r.Next(6) == 0 ? (Disability)r.Next(1, 4) : Disability.None,
                HivPositive = independent ? r.Next(2) == 0 : r.Next(200) == 0,
                InEducation = r.Next(independent ? 2 : 5) == 0,
                WithoutSupporter = r.Next(independent ? 2 : 4) == 0,
                ReceivesPension = r.Next(independent ? 2 : 3) == 0,
                PensionBelowSocialPension = r.Next(independent ? 2 : 30) == 0,
                LivingArrangement = independent ? (LivingArrangement)r.Next(4) : r.Next(30) == 0 ? (LivingArrangement)r.Next(1, 4) : LivingArrangement.Family,
                EligibleForFacilityCare = r.Next(independent ? 2 : 50) == 0,
                Pregnant = r.Next(independent ? 2 : 100) == 0,
                ChildrenUnder36Months = r.Next(independent ? 4 : 20) == 0 ? r.Next(1, 3) : 0,
                EthnicMinority = r.Next(independent ? 2 : 8) == 0,
                Student = r.Next(independent ? 2 : 10) == 0,
                PermanentResident = r.Next(independent ? 2 : 10) != 0,
                HealthInsuranceHouseholdOrder = r.Next(independent ? 7 : 3),
                DecisionSignedOn = r.Next(independent ? 2 : 3) == 0 ? new LocalDate(2017, 1, 1).PlusDays(r.Next(10 * 365)) : null,
                Household = new Household
                {
                    Poverty = independent ? (Poverty)r.Next(3) : r.Next(10) switch { 0 => Poverty.Poor, 1 or 2 => Poverty.NearPoor, _ => Poverty.None },
                    Area = (Area)r.Next(2),
                    ExtremelyDifficultArea = r.Next(independent ? 2 : 20) == 0,
                    AverageLivingStandardFarming = r.Next(independent ? 2 : 15) == 0,
                    EscapedPovertyMonth = r.Next(independent ? 2 : 12) == 0 ? new YearMonth(2023, 1).PlusMonths(r.Next(48)) : null,
                },
            };
            if (person.Disability != Disability.None && r.Next(2) == 0)
            {
                person = person with { DisabilityCertifiedOn = new LocalDate(2017, 1, 1).PlusDays(r.Next(10 * 365)) };
            }

            if (r.Next(10) == 0)
            {
                // Dead within five years of the month (before or after it), never before birth.
                var death = month.OnDayOfMonth(1).PlusDays(r.Next(-5 * 365 / 2, 5 * 365 / 2));
                if (death >= birth)
                {
                    person = person with { DeathDate = death, DeathCause = (DeathCause)r.Next(2), Cremated = r.Next(2) == 0 };
                }
            }

            if (r.Next(3) == 0)
            {
                int count = r.Next(3, 13);
                person = person with
                {
                    ChildrenRaisedAlone = [.. Enumerable.Range(0, count).Select(_ => new RaisedChild(new LocalDate(2001, 1, 1).PlusDays(r.Next(25 * 365))) { InEducation = r.Next(3) == 0 })],
                };
            }

            situations.Add(new Situation(Jurisdiction.Hanoi, month, person));
        }

        return situations;
    }
}
