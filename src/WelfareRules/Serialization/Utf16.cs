using System;

namespace WelfareRules.Serialization;

/// <summary>Recognises input written in UTF-16, which is refused rather than decoded: the formats are UTF-8.</summary>
internal static class Utf16
{
    /// <summary>The message for input that starts with a UTF-16 byte-order mark.</summary>
    internal const string Message = "not UTF-8: the input starts with a UTF-16 byte-order mark; save it as UTF-8";

    /// <summary>Whether the bytes start with a UTF-16 byte-order mark (FF FE or FE FF).</summary>
    internal static bool HasMark(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
}
