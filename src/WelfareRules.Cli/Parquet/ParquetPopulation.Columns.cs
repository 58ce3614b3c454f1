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
using WelfareRules.Populations;
using WelfareRules.Serialization;
using Jurisdiction = WelfareRules.Law.Jurisdiction;

namespace WelfareRules.Cli.ParquetFiles;

/// <summary>A row of a Parquet population that could not be read into the population: its line (row number, from 1) and why.</summary>
/// <param name="Line">The row's number, from 1, as <c>evaluate</c> numbers it.</param>
/// <param name="Message">What is wrong, as the JSON Lines reader says it.</param>
internal sealed record RefusedRow(long Line, string Message);

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
            using var stream = File.OpenRead(path);
            var reader = Open(stream);
            try
            {
                fields = Fields(reader, path);
                starts = new long[reader.RowGroupCount + 1];
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    starts[g + 1] = starts[g] + group.RowCount;
                }
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception unreadable) when (unreadable is not (UsageException or OutOfMemoryException))
        {
            throw new IOException($"{MessageText.Cut(path)}: not a readable Parquet population ({unreadable.Message})", unreadable);
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

                        chunks[g] = ReadChunk(new Resolved(raw), raw, rows, (int)starts[g], month, path, columns, jurisdictions);
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

            throw new IOException($"{MessageText.Cut(path)}: not a readable Parquet population ({first.Message})", first);
        }

        return Assemble(columns, chunks, jurisdictions, out refused);
    }

    /// <summary>Whether row group <paramref name="g"/>'s month column, by its statistics, holds one month and nothing else (or no column at all).</summary>
    private static bool OneMonth(ParquetReader reader, int g)
    {
        var column = reader.Metadata?.RowGroups[g].Columns.FirstOrDefault(c => c.MetaData?.PathInSchema is ["month"]);
        if (column is null)
        {
            return reader.Schema.GetDataFields().All(f => f.Name != "month");
        }

        // Every value lies between the least and the greatest: when they are one text, and a month, so is every value.
        return column.MetaData?.Statistics is { MinValue: { } least, MaxValue: { } greatest }
            && least.AsSpan().SequenceEqual(greatest)
            && YearMonthPattern.Iso.Parse(System.Text.Encoding.UTF8.GetString(least)) is { Success: true, Value.Year: >= 1900 };
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
        internal List<(int Index, ImmutableArray<MeritRecord> Records)>? Merit;
        internal List<RefusedRow>? Refused;
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
                        throw new ArgumentException($"a population holds at most {FactBits.MaxJurisdictions + 1} jurisdictions");
                    }

                    indices.Add(jurisdiction, index);
                    All.Add(jurisdiction);
                }

                return index;
            }
        }
    }

    private static Chunk ReadChunk(Resolved resolved, Dictionary<string, Array> raw, int rows, int start, YearMonth? month, string path, Packed columns, JurisdictionIndex jurisdictions)
    {
        var chunk = new Chunk();
        Jurisdiction? last = null;
        int lastIndex = 0;
        var buffer = new MemoryStream();
        for (int r = 0; r < rows; r++)
        {
            int i = start + r;
            try
            {
                if (TryRead(resolved, r, month, out var row))
                {
                    if (row.Children.Length > FactBits.MaxChildrenRaisedAlone)
                    {
                        throw new ArgumentException($"person {i}: at most {FactBits.MaxChildrenRaisedAlone} children raised alone can be represented");
                    }

                    // Packed as PopulationBuilder packs a person: every value checked, children's dates included; the
                    // jurisdiction is counted only for a row kept (as the builder counts it).
                    ulong facts = FactBits.Pack(row.Facts, 0, i);
                    columns.Birth[i] = PackedDate.Of(row.Birth, i, "birth date");
                    columns.Death[i] = PackedDate.Of(row.Death, i, "death date");
                    columns.Decision[i] = PackedDate.Of(row.Decision, i, "decision date");
                    columns.Certified[i] = PackedDate.Of(row.Certified, i, "disability certificate date");
                    columns.Escaped[i] = PackedDate.Of(row.Escaped, i);
                    foreach (var child in row.Children)
                    {
                        PackedDate.Of(child.BirthDate, i, "child's birth date");
                    }

                    if (!ReferenceEquals(row.Jurisdiction, last))
                    {
                        (last, lastIndex) = (row.Jurisdiction, jurisdictions.Of(row.Jurisdiction));
                    }

                    columns.Facts[i] = FactBits.WithJurisdiction(facts, lastIndex);
                    columns.ChildCount[i] = row.Children.Length;
                    chunk.Children.AddRange(row.Children);
                    continue;
                }

                // The JSON way: the row's situation, or its error, exactly as its JSON line gives them.
                buffer.SetLength(0);
                using (var json = new Utf8JsonWriter(buffer, EvaluateCommand.Compact))
                {
                    WriteRow(json, raw, r);
                }

                var situation = SituationReader.Parse(buffer.ToArray(), path, i + 1, month);
                var person = situation.Person;
                PopulationBuilder.CheckChildren(person, i);
                var packed = PopulationBuilder.Pack(person, 0, i);
                (columns.Facts[i], columns.Birth[i], columns.Death[i], columns.Decision[i], columns.Certified[i], columns.Escaped[i]) =
                    (packed.Facts, packed.Birth, packed.Death, packed.Decision, packed.Certified, packed.Escaped);
                columns.Facts[i] = FactBits.WithJurisdiction(packed.Facts, jurisdictions.Of(situation.Jurisdiction));
                columns.ChildCount[i] = person.ChildrenRaisedAlone.Length;
                chunk.Children.AddRange(person.ChildrenRaisedAlone);
                if (!person.Merit.IsEmpty)
                {
                    (chunk.Merit ??= []).Add((i, person.Merit));
                }
            }
            catch (Exception refused) when (refused is SituationFormatException or ArgumentException)
            {
                columns.Refused[i] = true;
                columns.ChildCount[i] = 0;
                (chunk.Refused ??= []).Add(new RefusedRow(i + 1L, refused.Message));
            }
        }

        return chunk;
    }

    /// <summary>The population of the rows read, in row order, without the refused ones.</summary>
    private static Population Assemble(Packed columns, Chunk[] chunks, JurisdictionIndex jurisdictions, out IReadOnlyList<RefusedRow> refused)
    {
        var refusedRows = chunks.SelectMany(c => c.Refused ?? []).ToList();
        int n = columns.Facts.Length;
        int kept = n - refusedRows.Count;
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
        if (refusedRows.Count > 0)
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

            if (refusedRows.Count > 0)
            {
                (facts[p], birth[p], death[p], decision[p], certified[p], escaped[p]) =
                    (columns.Facts[i], columns.Birth[i], columns.Death[i], columns.Decision[i], columns.Certified[i], columns.Escaped[i]);
            }

            if (meritByRow.TryGetValue(i, out var records))
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
