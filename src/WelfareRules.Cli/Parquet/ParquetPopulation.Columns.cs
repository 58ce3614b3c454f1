using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Text;
using Parquet;
using WelfareRules.Facts;
using WelfareRules.Policy;
using WelfareRules.Populations;
using WelfareRules.Serialization;
using Jurisdiction = WelfareRules.Law.Jurisdiction;

namespace WelfareRules.Cli.ParquetFiles;

/// <summary>A row of a Parquet population that could not be read into the population: its line (row number, from 1) and why.</summary>
/// <param name="Line">The row's number, from 1, as <c>evaluate</c> numbers it.</param>
/// <param name="Message">What is wrong, as the JSON Lines reader says it.</param>
/// <param name="Path">The JSON path of the value refused, when the situation's reader names one.</param>
/// <param name="Id">The row's id, when it has one.</param>
internal sealed record RefusedRow(long Line, string Message, string? Path = null, string? Id = null);

internal static partial class ParquetPopulation
{
    /// <summary>
    /// Reads a Parquet population straight into the engine's compact columns, on all cores: each core reads row groups
    /// of its own (its own reader on the file), and a row is packed from the typed columns without building a person.
    /// A row the typed columns cannot take (merit records, children in another shape, a value out of the contract)
    /// goes the JSON way, as <see cref="ReadSituations"/> reads it, and a row that is refused there, or that the
    /// compact form cannot represent, is left out and named in <paramref name="refused"/>, in row order. The persons
    /// are those of <see cref="ReadSituations"/> in order, and the engine gives them the same results (tested).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="month">The month the persons are read for, overriding each row's (which must still be a month where given, as in JSON Lines); null to take each row's.</param>
    /// <param name="parallelism">The number of cores to use.</param>
    /// <param name="refused">The rows left out, in row order.</param>
    /// <exception cref="IOException">The file is not a readable Parquet population.</exception>
    /// <exception cref="UsageException">The file has a column the contract does not name.</exception>
    internal static Population ReadPopulation(string path, YearMonth? month, int parallelism, out IReadOnlyList<RefusedRow> refused)
    {
        long[] starts;
        Dictionary<string, Parquet.Schema.DataField> fields;
        try
        {
            (fields, starts) = Layout(path);
        }
        catch (Exception unreadable) when (unreadable is not (UsageException or OutOfMemoryException))
        {
            throw Unreadable(path, unreadable);
        }

        int n = checked((int)starts[^1]);
        int groups = starts.Length - 1;
        var columns = new Packed(n);
        var chunks = new Chunk[groups];
        var jurisdictions = new JurisdictionIndex();
        int workers = Math.Max(1, Math.Min(parallelism, groups));

        // With a month given, a row group whose month column holds one month (by its statistics) is not decoded
        // for it: every row's month is then a month, and the one given overrides it.
        var withoutMonth = fields.Where(f => f.Key != "month").ToDictionary(StringComparer.Ordinal);
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                using var stream = File.OpenRead(path);
                var reader = Open(stream);
                Dictionary<string, Array>? reuse = null;
                var interner = new ChildInterner();
                try
                {
                    for (int g = w; g < groups; g += workers)
                    {
                        int rows;
                        Dictionary<string, Array> raw;
                        var read = month is not null && OneMonth(reader, g) ? withoutMonth : fields;
                        using (var group = reader.OpenRowGroupReader(g))
                        {
                            rows = (int)group.RowCount;
                            // The core's arrays of its previous group serve this one (its rows are all packed by then).
                            raw = reuse = ReadGroup(group, read, rows, reuse);
                        }

                        chunks[g] = ReadChunk(new Resolved(raw), raw, rows, (int)starts[g], month, path, columns, jurisdictions, interner: interner);
                    }
                }
                finally
                {
                    reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            });
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            var first = error.InnerExceptions[0];
            if (first is UsageException or OutOfMemoryException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }

            throw Unreadable(path, first);
        }

        return Assemble(columns, chunks, jurisdictions, out refused);
    }

    /// <summary>The file's columns (each checked to be one of the contract's) and the first row of each row group, the row count last.</summary>
    private static (Dictionary<string, Parquet.Schema.DataField> Fields, long[] Starts) Layout(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = Open(stream);
        try
        {
            var fields = Fields(reader, path);
            var starts = new long[reader.RowGroupCount + 1];
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                starts[g + 1] = starts[g] + group.RowCount;
            }

            return (fields, starts);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Whether row group <paramref name="g"/>'s month column, by its statistics, holds one month and nothing else (or no column at all).</summary>
    private static bool OneMonth(ParquetReader reader, int g) =>
        MonthColumn(reader, g) is not { } column ? reader.Schema.GetDataFields().All(f => f.Name != "month") : StatisticsMonth(column, nulls: true) is not null;

    /// <summary>Row group <paramref name="g"/>'s month column, or null when the file has none.</summary>
    private static Parquet.Meta.ColumnChunk? MonthColumn(ParquetReader reader, int g) =>
        reader.Metadata?.RowGroups[g].Columns.FirstOrDefault(c => c.MetaData?.PathInSchema is ["month"]);

    /// <summary>
    /// The month a month column's statistics show for every value (the least and the greatest one text, and a
    /// month), and, unless <paramref name="nulls"/>, for every row (no null); null when they do not.
    /// </summary>
    private static YearMonth? StatisticsMonth(Parquet.Meta.ColumnChunk column, bool nulls) =>
        column.MetaData?.Statistics is { MinValue: { } least, MaxValue: { } greatest } statistics
            && (nulls || statistics.NullCount == 0)
            && least.AsSpan().SequenceEqual(greatest)
            && YearMonthPattern.Iso.Parse(System.Text.Encoding.UTF8.GetString(least)) is { Success: true, Value.Year: >= 1900 } parsed
            ? parsed.Value
            : null;

    /// <summary>
    /// The one month every row of the file gives, by the statistics of each row group's month column (no null, the
    /// least and the greatest the same month), or null when the statistics do not show one (or the file cannot be
    /// read: its reader then says why). A run over such a file in its own months is a run in that month.
    /// </summary>
    internal static YearMonth? TheMonth(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var reader = Open(stream);
            try
            {
                Fields(reader, path);
                YearMonth? month = null;
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    if (MonthColumn(reader, g) is not { } column || StatisticsMonth(column, nulls: false) is not { } shown || (month is { } seen && seen != shown))
                    {
                        return null;
                    }

                    month = shown;
                }

                return month;
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception unreadable) when (unreadable is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>
    /// A Parquet population read a row group at a time straight into compact columns, for the streaming comparison
    /// (<see cref="PolicyComparison"/>'s columns run), in <paramref name="month"/> (which overrides each row's):
    /// each batch's persons, its rows' lines and ids by ordinal, and its refused rows. A row the compact form cannot
    /// hold is a situation of the batch, compared one by one; a row the situation's reader refuses is refused.
    /// </summary>
    internal static IEnumerable<ParquetBatch> ReadBatches(string path, YearMonth month, int slice = RowGroupSize)
    {
        using var stream = File.OpenRead(path);
        var reader = Open(stream);
        try
        {
            var fields = Fields(reader, path);
            var withoutMonth = fields.Where(f => f.Key != "month").ToDictionary(StringComparer.Ordinal);
            Dictionary<string, Array>? reuse = null;
            int start = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                int rows;
                Dictionary<string, Array> raw;
                var read = OneMonth(reader, g) ? withoutMonth : fields;
                using (var group = reader.OpenRowGroupReader(g))
                {
                    rows = (int)group.RowCount;
                    raw = reuse = ReadGroup(group, read, rows, reuse);
                }

                // A batch at most `slice` persons, so that what a batch holds (its differences, in every month) stays bounded.
                var resolved = new Resolved(raw);
                for (int from = 0; from < rows; from += slice)
                {
                    yield return Batch(resolved, raw, from, Math.Min(slice, rows - from), start, month, path);
                }

                start += rows;
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// A Parquet population's rows for <c>evaluate</c>, in row order, read a row group at a time straight into compact
    /// columns (as <see cref="ReadBatches"/> reads them) in <paramref name="month"/>, up to <paramref name="ahead"/> groups
    /// on the thread pool while the one before is evaluated (each with a reader of the file kept for the next group
    /// it reads): each person as a position in its group's population (the evaluator reads its profile from the
    /// columns), a row the compact form cannot hold as its situation, a refused row as its error.
    /// </summary>
    internal static IEnumerable<ReadLine> ReadLines(string path, YearMonth month, int ahead)
    {
        var (fields, starts) = Layout(path);
        var withoutMonth = fields.Where(f => f.Key != "month").ToDictionary(StringComparer.Ordinal);

        // A group's arrays, and its reader of the file (whose footer it has read), serve a later group once its batch
        // is made (the batch keeps none of them).
        var spare = new System.Collections.Concurrent.ConcurrentBag<Dictionary<string, Array>>();
        var readers = new System.Collections.Concurrent.ConcurrentBag<(Stream Stream, ParquetReader Reader)>();
        ParquetBatch ReadOne(int g)
        {
            if (!readers.TryTake(out var open))
            {
                var stream = File.OpenRead(path);
                try
                {
                    open = (stream, Open(stream));
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }

            try
            {
                using var group = open.Reader.OpenRowGroupReader(g);
                int rows = (int)group.RowCount;
                var raw = ReadGroup(group, OneMonth(open.Reader, g) ? withoutMonth : fields, rows, spare.TryTake(out var reuse) ? reuse : null);
                var batch = Batch(new Resolved(raw), raw, 0, rows, checked((int)starts[g]), month, path);
                spare.Add(raw);
                return batch;
            }
            finally
            {
                readers.Add(open);
            }
        }

        try
        {
            foreach (var batch in ReadAhead.InOrder(starts.Length - 1, ReadOne, ahead))
            {
                var rows = batch.Batch;
                var persons = new int[rows.Rows];
                Array.Fill(persons, -1);
                for (int p = 0; p < rows.Ordinals.Length; p++)
                {
                    persons[rows.Ordinals[p]] = p;
                }

                var others = rows.Others.ToDictionary(o => o.Ordinal, o => o.Situation);
                int refused = 0;
                for (int ordinal = 0; ordinal < rows.Rows; ordinal++)
                {
                    int line = batch.Lines[ordinal];
                    for (; refused < batch.Refused.Count && batch.Refused[refused].Line < line; refused++)
                    {
                        yield return Refusal(batch.Refused[refused]);
                    }

                    yield return persons[ordinal] >= 0
                        ? new ReadLine(line, null, null, null, batch.Ids[ordinal], rows.Population, persons[ordinal], month)
                        : new ReadLine(line, others[ordinal], null, null, others[ordinal].Id);
                }

                for (; refused < batch.Refused.Count; refused++)
                {
                    yield return Refusal(batch.Refused[refused]);
                }
            }
        }
        finally
        {
            // Every read has ended by now (stopping early waits for the reads under way).
            foreach (var (stream, reader) in readers)
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
                stream.Dispose();
            }
        }

        static ReadLine Refusal(RefusedRow row) => new(checked((int)row.Line), null, row.Message, row.Path, row.Id);
    }

    /// <summary>Rows <paramref name="from"/> to <paramref name="from"/> + <paramref name="rows"/> of a row group whose first row is the file's row <paramref name="start"/>, as a batch.</summary>
    private static ParquetBatch Batch(Resolved resolved, Dictionary<string, Array> raw, int from, int rows, int start, YearMonth month, string path)
    {
        // The slice's rows are packed at positions 0..rows-1.
        var columns = new Packed(rows);
        var side = new Side(rows);
        var jurisdictions = new JurisdictionIndex();
        var chunk = ReadChunk(resolved, raw, rows, 0, month, path, columns, jurisdictions, side, start + 1, from);
        var population = Assemble(columns, [chunk], jurisdictions, out var refused);
        var others = (chunk.Others ?? []).ToDictionary(o => o.Index, o => o.Situation);
        var refusedRows = refused.Select(r => (int)(r.Line - 1 - start - from)).ToHashSet();

        // Every row not refused is a person of the batch, by ordinal: in the population, or among the others.
        var lines = new int[rows];
        var ids = new string?[rows];
        var ordinals = new int[population.Count];
        var communes = new string?[population.Count];
        var weights = new decimal[population.Count];
        var othersByOrdinal = new List<(int Ordinal, Situation Situation)>();
        int ordinal = 0, p = 0;
        for (int r = 0; r < rows; r++)
        {
            if (refusedRows.Contains(r))
            {
                continue;
            }

            lines[ordinal] = start + from + r + 1;
            ids[ordinal] = side.Ids[r];
            if (others.TryGetValue(r, out var situation))
            {
                othersByOrdinal.Add((ordinal, situation with { Month = month }));
            }
            else
            {
                (ordinals[p], communes[p], weights[p]) = (ordinal, side.Communes[r], side.Weights[r]);
                p++;
            }

            ordinal++;
        }

        var batch = new ColumnBatch
        {
            Population = population,
            Ordinals = ordinals,
            SituationAt = (i, m) => population.SituationAt(i, m) with { Id = ids[ordinals[i]], Commune = communes[i], Weight = weights[i] },
            Weights = weights.Any(w => w != 1m) ? weights : null,
            Others = othersByOrdinal,
            Rows = ordinal,
        };
        return new ParquetBatch(batch, lines, ids, refused);
    }

    private static ParquetReader Open(Stream stream) => ParquetReader.CreateAsync(stream, ReadOptions).GetAwaiter().GetResult();

    /// <summary>The final columns, each row written at its own position by whichever core reads its group.</summary>
    private sealed class Packed(int n)
    {
        internal readonly ulong[] Facts = new ulong[n];
        internal readonly int[] Birth = new int[n], Death = new int[n], Decision = new int[n], Certified = new int[n], Escaped = new int[n];
        internal readonly int[] ChildCount = new int[n];
        internal readonly bool[] Refused = new bool[n];
    }

    /// <summary>What a row group leaves besides its rows' columns: its children in row order, its merit records and refused rows.</summary>
    private sealed class Chunk
    {
        internal readonly List<RaisedChild> Children = [];

        /// <summary>One instance of each distinct child (<see cref="ChildInterner"/>), shared by the chunks a core reads.</summary>
        internal ChildInterner Interner = new();
        internal List<(int Index, ImmutableArray<MeritRecord> Records)>? Merit;
        internal List<RefusedRow>? Refused;

        /// <summary>In batch mode (<see cref="Side"/> given): the rows the compact form cannot hold, by row index, with their situations.</summary>
        internal List<(int Index, Situation Situation)>? Others;
    }

    /// <summary>What a batch keeps of each row besides its columns: the id, commune and weight its lines name (batch mode).</summary>
    private sealed class Side(int rows)
    {
        internal readonly string?[] Ids = new string?[rows], Communes = new string?[rows];
        internal readonly decimal[] Weights = new decimal[rows];
    }

    /// <summary>The jurisdictions met, each given its index once, shared by the cores.</summary>
    private sealed class JurisdictionIndex
    {
        private readonly Dictionary<Jurisdiction, int> indices = [];

        internal List<Jurisdiction> All { get; } = [];

        internal int Of(Jurisdiction jurisdiction)
        {
            lock (indices)
            {
                if (!indices.TryGetValue(jurisdiction, out int index))
                {
                    index = All.Count;
                    if (index > FactBits.MaxJurisdictions)
                    {
                        throw new ArgumentException(FactBits.TooManyJurisdictions);
                    }

                    indices.Add(jurisdiction, index);
                    All.Add(jurisdiction);
                }

                return index;
            }
        }
    }

    /// <summary>
    /// Reads <paramref name="rows"/> rows of a row group, from its row <paramref name="from"/>, into <paramref name="columns"/>
    /// from position <paramref name="start"/>; a row's line is <paramref name="firstLine"/> plus its row in the group
    /// (by default the position plus one).
    /// </summary>
    private static Chunk ReadChunk(Resolved resolved, Dictionary<string, Array> raw, int rows, int start, YearMonth? month, string path, Packed columns, JurisdictionIndex jurisdictions,
        Side? side = null, int firstLine = -1, int from = 0, ChildInterner? interner = null)
    {
        int lineOf0 = firstLine < 0 ? start + 1 : firstLine;
        var chunk = new Chunk();
        chunk.Interner = interner ?? chunk.Interner;
        Jurisdiction? last = null;
        int lastIndex = 0;
        var buffer = new MemoryStream();

        // A whole group read for the engine (no side): its plain rows packed column by column, the others one at a time.
        bool[]? other = side is null && from == 0 ? PackPlainRows(resolved, rows, start, month, columns, jurisdictions) : null;
        for (int k = 0; k < rows; k++)
        {
            if (other is not null && !other[k])
            {
                continue;
            }

            // Row r of the group, at position i of the columns (and k of the side's arrays).
            int r = from + k, i = start + k;
            Situation? read = null;
            try
            {
                // Packed as PopulationBuilder packs a person, every value checked (children's dates included); the
                // jurisdiction counted only for a row kept (as the builder counts it).
                PopulationBuilder.PackedPerson packed;
                ImmutableArray<RaisedChild> children;
                Jurisdiction jurisdiction;
                var merit = ImmutableArray<MeritRecord>.Empty;
                if (TryRead(resolved, r, month, out var row))
                {
                    if (side is not null)
                    {
                        (side.Ids[k], side.Communes[k], side.Weights[k]) = (row.Id, row.Commune, (decimal)row.Weight);
                    }

                    PopulationBuilder.CheckChildren(row.Children.Length, i);
                    packed = PopulationBuilder.Pack(row.Facts, row.Birth, row.Death, row.Decision, row.Certified, row.Escaped, row.Children, 0, i);
                    (children, jurisdiction) = (row.Children, row.Jurisdiction);
                }
                else
                {
                    // The JSON way: the row's situation, or its error, exactly as its JSON line gives them.
                    buffer.SetLength(0);
                    using (var json = new Utf8JsonWriter(buffer, EvaluateCommand.Compact))
                    {
                        WriteRow(json, raw, r);
                    }

                    var situation = read = SituationReader.Parse(buffer.ToArray(), path, lineOf0 + r, month);
                    if (side is not null)
                    {
                        (side.Ids[k], side.Communes[k], side.Weights[k]) = (situation.Id, situation.Commune, situation.Weight);
                    }

                    var person = situation.Person;
                    PopulationBuilder.CheckChildren(person.ChildrenRaisedAlone.Length, i);
                    packed = PopulationBuilder.Pack(person, 0, i);
                    (children, jurisdiction, merit) = (person.ChildrenRaisedAlone, situation.Jurisdiction, person.Merit);
                }

                if (!ReferenceEquals(jurisdiction, last))
                {
                    (last, lastIndex) = (jurisdiction, jurisdictions.Of(jurisdiction));
                }

                (columns.Facts[i], columns.Birth[i], columns.Death[i], columns.Decision[i], columns.Certified[i], columns.Escaped[i]) =
                    (FactBits.WithJurisdiction(packed.Facts, lastIndex), packed.Birth, packed.Death, packed.Decision, packed.Certified, packed.Escaped);
                columns.ChildCount[i] = children.Length;
                chunk.Interner.AddTo(chunk.Children, children);
                if (!merit.IsEmpty)
                {
                    (chunk.Merit ??= []).Add((i, merit));
                }
            }
            catch (ArgumentException) when (side is not null)
            {
                // A situation the compact form cannot hold: compared one by one, as the situations' comparison does.
                columns.Refused[i] = true;
                columns.ChildCount[i] = 0;
                (chunk.Others ??= []).Add((i, read ?? Direct(resolved, r, month)!));
            }
            catch (Exception refused) when (refused is SituationFormatException or ArgumentException)
            {
                columns.Refused[i] = true;
                columns.ChildCount[i] = 0;
                var format = refused as SituationFormatException;
                (chunk.Refused ??= []).Add(new RefusedRow((long)lineOf0 + r, refused.Message, format?.Path, format is null ? null : side?.Ids[k] ?? IdOf(resolved, r)));
            }
        }

        return chunk;
    }

    /// <summary>The population of the rows read, in row order, without the refused ones.</summary>
    private static Population Assemble(Packed columns, Chunk[] chunks, JurisdictionIndex jurisdictions, out IReadOnlyList<RefusedRow> refused)
    {
        var refusedRows = chunks.SelectMany(c => c.Refused ?? []).ToList();
        int n = columns.Facts.Length;
        int kept = n - refusedRows.Count - chunks.Sum(c => c.Others?.Count ?? 0);
        var children = new RaisedChild[chunks.Sum(c => (long)c.Children.Count)];
        int next = 0;
        foreach (var chunk in chunks)
        {
            chunk.Children.CopyTo(children, next);
            next += chunk.Children.Count;
        }

        // A person's children are those after the previous persons' (refused rows have none).
        var childStart = new int[kept + 1];
        Dictionary<int, ImmutableArray<MeritRecord>>? merit = null;
        var meritByRow = chunks.SelectMany(c => c.Merit ?? []).ToDictionary(m => m.Index, m => m.Records);
        ulong[] facts = columns.Facts;
        int[] birth = columns.Birth, death = columns.Death, decision = columns.Decision, certified = columns.Certified, escaped = columns.Escaped;
        if (kept < n)
        {
            facts = new ulong[kept];
            birth = new int[kept];
            death = new int[kept];
            decision = new int[kept];
            certified = new int[kept];
            escaped = new int[kept];
        }

        int p = 0;
        for (int i = 0; i < n; i++)
        {
            if (columns.Refused[i])
            {
                continue;
            }

            if (kept < n)
            {
                (facts[p], birth[p], death[p], decision[p], certified[p], escaped[p]) =
                    (columns.Facts[i], columns.Birth[i], columns.Death[i], columns.Decision[i], columns.Certified[i], columns.Escaped[i]);
            }

            if (meritByRow.Count > 0 && meritByRow.TryGetValue(i, out var records))
            {
                (merit ??= [])[p] = records;
            }

            childStart[p + 1] = childStart[p] + columns.ChildCount[i];
            p++;
        }

        refused = refusedRows;
        return new Population(new PopulationBuilder.Columns(kept, [.. jurisdictions.All], facts, birth, death, decision, certified, escaped, childStart, children, merit));
    }
}

/// <summary>A batch of a Parquet population for the streaming comparison: its persons, their lines and ids by ordinal, and its refused rows (lines counted from the file's first row).</summary>
/// <param name="Batch">The persons.</param>
/// <param name="Lines">Each person's line, by ordinal.</param>
/// <param name="Ids">Each person's id, by ordinal.</param>
/// <param name="Refused">The rows refused, in row order.</param>
internal sealed record ParquetBatch(ColumnBatch Batch, int[] Lines, string?[] Ids, IReadOnlyList<RefusedRow> Refused);
