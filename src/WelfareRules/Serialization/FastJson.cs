using System;
using System.Text.Json;
using NodaTime;

namespace WelfareRules.Serialization;

/// <summary>
/// The steps shared by the readers that take the common shape of a JSON document straight from its UTF-8 bytes
/// (<see cref="SituationDtoReader"/>, <see cref="InstrumentDtoReader"/>): each gives up (<see cref="GiveUp"/>) on
/// anything out of that shape, and System.Text.Json then reads the document and reports what is wrong with it.
/// </summary>
internal static class FastJson
{
    private static readonly LocalDateConverter Dates = new();
    private static readonly YearMonthConverter Months = new();

    /// <summary>Gives up unless the reader is on <paramref name="token"/>.</summary>
    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new GiveUp();
        }
    }

    /// <summary>The object read, once its closing brace is reached.</summary>
    internal static T End<T>(ref Utf8JsonReader reader, T value)
    {
        Expect(ref reader, JsonTokenType.EndObject);
        return value;
    }

    /// <summary>Marks a property read; a property given twice is System.Text.Json's to refuse.</summary>
    internal static void Once(ref int seen, int field)
    {
        if ((seen & (1 << field)) != 0)
        {
            throw new GiveUp();
        }

        seen |= 1 << field;
    }

    /// <summary>A string or null, as System.Text.Json reads a <see cref="string"/> property.</summary>
    internal static string? PlainText(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new GiveUp();

    internal static bool? Flag(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw new GiveUp(),
    };

    internal static int? Count(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number) ? number
        : throw new GiveUp();

    internal static long? Long(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long number) ? number
        : throw new GiveUp();

    internal static decimal? Decimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null
        : reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal number) ? number
        : throw new GiveUp();

    // The converters read no option: none is made for them (making the context's options would cost the start of a
    // process that reads only rule files).
    internal static LocalDate? Date(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Dates.Read(ref reader, typeof(LocalDate), null!);

    internal static YearMonth? Month(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Months.Read(ref reader, typeof(YearMonth), null!);

    /// <summary>Ends the reading: System.Text.Json reads the document instead (one out of the common shape, rare).</summary>
    internal sealed class GiveUp : Exception;
}
