using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Schedules;

namespace WelfareRules.Benchmarks.Schedules;

/// <summary>A ten-year schedule (120 person-months) across four standard changes and an age band.</summary>
[MemoryDiagnoser]
public class ScheduleBenchmarks
{
    private static readonly Person Orphan = new(new LocalDate(2020, 10, 15)) { Orphanhood = Orphanhood.BothParentsDead };
    private static readonly EvaluationOptions Quiet = new() { Explain = false };

    [Benchmark]
    public Schedule TenYears() => Schedule.Build(RuleSet.BuiltIn, Jurisdiction.Hanoi, Orphan, new YearMonth(2021, 7), new YearMonth(2031, 6), options: Quiet);
}
