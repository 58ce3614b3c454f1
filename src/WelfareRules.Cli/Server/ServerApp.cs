using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;
using Scalar.AspNetCore;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
using WelfareRules.Legal;
using WelfareRules.Policy;
using WelfareRules.Serialization;

namespace WelfareRules.Cli.Server;

/// <summary>
/// <c>welfare-rules serve</c>: the library over HTTP (docs/serve.md). Every route writes the contract's JSON with
/// the tool's own writers, so a response is byte for byte what the command line prints for the same input.
/// </summary>
internal static class ServerApp
{
    /// <summary>The default address: loopback only.</summary>
    internal const string DefaultUrls = "http://127.0.0.1:5088";

    /// <summary>The response header naming the version of the law (<see cref="RuleSet.Version"/>).</summary>
    internal const string LawVersionHeader = "WelfareRules-Law-Version";

    /// <summary>The response header naming the tool's version.</summary>
    internal const string VersionHeader = "WelfareRules-Version";

    internal static readonly string ToolVersion =
        (typeof(ServerApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>Builds the server on Kestrel, not started.</summary>
    /// <param name="urls">The addresses, separated by ';'.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="log">Whether requests are logged (as JSON lines on standard output).</param>
    internal static WebApplication Build(string urls, ServerLimits limits, bool log = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes);
        builder.Logging.ClearProviders();
        if (log)
        {
            builder.Logging.AddJsonConsole();
        }

        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        // Requests in flight are finished on shutdown (Ctrl+C, SIGTERM), for up to 30 seconds.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        AddServices(builder.Services, limits);
        var app = builder.Build();
        Configure(app);
        Map(app);
        return app;
    }

    /// <summary>The services of the server.</summary>
    internal static void AddServices(IServiceCollection services, ServerLimits limits)
    {
        services.AddSingleton(limits);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<JobStore>();
        services.AddRouting();
        services.AddProblemDetails();
        // The OpenAPI document describes the routes' parameters (strings, an optional flag) through the JSON options'
        // metadata: given from generated code, so that the tool compiled natively (no reflection) serves it too.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, RouteParameterTypes.Default));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer(new ContractSchemas()));
        services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = limits.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
    }

    /// <summary>The middleware: logs, the version headers, errors as problem details, timeouts, routing.</summary>
    internal static void Configure(IApplicationBuilder app)
    {
        app.UseHttpLogging();
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[LawVersionHeader] = LocalDatePattern.Iso.Format(RuleSet.BuiltIn.Version);
                context.Response.Headers[VersionHeader] = ToolVersion;
                return Task.CompletedTask;
            });
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
            {
                // A body beyond the limit (413), or a request Kestrel cannot read.
                await Problem(context, bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Bad request", bad.Message);
            }
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseRouting();
        app.UseRequestTimeouts();
    }

    /// <summary>The routes.</summary>
    internal static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/evaluate", Evaluate).WithName("evaluate")
            .WithSummary("Evaluates one situation, a JSON array of them, or application/x-ndjson streamed both ways")
            .WithDescription("Body: a situation (docs/schema/situation.schema.json), an array of situations, an envelope {\"rules\": [rule files], \"situation\" or \"situations\"}, or situations one a line (application/x-ndjson). Response: the report (docs/schema/report.schema.json), an array of reports with errors in place, or report lines. Query: explain=none|en|vi|both, admit=verified|reported|provisional.");
        routes.MapPost("/v1/schedule", Schedule).WithName("schedule")
            .WithSummary("Month-by-month entitlements of one situation, with arrears against what was paid")
            .WithDescription("Body: {\"situation\", \"from\": \"yyyy-MM\", \"to\": \"yyyy-MM\", \"paid\"?: {\"yyyy-MM\": đồng}, \"rules\"?: [rule files]}. Response: docs/schema/schedule.schema.json.");
        routes.MapPost("/v1/compare", Compare).WithName("compare")
            .WithSummary("A change against the law over a population: answered at once when small, else a job (202 Accepted)")
            .WithDescription("Body: {\"rules\"?: [rule files], \"baselineWithout\"?: [instrument ids], \"population\": [situations], \"month\"? or \"from\" and \"to\"}. Response: application/x-ndjson difference lines (docs/schema/compare-difference.schema.json), error lines, and the summary last (docs/schema/compare-summary.schema.json).");
        routes.MapGet("/v1/jobs/{id}", Job).WithName("job").WithSummary("A comparison job's status and progress");
        routes.MapGet("/v1/jobs/{id}/result", JobResult).WithName("jobResult").WithSummary("A finished comparison job's lines");
        routes.MapDelete("/v1/jobs/{id}", DeleteJob).WithName("deleteJob").WithSummary("Forgets a finished comparison job and its result");
        routes.MapGet("/v1/rules", Rules).WithName("rules")
            .WithSummary("The law in force on a date: instruments, groups, parameters (docs/schema/rules.schema.json)");
        routes.MapGet("/v1/instruments", Instruments).WithName("instruments").WithSummary("Every instrument of the built-in law");
        routes.MapGet("/v1/groups", Groups).WithName("groups").WithSummary("The beneficiary groups, with their benefit and basis");
        routes.MapGet("/v1/parameters/{name}", Parameter).WithName("parameter").WithSummary("A parameter's timeline, with citations and grades");
        routes.MapGet("/health", Health).WithName("health").WithSummary("Whether the server is up, and its versions");
        routes.MapGet("/schema/{name}", Schema).WithName("schema").WithSummary("A JSON Schema of the contract (docs/schema)").ExcludeFromDescription();
        routes.MapGet("/", (HttpContext context, CancellationToken cancel) => Page(context, "index.html")).ExcludeFromDescription();
        routes.MapGet("/app.js", (HttpContext context, CancellationToken cancel) => Page(context, "app.js")).ExcludeFromDescription();
        routes.MapGet("/app.css", (HttpContext context, CancellationToken cancel) => Page(context, "app.css")).ExcludeFromDescription();
        routes.MapOpenApi("/openapi/{documentName}.json");
        routes.MapScalarApiReference("/docs", options => options.WithTitle("WelfareRules API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
    }

    private static readonly JsonWriterOptions Indented = EvaluateCommand.Indented;

    private static async Task<IResult> Evaluate(HttpContext context, CancellationToken cancel)
    {
        var options = EvaluationOptionsFrom(context.Request.Query, out string? problem);
        if (options is null)
        {
            return await Problem(context, 400, "Bad query", problem!);
        }

        var limits = context.RequestServices.GetRequiredService<ServerLimits>();
        if (IsLines(context.Request.ContentType))
        {
            return await EvaluateLines(context, options, limits);
        }

        byte[] body = await Body(context);
        int first = FirstNonBlank(body);
        if (first < 0)
        {
            return await Problem(context, 400, "Empty body", "the body is empty: send a situation, an array of situations, or situations one a line (application/x-ndjson)");
        }

        RuleSet rules = RuleSet.BuiltIn;
        if (body[first] == (byte)'{' && Envelope(body, out var envelope))
        {
            using (envelope)
            {
                var root = envelope.RootElement;
                var loaded = await LoadRules(context, root);
                if (loaded is null)
                {
                    return Results.Empty;
                }

                if (root.TryGetProperty("situations", out var many))
                {
                    return many.ValueKind == JsonValueKind.Array
                        ? await EvaluateArray(context, loaded, many, "$.situations", options, limits)
                        : await Problem(context, 400, "Bad request", "\"situations\" is an array of situations", "$.situations");
                }

                if (!root.TryGetProperty("situation", out var one))
                {
                    return await Problem(context, 400, "Bad request", "an envelope gives \"situation\" (one) or \"situations\" (an array), with \"rules\"", "$");
                }

                return await EvaluateOne(context, loaded, Encoding.UTF8.GetBytes(one.GetRawText()), "$.situation", options);
            }
        }

        if (body[first] == (byte)'[')
        {
            JsonDocument array;
            try
            {
                array = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException bad)
            {
                return await Problem(context, 400, "Malformed JSON", JsonText.Message(bad), bad.Path ?? "$", (int)(bad.LineNumber ?? 0) + 1);
            }

            using (array)
            {
                return await EvaluateArray(context, rules, array.RootElement, "$", options, limits);
            }
        }

        return await EvaluateOne(context, rules, body, "$", options);
    }

    private static async Task<IResult> EvaluateOne(HttpContext context, RuleSet rules, byte[] situationJson, string at, EvaluationOptions options)
    {
        Situation situation;
        try
        {
            situation = SituationReader.Parse(situationJson, "request");
        }
        catch (SituationFormatException bad)
        {
            return await Problem(context, 400, "Bad situation", bad.Detail, Join(at, bad.Path), bad.Line);
        }

        Reports.Report report;
        try
        {
            report = rules.Evaluate(situation, options);
        }
        catch (EvaluationException failed)
        {
            return await Problem(context, 422, "Cannot evaluate", failed.Message);
        }

        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            ReportJson.Write(writer, report, situation.Id, options.Languages);
        }

        output.WriteByte((byte)'\n');
        return await Send(context, 200, "application/json", output);
    }

    private static async Task<IResult> EvaluateArray(HttpContext context, RuleSet rules, JsonElement array, string at, EvaluationOptions options, ServerLimits limits)
    {
        int count = array.GetArrayLength();
        if (count > limits.MaxBatch)
        {
            return await Problem(context, 413, "Batch too large",
                string.Create(CultureInfo.InvariantCulture, $"{count:#,0} situations; one request holds at most {limits.MaxBatch:#,0} (send more as several requests, or as application/x-ndjson)"), at);
        }

        // Each situation is evaluated on its own: a bad one is an error object in its place, the others are computed.
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartArray();
            int i = 0;
            foreach (var element in array.EnumerateArray())
            {
                context.RequestAborted.ThrowIfCancellationRequested();
                string path = string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]");
                try
                {
                    var situation = SituationReader.Parse(Encoding.UTF8.GetBytes(element.GetRawText()), "request");
                    ReportJson.Write(writer, rules.Evaluate(situation, options), situation.Id, options.Languages);
                }
                catch (SituationFormatException bad)
                {
                    ErrorObject(writer, i, $"{Join(path, bad.Path)}: {bad.Detail}", Join(path, bad.Path));
                }
                catch (EvaluationException failed)
                {
                    ErrorObject(writer, i, $"{path}: {failed.Message}", null);
                }

                i++;
            }

            writer.WriteEndArray();
        }

        output.WriteByte((byte)'\n');
        return await Send(context, 200, "application/json", output);
    }

    private static void ErrorObject(Utf8JsonWriter writer, int index, string message, string? path)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", index);
        writer.WriteString("error", message);
        if (path is not null)
        {
            writer.WriteString("path", path);
        }

        writer.WriteEndObject();
    }

    private static async Task<IResult> EvaluateLines(HttpContext context, EvaluationOptions options, ServerLimits limits)
    {
        // Streamed both ways: lines are read, evaluated and written a batch at a time (the tool's JSON Lines path).
        context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-ndjson";
        using var reader = new LineLimitReader(new StreamReader(context.Request.Body, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true), limits.MaxBatch, context.RequestAborted);
        var body = context.Response.Body;
        await Task.Run(() =>
        {
            JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, reader, body, TextWriter.Null, new JsonLinesOptions
            {
                Source = "request",
                Evaluation = options,
                MaxDegreeOfParallelism = 1,
            });
            if (reader.LimitReached)
            {
                using var writer = new Utf8JsonWriter(body, EvaluateCommand.Compact);
                writer.WriteStartObject();
                writer.WriteNumber("line", reader.Lines + 1);
                writer.WriteString("error", string.Create(CultureInfo.InvariantCulture, $"request line {reader.Lines + 1}: one request holds at most {limits.MaxBatch:#,0} lines; the rest was not read"));
                writer.WriteEndObject();
                writer.Flush();
                body.WriteByte((byte)'\n');
            }
        }, context.RequestAborted);
        return Results.Empty;
    }

    private static async Task<IResult> Schedule(HttpContext context, CancellationToken cancel)
    {
        var limits = context.RequestServices.GetRequiredService<ServerLimits>();
        var document = await Document(context);
        if (document is null)
        {
            return Results.Empty;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("situation", out var situationElement))
            {
                return await Problem(context, 400, "Bad request", "the body is {\"situation\": …, \"from\": \"yyyy-MM\", \"to\": \"yyyy-MM\", \"paid\"?: …, \"rules\"?: […]}", "$");
            }

            var from = MonthOf(root, "from");
            var to = MonthOf(root, "to");
            if (from is null || to is null)
            {
                return await Problem(context, 400, "Bad request", "\"from\" and \"to\" are months, yyyy-MM", from is null ? "$.from" : "$.to");
            }

            if (to < from || Period.Between(from.Value.OnDayOfMonth(1), to.Value.OnDayOfMonth(1), PeriodUnits.Months).Months >= limits.MaxScheduleMonths)
            {
                return await Problem(context, 400, "Bad request", string.Create(CultureInfo.InvariantCulture,
                    $"\"to\" is not before \"from\", and a schedule covers at most {limits.MaxScheduleMonths:#,0} months"), "$.to");
            }

            var rules = await LoadRules(context, root);
            if (rules is null)
            {
                return Results.Empty;
            }

            Dictionary<YearMonth, Money.Dong>? paid = null;
            if (root.TryGetProperty("paid", out var paidElement) && paidElement.ValueKind != JsonValueKind.Null)
            {
                try
                {
                    paid = PolicyCommands.ParsePaid(Encoding.UTF8.GetBytes(paidElement.GetRawText()), "$.paid");
                }
                catch (UsageException bad)
                {
                    return await Problem(context, 400, "Bad request", bad.Message, "$.paid");
                }
            }

            Situation situation;
            try
            {
                situation = SituationReader.Parse(Encoding.UTF8.GetBytes(situationElement.GetRawText()), "request", 1, from);
            }
            catch (SituationFormatException bad)
            {
                return await Problem(context, 400, "Bad situation", bad.Detail, Join("$.situation", bad.Path), bad.Line);
            }

            Schedules.Schedule schedule;
            try
            {
                schedule = Schedules.Schedule.Build(rules, situation.Jurisdiction, situation.Person, from.Value, to.Value, paid);
            }
            catch (EvaluationException failed)
            {
                return await Problem(context, 422, "Cannot evaluate", failed.Message);
            }

            var output = new MemoryStream();
            using (var writer = new Utf8JsonWriter(output, Indented))
            {
                PolicyCommands.WriteSchedule(writer, situation.Jurisdiction, from.Value, to.Value, schedule);
            }

            output.WriteByte((byte)'\n');
            return await Send(context, 200, "application/json", output);
        }
    }

    private static async Task<IResult> Compare(HttpContext context, CancellationToken cancel)
    {
        var limits = context.RequestServices.GetRequiredService<ServerLimits>();
        var document = await Document(context);
        if (document is null)
        {
            return Results.Empty;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("population", out var population) || population.ValueKind != JsonValueKind.Array)
            {
                return await Problem(context, 400, "Bad request", "the body is {\"rules\"?: [rule files], \"baselineWithout\"?: [ids], \"population\": [situations], \"month\"? or \"from\" and \"to\"}", "$.population");
            }

            var changed = await LoadRules(context, root);
            if (changed is null)
            {
                return Results.Empty;
            }

            var baseline = RuleSet.BuiltIn;
            if (root.TryGetProperty("baselineWithout", out var without) && without.ValueKind != JsonValueKind.Null)
            {
                if (without.ValueKind != JsonValueKind.Array)
                {
                    return await Problem(context, 400, "Bad request", "\"baselineWithout\" is an array of instrument ids", "$.baselineWithout");
                }

                int i = 0;
                foreach (var id in without.EnumerateArray())
                {
                    string? text = id.ValueKind == JsonValueKind.String ? id.GetString() : null;
                    string at = string.Create(CultureInfo.InvariantCulture, $"$.baselineWithout[{i}]");
                    if (text is null || !baseline.Instruments.Any(x => x.Id == text))
                    {
                        return await Problem(context, 400, "Bad request", $"no built-in instrument has the id {text}", at);
                    }

                    try
                    {
                        baseline = baseline.Without(text);
                    }
                    catch (RuleFileException refused)
                    {
                        return await Problem(context, 400, "Rule file refused", $"the law does not stand without {text}: {refused.Message}", at);
                    }

                    i++;
                }
            }

            if (ReferenceEquals(baseline, RuleSet.BuiltIn) && ReferenceEquals(changed, RuleSet.BuiltIn))
            {
                return await Problem(context, 400, "Bad request", "a comparison needs a change: \"rules\" (rule files added to the law) or \"baselineWithout\" (instruments taken out of the baseline)", "$");
            }

            YearMonth[]? months;
            try
            {
                months = Months(root);
            }
            catch (UsageException bad)
            {
                return await Problem(context, 400, "Bad request", bad.Message, "$");
            }

            long personMonths = (long)population.GetArrayLength() * (months?.Length ?? 1);
            if (personMonths > limits.MaxComparePersonMonths)
            {
                return await Problem(context, 413, "Comparison too large",
                    string.Create(CultureInfo.InvariantCulture, $"{personMonths:#,0} person-months; one comparison holds at most {limits.MaxComparePersonMonths:#,0}"), "$.population");
            }

            // The population as JSON Lines, one compact situation a line, so the tool's comparison reads it as it reads a file.
            string lines = Lines(population);
            if (personMonths <= limits.MaxCompareNow)
            {
                var output = new MemoryStream();
                try
                {
                    RunComparison(baseline, changed, lines, months, output, null, context.RequestAborted);
                }
                catch (OverflowException)
                {
                    return await Problem(context, 422, "Cannot compare", "a total does not fit in 64 bits of đồng (weights too large?)");
                }

                return await Send(context, 200, "application/x-ndjson", output);
            }

            var jobs = context.RequestServices.GetRequiredService<JobStore>();
            var job = jobs.Start(personMonths, lines.Length, (progress, output) => RunComparison(baseline, changed, lines, months, output, progress, default));
            if (job is null)
            {
                return await Problem(context, 429, "Too many jobs", string.Create(CultureInfo.InvariantCulture, $"{limits.MaxJobs} comparisons are running; try again when one has finished"));
            }

            context.Response.Headers.Location = "/v1/jobs/" + job.Id;
            return await Send(context, 202, "application/json", JobJson(job));
        }
    }

    private static void RunComparison(RuleSet baseline, RuleSet changed, string lines, YearMonth[]? months, Stream output, Action<long>? progress, CancellationToken cancel)
    {
        using var reader = new CountingReader(new StringReader(lines), progress, cancel);
        var (summary, _) = PolicyCommands.CompareLines(baseline, changed, reader, "population", months, json: true, output, TextWriter.Null, run => run());
        using (var writer = new Utf8JsonWriter(output, EvaluateCommand.Compact))
        {
            PolicyCommands.WriteSummaryJson(writer, summary, months?.Length ?? 1);
        }

        output.WriteByte((byte)'\n');
    }

    private static string Lines(JsonElement population)
    {
        var text = new StringBuilder();
        var buffer = new MemoryStream();
        foreach (var element in population.EnumerateArray())
        {
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, EvaluateCommand.Compact))
            {
                element.WriteTo(writer);
            }

            text.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Append('\n');
        }

        return text.ToString();
    }

    private static YearMonth[]? Months(JsonElement root)
    {
        YearMonth? Read(string name) => root.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? PolicyCommands.Month(value.GetString()!, name) : throw new UsageException($"\"{name}\" is a month, yyyy-MM")
            : null;
        var (month, from, to) = (Read("month"), Read("from"), Read("to"));
        if (from is null != to is null)
        {
            throw new UsageException("\"from\" and \"to\" go together: the first and the last month compared");
        }

        if (from is { } first && to is { } last)
        {
            if (month is not null || last < first)
            {
                throw new UsageException("give \"month\", or \"from\" and \"to\" (not before \"from\"), not both");
            }

            var months = new List<YearMonth>();
            for (var m = first; m <= last; m = m.PlusMonths(1))
            {
                months.Add(m);
            }

            return [.. months];
        }

        return month is { } one ? [one] : null;
    }

    private static async Task<IResult> Job(HttpContext context, string id, CancellationToken cancel)
    {
        var job = context.RequestServices.GetRequiredService<JobStore>().Find(id);
        return job is null
            ? await Problem(context, 404, "No such job", $"no comparison job {id}")
            : await Send(context, 200, "application/json", JobJson(job));
    }

    private static async Task<IResult> DeleteJob(HttpContext context, string id, CancellationToken cancel)
    {
        var jobs = context.RequestServices.GetRequiredService<JobStore>();
        if (jobs.Find(id) is not { } job)
        {
            return await Problem(context, 404, "No such job", $"no comparison job {id}");
        }

        if (!jobs.Remove(id))
        {
            return await Problem(context, 409, "Job running", $"the comparison is still running ({job.Progress:P0} read); delete it when it has finished");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Results.Empty;
    }

    private static async Task<IResult> JobResult(HttpContext context, string id, CancellationToken cancel)
    {
        var job = context.RequestServices.GetRequiredService<JobStore>().Find(id);
        if (job is null)
        {
            return await Problem(context, 404, "No such job", $"no comparison job {id}");
        }

        if (job.State != JobState.Done)
        {
            return job.State == JobState.Failed
                ? await Problem(context, 500, "Job failed", job.Error ?? "the comparison failed")
                : await Problem(context, 409, "Job running", $"the comparison is still running ({job.Progress:P0} read); poll /v1/jobs/{id}");
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-ndjson";
        await using var file = File.OpenRead(job.ResultPath);
        await file.CopyToAsync(context.Response.Body, context.RequestAborted);
        return Results.Empty;
    }

    private static MemoryStream JobJson(ComparisonJob job)
    {
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("id", job.Id);
            writer.WriteString("status", job.State switch { JobState.Done => "done", JobState.Failed => "failed", _ => "running" });
            writer.WriteNumber("personMonths", job.PersonMonths);
            writer.WriteNumber("progress", Math.Round(job.Progress, 4));
            writer.WriteString("statusUrl", "/v1/jobs/" + job.Id);
            if (job.State == JobState.Done)
            {
                writer.WriteString("resultUrl", "/v1/jobs/" + job.Id + "/result");
            }

            if (job.Error is { } error)
            {
                writer.WriteString("error", error);
            }

            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        return output;
    }

    private static async Task<IResult> Rules(HttpContext context, string? jurisdiction, string? on, bool? all, CancellationToken cancel)
    {
        if (!Jurisdiction.TryParse(jurisdiction ?? "VN", out var where) || !RuleSet.BuiltIn.Knows(where))
        {
            return await Problem(context, 400, "Bad query", $"jurisdiction: \"{MessageText.Cut(jurisdiction ?? "")}\" is not a jurisdiction the law knows (VN, VN-HN)", "jurisdiction");
        }

        var date = on is null ? (ParseResult<LocalDate>?)null : LocalDatePattern.Iso.Parse(on);
        if (date is null || !date.Success || date.Value.Year < 1900)
        {
            return await Problem(context, 400, "Bad query", "on: the date the law is shown on, yyyy-MM-dd", "on");
        }

        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            RulesCommand.WriteJson(writer, RuleSet.BuiltIn, where, date.Value, all ?? false);
        }

        output.WriteByte((byte)'\n');
        return await Send(context, 200, "application/json", output);
    }

    private static async Task<IResult> Instruments(HttpContext context, CancellationToken cancel)
    {
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartArray();
            foreach (var i in RuleSet.BuiltIn.Instruments.OrderBy(i => i.AppliesFrom).ThenBy(i => i.Id, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("id", i.Id);
                writer.WriteString("kind", i.Kind.ToString().ToLowerInvariant());
                writer.WriteString("title", i.Title);
                if (i.TitleEnglish is { } english)
                {
                    writer.WriteString("titleEn", english);
                }

                writer.WriteString("issuer", i.Issuer);
                writer.WriteString("jurisdiction", i.Jurisdiction.Code);
                if (i.Signed is { } signed)
                {
                    writer.WriteString("signed", LocalDatePattern.Iso.Format(signed));
                }

                if (i.Effective is { } effective)
                {
                    writer.WriteString("effective", LocalDatePattern.Iso.Format(effective));
                }

                writer.WriteString("appliesFrom", LocalDatePattern.Iso.Format(i.AppliesFrom));
                writer.WriteString("status", ProvisionStatuses.ContractName(i.Status));
                if (i.Source is { } source)
                {
                    writer.WriteString("source", source);
                }

                writer.WriteNumber("groups", i.Groups.Length);
                writer.WriteNumber("provisions", i.Provisions.Length);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteByte((byte)'\n');
        return await Send(context, 200, "application/json", output);
    }

    private static async Task<IResult> Groups(HttpContext context, string? jurisdiction, CancellationToken cancel)
    {
        Jurisdiction? where = null;
        if (jurisdiction is not null && !Jurisdiction.TryParse(jurisdiction, out where))
        {
            return await Problem(context, 400, "Bad query", $"jurisdiction: \"{MessageText.Cut(jurisdiction)}\" is not a jurisdiction code", "jurisdiction");
        }

        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartArray();
            foreach (var g in RuleSet.BuiltIn.Groups.Where(g => where is null || where.IsWithin(g.Jurisdiction)))
            {
                writer.WriteStartObject();
                writer.WriteString("id", g.Id);
                writer.WriteString("code", g.Code);
                writer.WriteString("title", g.Title);
                if (g.TitleEnglish is { } english)
                {
                    writer.WriteString("titleEn", english);
                }

                writer.WriteString("jurisdiction", g.Jurisdiction.Code);
                writer.WriteString("from", LocalDatePattern.Iso.Format(g.From));
                writer.WriteString("benefit", BenefitName(g.Eligibility?.Benefit ?? GroupBenefit.SocialAllowance));
                ReportJson.WriteBasis(writer, [g.Basis]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteByte((byte)'\n');
        return await Send(context, 200, "application/json", output);
    }

    private static string BenefitName(GroupBenefit benefit) => benefit switch
    {
        GroupBenefit.SocialPension => "social-pension",
        GroupBenefit.HealthInsurance => "health-insurance",
        GroupBenefit.HealthInsuranceLocal => "health-insurance-local",
        GroupBenefit.Funeral => "funeral",
        GroupBenefit.Cremation => "cremation",
        GroupBenefit.DisabilityCareSupport => "disability-care-support",
        GroupBenefit.CarerSupport => "carer-support",
        GroupBenefit.InstitutionalCare => "institutional-care",
        GroupBenefit.MeritAllowance => "merit-allowance",
        GroupBenefit.MeritCarerAllowance => "merit-carer-allowance",
        _ => "social-allowance",
    };

    private static async Task<IResult> Parameter(HttpContext context, string name, string? jurisdiction, CancellationToken cancel)
    {
        if (!ParameterCatalog.TryGet(name, out _))
        {
            return await Problem(context, 404, "No such parameter",
                $"no parameter \"{MessageText.Cut(name)}\"; known: {string.Join(", ", ParameterCatalog.Names.Order(StringComparer.Ordinal))}");
        }

        Jurisdiction? where = null;
        if (jurisdiction is not null && !Jurisdiction.TryParse(jurisdiction, out where))
        {
            return await Problem(context, 400, "Bad query", $"jurisdiction: \"{MessageText.Cut(jurisdiction)}\" is not a jurisdiction code", "jurisdiction");
        }

        var timeline = RuleSet.BuiltIn.Instruments.SelectMany(i => i.Provisions)
            .Where(p => p.Key.Name == name && (where is null || where.IsWithin(p.Jurisdiction)))
            .OrderBy(p => p.Jurisdiction.Code, StringComparer.Ordinal).ThenBy(p => p.Key.Group, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Case, StringComparer.Ordinal).ThenBy(p => p.From);
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("parameter", name);
            writer.WriteStartArray("timeline");
            foreach (var p in timeline)
            {
                writer.WriteStartObject();
                writer.WriteString("jurisdiction", p.Jurisdiction.Code);
                if (p.Key.Group is not null)
                {
                    writer.WriteString("group", p.Key.Group);
                }

                if (p.Key.Case is not null)
                {
                    writer.WriteString("case", p.Key.Case);
                }

                writer.WriteNumber("value", p.Value);
                writer.WriteString("from", LocalDatePattern.Iso.Format(p.From));
                ReportJson.WriteBasis(writer, [p.Basis]);
                writer.WriteString("status", ProvisionStatuses.ContractName(p.Basis.Status));
                if (p.Note is { } note)
                {
                    writer.WriteString("note", note);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        return await Send(context, 200, "application/json", output);
    }

    private static async Task<IResult> Health(HttpContext context, CancellationToken cancel)
    {
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            writer.WriteString("version", ToolVersion);
            writer.WriteString("lawVersion", LocalDatePattern.Iso.Format(RuleSet.BuiltIn.Version));
            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        return await Send(context, 200, "application/json", output);
    }

    private static async Task<IResult> Schema(HttpContext context, string name, CancellationToken cancel)
    {
        var stream = Resource("schema." + name);
        return stream is null
            ? await Problem(context, 404, "No such schema", $"no schema \"{MessageText.Cut(name)}\"; the contract's schemas are docs/schema/*.schema.json")
            : await Send(context, 200, "application/schema+json", stream);
    }

    private static async Task<IResult> Page(HttpContext context, string file)
    {
        var stream = Resource("wwwroot." + file);
        if (stream is null)
        {
            return await Problem(context, 404, "Not found", $"no page file {file}");
        }

        string type = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "text/css; charset=utf-8",
        };
        context.Response.Headers.CacheControl = "no-cache";
        return await Send(context, 200, type, stream);
    }

    /// <summary>A file embedded in the tool (the page, the schemas), or null.</summary>
    internal static MemoryStream? Resource(string name)
    {
        using var stream = typeof(ServerApp).Assembly.GetManifestResourceStream("WelfareRules.Cli." + name);
        if (stream is null)
        {
            return null;
        }

        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy;
    }

    private static EvaluationOptions? EvaluationOptionsFrom(IQueryCollection query, out string? problem)
    {
        problem = null;
        var options = EvaluationOptions.Default;
        if (query.TryGetValue("explain", out var explain))
        {
            ExplanationLanguages? languages = explain.ToString().ToLowerInvariant() switch
            {
                "none" => ExplanationLanguages.None,
                "en" => ExplanationLanguages.English,
                "vi" => ExplanationLanguages.Vietnamese,
                "both" => ExplanationLanguages.Both,
                _ => null,
            };
            if (languages is null)
            {
                problem = "explain: none, en, vi or both";
                return null;
            }

            options = options with { Languages = languages.Value };
        }

        if (query.TryGetValue("admit", out var admit))
        {
            if (!ContractEnum<ProvisionStatus>.TryParse(admit.ToString().ToLowerInvariant(), out var grade))
            {
                problem = "admit: verified, reported or provisional";
                return null;
            }

            options = options with { Admit = grade };
        }

        return options;
    }

    private static bool IsLines(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/json-lines", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]> Body(HttpContext context)
    {
        // Kestrel refuses a body beyond the limit as it comes; this holds the limit under any server (the test host too).
        long limit = context.RequestServices.GetRequiredService<ServerLimits>().MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[1 << 16];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the request body is larger than {limit:#,0} bytes, the server's limit (serve --max-request-bytes)"), StatusCodes.Status413PayloadTooLarge);

    /// <summary>The body as a JSON document, or null after answering 400.</summary>
    private static async Task<JsonDocument?> Document(HttpContext context)
    {
        byte[] body = await Body(context);
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException bad)
        {
            await Problem(context, 400, "Malformed JSON", JsonText.Message(bad), bad.Path ?? "$", (int)(bad.LineNumber ?? 0) + 1);
            return null;
        }
    }

    /// <summary>Whether a JSON object is an envelope (<c>situation</c>, <c>situations</c> or <c>rules</c> at its top), parsed.</summary>
    private static bool Envelope(byte[] body, out JsonDocument document)
    {
        document = null!;
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            // Malformed: the situation reader reports it with its line and path.
            return false;
        }

        var root = parsed.RootElement;
        if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("situation", out _) || root.TryGetProperty("situations", out _) || root.TryGetProperty("rules", out _)))
        {
            document = parsed;
            return true;
        }

        parsed.Dispose();
        return false;
    }

    /// <summary>The built-in law plus the request's <c>rules</c> (rule files, each a JSON object), or null after answering 400.</summary>
    private static async Task<RuleSet?> LoadRules(HttpContext context, JsonElement root)
    {
        if (!root.TryGetProperty("rules", out var files) || files.ValueKind == JsonValueKind.Null)
        {
            return RuleSet.BuiltIn;
        }

        if (files.ValueKind != JsonValueKind.Array)
        {
            await Problem(context, 400, "Bad request", "\"rules\" is an array of rule files (instruments, docs/rule-files.md)", "$.rules");
            return null;
        }

        var rules = RuleSet.BuiltIn;
        var problems = new List<RuleFileProblem>();
        int i = 0;
        foreach (var file in files.EnumerateArray())
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"rules[{i++}]");
            try
            {
                rules = rules.With(InstrumentReader.Read(Encoding.UTF8.GetBytes(file.GetRawText()), name));
            }
            catch (RuleFileException refused)
            {
                problems.AddRange(refused.Problems);
            }
        }

        if (problems.Count > 0)
        {
            var first = problems[0];
            await Problem(context, 400, "Rule file refused", new RuleFileException([.. problems]).Message, "$." + first.Location.File + first.Location.Path[1..], first.Location.Line);
            return null;
        }

        return rules;
    }

    private static YearMonth? MonthOf(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var parsed = YearMonthPattern.Iso.Parse(value.GetString()!);
        return parsed.Success && parsed.Value.Year >= 1900 ? parsed.Value : null;
    }

    private static int FirstNonBlank(byte[] body)
    {
        int start = body.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        for (int i = start; i < body.Length; i++)
        {
            if (body[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Join(string at, string path) => at == "$" ? path : at + (path.Length > 1 ? path[1..] : "");

    private static async Task<IResult> Send(HttpContext context, int status, string contentType, MemoryStream body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        body.Position = 0;
        await body.CopyToAsync(context.Response.Body, context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Answers with RFC 7807 problem details, naming the JSON path (and line) of the problem when there is one.</summary>
    internal static async Task<IResult> Problem(HttpContext context, int status, string title, string detail, string? path = null, int? line = null)
    {
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("type", string.Create(CultureInfo.InvariantCulture, $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}"));
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            if (path is not null)
            {
                writer.WriteString("path", path);
            }

            if (line is { } l)
            {
                writer.WriteNumber("line", l);
            }

            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
        return await Send(context, status, "application/problem+json", output);
    }

    /// <summary>Reads lines up to a number of them, then ends as if the input did (noting whether anything followed).</summary>
    private sealed class LineLimitReader(TextReader inner, int maxLines, CancellationToken cancel) : TextReader
    {
        internal int Lines { get; private set; }

        internal bool LimitReached { get; private set; }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            cancel.ThrowIfCancellationRequested();
            if (Lines >= maxLines)
            {
                // At the limit: anything but blank space after it is a line beyond it, left unread.
                Span<char> rest = stackalloc char[256];
                int n;
                while (!LimitReached && (n = inner.Read(rest)) > 0)
                {
                    LimitReached = !rest[..n].IsWhiteSpace();
                }

                return 0;
            }

            int read = inner.Read(buffer);
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] == '\n' && ++Lines >= maxLines)
                {
                    LimitReached = !buffer[(i + 1)..read].IsWhiteSpace();
                    return i + 1;
                }
            }

            return read;
        }

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 0 ? -1 : one[0];
        }

        public override int Peek() => Lines >= maxLines ? -1 : inner.Peek();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Reports how many characters have been read, for a job's progress.</summary>
    private sealed class CountingReader(TextReader inner, Action<long>? progress, CancellationToken cancel) : TextReader
    {
        private long read;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            // A request past its time limit stops at the next read (the timeout answers 503).
            cancel.ThrowIfCancellationRequested();
            int n = inner.Read(buffer);
            read += n;
            progress?.Invoke(read);
            return n;
        }

        public override int Read()
        {
            int c = inner.Read();
            if (c >= 0)
            {
                progress?.Invoke(++read);
            }

            return c;
        }

        public override int Peek() => inner.Peek();
    }
}

/// <summary>
/// The JSON metadata of the routes' parameter types, for the OpenAPI document's schemas of the query and path
/// parameters (<c>GET /v1/rules?all=true</c>); generated at compile time.
/// </summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool?))]
internal sealed partial class RouteParameterTypes : JsonSerializerContext;
