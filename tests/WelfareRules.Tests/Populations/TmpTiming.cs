using System.Diagnostics;
using System.IO;
using System.Linq;
using NodaTime;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Populations;
using Xunit;
namespace WelfareRules.Tests.Populations;
public sealed class TmpTiming
{
    [Fact]
    public void Timing()
    {
        var month = new YearMonth(2026, 2);
        using var w = new StreamWriter("/tmp/timing.txt");
        var pop = Population.Create(PopulationGenerator.Generate(1000000, 1, Jurisdiction.Hanoi, month));
        for (int rep = 0; rep < 3; rep++)
        foreach (int cores in new[] { 1, 2 })
        {
            var sw = Stopwatch.StartNew();
            var p = MonthProfiles.Classify(pop, month, cores, RuleSet.BuiltIn);
            var t1 = sw.Elapsed.TotalMilliseconds;
            var o = p.Evaluate(RuleSet.BuiltIn, pop, cores);
            var t2 = sw.Elapsed.TotalMilliseconds;
            w.WriteLine($"cores {cores}: classify {t1:F0} ms, evaluate {p.Count} profiles {t2 - t1:F0} ms");
        }
        var frame = new MonthFrame(month, []);
        var sw2 = Stopwatch.StartNew();
        ulong x = 0;
        for (int i = 0; i < pop.Count; i++) { var k = ProfileKey.Of(pop.Columns, i, frame); x ^= k.Facts ^ k.Month; }
        w.WriteLine($"keys only: {sw2.Elapsed.TotalMilliseconds:F0} ms {x}");
    }
}
