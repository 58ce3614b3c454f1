using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Serialization;

namespace WelfareRules.Benchmarks.Server;

/// <summary>
/// A bounded load test of <c>welfare-rules serve</c> on loopback: a fixed number of requests from several
/// concurrent clients, single situations and batches, reporting requests a second, p50 and p99 latency and
/// errors. Run against a server started separately (under <c>/usr/bin/time -v</c> for its peak memory):
/// <c>dotnet run -c Release --project benchmarks/WelfareRules.Benchmarks -- --load http://127.0.0.1:5088</c>.
/// </summary>
internal static class LoadTest
{
    internal static int Run(string baseUrl, int requests = 4000, int clients = 8, int batch = 100)
    {
        var situations = PopulationGenerator.Generate(batch, 11, Jurisdiction.Hanoi, new YearMonth(2025, 3))
            .Select(s =>
            {
                using var buffer = new System.IO.MemoryStream();
                using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                {
                    SituationWriter.Write(writer, s);
                }

                return Encoding.UTF8.GetString(buffer.ToArray());
            }).ToList();
        string array = "[" + string.Join(",", situations) + "]";
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(120) };
        Console.WriteLine($"load test of {baseUrl}: {clients} concurrent clients, {Environment.ProcessorCount} cores here (client and server share them)");
        Measure(http, "single situation (POST /v1/evaluate)", requests, clients, i => situations[i % situations.Count], "application/json");
        Measure(http, "single, explain=none", requests, clients, i => situations[i % situations.Count], "application/json", "?explain=none");
        Measure(http, $"batch of {batch} (JSON array)", requests / 20, clients, _ => array, "application/json");
        Measure(http, $"batch of {batch} (NDJSON)", requests / 20, clients, _ => string.Join('\n', situations) + "\n", "application/x-ndjson");
        return 0;
    }

    private static void Measure(HttpClient http, string name, int requests, int clients, Func<int, string> body, string type, string query = "")
    {
        // Warm-up, not counted.
        for (int i = 0; i < Math.Min(50, requests); i++)
        {
            using var warm = http.PostAsync("/v1/evaluate" + query, new StringContent(body(i), Encoding.UTF8, type)).GetAwaiter().GetResult();
        }

        var latencies = new double[requests];
        int next = -1, errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var one = Stopwatch.StartNew();
                using var response = await http.PostAsync("/v1/evaluate" + query, new StringContent(body(i), Encoding.UTF8, type));
                await response.Content.ReadAsByteArrayAsync();
                latencies[i] = one.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        Task.WaitAll(workers);
        clock.Stop();
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {requests:#,0} | {requests / clock.Elapsed.TotalSeconds:#,0} | {latencies[requests / 2]:0.0} ms | {latencies[(int)(requests * 0.99)]:0.0} ms | {errors} |"));
    }
}
