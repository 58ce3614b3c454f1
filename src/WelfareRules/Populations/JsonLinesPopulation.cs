using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Serialization;

namespace WelfareRules.Populations;

/// <summary>A population read from JSON Lines (<see cref="Population.ReadJsonLines"/>), and the lines refused.</summary>
public sealed class PopulationReadResult
{
    internal PopulationReadResult(Population population, IReadOnlyList<SituationLine> refused, int lines)
    {
        Population = population;
        Refused = refused;
        Lines = lines;
    }

    /// <summary>The persons of the lines read, in the order of their lines.</summary>
    public Population Population { get; }

    /// <summary>
    /// The lines refused, in order, each with its number and error (and its id where one can be read): those the
    /// situation's reader refuses, and those whose person the compact form cannot hold (path <c>$.person</c>).
    /// </summary>
    public IReadOnlyList<SituationLine> Refused { get; }

    /// <summary>The number of non-blank lines read: the persons and the lines refused.</summary>
    public int Lines { get; }
}

/// <summary>
/// Reads a population from JSON Lines on every core: the calling thread only reads the bytes in blocks and cuts
/// them at line ends; the workers parse each block's lines and pack each person into that block's columns; the
/// blocks are taken in order while the reading goes on (the oldest each time the cores have as many blocks as
/// they can take), and at the end copied, on every core, into the population's columns made once at their exact
/// size. The same persons, errors and numbers as reading the lines one by one
/// (<see cref="SituationReader.ReadLines(TextReader, string, YearMonth?, int)"/>) and adding each to a
/// <see cref="PopulationBuilder"/>.
/// </summary>
internal static class JsonLinesPopulation
{
    /// <summary>The bytes a block holds at least (a longer line makes its block longer).</summary>
    internal const int BlockBytes = 1 << 20;

    internal static PopulationReadResult Read(Stream utf8, string source, YearMonth? month, int parallelism, int blockBytes = BlockBytes)
    {
        var pending = new Queue<Task<Block>>();
        var assembly = new Assembly();

        // One block more is read ahead than the cores parse at once, so that a core finding its block parsed while the
        // calling thread waits for an older one has the next to hand; at most `parallelism` are parsed at a time.
        var cores = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, parallelism).ConcurrentScheduler;

        // What a block is parsed with, used by one block at a time: the children's interners stay few however many
        // blocks there are (a child met in many blocks is one object in each interner, not one a block).
        var parsers = new System.Collections.Concurrent.ConcurrentBag<Parser>();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(blockBytes);
        int filled = 0, number = 0;
        bool first = true, end = false;

        // A UTF-8 byte-order mark is skipped at the start of the first block (however long its first line).
        int mark = 0;
        try
        {
            while (!end)
            {
                // Fill the buffer (a short read is not the end; only a read of nothing is).
                while (filled < buffer.Length)
                {
                    int read = utf8.Read(buffer, filled, buffer.Length - filled);
                    if (read == 0)
                    {
                        end = true;
                        break;
                    }

                    filled += read;
                }

                if (first)
                {
                    first = false;
                    if (Utf16.HasMark(buffer.AsSpan(0, filled)) || HasUtf32Mark(buffer.AsSpan(0, filled)))
                    {
                        // Text in another encoding: read as text, as the reader of lines reads it.
                        var prefix = buffer.AsSpan(0, filled).ToArray();
                        return ReadText(new ConcatenatedStream(prefix, utf8), source, month, parallelism);
                    }

                    if (buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8))
                    {
                        mark = 3;
                    }
                }

                int start = mark;

                // The block ends after its last line feed; at the end of the input, with its last byte.
                int cut = end ? filled : buffer.AsSpan(start, filled - start).LastIndexOf((byte)'\n') + start + 1;
                if (cut == start && !end)
                {
                    // One line longer than the buffer: a larger one.
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

                var bytes = buffer;
                mark = 0;
                int length = cut - start, firstLine = number + 1, offset = start;
                int lines = bytes.AsSpan(start, length).Count((byte)'\n');
                if (end && length > 0 && bytes[cut - 1] != '\n')
                {
                    lines++;
                }

                number = checked(number + lines);

                // The rest is carried to a new buffer; this one is the block's until it is parsed.
                buffer = ArrayPool<byte>.Shared.Rent(Math.Max(blockBytes, filled - cut));
                bytes.AsSpan(cut, filled - cut).CopyTo(buffer);
                filled -= cut;

                if (pending.Count > parallelism)
                {
                    assembly.Append(pending.Dequeue().GetAwaiter().GetResult());
                }

                pending.Enqueue(Task.Factory.StartNew(() =>
                {
                    Parser? parser = null;
                    try
                    {
                        parser = parsers.TryTake(out var free) ? free : new Parser();
                        return parser.Parse(bytes.AsSpan(offset, length), firstLine, lines, source, month);
                    }
                    finally
                    {
                        if (parser is not null)
                        {
                            parsers.Add(parser);
                        }

                        ArrayPool<byte>.Shared.Return(bytes);
                    }
                }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, cores));
            }

            while (pending.Count > 0)
            {
                assembly.Append(pending.Dequeue().GetAwaiter().GetResult());
            }
        }
        finally
        {
            // Reading failed, or a block did: the others are let finish before their buffers are forgotten.
            while (pending.Count > 0)
            {
                TaskWaits.Ignoring(pending.Dequeue());
            }

            ArrayPool<byte>.Shared.Return(buffer);
        }

        return assembly.ToResult(parallelism);
    }

    /// <summary>Whether the bytes start with a UTF-32 byte-order mark (big- or little-endian), which a text reader would decode.</summary>
    private static bool HasUtf32Mark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]);

    /// <summary>Text that is not UTF-8: its lines read as text, one at a time, each person added to a builder.</summary>
    private static PopulationReadResult ReadText(Stream stream, string source, YearMonth? month, int parallelism)
    {
        var builder = new PopulationBuilder();
        var refused = new List<SituationLine>();
        int lines = 0;
        using var reader = new StreamReader(stream);
        foreach (var line in SituationReader.ReadLines(reader, source, month, 0, parallelism))
        {
            lines++;
            if (line.Situation is not { } situation)
            {
                refused.Add(line);
                continue;
            }

            try
            {
                builder.Add(situation.Jurisdiction, situation.Person);
            }
            catch (ArgumentException cannot)
            {
                refused.Add(Unrepresentable(source, line.Line, situation.Id, cannot));
            }
        }

        return new PopulationReadResult(builder.ToPopulation(), refused, lines);
    }

    /// <summary>A line whose situation is valid but whose person the compact form cannot hold.</summary>
    internal static SituationLine Unrepresentable(string source, int number, string? id, ArgumentException cannot) =>
        new(number, null, new SituationFormatException(source, number, "$.person", UnrepresentableDetail(cannot)))
        {
            Id = id,
        };

    /// <summary>Why the compact form cannot hold a person, without the builder's position of the person ("person 12: "), which a line's number replaces.</summary>
    internal static string UnrepresentableDetail(ArgumentException cannot)
    {
        string why = cannot.Message;
        if (why.StartsWith("person ", StringComparison.Ordinal) && why.IndexOf(": ", StringComparison.Ordinal) is int colon and > 0)
        {
            why = why[(colon + 2)..];
        }

        int parameter = why.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return "the population's compact form cannot hold this person: " + (parameter > 0 ? why[..parameter] : why);
    }

    /// <summary>
    /// The blocks taken in order while the reading goes on: their jurisdictions numbered in the order first met (as
    /// <see cref="PopulationBuilder.Add"/> numbers them), their persons and children counted; at the end, the
    /// population's columns made once at their exact size and each block copied into its place, on every core (no
    /// column grows, is copied as it grows or is trimmed). More jurisdictions than a population holds are refused
    /// when the population is made, after the whole input is read (as a failure to read it is raised first).
    /// </summary>
    private sealed class Assembly
    {
        private readonly List<Block> blocks = [];
        private readonly List<Jurisdiction> jurisdictions = [];
        private readonly Dictionary<Jurisdiction, int> jurisdictionIndex = [];
        private readonly List<SituationLine> refused = [];
        private int lines, persons, children;
        private Dictionary<int, ImmutableArray<MeritRecord>>? merit;

        /// <summary>Set when the blocks name more jurisdictions than a population holds: nothing more is taken.</summary>
        private bool tooMany;

        internal void Append(Block block)
        {
            lines = checked(lines + block.Lines);
            if (tooMany)
            {
                return;
            }

            var remap = new int[block.Jurisdictions.Count];
            bool same = true;
            int known = jurisdictions.Count;
            for (int j = 0; j < remap.Length; j++)
            {
                if (!jurisdictionIndex.TryGetValue(block.Jurisdictions[j], out remap[j]))
                {
                    remap[j] = known++;
                }

                same &= remap[j] == j;
            }

            if (known - 1 > FactBits.MaxJurisdictions)
            {
                tooMany = true;
                return;
            }

            for (int j = 0; j < remap.Length; j++)
            {
                if (remap[j] >= jurisdictions.Count)
                {
                    jurisdictions.Add(block.Jurisdictions[j]);
                    jurisdictionIndex.Add(block.Jurisdictions[j], remap[j]);
                }
            }

            block.Place(persons, children, same ? null : remap);
            foreach (var (i, records) in block.Merit ?? [])
            {
                (merit ??= []).Add(persons + i, records);
            }

            persons = checked(persons + block.Count);
            children = checked(children + block.Children.Count);
            blocks.Add(block);
            refused.AddRange(block.Refused ?? []);
        }

        internal PopulationReadResult ToResult(int parallelism)
        {
            if (tooMany)
            {
                throw new ArgumentException(FactBits.TooManyJurisdictions);
            }

            int n = persons;
            var columns = new PopulationBuilder.Columns(
                n, [.. jurisdictions], GC.AllocateUninitializedArray<ulong>(n), GC.AllocateUninitializedArray<int>(n),
                GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n),
                GC.AllocateUninitializedArray<int>(n), GC.AllocateUninitializedArray<int>(n + 1), new RaisedChild[children], merit);
            columns.ChildStart[0] = 0;
            Parallel.For(0, blocks.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, b => blocks[b].CopyTo(columns));
            var population = new Population(columns);
            return new PopulationReadResult(population, refused, lines);
        }
    }

    /// <summary>What a block's lines are parsed with: the values of the line in hand and the children met so far.</summary>
    private sealed class Parser
    {
        private readonly ChildInterner interner = new();
        private readonly SituationValues values = new();

        /// <summary>Parses a block's <paramref name="lines"/> lines into a block of their own.</summary>
        internal Block Parse(ReadOnlySpan<byte> bytes, int firstLine, int lines, string source, YearMonth? month)
        {
            var block = new Block(lines);
            Jurisdiction? last = null;
            int lastIndex = 0;
            for (int number = firstLine; !bytes.IsEmpty; number++)
            {
                int end = bytes.IndexOf((byte)'\n');
                var line = Utf8Lines.WithoutCarriageReturn(end < 0 ? bytes : bytes[..end]);
                bytes = end < 0 ? default : bytes[(end + 1)..];

                if (Utf8Lines.IsBlank(line))
                {
                    continue;
                }

                block.Lines++;
                Add(block, line, number, source, month, ref last, ref lastIndex);
            }

            return block;
        }

        private void Add(Block block, ReadOnlySpan<byte> line, int number, string source, YearMonth? month, ref Jurisdiction? last, ref int lastIndex)
        {
            // Bytes that are not UTF-8 are read as a text reader decodes them (each bad sequence a replacement character).
            var json = Utf8Lines.AsRead(line);
            try
            {
                // Into the columns from the values as read: no situation is made for a person the columns hold.
                SituationReader.Read(json, source, number, month, values);
            }
            catch (SituationFormatException error)
            {
                (block.Refused ??= []).Add(new SituationLine(number, null, error) { Id = SituationReader.TryReadId(json) });
                return;
            }

            PopulationBuilder.PackedPerson packed;
            try
            {
                PopulationBuilder.CheckChildren(values.ChildrenRaisedAlone.Length, block.Count);
                packed = values.Pack(0, block.Count);
            }
            catch (ArgumentException cannot)
            {
                (block.Refused ??= []).Add(Unrepresentable(source, number, values.Id, cannot));
                return;
            }

            var jurisdiction = values.Jurisdiction;
            if (!ReferenceEquals(jurisdiction, last))
            {
                int index = block.Jurisdictions.IndexOf(jurisdiction);
                if (index < 0)
                {
                    if (block.Jurisdictions.Count > FactBits.MaxJurisdictions)
                    {
                        (block.Refused ??= []).Add(Unrepresentable(source, number, values.Id, new ArgumentException(FactBits.TooManyJurisdictions)));
                        return;
                    }

                    index = block.Jurisdictions.Count;
                    block.Jurisdictions.Add(jurisdiction);
                }

                (last, lastIndex) = (jurisdiction, index);
            }

            int i = block.Count++;
            (block.Facts[i], block.Birth[i], block.Death[i], block.Decision[i], block.Certified[i], block.Escaped[i]) =
                (FactBits.WithJurisdiction(packed.Facts, lastIndex), packed.Birth, packed.Death, packed.Decision, packed.Certified, packed.Escaped);
            interner.AddTo(block.Children, values.ChildrenRaisedAlone);
            block.ChildEnd[i] = block.Children.Count;
            if (!values.Merit.IsEmpty)
            {
                (block.Merit ??= []).Add((i, values.Merit));
            }
        }
    }

    /// <summary>
    /// One block's lines: its persons' columns (from 0), their children, merit records and the lines refused. Its
    /// columns live until the population's are made; they are kept where the collector does not move them (a block is
    /// not garbage while the reading goes on, and copying it out of the young generation would be copying it twice).
    /// </summary>
    private sealed class Block(int capacity)
    {
        internal ulong[] Facts { get; } = GC.AllocateUninitializedArray<ulong>(capacity, pinned: true);

        internal int[] Birth { get; } = GC.AllocateUninitializedArray<int>(capacity, pinned: true);

        internal int[] Death { get; } = GC.AllocateUninitializedArray<int>(capacity, pinned: true);

        internal int[] Decision { get; } = GC.AllocateUninitializedArray<int>(capacity, pinned: true);

        internal int[] Certified { get; } = GC.AllocateUninitializedArray<int>(capacity, pinned: true);

        internal int[] Escaped { get; } = GC.AllocateUninitializedArray<int>(capacity, pinned: true);

        /// <summary>The block's children before person i's end, person i's included.</summary>
        internal int[] ChildEnd { get; } = GC.AllocateUninitializedArray<int>(capacity, pinned: true);

        internal List<RaisedChild> Children { get; } = [];

        internal List<(int Index, ImmutableArray<MeritRecord> Records)>? Merit { get; set; }

        /// <summary>The block's jurisdictions, numbered in the order met in it.</summary>
        internal List<Jurisdiction> Jurisdictions { get; } = [];

        internal List<SituationLine>? Refused { get; set; }

        /// <summary>The persons packed.</summary>
        internal int Count { get; set; }

        /// <summary>The non-blank lines.</summary>
        internal int Lines { get; set; }

        private int personStart, childStart;
        private int[]? remap;

        /// <summary>Where the block goes in the population, and its jurisdictions' numbers there (null when they are its own).</summary>
        internal void Place(int persons, int children, int[]? jurisdictions) => (personStart, childStart, remap) = (persons, children, jurisdictions);

        /// <summary>Copies the block into its place in the population's columns.</summary>
        internal void CopyTo(PopulationBuilder.Columns columns)
        {
            int n = Count, at = personStart;
            if (remap is null)
            {
                Facts.AsSpan(0, n).CopyTo(columns.Facts.AsSpan(at));
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    ulong f = Facts[i];
                    columns.Facts[at + i] = FactBits.WithJurisdiction(f, remap[FactBits.Jurisdiction(f)]);
                }
            }

            Birth.AsSpan(0, n).CopyTo(columns.Birth.AsSpan(at));
            Death.AsSpan(0, n).CopyTo(columns.Death.AsSpan(at));
            Decision.AsSpan(0, n).CopyTo(columns.Decision.AsSpan(at));
            Certified.AsSpan(0, n).CopyTo(columns.Certified.AsSpan(at));
            Escaped.AsSpan(0, n).CopyTo(columns.Escaped.AsSpan(at));
            for (int i = 0; i < n; i++)
            {
                columns.ChildStart[at + i + 1] = childStart + ChildEnd[i];
            }

            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Children).CopyTo(columns.Children.AsSpan(childStart));
        }
    }

    /// <summary>Bytes already read, then the rest of a stream.</summary>
    private sealed class ConcatenatedStream(byte[] prefix, Stream rest) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (position < prefix.Length)
            {
                int n = Math.Min(count, prefix.Length - position);
                prefix.AsSpan(position, n).CopyTo(buffer.AsSpan(offset, n));
                position += n;
                return n;
            }

            return rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
