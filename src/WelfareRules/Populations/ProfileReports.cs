using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Serialization;

namespace WelfareRules.Populations;

/// <summary>
/// Report lines without explanation, kept by profile, for evaluating JSON Lines: two situations of the same
/// jurisdiction and month with the same <see cref="ProfileKey"/> get the same report from the single-person path
/// (what the population engine rests on, and tests person for person), so the compact JSON of the first is written
/// for the others, with each line's own <c>id</c>. What a key cannot stand for is evaluated as before: a person
/// with merit records, a rule set reading what no key keeps, a profile whose evaluation fails (its message is the
/// person's own), a jurisdiction the rule set does not know or a month outside its law, and everything once
/// <see cref="MaxBytes"/> of lines, <see cref="MaxLines"/> lines or <see cref="MaxFrames"/> months and
/// jurisdictions are kept.
/// </summary>
/// <remarks>Thread-safe: the workers of a run share one.</remarks>
internal sealed class ProfileReports(RuleSet rules, EvaluationOptions options)
{
    /// <summary>The most bytes of distinct report lines kept (a line without explanation is about 1.5 KB).</summary>
    internal const long MaxBytes = 96L << 20;

    /// <summary>The most lines kept, failures included.</summary>
    internal const int MaxLines = 1 << 16;

    /// <summary>The most months and jurisdictions kept apart (each holds what its keys count against).</summary>
    internal const int MaxFrames = 1 << 12;

    /// <summary>
    /// The most months and jurisdictions whose profiles are signed by what their law decides (<see cref="DecidedProfiles"/>,
    /// whose tables each keeps for the run): the others evaluate every profile not met before.
    /// </summary>
    internal const int MaxSigningFrames = 16;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] IdStart = "{\"id\":"u8.ToArray();

    private readonly RuleSet[] ruleSets = [rules];
    private readonly ConcurrentDictionary<(YearMonth Month, Jurisdiction Jurisdiction), Frame> frames = new();
    private readonly LineTable lines = new(MaxLines);

    /// <summary>
    /// Each line's content kept once: profiles are many more than the reports they give (a generated million, about
    /// 25,000 profiles and 77 lines), so the lines copied out stay few and in the processor's cache.
    /// </summary>
    private readonly ConcurrentDictionary<byte[], byte[]> contents = new(LineContent.Instance);

    /// <summary>The frame met last (lines mostly share their month and jurisdiction).</summary>
    private Frame? last;

    /// <summary>The frames numbered so far (each a number of its own, whichever worker makes it).</summary>
    private int frameCount;

    /// <summary>The bytes of the distinct lines kept.</summary>
    private long bytesKept;

    /// <summary>The evaluations made (a profile decided alike with one met before is not evaluated).</summary>
    private int evaluated;

    /// <summary>The lines kept so far, failures included (one a profile met).</summary>
    internal int LinesKept => lines.Count;

    /// <summary>The situations evaluated so far to keep their lines.</summary>
    internal int Evaluated => Volatile.Read(ref evaluated);

    /// <summary>The bytes of the distinct lines kept so far (what <see cref="MaxBytes"/> bounds).</summary>
    internal long BytesKept => Volatile.Read(ref bytesKept);

    /// <summary>
    /// Writes the report line of <paramref name="situation"/> (without its line break) when a situation of the same
    /// profile was evaluated before, or evaluates it and keeps the line for the next; false when the situation must
    /// be evaluated on the single-person path (nothing is written then).
    /// </summary>
    internal bool TryWrite(Situation situation, IBufferWriter<byte> output, Utf8JsonWriter idWriter) =>
        Key(situation, out var frame) is { } key && TryWrite(frame!, key, situation, null, null, 0, default, output, idWriter, situation.Id);

    /// <summary>
    /// As <see cref="TryWrite(Situation, IBufferWriter{byte}, Utf8JsonWriter)"/> for a situation's values as read: the
    /// profile is found from the values themselves, and the situation is made only for a profile not met before.
    /// </summary>
    internal bool TryWrite(SituationValues values, IBufferWriter<byte> output, Utf8JsonWriter idWriter) =>
        Key(values, out var frame) is { } key && TryWrite(frame!, key, null, values, null, 0, default, output, idWriter, values.Id);

    /// <summary>
    /// As <see cref="TryWrite(Situation, IBufferWriter{byte}, Utf8JsonWriter)"/> for person <paramref name="index"/> of a
    /// population held in compact form, in <paramref name="month"/>, with <paramref name="id"/>: the profile is read from
    /// the population's columns, and a situation is made only for a profile not met before. Only a population of one
    /// jurisdiction is keyed so (its persons' keys are then those of the persons' own situations); false for any other.
    /// </summary>
    internal bool TryWrite(Population population, int index, YearMonth month, string? id, IBufferWriter<byte> output, Utf8JsonWriter idWriter) =>
        population.Jurisdictions.Length == 1
        && FrameOf(month, population.Jurisdictions[0]) is { Keys: { } keys } frame
        && ProfileKey.Of(population.Columns, index, keys) is { IsOwn: false } key
        && TryWrite(frame, new LineKey(frame.Id, key), null, null, population, index, month, output, idWriter, id);

    /// <summary>
    /// Writes the line kept under <paramref name="key"/>, or that of a profile the month's law decides alike, or
    /// evaluates the situation (<paramref name="situation"/>, that of <paramref name="values"/>, or person
    /// <paramref name="index"/> of <paramref name="population"/> in <paramref name="month"/>) and keeps its line; false
    /// when it must be evaluated on the single-person path.
    /// </summary>
    private bool TryWrite(Frame frame, LineKey key, Situation? situation, SituationValues? values, Population? population, int index, YearMonth month, IBufferWriter<byte> output, Utf8JsonWriter idWriter, string? id)
    {
        if (!lines.TryGetValue(key.Frame, key.Key, out var line))
        {
            // Checked before the evaluation; workers evaluating at once may each keep a line past it, which the table refuses.
            if (lines.Count >= MaxLines || Volatile.Read(ref bytesKept) >= MaxBytes)
            {
                return false;
            }

            situation ??= values?.ToSituation() ?? population!.SituationAt(index, month);
            line = frame.Decided is { } decided ? Decided(frame, decided, key.Key, situation) : Kept(Evaluate(situation));
            lines.TryAdd(key.Frame, key.Key, line);
        }

        if (line is null)
        {
            return false;
        }

        if (id is null)
        {
            output.Write(line);
            return true;
        }

        // {"id":"…", then the line after its opening brace: what ReportJson.Write gives with the id.
        output.Write(IdStart);
        idWriter.Reset(output);
        idWriter.WriteStringValue(id);
        idWriter.Flush();
        output.Write(","u8);
        output.Write(line.AsSpan(1));
        return true;
    }

    /// <summary>
    /// The line of a profile not met before, found by what the month's law decides of it: the line of a profile
    /// decided alike (the same report: <see cref="DecidedProfiles"/>), or the situation's own, evaluated and kept for
    /// the profiles decided alike to come.
    /// </summary>
    private byte[]? Decided(Frame frame, DecidedProfiles decided, ProfileKey key, Situation situation)
    {
        var memo = decided.Rent();
        string signature;
        try
        {
            var chars = decided.Width <= 256 ? stackalloc char[decided.Width] : new char[decided.Width];
            decided.Sign(key, chars, memo, frame.Law!, situation.Person);
            signature = new string(chars);
        }
        finally
        {
            decided.Return(memo);
        }

        var bySignature = frame.BySignature!;
        if (bySignature.TryGetValue(signature, out var line))
        {
            return line;
        }

        return bySignature.GetOrAdd(signature, Kept(Evaluate(situation)));
    }

    /// <summary>A line evaluated, as kept: the content kept before when another profile gave the same bytes.</summary>
    private byte[]? Kept(byte[]? line)
    {
        if (line is null)
        {
            return null;
        }

        var shared = contents.GetOrAdd(line, line);
        if (ReferenceEquals(shared, line))
        {
            // A content not kept before: its bytes count whichever worker's line is kept for it, once.
            Interlocked.Add(ref bytesKept, line.Length);
        }

        return shared;
    }

    private LineKey? Key(Situation situation, out Frame? frame)
    {
        frame = null;
        return situation.Person.Merit.IsEmpty ? Key(situation.Month, situation.Jurisdiction, situation.Person.ChildrenRaisedAlone, situation.Person, null, out frame) : null;
    }

    /// <summary>The key of a situation's values, as <see cref="Key(Situation, out Frame?)"/> gives it for their situation; null where that is null.</summary>
    private LineKey? Key(SituationValues values, out Frame? frame)
    {
        frame = null;
        return values.Merit.IsEmpty ? Key(values.Month, values.Jurisdiction, values.ChildrenRaisedAlone, null, values, out frame) : null;
    }

    /// <summary>
    /// The key of a person without merit records, given as a <paramref name="person"/> or as the <paramref name="values"/>
    /// read of one; null when the month's law has no keys or reads what no key keeps, or when the compact form cannot
    /// hold the person.
    /// </summary>
    private LineKey? Key(YearMonth month, Jurisdiction jurisdiction, ImmutableArray<RaisedChild> children, Person? person, SituationValues? values, out Frame? frame)
    {
        frame = FrameOf(month, jurisdiction);
        if (frame is not { Keys: { Exact: false } keys })
        {
            return null;
        }

        PopulationBuilder.PackedPerson packed;
        try
        {
            PopulationBuilder.CheckChildren(children.Length, 0);
            packed = person is not null ? PopulationBuilder.Pack(person, 0, 0) : values!.Pack(0, 0);
        }
        catch (ArgumentException)
        {
            return null;
        }

        return new LineKey(frame.Id, ProfileKey.Of(packed, children.AsSpan(), keys, out _));
    }

    /// <summary>The frame of a month and jurisdiction, or null once <see cref="MaxFrames"/> others are kept.</summary>
    private Frame? FrameOf(YearMonth month, Jurisdiction jurisdiction)
    {
        var frame = last;
        if (frame is null || frame.Month != month || !frame.Jurisdictions[0].Equals(jurisdiction))
        {
            if (Volatile.Read(ref frameCount) >= MaxFrames && !frames.ContainsKey((month, jurisdiction)))
            {
                return null;
            }

            frame = frames.GetOrAdd((month, jurisdiction), static (at, state) => Frame.Of(at.Month, at.Jurisdiction, state.ruleSets, Interlocked.Increment(ref state.frameCount)), this);
            last = frame;
        }

        return frame;
    }

    /// <summary>The compact report line of a situation without its id, or null when its evaluation fails.</summary>
    private byte[]? Evaluate(Situation situation)
    {
        Interlocked.Increment(ref evaluated);
        Reports.Report report;
        try
        {
            report = rules.Evaluate(situation, options);
        }
        catch (EvaluationException)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            ReportJson.Write(writer, report, null, options.Languages);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Report lines compared by their bytes.</summary>
    private sealed class LineContent : IEqualityComparer<byte[]>
    {
        internal static readonly LineContent Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = default(HashCode);
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }

    /// <summary>A report line's key: the frame of its month and jurisdiction, and its profile there.</summary>
    private readonly record struct LineKey(int Frame, ProfileKey Key);

    /// <summary>
    /// What keys of a month and jurisdiction count against, numbered; no keys when the rule set draws more lines than a
    /// key holds. With its month's law and what the law decides of a profile (null where it cannot say:
    /// <see cref="DecidedProfiles.Of"/>), the lines kept by what is decided.
    /// </summary>
    private sealed record Frame(int Id, YearMonth Month, ImmutableArray<Jurisdiction> Jurisdictions, MonthFrame? Keys)
    {
        internal MonthLaw? Law { get; private init; }

        internal DecidedProfiles? Decided { get; private init; }

        internal ConcurrentDictionary<string, byte[]?>? BySignature { get; private init; }

        internal static Frame Of(YearMonth month, Jurisdiction jurisdiction, RuleSet[] rules, int id)
        {
            ImmutableArray<Jurisdiction> jurisdictions = [jurisdiction];
            try
            {
                // A jurisdiction or month the law does not cover fails on the single-person path: nothing to share.
                if (!rules[0].Knows(jurisdiction) || rules[0].ForMonth(jurisdiction, month) is not { IsCovered: true } law)
                {
                    return new Frame(id, month, jurisdictions, null);
                }

                // Signing where the law is encoded (the single-person path refuses everyone else), in the first
                // frames only: each keeps its workers' tables for the run.
                var keys = MonthProfiles.Frame(jurisdictions, month, rules, out _);
                var decided = keys.Exact || law.Standard is null || id > MaxSigningFrames ? null : DecidedProfiles.Of(law, keys, 0);
                return new Frame(id, month, jurisdictions, keys)
                {
                    Law = law,
                    Decided = decided,
                    BySignature = decided is null ? null : new ConcurrentDictionary<string, byte[]?>(StringComparer.Ordinal),
                };
            }
            catch (Exception e) when (e is NotSupportedException or EvaluationException)
            {
                return new Frame(id, month, jurisdictions, null);
            }
        }
    }
}
