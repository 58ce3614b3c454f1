using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Parquet;
using Parquet.Schema;
using WelfareRules.Facts;
using WelfareRules.Populations;
using WelfareRules.Serialization;
using Jurisdiction = WelfareRules.Law.Jurisdiction;

namespace WelfareRules.Cli.ParquetFiles;

/// <summary>
/// Populations as Parquet, the columnar format of pandas, R, DuckDB and Spark (docs/contract.md, "Population
/// as Parquet"): one row per situation, one column per field of the situation (nested fields flattened with
/// <c>_</c>: <c>household_poverty</c>), dates as dates, the lists (<c>childrenRaisedAlone</c>, <c>merit</c>) as JSON
/// text in the contract's format. Read back, each row becomes the situation's JSON line, so everything that
/// reads JSON Lines reads Parquet, with the same checks and the same errors (a row's number as its line).
/// </summary>
internal static partial class ParquetPopulation
{
    /// <summary>The rows written into one row group.</summary>
    internal const int RowGroupSize = 1 << 16;

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

    /// <summary>
    /// The writer's options: the text columns but the ids dictionary-encoded where their values repeat (the codes
    /// of the contract, a jurisdiction, a month, a commune), as Parquet's writers commonly do, so that a file is
    /// smaller and its reader decodes each code once a row group.
    /// </summary>
    private static readonly ParquetOptions WriteOptions = TextDictionaries(new ParquetOptions());

    private static ParquetOptions TextDictionaries(ParquetOptions options)
    {
        foreach (var field in Schema.GetDataFields().Where(f => f.Name != "id" && Columns.Any(c => c.Name == f.Name && c.Kind == Kind.Text)))
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        return options;
    }

    /// <summary>Writes situations into a Parquet file, a row group per <paramref name="rowGroupSize"/> rows.</summary>
    internal static void Write(IEnumerable<Situation> situations, string path, int rowGroupSize = RowGroupSize)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var writer = ParquetWriter.CreateAsync(Schema, stream, WriteOptions).GetAwaiter().GetResult();
        try
        {
            WriteAll(situations, writer, rowGroupSize);
        }
        finally
        {
            // The footer is written when the writer is disposed.
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteAll(IEnumerable<Situation> situations, ParquetWriter writer, int rowGroupSize)
    {
        var batch = new List<Situation>(rowGroupSize);
        foreach (var situation in situations)
        {
            batch.Add(situation);
            if (batch.Count == rowGroupSize)
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

    /// <summary>Writes a row group from the situations' typed values, column by column, as the contract spells them.</summary>
    private static void WriteGroup(ParquetWriter writer, List<Situation> rows)
    {
        using var group = writer.CreateRowGroup();
        var fields = Schema.GetDataFields();
        string? Spell<T>(T value) where T : struct, Enum => value.Equals(default(T)) ? null : ContractEnum<T>.Spell(value);
        DateOnly? Date(LocalDate? date) => date is { } d ? new DateOnly(d.Year, d.Month, d.Day) : null;
        string? Month(YearMonth? month) => month is { } m ? YearMonthPattern.Iso.Format(m) : null;
        bool? Flag(bool value) => value ? true : null;
        int? Count(int value) => value == 0 ? null : value;
        for (int c = 0; c < Columns.Length; c++)
        {
            var field = fields[c];
            Func<Situation, object?> value = Columns[c].Name switch
            {
                "id" => s => s.Id,
                "jurisdiction" => s => s.Jurisdiction.Code,
                "month" => s => YearMonthPattern.Iso.Format(s.Month),
                "weight" => s => s.Weight == 1m ? null : (double)s.Weight,
                "commune" => s => s.Commune,
                "birthDate" => s => Date(s.Person.BirthDate),
                "deathDate" => s => Date(s.Person.DeathDate),
                "deathCause" => s => Spell(s.Person.DeathCause),
                "sex" => s => Spell(s.Person.Sex),
                "cremated" => s => Flag(s.Person.Cremated),
                "permanentResident" => s => Flag(s.Person.PermanentResident),
                "household_poverty" => s => Spell(s.Person.Household.Poverty),
                "household_area" => s => Spell(s.Person.Household.Area),
                "household_extremelyDifficultArea" => s => Flag(s.Person.Household.ExtremelyDifficultArea),
                "household_escapedPovertyMonth" => s => Month(s.Person.Household.EscapedPovertyMonth),
                "household_averageLivingStandardFarming" => s => Flag(s.Person.Household.AverageLivingStandardFarming),
                "household_incomePerPerson" => s => s.Person.Household.IncomePerPerson,
                "orphanhood" => s => Spell(s.Person.Orphanhood),
                "inEducation" => s => Flag(s.Person.InEducation),
                "hivPositive" => s => Flag(s.Person.HivPositive),
                "disability" => s => Spell(s.Person.Disability),
                "disabilityCertifiedOn" => s => Date(s.Person.DisabilityCertifiedOn),
                "childrenRaisedAlone" => s => s.Person.ChildrenRaisedAlone.IsEmpty ? null : ListJson(s, "childrenRaisedAlone"),
                "withoutSupporter" => s => Flag(s.Person.WithoutSupporter),
                "receivesPension" => s => Flag(s.Person.ReceivesPension),
                "pensionBelowSocialPension" => s => Flag(s.Person.PensionBelowSocialPension),
                "parentReceivesAllowance" => s => Flag(s.Person.ParentReceivesAllowance),
                "parentDetained" => s => Flag(s.Person.ParentDetained),
                "livingArrangement" => s => Spell(s.Person.LivingArrangement),
                "eligibleForFacilityCare" => s => Flag(s.Person.EligibleForFacilityCare),
                "pregnant" => s => Flag(s.Person.Pregnant),
                "childrenUnder36Months" => s => Count(s.Person.ChildrenUnder36Months),
                "decisionSignedOn" => s => Date(s.Person.DecisionSignedOn),
                "ethnicMinority" => s => Flag(s.Person.EthnicMinority),
                "student" => s => Flag(s.Person.Student),
                "hasOtherHealthInsurance" => s => Flag(s.Person.HasOtherHealthInsurance),
                "healthInsuranceHouseholdOrder" => s => Count(s.Person.HealthInsuranceHouseholdOrder),
                "merit" => s => s.Person.Merit.IsEmpty ? null : ListJson(s, "merit"),
                var other => throw new InvalidOperationException("no writer for column " + other),
            };
            switch (Columns[c].Kind)
            {
                case Kind.Text or Kind.Json:
                    group.WriteAsync(field, rows.Select(r => (string?)value(r)).ToArray()).GetAwaiter().GetResult();
                    break;
                case Kind.Flag:
                    group.WriteAsync<bool>(field, rows.Select(r => (bool?)value(r)).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
                case Kind.Count:
                    group.WriteAsync<int>(field, rows.Select(r => (int?)value(r)).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
                case Kind.Long:
                    group.WriteAsync<long>(field, rows.Select(r => (long?)value(r)).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
                case Kind.Number:
                    group.WriteAsync<double>(field, rows.Select(r => (double?)value(r)).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
                default:
                    group.WriteAsync<DateOnly>(field, rows.Select(r => (DateOnly?)value(r)).ToArray().AsMemory()).GetAwaiter().GetResult();
                    break;
            }
        }
    }

    /// <summary>A list field (children, merit records) as the contract writes it, from the situation's JSON.</summary>
    private static string ListJson(Situation situation, string name)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            SituationWriter.Write(json, situation);
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.GetProperty("person").GetProperty(name).GetRawText();
    }

    /// <summary>The error of a file that is not a readable Parquet population, naming it and what its reader met.</summary>
    internal static IOException Unreadable(string path, Exception met) =>
        new($"{MessageText.Cut(path)}: not a readable Parquet population ({met.Message})", met);

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
                throw Unreadable(path, unreadable);
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

    private static readonly ParquetOptions ReadOptions = new() { UseDateOnlyTypeForDates = true };

    private static IEnumerable<string> Lines(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream, ReadOptions).GetAwaiter().GetResult();
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
        var fields = Fields(reader, path);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, EvaluateCommand.Compact);
        Dictionary<string, Array>? reuse = null;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            int rows;
            using (var group = reader.OpenRowGroupReader(g))
            {
                rows = (int)group.RowCount;

                // Each row is written before the next group is read: the group's arrays serve the next.
                reuse = ReadGroup(group, fields, rows, reuse);
            }

            var writer = new RowWriter(reuse);
            for (int r = 0; r < rows; r++)
            {
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                writer.Write(json, r);
                json.Flush();
                buffer.Write("\n"u8);
                yield return Encoding.UTF8.GetString(buffer.WrittenSpan);
            }
        }
    }

    /// <summary>
    /// The situations of a Parquet population, built from the typed columns without going through JSON; a row
    /// with lists (children, merit records) or a value out of the contract goes the JSON way, so that its
    /// situation or its error is exactly what its JSON line would give.
    /// </summary>
    internal static IEnumerable<SituationLine> ReadSituations(string path, YearMonth? month)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream, ReadOptions).GetAwaiter().GetResult();
        try
        {
            var fields = Fields(reader, path);
            int line = 0;
            var buffer = new MemoryStream();
            Dictionary<string, Array>? reuse = null;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                Dictionary<string, Array> columns;
                int rows;
                using (var group = reader.OpenRowGroupReader(g))
                {
                    rows = (int)group.RowCount;

                    // Each row is read before the next group: the group's arrays serve the next.
                    columns = reuse = ReadGroup(group, fields, rows, reuse);
                }

                var resolved = new Resolved(columns);

                for (int r = 0; r < rows; r++)
                {
                    line++;
                    if (Direct(resolved, r, month) is { } situation)
                    {
                        yield return new SituationLine(line, situation, null);
                        continue;
                    }

                    buffer.SetLength(0);
                    using (var json = new Utf8JsonWriter(buffer, EvaluateCommand.Compact))
                    {
                        WriteRow(json, columns, r);
                    }

                    SituationLine parsed;
                    try
                    {
                        parsed = new SituationLine(line, SituationReader.Parse(buffer.ToArray(), path, line, month), null);
                    }
                    catch (SituationFormatException error)
                    {
                        parsed = new SituationLine(line, null, error) { Id = columns.TryGetValue("id", out var ids) ? ErrorLineId(ids.GetValue(r) as string) : null };
                    }

                    yield return parsed;
                }
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The file's columns by name, once every one is known to be a column of the contract.</summary>
    private static Dictionary<string, DataField> Fields(ParquetReader reader, string path)
    {
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        if (fields.Keys.Where(k => Columns.All(c => c.Name != k)).ToList() is { Count: > 0 } unknown)
        {
            throw new UsageException($"{MessageText.Cut(path)}: unknown column(s) {string.Join(", ", unknown)}; a population's columns are those of docs/contract.md, \"Population as Parquet\"");
        }

        // Each column of the type the contract gives it (a DECIMAL weight, a TIMESTAMP birthDate: named, not guessed).
        foreach (var (name, kind) in Columns)
        {
            if (fields.TryGetValue(name, out var field) && !Accepts(kind, field.ClrType))
            {
                throw new UsageException($"{MessageText.Cut(path)}: column {name} holds {field.ClrType.Name} values; the contract's {name} is {KindName(kind)} (docs/contract.md, \"Population as Parquet\")");
            }
        }

        return fields;
    }

    private static bool Accepts(Kind kind, Type type) => kind switch
    {
        Kind.Text or Kind.Json => type == typeof(string) || type == typeof(ReadOnlyMemory<char>),
        Kind.Flag => type == typeof(bool),
        Kind.Count => type == typeof(int),
        Kind.Long => type == typeof(long),
        Kind.Number => type == typeof(double),
        _ => type == typeof(DateOnly),
    };

    private static string KindName(Kind kind) => kind switch
    {
        Kind.Text => "a string",
        Kind.Json => "a string of JSON text",
        Kind.Flag => "a boolean",
        Kind.Count => "an int32",
        Kind.Long => "an int64",
        Kind.Number => "a double",
        _ => "a date",
    };

    /// <summary>
    /// Reads a row group's columns. With <paramref name="reuse"/>, each column is read into the array the previous
    /// group of the same reader used when it is long enough (cleared first): a row group's arrays are large, and
    /// allocating them for every group made the collector's large-object work grow with the file.
    /// </summary>
    private static Dictionary<string, Array> ReadGroup(ParquetRowGroupReader group, Dictionary<string, DataField> fields, int rows, Dictionary<string, Array>? reuse = null)
    {
        var columns = reuse ?? new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (string stale in columns.Keys.Where(k => !fields.ContainsKey(k)).ToList())
        {
            // A column the previous group read and this one does not: its values are not this group's.
            columns.Remove(stale);
        }

        foreach (var (name, kind) in Columns.Where(c => fields.ContainsKey(c.Name)))
        {
            var field = fields[name];
            if (AllNull(group, field, rows))
            {
                // Read as a column the group does not have: every row's value absent, as the column's nulls would give.
                columns.Remove(name);
                continue;
            }

            var spare = columns.GetValueOrDefault(name);
            columns[name] = kind switch
            {
                Kind.Text or Kind.Json => ReadStrings(group, field, rows, spare as string?[], codes: kind == Kind.Text && name is not ("id" or "commune")),
                Kind.Flag => Read(group, field, rows, spare as bool?[]),
                Kind.Count => Read(group, field, rows, spare as int?[]),
                Kind.Long => Read(group, field, rows, spare as long?[]),
                Kind.Number => Read(group, field, rows, spare as double?[]),
                _ => Read(group, field, rows, spare as DateOnly?[]),
            };
        }

        return columns;
    }

    /// <summary>
    /// Whether a row group's chunk of a flat column holds no value, by its statistics: as many nulls as values and
    /// rows. Such a chunk is not decoded (a population's sparse facts, such as merit records or a death date, are most often
    /// absent from a whole row group); a chunk without statistics is decoded.
    /// </summary>
    internal static bool AllNull(ParquetRowGroupReader group, DataField field, int rows) =>
        field.MaxRepetitionLevel == 0 && group.GetMetadata(field)?.MetaData is { NumValues: var values, Statistics.NullCount: { } nulls }
            && nulls == rows && values == rows;

    /// <summary>The columns of a row group resolved once into typed arrays.</summary>
    private sealed class Resolved(Dictionary<string, Array> c)
    {
        private static T? Of<T>(Dictionary<string, Array> c, string name) where T : class => c.TryGetValue(name, out var values) ? values as T : null;

        internal readonly string?[]? Id = Of<string?[]>(c, "id"), Jurisdiction = Of<string?[]>(c, "jurisdiction"), Month = Of<string?[]>(c, "month"), Commune = Of<string?[]>(c, "commune"),
            DeathCause = Of<string?[]>(c, "deathCause"), Sex = Of<string?[]>(c, "sex"), Poverty = Of<string?[]>(c, "household_poverty"), Area = Of<string?[]>(c, "household_area"),
            Escaped = Of<string?[]>(c, "household_escapedPovertyMonth"), Orphanhood = Of<string?[]>(c, "orphanhood"), Disability = Of<string?[]>(c, "disability"),
            Living = Of<string?[]>(c, "livingArrangement"), Children = Of<string?[]>(c, "childrenRaisedAlone"), Merit = Of<string?[]>(c, "merit");

        internal readonly double?[]? Weight = Of<double?[]>(c, "weight");

        internal readonly long?[]? Income = Of<long?[]>(c, "household_incomePerPerson");

        internal readonly int?[]? Children36 = Of<int?[]>(c, "childrenUnder36Months"), Order = Of<int?[]>(c, "healthInsuranceHouseholdOrder");

        internal readonly DateOnly?[]? Birth = Of<DateOnly?[]>(c, "birthDate"), Death = Of<DateOnly?[]>(c, "deathDate"), Certified = Of<DateOnly?[]>(c, "disabilityCertifiedOn"),
            Decision = Of<DateOnly?[]>(c, "decisionSignedOn");

        // The month and jurisdiction of consecutive rows are most often the same: parsed once while they repeat.
        internal string? LastMonthText, LastCode;
        internal YearMonth LastMonth;
        internal Jurisdiction? LastJurisdiction;

        internal readonly bool?[]? Cremated = Of<bool?[]>(c, "cremated"), Permanent = Of<bool?[]>(c, "permanentResident"), Difficult = Of<bool?[]>(c, "household_extremelyDifficultArea"),
            Farming = Of<bool?[]>(c, "household_averageLivingStandardFarming"), InEducation = Of<bool?[]>(c, "inEducation"), Hiv = Of<bool?[]>(c, "hivPositive"),
            WithoutSupporter = Of<bool?[]>(c, "withoutSupporter"), Pension = Of<bool?[]>(c, "receivesPension"), PensionBelow = Of<bool?[]>(c, "pensionBelowSocialPension"),
            ParentAllowance = Of<bool?[]>(c, "parentReceivesAllowance"), ParentDetained = Of<bool?[]>(c, "parentDetained"), Facility = Of<bool?[]>(c, "eligibleForFacilityCare"),
            Pregnant = Of<bool?[]>(c, "pregnant"), Ethnic = Of<bool?[]>(c, "ethnicMinority"), Student = Of<bool?[]>(c, "student"), OtherInsurance = Of<bool?[]>(c, "hasOtherHealthInsurance");
    }

    /// <summary>One row's values, read from the typed columns and checked as the contract checks them (<see cref="TryRead"/>).</summary>
    private struct Row
    {
        internal PersonFacts Facts;
        internal Jurisdiction Jurisdiction;
        internal YearMonth Month;
        internal LocalDate Birth;
        internal LocalDate? Death, Certified, Decision;
        internal YearMonth? Escaped;
        internal ImmutableArray<RaisedChild> Children;
        internal Sex Sex;
        internal long? Income;
        internal double Weight;
        internal string? Id, Commune;
    }

    /// <summary>
    /// Reads row <paramref name="r"/> from the typed columns; false when it lists merit records, its children are not
    /// in the writer's shape, or a value is out of the contract (the row then goes the JSON way, which names the error).
    /// </summary>
    private static bool TryRead(Resolved c, int r, YearMonth? monthOverride, out Row row)
    {
        static bool Flag(bool?[]? values, int r) => values is not null && values[r] == true;
        static LocalDate? Date(DateOnly?[]? values, int r) => values?[r] is { } d ? new LocalDate(d.Year, d.Month, d.Day) : null;
        static bool Choice<T>(string?[]? values, int r, out T value) where T : struct, Enum
        {
            value = default;
            return values?[r] is not { } text || ContractEnum<T>.TryParse(text, out value);
        }

        row = default;
        var children = ImmutableArray<RaisedChild>.Empty;
        if (c.Merit?[r] is not null || c.Jurisdiction?[r] is not { } code || Date(c.Birth, r) is not { } birth || birth.Year < 1900
            || (c.Children?[r] is { } childrenJson && !TryChildren(childrenJson, out children)))
        {
            return false;
        }

        if (code != c.LastCode)
        {
            if (!Jurisdiction.TryParse(code, out var parsedJurisdiction))
            {
                return false;
            }

            (c.LastCode, c.LastJurisdiction) = (code, parsedJurisdiction);
        }

        // A month given overrides the row's, which must still be a month when present (as in JSON Lines).
        YearMonth month;
        if (c.Month?[r] is { } monthText)
        {
            if (monthText != c.LastMonthText)
            {
                if (YearMonthPattern.Iso.Parse(monthText) is not { Success: true } parsedMonth || parsedMonth.Value.Year < 1900)
                {
                    return false;
                }

                (c.LastMonthText, c.LastMonth) = (monthText, parsedMonth.Value);
            }

            month = monthOverride ?? c.LastMonth;
        }
        else if (monthOverride is { } given)
        {
            month = given;
        }
        else
        {
            return false;
        }

        if (!Choice<DeathCause>(c.DeathCause, r, out var deathCause) || !Choice<Sex>(c.Sex, r, out var sex) || !Choice<Orphanhood>(c.Orphanhood, r, out var orphanhood)
            || !Choice<Disability>(c.Disability, r, out var disability) || !Choice<LivingArrangement>(c.Living, r, out var living)
            || !Choice<Poverty>(c.Poverty, r, out var poverty) || !Choice<Area>(c.Area, r, out var area))
        {
            return false;
        }

        YearMonth? escaped = null;
        if (c.Escaped?[r] is { } escapedText)
        {
            if (YearMonthPattern.Iso.Parse(escapedText) is not { Success: true } e || e.Value.Year < 1900)
            {
                return false;
            }

            escaped = e.Value;
        }

        int children36 = c.Children36?[r] ?? 0, order = c.Order?[r] ?? 0;
        long? income = c.Income?[r];
        double weight = c.Weight?[r] ?? 1;
        string? id = c.Id?[r], commune = c.Commune?[r];
        LocalDate? death = Date(c.Death, r), certified = Date(c.Certified, r), decision = Date(c.Decision, r);
        if (children36 < 0 || order < 0 || !SideTaken(income, weight, id, commune)
            || death is { Year: < 1900 } || certified is { Year: < 1900 } || decision is { Year: < 1900 })
        {
            return false;
        }

        row = new Row
        {
            Facts = new PersonFacts
            {
                DeathCause = deathCause,
                Cremated = Flag(c.Cremated, r),
                PermanentResident = Flag(c.Permanent, r),
                Poverty = poverty,
                Area = area,
                ExtremelyDifficultArea = Flag(c.Difficult, r),
                AverageLivingStandardFarming = Flag(c.Farming, r),
                Orphanhood = orphanhood,
                InEducation = Flag(c.InEducation, r),
                HivPositive = Flag(c.Hiv, r),
                Disability = disability,
                WithoutSupporter = Flag(c.WithoutSupporter, r),
                ReceivesPension = Flag(c.Pension, r),
                PensionBelowSocialPension = Flag(c.PensionBelow, r),
                ParentReceivesAllowance = Flag(c.ParentAllowance, r),
                ParentDetained = Flag(c.ParentDetained, r),
                LivingArrangement = living,
                EligibleForFacilityCare = Flag(c.Facility, r),
                Pregnant = Flag(c.Pregnant, r),
                EthnicMinority = Flag(c.Ethnic, r),
                Student = Flag(c.Student, r),
                HasOtherHealthInsurance = Flag(c.OtherInsurance, r),
                HasDisabilityCertificate = certified is not null,
                DeathBeforeBirth = death is { } d && d < birth,
                ChildrenUnder36Months = children36,
                HealthInsuranceHouseholdOrder = order,
            },
            Jurisdiction = c.LastJurisdiction!,
            Month = month,
            Birth = birth,
            Death = death,
            Certified = certified,
            Decision = decision,
            Escaped = escaped,
            Children = children,
            Sex = sex,
            Income = income,
            Weight = weight,
            Id = id,
            Commune = commune,
        };
        return true;
    }

    /// <summary>Whether a row's income, weight, id and commune are values the contract takes (else the row goes the JSON way, which names the one refused).</summary>
    private static bool SideTaken(long? income, double weight, string? id, string? commune) =>
        income is null or (>= 0 and <= Household.MaxIncomePerPerson) && weight is >= 0 and <= Situation.MaxWeight
        && id is null or { Length: > 0 and <= Situation.MaxIdLength } && commune is null or { Length: > 0 and <= 32 };

    /// <summary>A refused row's id as its error line names it: the id cell, when it is an id the contract takes (as <see cref="SituationReader.TryReadId"/> reads a bad line's).</summary>
    private static string? IdOf(Resolved c, int r) => ErrorLineId(c.Id?[r]);

    /// <summary>An id cell as a bad line's error line names it: only an id of 1 to <see cref="Situation.MaxIdLength"/> characters.</summary>
    private static string? ErrorLineId(string? id) => id is { Length: > 0 and <= Situation.MaxIdLength } ? id : null;

    private static Situation? Direct(Resolved c, int r, YearMonth? monthOverride)
    {
        if (!TryRead(c, r, monthOverride, out var row))
        {
            return null;
        }

        var person = row.Facts.ToPerson(row.Birth, row.Death, row.Decision, row.Certified, row.Sex, row.Escaped, row.Income, row.Children, []);
        return new Situation(row.Jurisdiction, row.Month, person) { Id = row.Id, Commune = row.Commune, Weight = (decimal)row.Weight };
    }

    private static bool TryChildren(string json, out ImmutableArray<RaisedChild> children)
    {
        children = ImmutableArray<RaisedChild>.Empty;
        try
        {
            return ReadChildren(json, ref children);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ReadChildren(string json, ref ImmutableArray<RaisedChild> children)
    {
        // The cell's UTF-8 in a buffer of the pool (a list of children is a few hundred bytes, read for one row in ten).
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            return ReadChildren(utf8.AsSpan(0, Encoding.UTF8.GetBytes(json, utf8)), ref children);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>A child's birth date from 1900 (its digits read straight from the bytes where they are plain), or null.</summary>
    private static LocalDate? ChildBirth(ref Utf8JsonReader reader) =>
        IsoDigits.TryDate(ref reader, out var date) ? date
        : LocalDatePattern.Iso.Parse(reader.GetString()!) is { Success: true, Value.Year: >= IsoDigits.FirstYear } parsed ? parsed.Value
        : null;

    private static bool ReadChildren(ReadOnlySpan<byte> json, ref ImmutableArray<RaisedChild> children)
    {
        var builder = ImmutableArray.CreateBuilder<RaisedChild>();
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            LocalDate? birth = null;
            bool? inEducation = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isBirth = reader.ValueTextEquals("birthDate"u8), isInEducation = reader.ValueTextEquals("inEducation"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isBirth && birth is null && reader.TokenType == JsonTokenType.String && ChildBirth(ref reader) is { } date)
                {
                    birth = date;
                }
                else if (isInEducation && inEducation is null && reader.TokenType is JsonTokenType.True or JsonTokenType.False)
                {
                    inEducation = reader.GetBoolean();
                }
                else
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || birth is not { } childBirth)
            {
                return false;
            }

            builder.Add(new RaisedChild(childBirth, inEducation ?? false));
        }

        if (reader.TokenType != JsonTokenType.EndArray || builder.Count == 0 || reader.Read())
        {
            return false;
        }

        children = builder.ToImmutable();
        return true;
    }

    /// <summary>
    /// Reads a text column. Parquet.Net's string overload makes a new string of every cell; read raw, each distinct
    /// short text of a column of <paramref name="codes"/> is made a string once (<see cref="TextCells"/>): a
    /// population's few distinct codes ("rural", "VN") are then not a string a row. Ids, communes and lists are a
    /// new string a cell.
    /// </summary>
    private static string?[] ReadStrings(ParquetRowGroupReader group, DataField field, int rows, string?[]? spare, bool codes)
    {
        var values = spare is not null && spare.Length >= rows ? spare : new string?[rows];
        Array.Clear(values, 0, rows);
        var cells = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(rows);
        var levels = field.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(rows) : null;
        try
        {
            group.ReadRawAsync<ReadOnlyMemory<char>>(field, cells.AsMemory(0, rows), levels?.AsMemory(0, rows), null).GetAwaiter().GetResult();
            var text = codes ? TextCells.ForThread(dictionary: group.GetMetadata(field)?.MetaData?.Encodings is { } encodings
                && encodings.Exists(e => e is Parquet.Meta.Encoding.PLAIN_DICTIONARY or Parquet.Meta.Encoding.RLE_DICTIONARY)) : null;
            for (int r = 0, v = 0; r < rows; r++)
            {
                if (levels is null || levels[r] >= field.MaxDefinitionLevel)
                {
                    var cell = cells[v++];
                    values[r] = text is not null ? text.Of(cell) : new string(cell.Span);
                }
            }
        }
        finally
        {
            Array.Clear(cells, 0, rows);
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(cells);
            if (levels is not null)
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }

        return values;
    }

    /// <summary>
    /// The strings of a thread's text cells: each distinct short text one string across row groups (for a
    /// dictionary-encoded column, found once an entry), so that the cells of the columns' arrays are long-lived
    /// strings rather than a new one a cell; a longer text (a list's JSON) a new string.
    /// </summary>
    private sealed class TextCells
    {
        /// <summary>The most distinct texts kept: a population's codes (enumerations, jurisdictions, months) are a few dozen.</summary>
        private const int Most = 4096;

        /// <summary>The longest text kept: codes and months, not JSON lists.</summary>
        private const int Longest = 64;

        [ThreadStatic]
        private static TextCells? current;

        private readonly Dictionary<char[], string> byEntry = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<string> known = new(StringComparer.Ordinal);
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> knownBySpan;
        private bool dictionary;

        private TextCells() => knownBySpan = known.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The thread's cells, made ready for a column (dictionary-encoded or not); the entries of the column before are forgotten.</summary>
        internal static TextCells ForThread(bool dictionary)
        {
            var cells = current ??= new TextCells();
            cells.byEntry.Clear();
            cells.dictionary = dictionary;
            return cells;
        }

        /// <summary>The string of a cell.</summary>
        internal string Of(ReadOnlyMemory<char> cell)
        {
            if (cell.Length > Longest)
            {
                return new string(cell.Span);
            }

            // A dictionary entry's characters are an array of their own, shared by the cells that give it.
            char[]? entry = dictionary && System.Runtime.InteropServices.MemoryMarshal.TryGetArray(cell, out var segment)
                && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : null;
            if (entry is not null && byEntry.TryGetValue(entry, out var text))
            {
                return text;
            }

            if (!knownBySpan.TryGetValue(cell.Span, out text))
            {
                text = new string(cell.Span);
                if (known.Count < Most)
                {
                    known.Add(text);
                }
            }

            if (entry is not null && byEntry.Count < Most)
            {
                byEntry.Add(entry, text);
            }

            return text;
        }
    }

    private static T?[] Read<T>(ParquetRowGroupReader group, DataField field, int rows, T?[]? spare)
        where T : struct
    {
        var values = spare is not null && spare.Length >= rows ? spare : new T?[rows];
        Array.Clear(values, 0, rows);
        group.ReadAsync<T>(field, values.AsMemory(0, rows)).GetAwaiter().GetResult();
        return values;
    }

    /// <summary>A row as the situation's JSON: the top fields, then <c>person</c> with its <c>household</c>; absent values left out.</summary>
    private static void WriteRow(Utf8JsonWriter json, Dictionary<string, Array> columns, int row) => new RowWriter(columns).Write(json, row);

    /// <summary>
    /// A row group's columns made ready to write its rows as JSON lines: each column of the contract's order with its
    /// typed values (or none), its name encoded once.
    /// </summary>
    private sealed class RowWriter(Dictionary<string, Array> columns)
    {
        private static readonly JsonEncodedText[] Names = [.. Columns.Select(c => JsonEncodedText.Encode(InHousehold(c.Name) ? c.Name["household_".Length..] : c.Name))];
        private static readonly bool[] Household = [.. Columns.Select(c => InHousehold(c.Name))];
        private static readonly JsonEncodedText PersonName = JsonEncodedText.Encode("person"), HouseholdName = JsonEncodedText.Encode("household");

        private readonly Array?[] values = [.. Columns.Select(c => columns.GetValueOrDefault(c.Name))];

        private static bool InHousehold(string name) => name.StartsWith("household_", StringComparison.Ordinal);

        /// <summary>Writes row <paramref name="row"/>: the first five columns at the top, the rest in <c>person</c>, the household's in its own object.</summary>
        internal void Write(Utf8JsonWriter json, int row)
        {
            json.WriteStartObject();
            bool household = false;
            for (int c = 0; c < Columns.Length; c++)
            {
                if (c == 5)
                {
                    json.WriteStartObject(PersonName);
                }

                if (Household[c] != household)
                {
                    if (Household[c])
                    {
                        json.WriteStartObject(HouseholdName);
                    }
                    else
                    {
                        json.WriteEndObject();
                    }

                    household = Household[c];
                }

                if (values[c] is { } column)
                {
                    Cell(json, Names[c], Columns[c].Kind, column, row);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void Cell(Utf8JsonWriter json, JsonEncodedText name, Kind kind, Array column, int row)
        {
            switch (kind)
            {
                case Kind.Text when ((string?[])column)[row] is { } text:
                    json.WriteString(name, text);
                    break;
                case Kind.Json when ((string?[])column)[row] is { } text:
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
                case Kind.Flag when ((bool?[])column)[row] is { } flag:
                    json.WriteBoolean(name, flag);
                    break;
                case Kind.Count when ((int?[])column)[row] is { } count:
                    json.WriteNumber(name, count);
                    break;
                case Kind.Long when ((long?[])column)[row] is { } number:
                    json.WriteNumber(name, number);
                    break;
                case Kind.Number when ((double?[])column)[row] is { } number:
                    if (!double.IsFinite(number))
                    {
                        // Not a number JSON can hold: written as text, so the situation reader names the field and refuses it.
                        json.WriteString(name, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else if (Math.Abs(number) > (double)decimal.MaxValue)
                    {
                        json.WriteNumber(name, number);
                    }
                    else
                    {
                        json.WriteNumber(name, (decimal)number);
                    }

                    break;
                case Kind.Date when ((DateOnly?[])column)[row] is { } date:
                    Span<char> digits = stackalloc char[10];
                    date.TryFormat(digits, out int length, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    json.WriteString(name, digits[..length]);
                    break;
            }
        }
    }
}
