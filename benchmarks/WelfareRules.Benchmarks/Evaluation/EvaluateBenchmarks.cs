using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;

namespace WelfareRules.Benchmarks.Evaluation;

/// <summary>One person-month through the public API, with and without the explanation.</summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private static readonly RuleSet Rules = RuleSet.BuiltIn;
    private static readonly EvaluationOptions Quiet = new() { Explain = false };

    // A poor single mother of two who is also severely disabled: two groups and the K4 exception.
    private static readonly Situation SingleMother = new(Jurisdiction.Vietnam, new YearMonth(2024, 9),
        new Person(new LocalDate(1990, 4, 1))
        {
            Disability = Disability.Severe,
            Household = new Household { Poverty = Poverty.Poor },
            ChildrenRaisedAlone = [new RaisedChild(new LocalDate(2015, 1, 1)), new RaisedChild(new LocalDate(2018, 6, 1))],
        });

    [Benchmark(Baseline = true)]
    public Report WithoutExplanation() => Rules.Evaluate(SingleMother, Quiet);

    [Benchmark]
    public Report WithExplanation() => Rules.Evaluate(SingleMother);
}
