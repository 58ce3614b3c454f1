using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NodaTime;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Serialization;

namespace WelfareRules.Benchmarks.Serialization;

/// <summary>JSON Lines end to end as `evaluate` does it: parse each line, evaluate, write the report line. 1,000 situations per operation.</summary>
[MemoryDiagnoser]
public class JsonLinesBenchmarks
{
    private string input = "";

    [GlobalSetup]
    public void Setup()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            foreach (var situation in PopulationGenerator.Generate(1000, 11, Jurisdiction.Vietnam, new YearMonth(2024, 8)))
            {
                SituationWriter.Write(writer, situation);
                writer.Flush();
                writer.Reset();
                buffer.WriteByte((byte)'\n');
            }
        }

        input = Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public long ParseEvaluateWrite()
    {
        using var output = new MemoryStream();
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var line in SituationReader.ReadLines(new StringReader(input), "bench.jsonl"))
        {
            ReportJson.Write(writer, RuleSet.BuiltIn.Evaluate(line.Situation!));
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }

        return output.Length;
    }
}
