using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Parquet;
using Parquet.Schema;
using WelfareRules.Facts;
using WelfareRules.Serialization;

namespace WelfareRules.Cli.ParquetFiles;

/// <summary>
/// Populations as Parquet, the columnar format of pandas, R, DuckDB and Spark (docs/contract.md, "Population
/// as Parquet"): one row per situation, one column per field of the situation (nested fields flattened with
/// <c>_</c>: <c>household_poverty</c>), dates as dates, the lists (<c>childrenRaisedAlone</c>, <c>merit</c>) as JSON
/// text in the contract's format. Read back, each row becomes the situation's JSON line, so everything that
/// reads JSON Lines reads Parquet, with the same checks and the same errors (a row's number as its line).
/// </summary>
internal static class ParquetPopulation
{
    /// <summary>The rows written into one row group.</summary>
    internal const int RowGroupSize = 1 << 20;

    private static readonly (string Name, Kind Kind)[] Columns =
    [
        ("id", Kind.Text), ("jurisdiction", Kind.Text), ("month", Kind.Text), ("weight", Kind.Number), ("commune", Kind.Text),
        ("birthDate", Kind.Date), ("deathDate", Kind.Date), ("deathCause", Kind.Text), ("sex", Kind.Text), ("cremated", Kind.Flag), ("permanentResident", Kind.Flag),
        ("household_poverty", Kind.Text), ("household_area", Kind.Text), ("household_extremelyDifficultArea", Kind.Flag),
        ("household_escapedPovertyMonth", Kind.Text), ("household_averageLivingStandardFarming", Kind.Flag), ("household_incomePerPerson", Kind.Long),
        ("orphanhood", Kind.Text), ("inEducation", Kind.Flag), ("hivPositive", Kind.Flag), ("disability", Kind.Text), ("disabilityCertifiedOn", Kind.Date),
        ("childrenRaisedAlone", Kind.Json), ("withoutSupporter", Kind.Flag), ("receivesPension", Kind.Flag), ("pensionBelowSocialPension", Kind.Flag),
        ("parentReceivesAllowance", Kind.Flag), ("parentDetained", Kind.Flag), ("livingArrangement", Kind.Text), ("eligibleForFacilityCare", Kind.Flag),
        ("pregnant", Kind.Flag), ("childrenUnder36Months", Kind.Count), ("decisionSignedOn", Kind.Date), ("ethnicMinority", Kind.Flag), ("student", Kind.Flag),
        ("hasOtherHealthInsurance", Kind.Flag), ("healthInsuranceHouseholdOrder", Kind.Count), ("merit", Kind.Json),
    ];

    private enum Kind
    {
        Text,
        Json,
        Flag,
        Count,
        Long,
        Number,
        Date,
    }

    private static readonly ParquetSchema Schema = new(Columns.Select(c => c.Kind switch
    {
        Kind.Text or Kind.Json => (Field)new DataField<string>(c.Name, true),
        Kind.Flag => new DataField<bool>(c.Name, true),
        Kind.Count => new DataField<int>(c.Name, true),
        Kind.Long => new DataField<long>(c.Name, true),
        Kind.Number => new DataField<double>(c.Name, true),
        _ => new DataField<DateOnly>(c.Name, true),
    }));

    /// <summary>Writes situations into a Parquet file, a row group per <see cref="RowGroupSize"/> rows.</summary>
    internal static void Write(IEnumerable<Situation> situations, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var writer = ParquetWriter.CreateAsync(Schema, stream).GetAwaiter().GetResult();
        try
        {
            WriteAll(situations, writer);
        }
        finally
        {
            // The footer is written when the writer is disposed.
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteAll(IEnumerable<Situation> situations, ParquetWriter writer)
    {
        var batch = new List<JsonElement>(RowGroupSize);
        var buffer = new MemoryStream();
        foreach (var situation in situations)
        {
            // Each row as the contract writes it, so that the columns hold exactly the JSON's values.
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                SituationWriter.Write(json, situation);
            }

            batch.Add(JsonDocument.Parse(buffer.ToArray()).RootElement.Clone());
            if (batch.Count == RowGroupSize)
            {
                WriteGroup(writer, batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            WriteGroup(writer, batch);
        }
    }

    private static void WriteGroup(ParquetWriter writer, List<JsonElement> rows)
    {
        using var group = writer.CreateRowGroup();
        var fields = Schema.GetDataFields();
        for (int c = 0; c < Columns.Length; c++)
        {
            var (name, kind) = Columns[c];
            var field = fields[c];
            var values = rows.Select(r => Find(r, name)).ToArray();
            switch (kind)
            {
                case Kind.Text:
                    group.WriteAsync(field, values.Select(v => v is { ValueKind: JsonValueKind.String } s ? s.GetString() : null).ToArray()).GetAwaiter().GetResult();
                    break;
                case Kind.Json:
                    group.WriteAsync(field, values.Select(v => v is { } j ? j.GetRawText() : null).ToArray()).GetAwaiter().GetResult();
                    break;
                case Kind.Flag:
                    group.WriteAsync<bool>(field, values.Select(v => v is { } b ? b.GetBoolean() : (bool?)null).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
                case Kind.Count:
                    group.WriteAsync<int>(field, values.Select(v => v is { } n ? n.GetInt32() : (int?)null).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
                case Kind.Long:
                    group.WriteAsync<long>(field, values.Select(v => v is { } n ? n.GetInt64() : (long?)null).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
                case Kind.Number:
                    group.WriteAsync<double>(field, values.Select(v => v is { } n ? n.GetDouble() : (double?)null).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
                default:
                    group.WriteAsync<DateOnly>(field, values.Select(v => v is { ValueKind: JsonValueKind.String } d ? DateOnly.ParseExact(d.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
            }
        }
    }

    private static JsonElement? Find(JsonElement row, string name)
    {
        var at = row;
        if (at.TryGetProperty("person", out var person) && name is not ("id" or "jurisdiction" or "month" or "weight" or "commune"))
        {
            at = person;
            if (name.StartsWith("household_", StringComparison.Ordinal))
            {
                if (!at.TryGetProperty("household", out at))
                {
                    return null;
                }

                name = name["household_".Length..];
            }
        }

        return at.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    /// <summary>Whether a file is Parquet: by its name (<c>.parquet</c>).</summary>
    internal static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>A Parquet population read as JSON Lines, one situation a row, a row group at a time.</summary>
    internal static TextReader OpenAsLines(string path) => new LinesReader(path);

    private sealed class LinesReader(string path) : TextReader
    {
        private readonly IEnumerator<string> lines = Lines(path).GetEnumerator();
        private string current = "";
        private int position;
        private bool done;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            int written = 0;
            while (written < buffer.Length && !done)
            {
                if (position == current.Length)
                {
                    if (!Next())
                    {
                        done = true;
                        break;
                    }

                    current = lines.Current;
                    position = 0;
                }

                int n = Math.Min(buffer.Length - written, current.Length - position);
                current.AsSpan(position, n).CopyTo(buffer[written..]);
                position += n;
                written += n;
            }

            return written;
        }

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 0 ? -1 : one[0];
        }

        public override int Peek()
        {
            if (position < current.Length)
            {
                return current[position];
            }

            if (done || !Next())
            {
                done = true;
                return -1;
            }

            current = lines.Current;
            position = 0;
            return current.Length > 0 ? current[0] : -1;
        }

        /// <summary>The next row's line; a file that is not a readable population is an <see cref="IOException"/> naming it.</summary>
        private bool Next()
        {
            try
            {
                return lines.MoveNext();
            }
            catch (Exception unreadable) when (unreadable is not (UsageException or OutOfMemoryException))
            {
                throw new IOException($"{MessageText.Cut(path)}: not a readable Parquet population ({unreadable.Message})", unreadable);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                lines.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private static IEnumerable<string> Lines(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }).GetAwaiter().GetResult();
        try
        {
            foreach (string line in Lines(reader, path))
            {
                yield return line;
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<string> Lines(ParquetReader reader, string path)
    {
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var missing = Columns.Where(c => !fields.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        var unknown = fields.Keys.Where(k => Columns.All(c => c.Name != k)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"{MessageText.Cut(path)}: unknown column(s) {string.Join(", ", unknown)}; a population's columns are those of docs/contract.md, \"Population as Parquet\"");
        }

        var buffer = new MemoryStream();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int rows = (int)group.RowCount;
            var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
            foreach (var (name, kind) in Columns.Where(c => fields.ContainsKey(c.Name)))
            {
                var field = fields[name];
                columns[name] = kind switch
                {
                    Kind.Text or Kind.Json => ReadStrings(group, field, rows),
                    Kind.Flag => Read<bool>(group, field, rows),
                    Kind.Count => Read<int>(group, field, rows),
                    Kind.Long => Read<long>(group, field, rows),
                    Kind.Number => Read<double>(group, field, rows),
                    _ => Read<DateOnly>(group, field, rows),
                };
            }

            for (int r = 0; r < rows; r++)
            {
                buffer.SetLength(0);
                using (var json = new Utf8JsonWriter(buffer, EvaluateCommand.Compact))
                {
                    WriteRow(json, columns, r);
                }

                yield return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
            }
        }
    }

    private static string?[] ReadStrings(ParquetRowGroupReader group, DataField field, int rows)
    {
        var values = new string?[rows];
        group.ReadAsync(field, values.AsMemory()!).GetAwaiter().GetResult();
        return values;
    }

    private static T?[] Read<T>(ParquetRowGroupReader group, DataField field, int rows)
        where T : struct
    {
        var values = new T?[rows];
        group.ReadAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult();
        return values;
    }

    /// <summary>A row as the situation's JSON: the top fields, then <c>person</c> with its <c>household</c>; absent values left out.</summary>
    private static void WriteRow(Utf8JsonWriter json, Dictionary<string, Array> columns, int row)
    {
        json.WriteStartObject();
        foreach (string name in new[] { "id", "jurisdiction", "month", "weight", "commune" })
        {
            WriteValue(json, name, name, columns, row);
        }

        json.WriteStartObject("person");
        bool household = false;
        foreach (var (name, _) in Columns.Skip(5))
        {
            if (name.StartsWith("household_", StringComparison.Ordinal))
            {
                if (!household)
                {
                    json.WriteStartObject("household");
                    household = true;
                }

                WriteValue(json, name, name["household_".Length..], columns, row);
                continue;
            }

            if (household)
            {
                json.WriteEndObject();
                household = false;
            }

            WriteValue(json, name, name, columns, row);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string column, string name, Dictionary<string, Array> columns, int row)
    {
        if (!columns.TryGetValue(column, out var values) || values.GetValue(row) is not { } value)
        {
            return;
        }

        switch (value)
        {
            case string text when Columns.First(c => c.Name == column).Kind == Kind.Json:
                json.WritePropertyName(name);
                try
                {
                    using var document = JsonDocument.Parse(text);
                    document.RootElement.WriteTo(json);
                }
                catch (JsonException)
                {
                    // Not JSON: written as a string, so the situation reader names the field and refuses it.
                    json.WriteStringValue(text);
                }

                break;
            case string text:
                json.WriteString(name, text);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case int count:
                json.WriteNumber(name, count);
                break;
            case long number:
                json.WriteNumber(name, number);
                break;
            case double number:
                json.WriteNumber(name, (decimal)number);
                break;
            case DateOnly date:
                json.WriteString(name, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
