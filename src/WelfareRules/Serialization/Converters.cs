using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace WelfareRules.Serialization;

/// <summary>Reads and writes <see cref="LocalDate"/> as <c>yyyy-MM-dd</c>, refusing anything else with a message that shows the value.</summary>
internal sealed class LocalDateConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"{JsonText.Token(ref reader)} is not a date (yyyy-MM-dd)"));
        }

        if (IsoDigits.TryDate(ref reader, out var date))
        {
            return date;
        }

        string text = reader.GetString()!;
        var result = LocalDatePattern.Iso.Parse(text);
        return !result.Success ? throw new JsonException($"\"{MessageText.Cut(text)}\" is not a date (yyyy-MM-dd)")
            : result.Value.Year < IsoDigits.FirstYear ? throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"\"{MessageText.Cut(text)}\" is before {IsoDigits.FirstYear}: no fact of the law is that old"))
            : result.Value;
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>Reads and writes <see cref="YearMonth"/> as <c>yyyy-MM</c>.</summary>
internal sealed class YearMonthConverter : JsonConverter<YearMonth>
{
    internal static readonly YearMonthPattern Pattern = YearMonthPattern.Iso;

    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"{JsonText.Token(ref reader)} is not a month (yyyy-MM)"));
        }

        if (IsoDigits.TryMonth(ref reader, out var month))
        {
            return month;
        }

        string text = reader.GetString()!;
        var result = Pattern.Parse(text);
        return !result.Success ? throw new JsonException($"\"{MessageText.Cut(text)}\" is not a month (yyyy-MM)")
            : result.Value.Year < IsoDigits.FirstYear ? throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"\"{MessageText.Cut(text)}\" is before {IsoDigits.FirstYear}: no fact of the law is that old"))
            : result.Value;
    }

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Pattern.Format(value));
}

/// <summary>
/// Reads the common spelling of a date or month, <c>2024-08-05</c> or <c>2024-08</c> (years 1–9999, unescaped),
/// straight from the UTF-8 bytes; anything else is left to NodaTime's ISO patterns, which read these the same.
/// </summary>
internal static class IsoDigits
{
    /// <summary>The first year a date or month of the input may have: earlier ones cannot be facts of this law (a person born then is dead).</summary>
    internal const int FirstYear = 1900;

    internal static bool TryDate(ref Utf8JsonReader reader, out LocalDate date)
    {
        date = default;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        var text = reader.ValueSpan;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryNumber(text[..4], out int year) || !TryNumber(text.Slice(5, 2), out int month) || !TryNumber(text.Slice(8, 2), out int day)
            || year < FirstYear || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    internal static bool TryMonth(ref Utf8JsonReader reader, out YearMonth yearMonth)
    {
        yearMonth = default;
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        var text = reader.ValueSpan;
        if (text.Length != 7 || text[4] != (byte)'-'
            || !TryNumber(text[..4], out int year) || !TryNumber(text.Slice(5, 2), out int month)
            || year < FirstYear || month is < 1 or > 12)
        {
            return false;
        }

        yearMonth = new YearMonth(year, month);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (byte digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}

/// <summary>Small helpers for messages about JSON values.</summary>
internal static class JsonText
{
    internal static string Token(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => MessageText.Cut(System.Text.Encoding.UTF8.GetString(reader.ValueSpan)),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>Turns a System.Text.Json exception into a short message without its position suffix.</summary>
    internal static string Message(JsonException exception)
    {
        string message = exception.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            int open = message.IndexOf('\'', StringComparison.Ordinal);
            int close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
            return close > open ? $"unknown field \"{MessageText.Cut(message[(open + 1)..close])}\"" : "unknown field";
        }

        if (message.StartsWith("Duplicate property '", StringComparison.Ordinal))
        {
            int open = message.IndexOf('\'', StringComparison.Ordinal);
            int close = message.IndexOf("' encountered", StringComparison.Ordinal);
            return close > open ? $"duplicate property \"{MessageText.Cut(message[(open + 1)..close])}\": a key is given once" : "duplicate property: a key is given once";
        }

        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            string type = message["The JSON value could not be converted to ".Length..];
            return "wrong type: expected " + (type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
                : type.Contains("Int32", StringComparison.Ordinal) ? "a whole number"
                : type.Contains("Decimal", StringComparison.Ordinal) ? "a number"
                : type.Contains("String", StringComparison.Ordinal) ? "a string"
                : type.Contains("List", StringComparison.Ordinal) ? "an array"
                : "an object");
        }

        int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position < 0)
        {
            position = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        return (position > 0 ? message[..position] : message).TrimEnd(' ', '|', '.');
    }
}
