using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Populations;

namespace WelfareRules.Benchmarks.Populations;

/// <summary>
/// The country on one machine: a generated national population of each size given, packed into the compact
/// form, then a baseline against a draft (the social-pension age lowered to 70 from 2027) over twelve months
/// with <see cref="PolicyComparison.Run(RuleSet, RuleSet, Population, IEnumerable{YearMonth}, Action{PersonDifference}?, Action{long, EvaluationException}?, int)"/>,
/// the time split into generating, packing, sorting into profiles, evaluating profiles and totals. Not a
/// BenchmarkDotNet run (one pass over a hundred million persons is the measurement); run it under
/// <c>/usr/bin/time -v</c> for the peak memory:
/// <c>dotnet run -c Release --project benchmarks/WelfareRules.Benchmarks -- --country 1000000,10000000</c>.
/// </summary>
internal static class CountryRun
{
    private const int Chunk = 1 << 20;

    private static readonly YearMonth First = new(2027, 1);

    internal static void Run(IReadOnlyList<long> sizes, int months)
    {
        var draft = Draft();
        var range = Enumerable.Range(0, months).Select(m => First.PlusMonths(m)).ToList();
        Console.WriteLine($"country run: {Environment.ProcessorCount} cores, months {range[0]}..{range[^1]}, draft: social-pension age 70 from 2027-01");
        Console.WriteLine("| Persons | Generating | Packing | Profiles | Evaluating | Totals | Comparison | Person-months a second | Managed heap after | Cost of the draft (VND) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (long size in sizes)
        {
            var (population, generating, packing) = Build(size);
            var phases = new ComparisonPhases();
            var clock = Stopwatch.StartNew();
            var summary = PolicyComparison.Run(RuleSet.BuiltIn, draft, population, range, phases, null, null, 0);
            clock.Stop();
            long heap = GC.GetTotalMemory(false);
            GC.KeepAlive(population);
            double rate = size * (double)months / clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {generating.TotalSeconds:F1} s | {packing.TotalSeconds:F1} s | {phases[ComparisonPhase.Classify].TotalSeconds:F1} s | {phases[ComparisonPhase.Evaluate].TotalSeconds:F1} s | {phases[ComparisonPhase.Totals].TotalSeconds:F2} s | {clock.Elapsed.TotalSeconds:F1} s | {rate / 1e6:F1} million | {heap / 1e9:F2} GB | {summary.Difference.Value:N0} |"));
            population = null!;
            GC.Collect();
        }
    }

    /// <summary>
    /// The country from a Parquet population (as <c>welfare-rules population --output FILE.parquet</c> writes it): read
    /// straight into the compact columns on all cores, then the same comparison over the months, each phase timed.
    /// </summary>
    internal static void RunParquet(string path, int months)
    {
        var draft = Draft();
        var range = Enumerable.Range(0, months).Select(m => First.PlusMonths(m)).ToList();
        Console.WriteLine($"country run from {path}: {Environment.ProcessorCount} cores, months {range[0]}..{range[^1]}, draft: social-pension age 70 from 2027-01");
        var total = Stopwatch.StartNew();
        var population = WelfareRules.Cli.ParquetFiles.ParquetPopulation.ReadPopulation(path, First, Environment.ProcessorCount, out var refused);
        var reading = total.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {population.Count:N0} persons in {reading.TotalSeconds:F1} s ({Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s of core time so far); collections so far (gen0/1/2) {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalSeconds:F1} s"));
        var phases = new ComparisonPhases();
        var clock = Stopwatch.StartNew();
        var summary = PolicyComparison.Run(RuleSet.BuiltIn, draft, population, range, phases, null, null, 0);
        clock.Stop();
        total.Stop();
        long heap = GC.GetTotalMemory(false);
        GC.KeepAlive(population);
        Console.WriteLine("| Persons | Rows refused | Reading | Profiles | Evaluating | Totals | Comparison | Reading and comparison | Person-months a second (comparison) | Managed heap after | Cost of the draft (VND) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {population.Count:N0} | {refused.Count:N0} | {reading.TotalSeconds:F1} s | {phases[ComparisonPhase.Classify].TotalSeconds:F1} s | {phases[ComparisonPhase.Evaluate].TotalSeconds:F1} s | {phases[ComparisonPhase.Totals].TotalSeconds:F2} s | {clock.Elapsed.TotalSeconds:F1} s | {total.Elapsed.TotalSeconds:F1} s | {population.Count * (double)months / clock.Elapsed.TotalSeconds / 1e6:F1} million | {heap / 1e9:F2} GB | {summary.Difference.Value:N0} |"));
    }

    private static RuleSet Draft() => RuleSet.BuiltIn.With(InstrumentReader.Read(
        """{"format":1,"id":"DRAFT-HTXH-70","kind":"draft","title":"Dự thảo","issuer":"bench","jurisdiction":"VN","appliesFrom":"2027-01-01","status":"provisional","provisions":[{"parameter":"age","case":"social-pension","from":"2027-01-01","value":70,"basis":{"article":"1"}}]}"""u8,
        "draft.json"));

    /// <summary>Generates the persons a chunk at a time on all cores (seed by chunk, so the same sizes give the same persons) and packs them in order on this thread.</summary>
    private static (Population Population, TimeSpan Generating, TimeSpan Packing) Build(long size)
    {
        var builder = new PopulationBuilder(checked((int)size));
        int chunks = (int)((size + Chunk - 1) / Chunk);
        int parallel = Environment.ProcessorCount;
        TimeSpan generating = TimeSpan.Zero, packing = TimeSpan.Zero;
        for (int first = 0; first < chunks; first += parallel)
        {
            var clock = Stopwatch.StartNew();
            var batches = new Facts.Person[Math.Min(parallel, chunks - first)][];
            Parallel.For(0, batches.Length, k =>
            {
                int chunk = first + k;
                long count = Math.Min(Chunk, size - ((long)chunk * Chunk));
                batches[k] = PopulationGenerator.Generate(count, 1000 + (ulong)chunk, Jurisdiction.Vietnam, First).Select(s => s.Person).ToArray();
            });
            generating += clock.Elapsed;
            clock.Restart();
            foreach (var batch in batches)
            {
                foreach (var person in batch)
                {
                    builder.Add(Jurisdiction.Vietnam, person);
                }
            }

            packing += clock.Elapsed;
        }

        var built = Stopwatch.StartNew();
        var population = builder.ToPopulation();
        return (population, generating, packing + built.Elapsed);
    }
}
