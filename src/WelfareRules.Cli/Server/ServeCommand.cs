using System;
using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace WelfareRules.Cli.Server;

/// <summary><c>welfare-rules serve</c>: the library over HTTP until stopped (docs/serve.md).</summary>
internal static class ServeCommand
{
    internal static Command Build(Streams io)
    {
        var defaults = new ServerLimits();
        var urls = Options.Text("--urls", $"The addresses to listen on, separated by ';' (default {ServerApp.DefaultUrls}: this machine only)", "URLS");
        var maxBody = Number("--max-request-bytes", $"The largest request body in bytes (default {defaults.MaxRequestBytes:#,0})");
        var maxBatch = Number("--max-batch", $"The most situations one evaluate request holds (default {defaults.MaxBatch:#,0})");
        var maxNow = Number("--max-compare-now", $"The most person-months a comparison is answered with at once; more runs as a job (default {defaults.MaxCompareNow:#,0})");
        var maxCompare = Number("--max-compare", $"The most person-months one comparison holds (default {defaults.MaxComparePersonMonths:#,0})");
        var maxJobs = Number("--max-jobs", $"The most comparison jobs running at once (default {defaults.MaxJobs})");
        var timeout = Number("--timeout", $"Seconds a request may take before it is cancelled with 503 (default {defaults.RequestTimeout.TotalSeconds:0})");
        var command = new Command("serve", "The library over HTTP: evaluate, schedule, compare, rules (docs/serve.md); the calculator page at /, the API reference at /docs")
        {
            urls, maxBody, maxBatch, maxNow, maxCompare, maxJobs, timeout,
        };
        command.SetAction(parse =>
        {
            var limits = new ServerLimits
            {
                MaxRequestBytes = parse.GetValue(maxBody) ?? defaults.MaxRequestBytes,
                MaxBatch = (int)(parse.GetValue(maxBatch) ?? defaults.MaxBatch),
                MaxCompareNow = (int)(parse.GetValue(maxNow) ?? defaults.MaxCompareNow),
                MaxComparePersonMonths = (int)(parse.GetValue(maxCompare) ?? defaults.MaxComparePersonMonths),
                MaxJobs = (int)(parse.GetValue(maxJobs) ?? defaults.MaxJobs),
                RequestTimeout = parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.RequestTimeout,
            };
            var app = ServerApp.Build(parse.GetValue(urls) ?? ServerApp.DefaultUrls, limits);
            // The first Ctrl+C stops the server after the requests in flight (the host's own handling of SIGTERM does too).
            using var stop = io.Stop.Register(() => app.Lifetime.StopApplication());
            app.Run();
            return Program.Ok;
        });
        return command;
    }

    private static Option<long?> Number(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "N",
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= int.MaxValue)
                {
                    return value;
                }

                result.AddError($"{name}: expected a whole number from 1 to {int.MaxValue:#,0}");
                return null;
            },
        };
}
