using System;
using System.Collections.Generic;
using System.Text.Json;
using static WelfareRules.Serialization.FastJson;

namespace WelfareRules.Serialization;

/// <summary>
/// Reads a rule file's JSON into its <see cref="InstrumentDto"/> straight from the UTF-8 bytes, for the common case:
/// every property known, each once, of the type the format gives it, no null where an object or a condition is
/// expected. It gives up (null) on anything else, and then System.Text.Json reads the file as before and reports what
/// is wrong with it; so where this reader gives a DTO, System.Text.Json gives an equal one (a test compares the two
/// over every rule file of the repository and their mutations). Reading the built-in law this way spares every process
/// the making of System.Text.Json's metadata for the rule files' shapes, most of what loading the law compiled.
/// </summary>
internal static class InstrumentDtoReader
{
    /// <summary>The DTO, or null when System.Text.Json must read the file.</summary>
    internal static InstrumentDto? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var dto = Instrument(ref reader);

            // One value and nothing after it but white space.
            return !reader.Read() ? dto : null;
        }
#pragma warning disable CA1031 // Any failure here is System.Text.Json's to report, in its own words.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static InstrumentDto Instrument(ref Utf8JsonReader reader)
    {
        var dto = new InstrumentDto();
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = reader.ValueTextEquals("format"u8) ? 0
                : reader.ValueTextEquals("id"u8) ? 1
                : reader.ValueTextEquals("kind"u8) ? 2
                : reader.ValueTextEquals("title"u8) ? 3
                : reader.ValueTextEquals("titleEn"u8) ? 4
                : reader.ValueTextEquals("issuer"u8) ? 5
                : reader.ValueTextEquals("jurisdiction"u8) ? 6
                : reader.ValueTextEquals("signed"u8) ? 7
                : reader.ValueTextEquals("effective"u8) ? 8
                : reader.ValueTextEquals("appliesFrom"u8) ? 9
                : reader.ValueTextEquals("status"u8) ? 10
                : reader.ValueTextEquals("source"u8) ? 11
                : reader.ValueTextEquals("note"u8) ? 12
                : reader.ValueTextEquals("groups"u8) ? 13
                : reader.ValueTextEquals("provisions"u8) ? 14
                : throw new GiveUp();
            Once(ref seen, field);
            reader.Read();
            switch (field)
            {
                case 0: dto.Format = Count(ref reader); break;
                case 1: dto.Id = PlainText(ref reader); break;
                case 2: dto.Kind = PlainText(ref reader); break;
                case 3: dto.Title = PlainText(ref reader); break;
                case 4: dto.TitleEn = PlainText(ref reader); break;
                case 5: dto.Issuer = PlainText(ref reader); break;
                case 6: dto.Jurisdiction = PlainText(ref reader); break;
                case 7: dto.Signed = Date(ref reader); break;
                case 8: dto.Effective = Date(ref reader); break;
                case 9: dto.AppliesFrom = Date(ref reader); break;
                case 10: dto.Status = PlainText(ref reader); break;
                case 11: dto.Source = PlainText(ref reader); break;
                case 12: dto.Note = PlainText(ref reader); break;
                case 13: dto.Groups = List(ref reader, Group); break;
                default: dto.Provisions = List(ref reader, Provision); break;
            }
        }

        return End(ref reader, dto);
    }

    private static GroupDto Group(ref Utf8JsonReader reader)
    {
        var g = new GroupDto();
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = reader.ValueTextEquals("id"u8) ? 0
                : reader.ValueTextEquals("code"u8) ? 1
                : reader.ValueTextEquals("rule"u8) ? 2
                : reader.ValueTextEquals("when"u8) ? 3
                : reader.ValueTextEquals("bands"u8) ? 4
                : reader.ValueTextEquals("perChild"u8) ? 5
                : reader.ValueTextEquals("start"u8) ? 6
                : reader.ValueTextEquals("combine"u8) ? 7
                : reader.ValueTextEquals("benefit"u8) ? 8
                : reader.ValueTextEquals("times"u8) ? 9
                : reader.ValueTextEquals("from"u8) ? 10
                : reader.ValueTextEquals("title"u8) ? 11
                : reader.ValueTextEquals("titleEn"u8) ? 12
                : reader.ValueTextEquals("basis"u8) ? 13
                : reader.ValueTextEquals("note"u8) ? 14
                : throw new GiveUp();
            Once(ref seen, field);
            reader.Read();
            switch (field)
            {
                case 0: g.Id = PlainText(ref reader); break;
                case 1: g.Code = PlainText(ref reader); break;
                case 2: g.Rule = PlainText(ref reader); break;
                case 3: g.When = Element(ref reader); break;
                case 4: g.Bands = Element(ref reader); break;
                case 5: g.PerChild = Element(ref reader); break;
                case 6: g.Start = PlainText(ref reader); break;
                case 7: g.Combine = PlainText(ref reader); break;
                case 8: g.Benefit = PlainText(ref reader); break;
                case 9: g.Times = PlainText(ref reader); break;
                case 10: g.From = Date(ref reader); break;
                case 11: g.Title = PlainText(ref reader); break;
                case 12: g.TitleEn = PlainText(ref reader); break;
                case 13: g.Basis = Basis(ref reader); break;
                default: g.Note = PlainText(ref reader); break;
            }
        }

        return End(ref reader, g);
    }

    private static ProvisionDto Provision(ref Utf8JsonReader reader)
    {
        var p = new ProvisionDto();
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = reader.ValueTextEquals("parameter"u8) ? 0
                : reader.ValueTextEquals("group"u8) ? 1
                : reader.ValueTextEquals("case"u8) ? 2
                : reader.ValueTextEquals("from"u8) ? 3
                : reader.ValueTextEquals("value"u8) ? 4
                : reader.ValueTextEquals("basis"u8) ? 5
                : reader.ValueTextEquals("note"u8) ? 6
                : throw new GiveUp();
            Once(ref seen, field);
            reader.Read();
            switch (field)
            {
                case 0: p.Parameter = PlainText(ref reader); break;
                case 1: p.Group = PlainText(ref reader); break;
                case 2: p.Case = PlainText(ref reader); break;
                case 3: p.From = Date(ref reader); break;
                case 4: p.Value = Element(ref reader); break;
                case 5: p.Basis = Basis(ref reader); break;
                default: p.Note = PlainText(ref reader); break;
            }
        }

        return End(ref reader, p);
    }

    private static BasisDto Basis(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var b = new BasisDto();
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = reader.ValueTextEquals("article"u8) ? 0
                : reader.ValueTextEquals("clause"u8) ? 1
                : reader.ValueTextEquals("point"u8) ? 2
                : reader.ValueTextEquals("appendix"u8) ? 3
                : reader.ValueTextEquals("row"u8) ? 4
                : reader.ValueTextEquals("status"u8) ? 5
                : throw new GiveUp();
            Once(ref seen, field);
            reader.Read();
            switch (field)
            {
                case 0: b.Article = PlainText(ref reader); break;
                case 1: b.Clause = PlainText(ref reader); break;
                case 2: b.Point = PlainText(ref reader); break;
                case 3: b.Appendix = PlainText(ref reader); break;
                case 4: b.Row = PlainText(ref reader); break;
                default: b.Status = PlainText(ref reader); break;
            }
        }

        return End(ref reader, b);
    }

    /// <summary>A list of objects; null for a JSON null. A null among them is left to System.Text.Json.</summary>
    private static List<T>? List<T>(ref Utf8JsonReader reader, Item<T> item)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject);
            list.Add(item(ref reader));
        }

        Expect(ref reader, JsonTokenType.EndArray);
        return list;
    }

    /// <summary>
    /// A value kept as JSON (a condition, bands, a provision's value), as System.Text.Json keeps it. A null, and a value
    /// with a key written twice in one of its objects (which System.Text.Json refuses under the context's options), are
    /// left to it.
    /// </summary>
    private static JsonElement Element(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw new GiveUp();
        }

        var element = JsonElement.ParseValue(ref reader);
        if (HasKeyTwice(element))
        {
            throw new GiveUp();
        }

        return element;
    }

    /// <summary>Whether an object in <paramref name="element"/> (at any depth) gives a key twice.</summary>
    private static bool HasKeyTwice(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!names.Add(property.Name) || HasKeyTwice(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (HasKeyTwice(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Reads one object of a list, the reader on its opening brace.</summary>
    private delegate T Item<T>(ref Utf8JsonReader reader);
}
