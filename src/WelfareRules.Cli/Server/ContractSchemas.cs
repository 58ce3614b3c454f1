using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace WelfareRules.Cli.Server;

/// <summary>
/// Puts the contract's JSON Schemas (docs/schema, embedded in the tool) into the OpenAPI document as its
/// components, and names them on each operation's body and response, so the document and the contract are the
/// same schemas. A schema's <c>$defs</c> become components of their own (<c>report.citation</c>).
/// </summary>
internal sealed class ContractSchemas : IOpenApiDocumentTransformer
{
    /// <summary>The contract's schemas, by the name of their file (<c>report</c> for report.schema.json).</summary>
    internal static readonly string[] Names =
        ["situation", "report", "schedule", "compare-difference", "compare-summary", "rules", "rule-file", "error-line", "paid", "classify"];

    private static readonly (string Operation, string? Request, string? Response)[] Operations =
    [
        ("evaluate", "situation", "report"),
        ("schedule", null, "schedule"),
        ("compare", null, "compare-summary"),
        ("rules", null, "rules"),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "WelfareRules",
            Version = ServerApp.ToolVersion,
            Description = "Vietnamese welfare law as a service: the contract of docs/contract.md over HTTP (docs/serve.md). Law version "
                + NodaTime.Text.LocalDatePattern.Iso.Format(Law.RuleSet.BuiltIn.Version) + ".",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (string name in Names)
        {
            foreach (var (key, json) in Split(name))
            {
                var schema = OpenApiModelFactory.Parse<OpenApiSchema>(json, OpenApiSpecVersion.OpenApi3_1, document, out _, "json");
                if (schema is not null)
                {
                    document.Components.Schemas[key] = schema;
                }
            }
        }

        foreach (var path in document.Paths.Values)
        {
            if (path.Operations is null)
            {
                continue;
            }

            foreach (var operation in path.Operations.Values)
            {
                var (_, request, response) = Operations.FirstOrDefault(o => o.Operation == operation.OperationId);
                if (request is not null)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = new OpenApiSchemaReference(request, document) },
                            ["application/x-ndjson"] = new() { Schema = new OpenApiSchemaReference(request, document) },
                        },
                    };
                }

                if (response is not null)
                {
                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses["200"] = new OpenApiResponse
                    {
                        Description = "OK",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            [response.StartsWith("compare", StringComparison.Ordinal) ? "application/x-ndjson" : "application/json"] =
                                new() { Schema = new OpenApiSchemaReference(response, document) },
                        },
                    };
                    operation.Responses["400"] = new OpenApiResponse { Description = "Bad input: RFC 7807 problem details naming the JSON path (and line)" };
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A schema file as components: the schema itself, and each of its <c>$defs</c>, with their references rewritten.</summary>
    internal static IEnumerable<(string Key, string Json)> Split(string name)
    {
        using var stream = ServerApp.Resource("schema." + name + ".schema.json") ?? throw new InvalidOperationException($"schema {name} is not embedded");
        var root = JsonNode.Parse(stream.ToArray())!.AsObject();
        var defs = root["$defs"]?.AsObject();
        root.Remove("$defs");
        root.Remove("$schema");
        root.Remove("$id");
        yield return (name, Rewrite(root, name).ToJsonString());
        foreach (var (key, value) in defs?.ToList() ?? [])
        {
            yield return (name + "." + key, Rewrite(value!.DeepClone(), name).ToJsonString());
        }
    }

    private static JsonNode Rewrite(JsonNode node, string name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal))
                    {
                        obj["$ref"] = "#/components/schemas/" + name + "." + reference["#/$defs/".Length..];
                    }
                    else if (value is not null)
                    {
                        Rewrite(value, name);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Rewrite(item, name);
                    }
                }

                break;
        }

        return node;
    }
}
