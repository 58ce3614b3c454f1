using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Serialization;

/// <summary>Writes reports in the JSON format of the command-line contract (<c>docs/cli.md</c>).</summary>
/// <remarks>
/// The property names, the vocabularies and each citation's fields are encoded once; an explanation step
/// is composed in a pooled buffer rather than through <see cref="ExplanationStep.ToString"/>. The bytes are
/// those of the plain writing: <c>ReportJsonTest</c> compares them with it.
/// </remarks>
public static class ReportJson
{
    /// <summary>The encoder of the command-line tool's writers, with which the citations' fields are encoded once.</summary>
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonEncodedText Jurisdiction = JsonEncodedText.Encode("jurisdiction");
    private static readonly JsonEncodedText Month = JsonEncodedText.Encode("month");
    private static readonly JsonEncodedText Standard = JsonEncodedText.Encode("standard");
    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText Entitlements = JsonEncodedText.Encode("entitlements");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Payee = JsonEncodedText.Encode("payee");
    private static readonly JsonEncodedText Coefficient = JsonEncodedText.Encode("coefficient");
    private static readonly JsonEncodedText Group = JsonEncodedText.Encode("group");
    private static readonly JsonEncodedText Provisional = JsonEncodedText.Encode("provisional");
    private static readonly JsonEncodedText HealthInsurance = JsonEncodedText.Encode("healthInsurance");
    private static readonly JsonEncodedText Premium = JsonEncodedText.Encode("premium");
    private static readonly JsonEncodedText StateShare = JsonEncodedText.Encode("stateShare");
    private static readonly JsonEncodedText StatePays = JsonEncodedText.Encode("statePays");
    private static readonly JsonEncodedText PersonPays = JsonEncodedText.Encode("personPays");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    private static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
    private static readonly JsonEncodedText ExplanationVi = JsonEncodedText.Encode("explanationVi");
    private static readonly JsonEncodedText Basis = JsonEncodedText.Encode("basis");
    private static readonly JsonEncodedText Instrument = JsonEncodedText.Encode("instrument");
    private static readonly JsonEncodedText Article = JsonEncodedText.Encode("article");
    private static readonly JsonEncodedText Clause = JsonEncodedText.Encode("clause");
    private static readonly JsonEncodedText Point = JsonEncodedText.Encode("point");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText MonthlyTotal = JsonEncodedText.Encode("monthlyTotal");
    private static readonly JsonEncodedText WarningsVi = JsonEncodedText.Encode("warningsVi");
    private static readonly JsonEncodedText[] StatusNames =
        [JsonEncodedText.Encode("verified"), JsonEncodedText.Encode("reported"), JsonEncodedText.Encode("provisional")];
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Beneficiary = JsonEncodedText.Encode(ContractNames.Of(Reports.Payee.Beneficiary));
    private static readonly JsonEncodedText Carer = JsonEncodedText.Encode(ContractNames.Of(Reports.Payee.Carer));
    private static readonly JsonEncodedText[] Kinds = EncodeKinds();

    /// <summary>Each citation's fields, encoded on first use; weakly held, since some citations are made per evaluation.</summary>
    private static readonly ConditionalWeakTable<Citation, EncodedCitation> Citations = [];

    /// <summary>Writes one report as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="report"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, Report report) => Write(writer, report, null);

    /// <summary>Writes one report as a JSON object, with its situation's id as its first field when there is one.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <param name="id">The situation's <see cref="Facts.Situation.Id"/>, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="report"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, Report report, string? id) => Write(writer, report, id, Evaluation.ExplanationLanguages.Both);

    /// <summary>
    /// Writes one report as a JSON object, with its situation's id first when there is one, and its explanation in the
    /// languages given (the array of a language not given is written empty).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    /// <param name="id">The situation's <see cref="Facts.Situation.Id"/>, or null.</param>
    /// <param name="languages">The languages of <c>explanation</c> (English) and <c>explanationVi</c> (Vietnamese).</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="languages"/> is not a defined value.</exception>
    public static void Write(Utf8JsonWriter writer, Report report, string? id, Evaluation.ExplanationLanguages languages)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        Preconditions.CheckDefined(languages, nameof(languages));
        writer.WriteStartObject();
        if (id is not null)
        {
            writer.WriteString(IdName, id);
        }

        writer.WriteString(Jurisdiction, report.Jurisdiction.Code);
        WriteMonth(writer, report.Month);
        writer.WriteStartObject(Standard);
        writer.WriteNumber(Amount, report.Standard.Amount.Value);
        writer.WriteStartArray(Basis);
        WriteCitation(writer, report.Standard.Basis);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartArray(Entitlements);
        foreach (var entitlement in report.Entitlements)
        {
            writer.WriteStartObject();
            writer.WriteString(Kind, KindOf(entitlement.Kind));
            writer.WriteString(Payee, entitlement.Payee == Reports.Payee.Carer ? Carer : Beneficiary);
            writer.WriteNumber(Amount, entitlement.Amount.Value);
            if (entitlement.Coefficient is { } coefficient)
            {
                writer.WriteNumber(Coefficient, coefficient);
            }

            if (entitlement.Group is { } group)
            {
                writer.WriteString(Group, group);
            }

            if (entitlement.MeritRecord is { } record)
            {
                writer.WriteNumber("meritRecord"u8, record);
            }

            var status = WriteBasisAndTellStatus(writer, entitlement.Basis);
            writer.WriteBoolean(Provisional, status == ProvisionStatus.Provisional);
            writer.WriteString(Status, StatusName(status));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteHealthInsurance(writer, report.HealthInsurance);
        writer.WriteNumber(Total, report.Total.Value);
        writer.WriteNumber(MonthlyTotal, report.MonthlyTotal.Value);
        writer.WriteBoolean(Provisional, report.IsProvisional);
        writer.WriteString(Status, StatusName(report.Status));
        WriteStrings(writer, Warnings, report.Warnings);
        WriteStrings(writer, WarningsVi, report.WarningsVi);
        var steps = report.Explanation;
        WriteExplanation(writer, Explanation, languages.HasFlag(Evaluation.ExplanationLanguages.English) ? steps : [], vietnamese: false);
        WriteExplanation(writer, ExplanationVi, languages.HasFlag(Evaluation.ExplanationLanguages.Vietnamese) ? steps : [], vietnamese: true);
        writer.WriteEndObject();
    }

    /// <summary>The report as a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(Report report, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = Relaxed }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a <c>basis</c> array of citations.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="basis">The citations.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public static void WriteBasis(Utf8JsonWriter writer, ImmutableArray<Citation> basis)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteBasisAndTellStatus(writer, basis);
    }

    /// <summary>Writes a <c>basis</c> array and tells the weakest grade of its citations.</summary>
    private static ProvisionStatus WriteBasisAndTellStatus(Utf8JsonWriter writer, ImmutableArray<Citation> basis)
    {
        var status = ProvisionStatus.Verified;
        writer.WriteStartArray(Basis);
        foreach (var citation in basis)
        {
            WriteCitation(writer, citation);
            status = ProvisionStatuses.Weaker(status, citation.Status);
        }

        writer.WriteEndArray();
        return status;
    }

    private static JsonEncodedText StatusName(ProvisionStatus status) =>
        (uint)status < (uint)StatusNames.Length ? StatusNames[(int)status] : JsonEncodedText.Encode(status.ContractName());

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);

        // Warnings are mostly the law's own strings: the compact writer copies their escaped bytes (StepCache).
        var cache = values.IsEmpty ? null : StepCache.For(writer);
        foreach (string value in values)
        {
            if (cache is null)
            {
                writer.WriteStringValue(value);
            }
            else
            {
                writer.WriteRawValue(cache.Quoted(value), skipInputValidation: true);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteCitation(Utf8JsonWriter writer, Citation citation)
    {
        writer.WriteStartObject();
        if (ReferenceEquals(writer.Options.Encoder, Relaxed) && Encoded(citation) is { Encodable: true } encoded)
        {
            writer.WriteString(Instrument, encoded.Instrument);
            writer.WriteString(Article, encoded.Article);
            if (encoded.Clause is { } clause)
            {
                writer.WriteString(Clause, clause);
            }

            if (encoded.Point is { } point)
            {
                writer.WriteString(Point, point);
            }
        }
        else
        {
            writer.WriteString(Instrument, citation.Instrument);
            writer.WriteString(Article, citation.Article);
            if (citation.Clause is { } clause)
            {
                writer.WriteString(Clause, clause);
            }

            if (citation.Point is { } point)
            {
                writer.WriteString(Point, point);
            }
        }

        if (citation.Appendix is { } appendix)
        {
            writer.WriteString("appendix"u8, appendix);
            if (citation.Row is { } row)
            {
                writer.WriteString("row"u8, row);
            }
        }

        writer.WriteString(Status, StatusName(citation.Status));
        writer.WriteEndObject();
    }

    /// <summary>Writes the <c>healthInsurance</c> block, or null when there is none.</summary>
    private static void WriteHealthInsurance(Utf8JsonWriter writer, HealthInsuranceContribution? health)
    {
        if (health is null)
        {
            writer.WriteNull(HealthInsurance);
            return;
        }

        writer.WriteStartObject(HealthInsurance);
        writer.WriteNumber(Premium, health.Premium.Value);
        writer.WriteNumber(StateShare, health.StateShare);
        writer.WriteNumber(StatePays, health.StatePays.Value);
        writer.WriteNumber(PersonPays, health.PersonPays.Value);
        var status = WriteBasisAndTellStatus(writer, health.Basis);
        writer.WriteBoolean(Provisional, status == ProvisionStatus.Provisional);
        writer.WriteString(Status, StatusName(status));
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes each step as <see cref="ExplanationStep.ToString"/> (or <see cref="ExplanationStep.ToVietnameseString"/>)
    /// spells it, <c>text [citation; citation]</c>. For the compact writer with the <see cref="Relaxed"/> encoder the
    /// JSON string is put together from the step text's escaped bytes (<see cref="StepCache"/>) and each citation's
    /// (<see cref="EncodedCitation"/>): that encoder escapes character by character, so the parts escaped apart are
    /// the whole escaped at once. Otherwise the text is composed in a pooled buffer and written by the writer.
    /// </summary>
    private static void WriteExplanation(Utf8JsonWriter writer, JsonEncodedText name, ImmutableArray<ExplanationStep> steps, bool vietnamese)
    {
        writer.WriteStartArray(name);
        if (StepCache.For(writer) is { } cache)
        {
            foreach (var step in steps)
            {
                writer.WriteRawValue(cache.Spell(step, vietnamese), skipInputValidation: true);
            }

            writer.WriteEndArray();
            return;
        }

        char[]? rented = null;
        try
        {
            foreach (var step in steps)
            {
                string text = vietnamese ? step.Vietnamese : step.English;
                if (step.Basis.IsEmpty)
                {
                    writer.WriteStringValue(text);
                    continue;
                }

                int length = text.Length + 3;
                foreach (var citation in step.Basis)
                {
                    length += Encoded(citation).Text(vietnamese).Length + 2;
                }

                if (rented is null || rented.Length < length)
                {
                    if (rented is not null)
                    {
                        ArrayPool<char>.Shared.Return(rented);
                    }

                    rented = ArrayPool<char>.Shared.Rent(Math.Max(length, 1024));
                }

                var buffer = rented.AsSpan();
                text.CopyTo(buffer);
                int at = text.Length;
                buffer[at++] = ' ';
                buffer[at++] = '[';
                for (int i = 0; i < step.Basis.Length; i++)
                {
                    if (i > 0)
                    {
                        buffer[at++] = ';';
                        buffer[at++] = ' ';
                    }

                    string cited = Encoded(step.Basis[i]).Text(vietnamese);
                    cited.CopyTo(buffer[at..]);
                    at += cited.Length;
                }

                buffer[at++] = ']';
                writer.WriteStringValue(buffer[..at]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <c>"month": "yyyy-MM"</c> without formatting a string (NodaTime's ISO pattern outside years 1–9999).</summary>
    private static void WriteMonth(Utf8JsonWriter writer, YearMonth month)
    {
        int year = month.Year;
        if (year is < 1 or > 9999)
        {
            writer.WriteString(Month, YearMonthConverter.Pattern.Format(month));
            return;
        }

        Span<byte> text = stackalloc byte[7];
        text[0] = (byte)('0' + (year / 1000));
        text[1] = (byte)('0' + (year / 100 % 10));
        text[2] = (byte)('0' + (year / 10 % 10));
        text[3] = (byte)('0' + (year % 10));
        text[4] = (byte)'-';
        text[5] = (byte)('0' + (month.Month / 10));
        text[6] = (byte)('0' + (month.Month % 10));
        writer.WriteString(Month, text);
    }

    private static JsonEncodedText KindOf(EntitlementKind kind) =>
        (uint)kind < (uint)Kinds.Length ? Kinds[(int)kind] : JsonEncodedText.Encode(ContractNames.Of(kind));

    private static JsonEncodedText[] EncodeKinds()
    {
        var kinds = Enum.GetValues<EntitlementKind>();
        int size = 0;
        foreach (var kind in kinds)
        {
            if ((int)kind < 0 || (int)kind > 64)
            {
                return [];
            }

            size = Math.Max(size, (int)kind + 1);
        }

        var encoded = new JsonEncodedText[size];
        foreach (var kind in kinds)
        {
            encoded[(int)kind] = JsonEncodedText.Encode(ContractNames.Of(kind));
        }

        return encoded;
    }

    /// <summary>
    /// Each thread's citations met last, by identity, in front of <see cref="Citations"/> (a report names the same few
    /// many times); at most 256 a thread, so the citations made per evaluation that it holds stay few.
    /// </summary>
    [ThreadStatic]
    private static (Citation? Citation, EncodedCitation? Encoded)[]? recentCitations;

    private static EncodedCitation Encoded(Citation citation)
    {
        var recent = recentCitations ??= new (Citation?, EncodedCitation?)[256];
        ref var slot = ref recent[RuntimeHelpers.GetHashCode(citation) & 255];
        if (ReferenceEquals(slot.Citation, citation))
        {
            return slot.Encoded!;
        }

        var encoded = Citations.TryGetValue(citation, out var known) ? known : Citations.GetValue(citation, static c => new EncodedCitation(c));
        slot = (citation, encoded);
        return encoded;
    }

    /// <summary>A citation's JSON fields (encoded for <see cref="Relaxed"/>), and its English and Vietnamese spellings in an explanation.</summary>
    private sealed class EncodedCitation
    {
        private byte[]? englishJson, vietnameseJson;

        internal EncodedCitation(Citation citation)
        {
            English = citation.ToString();
            Vietnamese = citation.ToVietnameseString();
            Encodable = !HasSurrogate(citation.Instrument) && !HasSurrogate(citation.Article) && !HasSurrogate(citation.Clause) && !HasSurrogate(citation.Point);
            if (Encodable)
            {
                Instrument = JsonEncodedText.Encode(citation.Instrument, Relaxed);
                Article = JsonEncodedText.Encode(citation.Article, Relaxed);
                Clause = citation.Clause is null ? null : JsonEncodedText.Encode(citation.Clause, Relaxed);
                Point = citation.Point is null ? null : JsonEncodedText.Encode(citation.Point, Relaxed);
            }
        }

        /// <summary>
        /// Whether the fields are encoded: not when one holds a surrogate (a lone one, which <see cref="JsonEncodedText"/>
        /// refuses, the writer replaces), and the citation is then written field by field.
        /// </summary>
        internal bool Encodable { get; }

        internal JsonEncodedText Instrument { get; }

        internal JsonEncodedText Article { get; }

        internal JsonEncodedText? Clause { get; }

        internal JsonEncodedText? Point { get; }

        internal string English { get; }

        internal string Vietnamese { get; }

        internal string Text(bool vietnamese) => vietnamese ? Vietnamese : English;

        /// <summary>The English spelling as the <see cref="Relaxed"/> encoder escapes it, in UTF-8, without quotes.</summary>
        /// <remarks>Made when first asked for: only the compact writer reads it.</remarks>
        internal byte[] EnglishJson => englishJson ??= EscapedValue(English);

        /// <summary>The Vietnamese spelling so escaped.</summary>
        internal byte[] VietnameseJson => vietnameseJson ??= EscapedValue(Vietnamese);

        internal byte[] Json(bool vietnamese) => vietnamese ? VietnameseJson : EnglishJson;
    }

    /// <summary>Whether a text holds a surrogate (which <see cref="JsonEncodedText"/> refuses when it stands alone).</summary>
    private static bool HasSurrogate(string? text) => text is not null && text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    /// <summary>
    /// A text as the compact writer with the <see cref="Relaxed"/> encoder writes it as a string value, in UTF-8,
    /// without the quotes: escaped by <see cref="JsonEncodedText"/>, or, for a text with surrogates, by a writer (a
    /// lone surrogate, which <see cref="JsonEncodedText"/> refuses, the writer replaces as it would in the report).
    /// </summary>
    private static byte[] EscapedValue(string text)
    {
        if (!HasSurrogate(text))
        {
            return JsonEncodedText.Encode(text, Relaxed).EncodedUtf8Bytes.ToArray();
        }

        var buffer = new ArrayBufferWriter<byte>(text.Length * 3 + 2);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Relaxed }))
        {
            writer.WriteStringValue(text);
        }

        return buffer.WrittenSpan[1..^1].ToArray();
    }

    /// <summary>
    /// The JSON string values of explanation steps, as the compact writer with the <see cref="Relaxed"/> encoder spells
    /// them: across a population most steps repeat word for word (the standard, the premium), and copying their bytes
    /// is cheaper than escaping and transcoding their Vietnamese again. A step text's escaped bytes are found first by
    /// the text's reference (most texts are the law's or a condition's own strings, shared by every report), then by
    /// its content. One cache per thread, emptied when full.
    /// </summary>
    private sealed class StepCache
    {
        private const int Capacity = 4096;

        private const int RecentSlots = 1024;

        [ThreadStatic]
        private static StepCache? forThisThread;

        private readonly Dictionary<string, byte[]> values = new(StringComparer.Ordinal);
        private readonly (string? Text, byte[]? Json)[] recent = new (string?, byte[]?)[RecentSlots];
        private readonly ArrayBufferWriter<byte> step = new(1024);

        /// <summary>The thread's cache when <paramref name="writer"/> is the compact one with the <see cref="Relaxed"/> encoder, whose bytes it holds; null for any other.</summary>
        internal static StepCache? For(Utf8JsonWriter writer) =>
            !writer.Options.Indented && ReferenceEquals(writer.Options.Encoder, Relaxed) ? forThisThread ??= new StepCache() : null;

        /// <summary>The step as a JSON string value, quotes included (valid until the next call).</summary>
        internal ReadOnlySpan<byte> Spell(ExplanationStep explained, bool vietnamese)
        {
            if ((vietnamese ? explained.VietnameseJson : explained.EnglishJson) is { } kept)
            {
                return kept;
            }

            step.ResetWrittenCount();
            step.Write("\""u8);
            step.Write(Escaped(vietnamese ? explained.Vietnamese : explained.English));
            if (!explained.Basis.IsEmpty)
            {
                step.Write(" ["u8);
                for (int i = 0; i < explained.Basis.Length; i++)
                {
                    if (i > 0)
                    {
                        step.Write("; "u8);
                    }

                    step.Write(Encoded(explained.Basis[i]).Json(vietnamese));
                }

                step.Write("]"u8);
            }

            step.Write("\""u8);

            // A step written before is shared by reports (the law's, or kept by a calculator): its bytes are kept on it.
            int language = vietnamese ? 2 : 1;
            if ((explained.Written & language) == 0)
            {
                explained.Written |= language;
            }
            else if (vietnamese)
            {
                explained.VietnameseJson = step.WrittenSpan.ToArray();
            }
            else
            {
                explained.EnglishJson = step.WrittenSpan.ToArray();
            }

            return step.WrittenSpan;
        }

        /// <summary>A text as a JSON string value, quotes included (valid until the next call).</summary>
        internal ReadOnlySpan<byte> Quoted(string text)
        {
            step.ResetWrittenCount();
            step.Write("\""u8);
            step.Write(Escaped(text));
            step.Write("\""u8);
            return step.WrittenSpan;
        }

        /// <summary>The text as the <see cref="Relaxed"/> encoder escapes it, in UTF-8, without quotes.</summary>
        private byte[] Escaped(string text)
        {
            ref var slot = ref recent[RuntimeHelpers.GetHashCode(text) & (RecentSlots - 1)];
            if (ReferenceEquals(slot.Text, text))
            {
                return slot.Json!;
            }

            if (!values.TryGetValue(text, out var json))
            {
                json = EscapedValue(text);
                if (values.Count >= Capacity)
                {
                    values.Clear();
                }

                values[text] = json;
            }

            slot = (text, json);
            return json;
        }
    }
}
