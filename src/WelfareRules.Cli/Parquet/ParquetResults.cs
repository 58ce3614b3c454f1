using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using Parquet;
using Parquet.Schema;
using WelfareRules.Evaluation;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Reports;
using WelfareRules.Serialization;

namespace WelfareRules.Cli.ParquetFiles;

/// <summary>
/// Results as Parquet (docs/contract.md, "Results as Parquet"): <c>compare --parquet FILE</c> writes a row per
/// person (and month) whose entitlements differ; <c>evaluate --parquet FILE</c> a row per situation with its
/// amounts by kind. Written a row group at a time as they come.
/// </summary>
internal sealed class ParquetTable : IDisposable
{
    private readonly FileStream stream;
    private readonly ParquetWriter writer;
    private readonly DataField[] fields;
    private readonly List<object?[]> rows = [];

    private ParquetTable(string path, DataField[] fields)
    {
        this.fields = fields;
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
    }

    /// <summary>The difference lines of a comparison: the fields of docs/contract.md, "Difference lines", <c>changes</c> and <c>basis</c> as JSON text.</summary>
    internal static ParquetTable Differences(string path) => new(path,
    [
        new DataField<string>("id", true), new DataField<int>("line", false), new DataField<long>("index", false), new DataField<string>("month", false),
        new DataField<string>("commune", true), new DataField<double>("weight", false), new DataField<long>("baseline", false), new DataField<long>("changed", false),
        new DataField<long>("difference", false), new DataField<string>("changes", false), new DataField<string>("basis", false),
    ]);

    /// <summary>A row per situation evaluated: its totals, the amount of each kind, the state's health-insurance payment, its grade, or its error.</summary>
    internal static ParquetTable Results(string path) => new(path,
    [
        new DataField<string>("id", true), new DataField<int>("line", false), new DataField<string>("jurisdiction", true), new DataField<string>("month", true),
        new DataField<string>("commune", true), new DataField<double>("weight", true), new DataField<long>("total", true), new DataField<long>("monthlyTotal", true),
        .. Enum.GetValues<EntitlementKind>().Select(k => (DataField)new DataField<long>(ContractNames.Of(k), true)),
        new DataField<long>("healthInsuranceStatePays", true), new DataField<string>("status", true), new DataField<string>("error", true),
    ]);

    internal void AddDifference(PersonDifference difference, int line)
    {
        using var changes = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(changes, EvaluateCommand.Compact))
        {
            json.WriteStartArray();
            foreach (var c in difference.Changes)
            {
                json.WriteStartObject();
                json.WriteString("kind", ContractNames.Of(c.Kind));
                json.WriteString("payee", ContractNames.Of(c.Payee));
                if (c.Group is not null)
                {
                    json.WriteString("group", c.Group);
                }

                json.WriteNumber("baseline", c.Baseline.Value);
                json.WriteNumber("changed", c.Changed.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        using var basis = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(basis, EvaluateCommand.Compact))
        {
            json.WriteStartObject();
            ReportJson.WriteBasis(json, difference.Causes);
            json.WriteEndObject();
        }

        string causes = Encoding.UTF8.GetString(basis.ToArray());
        Add([difference.Situation.Id, line, difference.Index, difference.Situation.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            difference.Situation.Commune, (double)difference.Situation.Weight, difference.BaselineReport.Total.Value, difference.ChangedReport.Total.Value,
            difference.Difference.Value, Encoding.UTF8.GetString(changes.ToArray()), causes["{\"basis\":".Length..^1]]);
    }

    internal void AddResult(SituationLine item, Report? report, string? error)
    {
        var situation = item.Situation;
        var row = new List<object?>
        {
            situation?.Id ?? item.Id, item.Line, situation?.Jurisdiction.Code, situation?.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            situation?.Commune, situation is null ? null : (double)situation.Weight, report?.Total.Value, report?.MonthlyTotal.Value,
        };
        foreach (var kind in Enum.GetValues<EntitlementKind>())
        {
            row.Add(report?.Entitlements.Where(e => e.Kind == kind).Sum(e => e.Amount.Value));
        }

        row.Add(report?.HealthInsurance?.StatePays.Value);
        row.Add(report is null ? null : Legal.ProvisionStatuses.ContractName(report.Status));
        row.Add(error);
        Add([.. row]);
    }

    private void Add(object?[] row)
    {
        rows.Add(row);
        if (rows.Count == ParquetPopulation.RowGroupSize)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var group = writer.CreateRowGroup();
        for (int c = 0; c < fields.Length; c++)
        {
            var field = fields[c];
            int column = c;
            if (field is DataField<string>)
            {
                group.WriteAsync(field, rows.Select(r => (string?)r[column]).ToArray()).GetAwaiter().GetResult();
            }
            else if (field is DataField<int>)
            {
                group.WriteAsync<int>(field, rows.Select(r => r[column] is null ? (int?)null : Convert.ToInt32(r[column], System.Globalization.CultureInfo.InvariantCulture)).ToArray().AsMemory()).GetAwaiter().GetResult();
            }
            else if (field is DataField<long>)
            {
                group.WriteAsync<long>(field, rows.Select(r => r[column] is null ? (long?)null : Convert.ToInt64(r[column], System.Globalization.CultureInfo.InvariantCulture)).ToArray().AsMemory()).GetAwaiter().GetResult();
            }
            else
            {
                group.WriteAsync<double>(field, rows.Select(r => r[column] is null ? (double?)null : Convert.ToDouble(r[column], System.Globalization.CultureInfo.InvariantCulture)).ToArray().AsMemory()).GetAwaiter().GetResult();
            }
        }

        rows.Clear();
    }

    public void Dispose()
    {
        Flush();
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        stream.Dispose();
    }

    /// <summary><c>evaluate --parquet FILE</c>: each situation of the input read again and written as its row.</summary>
    internal static void WriteResults(string path, string input, RuleSet rules, YearMonth? month, EvaluationOptions options)
    {
        using var table = Results(path);
        using var reader = ParquetPopulation.IsParquet(input) ? ParquetPopulation.OpenAsLines(input) : new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        foreach (var item in SituationReader.ReadLines(reader, input, month))
        {
            if (item.Situation is not { } situation)
            {
                table.AddResult(item, null, item.Error!.Message);
                continue;
            }

            try
            {
                table.AddResult(item, rules.Evaluate(situation, options with { Explain = false }), null);
            }
            catch (EvaluationException failed)
            {
                table.AddResult(item, null, failed.Message);
            }
        }
    }
}
