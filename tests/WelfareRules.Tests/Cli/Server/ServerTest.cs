using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using WelfareRules.Cli.Server;
using Xunit;

namespace WelfareRules.Tests.Cli.Server;

/// <summary>
/// <c>welfare-rules serve</c> in process: every route, every error and every limit; each response equal, byte for
/// byte, to the command line's output for the same input.
/// </summary>
public sealed class ServerTest : IClassFixture<ServerTest.Host>, IDisposable
{
    private readonly HttpClient client;
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-serve-").FullName;

    public ServerTest(Host host) => client = host.Factory.CreateClient();

    /// <summary>One server for the class (its start is the slow part).</summary>
    public sealed class Host : IDisposable
    {
        internal ServerFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly string Example = RepositoryFiles.Docs("examples", "orphan-2023-03.json");

    private static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    private string Cli(params string[] args)
    {
        var (exit, stdout, stderr) = CliRunner.Run(args);
        Assert.True(exit == 0, stderr);
        return stdout;
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Evaluate_OneSituation_EqualsTheToolsOutputAndNamesTheVersions()
    {
        var response = await client.PostAsync("/v1/evaluate", Json(File.ReadAllText(Example)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Cli("evaluate", "--input", Example), await response.Content.ReadAsStringAsync());
        Assert.Equal(WelfareRules.Law.RuleSet.BuiltIn.Version.ToString("yyyy-MM-dd", null), Assert.Single(response.Headers.GetValues(ServerApp.LawVersionHeader)));
        Assert.Equal(ServerApp.ToolVersion, Assert.Single(response.Headers.GetValues(ServerApp.VersionHeader)));
    }

    [Fact]
    public async Task Evaluate_WorkedCasesAsNdjson_EqualTheToolsJsonLinesOutput()
    {
        string lines = string.Join('\n', File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "worked-cases.jsonl"))
            .Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("situation").GetRawText())) + "\n";
        string input = Write("cases.jsonl", lines);

        var response = await client.PostAsync("/v1/evaluate?explain=en", Json(lines, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Cli("evaluate", "--input", input, "--explain", "en"), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Evaluate_ArrayWithABadSituation_ReportsItInItsPlaceAndComputesTheRest()
    {
        string good = File.ReadAllText(Example);
        var response = await client.PostAsync("/v1/evaluate", Json($"[{good}, {{\"jurisdiction\":\"VN\",\"month\":\"2023-03\",\"person\":{{\"birthDate\":\"2020-13-01\"}}}}, {good}]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var array = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = array.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(1, items[1].GetProperty("index").GetInt32());
        Assert.Equal("$[1].person.birthDate", items[1].GetProperty("path").GetString());
        Assert.Equal(items[0].GetProperty("total").GetInt64(), items[2].GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("{\"jurisdiction\":\"VN\",\"month\":\"2023-03\",\"person\":{\"birthDate\":\"2020-01-10\",\"orphanhod\":\"none\"}}", "$.person.orphanhod")]
    [InlineData("{\"jurisdiction\":\"VN\",\"month\":\"2023-03\",\n\"person\":{\"birthDate\":\"2020-01-10\",\n\"merit\":[{\"category\":\"war-invalid\"}]}}", "$.person.merit[0].rate")]
    [InlineData("{\"jurisdiction\":\"VN\",\"month\":\"2023-03\",\"person\":{\"birthDate\":", "$.person.birthDate")]
    public async Task Evaluate_BadSituation_400WithProblemDetailsNamingThePath(string body, string path)
    {
        var response = await client.PostAsync("/v1/evaluate", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(path, problem.RootElement.GetProperty("path").GetString());
        Assert.True(problem.RootElement.GetProperty("line").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("", "Empty body")]
    [InlineData("{\"situation\": 1, \"rules\": 2}", "Bad request")]
    [InlineData("{\"rules\": [{\"format\": 1}], \"situation\": {}}", "Rule file refused")]
    public async Task Evaluate_BadEnvelope_400(string body, string title)
    {
        var response = await client.PostAsync("/v1/evaluate", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Evaluate_DraftSentWithTheRequest_AppliesToThatRequestAlone()
    {
        // docs/policy-example/social-pension-age-70.json: a 72-year-old with no pension in 2027-03.
        string draft = File.ReadAllText(RepositoryFiles.PolicyExample("social-pension-age-70.json"));
        const string situation = "{\"jurisdiction\":\"VN\",\"month\":\"2027-03\",\"person\":{\"birthDate\":\"1955-01-15\"}}";

        var withDraft = await client.PostAsync("/v1/evaluate", Json($"{{\"rules\": [{draft}], \"situation\": {situation}}}"));
        var without = await client.PostAsync("/v1/evaluate", Json(situation));

        Assert.Equal(HttpStatusCode.OK, withDraft.StatusCode);
        Assert.Contains("\"kind\": \"social-pension\"", await withDraft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"kind\": \"social-pension\"", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MonthTheLawDoesNotCover_422()
    {
        var response = await client.PostAsync("/v1/evaluate", Json("{\"jurisdiction\":\"VN\",\"month\":\"2019-03\",\"person\":{\"birthDate\":\"2010-01-10\"}}"));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
    }

    [Fact]
    public async Task Evaluate_BadQuery_400()
    {
        var response = await client.PostAsync("/v1/evaluate?explain=fr", Json(File.ReadAllText(Example)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Schedule_WarInvalidPaidAtTheOldLevel_EqualsTheToolsScheduleAndOwes5790000()
    {
        const string situation = "{\"jurisdiction\":\"VN\",\"month\":\"2024-07\",\"person\":{\"birthDate\":\"1950-03-01\",\"merit\":[{\"category\":\"war-invalid\",\"rate\":41}]}}";
        const string paid = "{\"2024-07\":2702000,\"2024-08\":2702000,\"2024-09\":2702000,\"2024-10\":2702000,\"2024-11\":2702000,\"2024-12\":2702000}";

        var response = await client.PostAsync("/v1/schedule", Json($"{{\"situation\": {situation}, \"from\": \"2024-07\", \"to\": \"2024-12\", \"paid\": {paid}}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(Cli("schedule", "--input", Write("wi.json", situation), "--from", "2024-07", "--to", "2024-12", "--paid", Write("paid.json", paid)), body);
        Assert.Equal(5_790_000, JsonDocument.Parse(body).RootElement.GetProperty("totalOwed").GetInt64());
    }

    [Theory]
    [InlineData("{\"from\": \"2024-07\", \"to\": \"2024-12\"}", "$")]
    [InlineData("{\"situation\": {}, \"from\": \"2024-7\", \"to\": \"2024-12\"}", "$.from")]
    [InlineData("{\"situation\": {\"jurisdiction\":\"VN\",\"person\":{}}, \"from\": \"2024-07\", \"to\": \"2024-12\"}", "$.situation.person.birthDate")]
    [InlineData("{\"situation\": {}, \"from\": \"2024-07\", \"to\": \"2024-12\", \"paid\": {\"July\": 1}}", "$.paid")]
    public async Task Schedule_BadRequest_400NamingThePath(string body, string path)
    {
        var response = await client.PostAsync("/v1/schedule", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(path, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Compare_SmallPopulation_AnsweredAtOnceAsTheToolsJsonLines()
    {
        string population = Cli("population", "--merit", "--size", "30", "--seed", "5", "--month", "2024-07");
        string input = Write("merit.jsonl", population);
        string array = "[" + string.Join(",", population.Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]";

        var response = await client.PostAsync("/v1/compare", Json($"{{\"baselineWithout\": [\"77/2024/NĐ-CP\"], \"population\": {array}, \"from\": \"2024-06\", \"to\": \"2024-07\"}}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string expected = Cli("compare", "--input", input, "--baseline-without", "77/2024/NĐ-CP", "--from", "2024-06", "--to", "2024-07", "--format", "json");
        // The same lines; the tool names the input by its file, the server by "population".
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Compare_LargePopulation_RunsAsAJobWithProgressAndResult()
    {
        using var factory = new ServerFactory(new ServerLimits { MaxCompareNow = 10 });
        using var small = factory.CreateClient();
        string population = Cli("population", "--merit", "--size", "40", "--seed", "6", "--month", "2024-07");
        string array = "[" + string.Join(",", population.Split('\n', StringSplitOptions.RemoveEmptyEntries)) + "]";

        var accepted = await small.PostAsync("/v1/compare", Json($"{{\"baselineWithout\": [\"77/2024/NĐ-CP\"], \"population\": {array}}}"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        string status = accepted.Headers.Location!.ToString();
        JsonElement job;
        do
        {
            await Task.Delay(50);
            job = JsonDocument.Parse(await small.GetStringAsync(status)).RootElement;
        }
        while (job.GetProperty("status").GetString() == "running");

        Assert.Equal("done", job.GetProperty("status").GetString());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        string result = await small.GetStringAsync(job.GetProperty("resultUrl").GetString());
        var summary = JsonDocument.Parse(result.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("summary");
        Assert.Equal(40, summary.GetProperty("persons").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await small.GetAsync("/v1/jobs/none")).StatusCode);

        // A finished job is forgotten on request, its result with it.
        Assert.Equal(HttpStatusCode.NoContent, (await small.DeleteAsync(status)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await small.GetAsync(status)).StatusCode);
    }

    [Fact]
    public async Task Compare_JobsAtTheirLimit_429()
    {
        using var factory = new ServerFactory(new ServerLimits { MaxCompareNow = 1, MaxJobs = 0 });
        using var refused = factory.CreateClient();
        string situation = File.ReadAllText(Example);

        var response = await refused.PostAsync("/v1/compare", Json($"{{\"baselineWithout\": [\"77/2024/NĐ-CP\"], \"population\": [{situation}, {situation}]}}"));

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"population\": []}", "$")]
    [InlineData("{\"baselineWithout\": [\"99/2099/NĐ-CP\"], \"population\": []}", "$.baselineWithout[0]")]
    [InlineData("{\"rules\": [], \"baselineWithout\": [\"77/2024/NĐ-CP\"]}", "$.population")]
    [InlineData("{\"baselineWithout\": \"77/2024/NĐ-CP\", \"population\": []}", "$.baselineWithout")]
    [InlineData("{\"baselineWithout\": [\"02/2020/UBTVQH14\"], \"population\": []}", "$.baselineWithout[0]")]
    public async Task Compare_BadRequest_400NamingThePath(string body, string path)
    {
        var response = await client.PostAsync("/v1/compare", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(path, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Limits_BatchAndBodyBeyondTheirLimits_413()
    {
        using var factory = new ServerFactory(new ServerLimits { MaxBatch = 2, MaxRequestBytes = 2_000 });
        using var limited = factory.CreateClient();
        string situation = File.ReadAllText(Example);

        var batch = await limited.PostAsync("/v1/evaluate", Json($"[{situation},{situation},{situation}]"));
        var body = await limited.PostAsync("/v1/evaluate", Json($"[{situation}]" + new string(' ', 3_000)));
        var lines = await limited.PostAsync("/v1/evaluate", Json(string.Concat(Enumerable.Repeat(situation.ReplaceLineEndings("") + "\n", 3)), "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, batch.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, body.StatusCode);
        var written = (await lines.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, written.Length);
        Assert.Contains("at most 2 lines", written[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_OnADate_EqualsTheToolsRules()
    {
        var response = await client.GetAsync("/v1/rules?jurisdiction=VN-HN&on=2024-07-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Cli("rules", "--jurisdiction", "VN-HN", "--on", "2024-07-01", "--format", "json"), await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/v1/rules?on=2024-13-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/v1/rules?jurisdiction=XX&on=2024-01-01")).StatusCode);
    }

    [Fact]
    public async Task Instruments_Groups_AndParameters_ListTheBuiltInLaw()
    {
        var instruments = JsonDocument.Parse(await client.GetStringAsync("/v1/instruments")).RootElement;
        var groups = JsonDocument.Parse(await client.GetStringAsync("/v1/groups?jurisdiction=VN")).RootElement;
        var standard = JsonDocument.Parse(await client.GetStringAsync("/v1/parameters/merit-standard")).RootElement;

        Assert.Equal(WelfareRules.Law.RuleSet.BuiltIn.Instruments.Length, instruments.GetArrayLength());
        Assert.Contains(groups.EnumerateArray(), g => g.GetProperty("id").GetString() == "MERIT-II" && g.GetProperty("benefit").GetString() == "merit-allowance");
        var timeline = standard.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal([1_624_000m, 2_055_000m, 2_789_000m, 3_012_000m], timeline.Select(t => t.GetProperty("value").GetDecimal()));
        Assert.Equal("provisional", timeline[^1].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/parameters/no-such")).StatusCode);
    }

    [Fact]
    public async Task Health_OpenApiDocsAndPage_AreServed()
    {
        var health = JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement;
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var page = await client.GetStringAsync("/");
        var reference = await client.GetAsync("/docs/");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        string[] routes = ["/v1/evaluate", "/v1/schedule", "/v1/compare", "/v1/jobs/{id}", "/v1/jobs/{id}/result", "/v1/rules", "/v1/instruments", "/v1/groups", "/v1/parameters/{name}", "/health"];
        Assert.Equal(routes.Order(), openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("id=\"situation-form\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/javascript", (await client.GetAsync("/app.js")).Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("situation")]
    [InlineData("report")]
    [InlineData("schedule")]
    [InlineData("rules")]
    public async Task OpenApi_Components_AreTheContractsSchemas(string name)
    {
        var components = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("components").GetProperty("schemas");
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Docs("schema", name + ".schema.json")));

        Assert.Equal(
            schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(),
            components.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        foreach (var def in schema.RootElement.TryGetProperty("$defs", out var defs) ? defs.EnumerateObject() : default)
        {
            Assert.True(components.TryGetProperty(name + "." + def.Name, out _), $"{name}.{def.Name} is not a component");
        }
    }
}
