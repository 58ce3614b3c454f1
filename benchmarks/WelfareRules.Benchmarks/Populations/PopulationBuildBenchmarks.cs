using System;
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
/// (<see cref="PopulationBuilder"/>, one core; <see cref="Population.Create"/>), read from the same persons as
/// Parquet and as JSON Lines into the compact form (and, as the bound of the JSON way, the lines parsed in memory
/// and dropped), beside the engine's month over them, in the same run. Per person.
/// </summary>
[MemoryDiagnoser]
public class PopulationBuildBenchmarks
{
    private const int Persons = 1_000_000;

    private List<Situation> situations = [];
    private Population population = null!;
    private string parquet = "", lines = "";
    private byte[] bytes = [];
    private int[] lineStarts = [];

    [GlobalSetup]
    public void Setup()
    {
        situations = PopulationGenerator.Generate(Persons, 11, Jurisdiction.Hanoi, new YearMonth(2026, 1)).ToList();
        population = Population.Create(situations);
        parquet = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "welfare-bench-population.parquet");
        lines = System.IO.Path.ChangeExtension(parquet, ".jsonl");
        Cli.ParquetFiles.ParquetPopulation.Write(situations, parquet);
        using var writer = new System.IO.StreamWriter(lines);
        var buffer = new System.IO.MemoryStream();
        foreach (var situation in situations)
        {
            buffer.SetLength(0);
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
            {
                WelfareRules.Serialization.SituationWriter.Write(json, situation);
            }

            writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        writer.Close();
        bytes = System.IO.File.ReadAllBytes(lines);
        var starts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        lineStarts = [.. starts];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        System.IO.File.Delete(parquet);
        System.IO.File.Delete(lines);
    }

    [Benchmark(OperationsPerInvoke = Persons)]
    public int BuildFromParquet()
    {
        var builder = new PopulationBuilder(Persons);
        foreach (var line in Cli.ParquetFiles.ParquetPopulation.ReadSituations(parquet, null))
        {
            builder.Add(line.Situation!.Jurisdiction, line.Situation.Person);
        }

        return builder.ToPopulation().Count;
    }

    /// <summary>The Parquet file read straight into the compact columns (<c>ParquetPopulation.ReadPopulation</c>), on all cores.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ReadParquetColumnsAllCores() => Cli.ParquetFiles.ParquetPopulation.ReadPopulation(parquet, null, System.Environment.ProcessorCount, out _).Count;

    /// <summary>The same on one core.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ReadParquetColumnsOneCore() => Cli.ParquetFiles.ParquetPopulation.ReadPopulation(parquet, null, 1, out _).Count;

    [Benchmark(OperationsPerInvoke = Persons)]
    public int BuildFromJsonLines()
    {
        var builder = new PopulationBuilder(Persons);
        using var reader = new System.IO.StreamReader(lines);
        foreach (var line in WelfareRules.Serialization.SituationReader.ReadLines(reader, lines))
        {
            builder.Add(line.Situation!.Jurisdiction, line.Situation.Person);
        }

        return builder.ToPopulation().Count;
    }

    /// <summary>The same, the lines parsed on all cores a batch at a time, in order.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int BuildFromJsonLinesAllCores()
    {
        var builder = new PopulationBuilder(Persons);
        using var reader = new System.IO.StreamReader(lines);
        foreach (var line in WelfareRules.Serialization.SituationReader.ReadLines(reader, lines, null, 0, Environment.ProcessorCount))
        {
            builder.Add(line.Situation!.Jurisdiction, line.Situation.Person);
        }

        return builder.ToPopulation().Count;
    }

    /// <summary>The file read by <see cref="Population.ReadJsonLines"/>: bytes cut into blocks, each parsed and packed on a core.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ReadJsonLinesAllCores()
    {
        using var stream = System.IO.File.OpenRead(lines);
        return Population.ReadJsonLines(stream, lines).Population.Count;
    }

    /// <summary>The same on one core.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ReadJsonLinesOneCore()
    {
        using var stream = System.IO.File.OpenRead(lines);
        return Population.ReadJsonLines(stream, lines, null, 1).Population.Count;
    }

    /// <summary>
    /// Parsing alone, the bound of reading JSON Lines: every line already in memory, cut at its line feeds, parsed
    /// into its situation on all cores and dropped (no reading, no packing).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ParseInMemoryAllCores()
    {
        int parsed = 0;
        System.Threading.Tasks.Parallel.For(0, (lineStarts.Length - 1 + 4095) / 4096, chunk =>
        {
            int mine = 0;
            for (int i = chunk * 4096, end = Math.Min(lineStarts.Length - 1, i + 4096); i < end; i++)
            {
                var line = bytes.AsSpan(lineStarts[i], lineStarts[i + 1] - lineStarts[i] - 1);
                mine += WelfareRules.Serialization.SituationReader.Parse(line, lines, i + 1).Person is null ? 0 : 1;
            }

            System.Threading.Interlocked.Add(ref parsed, mine);
        });
        return parsed;
    }

    /// <summary>
    /// Parsing and checking alone, without making the situation: every line already in memory, read into its values
    /// (<c>SituationReader.Read</c>, what <see cref="Population.ReadJsonLines"/> packs its columns from) on all cores.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ReadValuesInMemoryAllCores()
    {
        int parsed = 0;
        System.Threading.Tasks.Parallel.For(0, (lineStarts.Length - 1 + 4095) / 4096, () => new WelfareRules.Serialization.SituationValues(), (chunk, _, values) =>
        {
            int mine = 0;
            for (int i = chunk * 4096, end = Math.Min(lineStarts.Length - 1, i + 4096); i < end; i++)
            {
                var line = bytes.AsSpan(lineStarts[i], lineStarts[i + 1] - lineStarts[i] - 1);
                WelfareRules.Serialization.SituationReader.Read(line, lines, i + 1, null, values);
                mine += values.BirthDate.Year > 0 ? 1 : 0;
            }

            System.Threading.Interlocked.Add(ref parsed, mine);
            return values;
        }, _ => { });
        return parsed;
    }

    /// <summary>The same bound on one core.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int ParseInMemoryOneCore()
    {
        int parsed = 0;
        for (int i = 0; i < lineStarts.Length - 1; i++)
        {
            var line = bytes.AsSpan(lineStarts[i], lineStarts[i + 1] - lineStarts[i] - 1);
            parsed += WelfareRules.Serialization.SituationReader.Parse(line, lines, i + 1).Person is null ? 0 : 1;
        }

        return parsed;
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
