using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Reports;
using WelfareRules.Serialization;

namespace WelfareRules.Benchmarks.Serialization;

/// <summary>
/// JSON Lines end to end as `evaluate` does it: parse each line, evaluate, write the report line; and each
/// stage alone, so that the figure can be split. 1,000 situations per operation.
/// </summary>
[MemoryDiagnoser]
public class JsonLinesBenchmarks
{
    private const int Situations = 1000;
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private string input = "";
    private List<Situation> situations = [];
    private List<Report> reports = [];
    private MemoryStream written = new();

    [GlobalSetup]
    public void Setup()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            foreach (var situation in PopulationGenerator.Generate(Situations, 11, Jurisdiction.Vietnam, new YearMonth(2024, 8)))
            {
                SituationWriter.Write(writer, situation);
                writer.Flush();
                writer.Reset();
                buffer.WriteByte((byte)'\n');
            }
        }

        input = Encoding.UTF8.GetString(buffer.ToArray());
        situations = [];
        foreach (var line in SituationReader.ReadLines(new StringReader(input), "bench.jsonl"))
        {
            situations.Add(line.Situation!);
        }

        reports = situations.ConvertAll(s => RuleSet.BuiltIn.Evaluate(s));
        written = new MemoryStream(16 << 20);
    }

    /// <summary>The straightforward loop: read a line, evaluate, write, one after the other.</summary>
    [Benchmark(OperationsPerInvoke = Situations, Baseline = true)]
    public long ParseEvaluateWrite()
    {
        using var output = new MemoryStream();
        using var writer = new Utf8JsonWriter(output, Compact);
        foreach (var line in SituationReader.ReadLines(new StringReader(input), "bench.jsonl"))
        {
            ReportJson.Write(writer, RuleSet.BuiltIn.Evaluate(line.Situation!));
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }

        return output.Length;
    }

    /// <summary>Reading the lines into situations only.</summary>
    [Benchmark(OperationsPerInvoke = Situations)]
    public int ParseOnly()
    {
        int count = 0;
        foreach (var line in SituationReader.ReadLines(new StringReader(input), "bench.jsonl"))
        {
            count += line.Situation!.Person.ChildrenUnder36Months + 1;
        }

        return count;
    }

    /// <summary>Evaluating the situations only (with the explanation, as the report JSON carries it).</summary>
    [Benchmark(OperationsPerInvoke = Situations)]
    public long EvaluateOnly()
    {
        long total = 0;
        foreach (var situation in situations)
        {
            total += RuleSet.BuiltIn.Evaluate(situation).Total.Value;
        }

        return total;
    }

    /// <summary>Writing the report lines only, into a stream already grown (as the tool writes into a buffered standard output).</summary>
    [Benchmark(OperationsPerInvoke = Situations)]
    public long WriteOnly()
    {
        var output = written;
        output.SetLength(0);
        using var writer = new Utf8JsonWriter(output, Compact);
        foreach (var report in reports)
        {
            ReportJson.Write(writer, report);
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }

        return output.Length;
    }

    /// <summary>The path `evaluate` takes over a .jsonl file (<see cref="JsonLinesEvaluator"/>), on one core.</summary>
    [Benchmark(OperationsPerInvoke = Situations)]
    public int EvaluateLinesOneCore() => EvaluateLines(1);

    /// <summary>The path `evaluate` takes over a .jsonl file (<see cref="JsonLinesEvaluator"/>), on all cores.</summary>
    [Benchmark(OperationsPerInvoke = Situations)]
    public int EvaluateLinesAllCores() => EvaluateLines(System.Environment.ProcessorCount);

    /// <summary>`evaluate --explain none` over the lines on all cores: each line whose profile was met before gets that report's bytes.</summary>
    [Benchmark(OperationsPerInvoke = Situations)]
    public int WithoutExplanationReusedByProfile() => EvaluateLines(System.Environment.ProcessorCount, explain: false, reuse: true);

    /// <summary>The same, each line evaluated and written on its own (as before reports were reused by profile).</summary>
    [Benchmark(OperationsPerInvoke = Situations)]
    public int WithoutExplanationEachAlone() => EvaluateLines(System.Environment.ProcessorCount, explain: false, reuse: false);

    private int EvaluateLines(int cores, bool explain = true, bool reuse = true) =>
        JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, new StringReader(input), Stream.Null, TextWriter.Null, new JsonLinesOptions
        {
            Source = "bench.jsonl",
            MaxDegreeOfParallelism = cores,
            Evaluation = new EvaluationOptions { Explain = explain },
            ReuseProfiles = reuse,
        }).Evaluated;
}
