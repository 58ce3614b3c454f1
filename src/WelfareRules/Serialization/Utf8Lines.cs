using System;
using System.Text;

namespace WelfareRules.Serialization;

/// <summary>
/// A JSON line read as bytes, judged as a text reader would judge its decoded text: blank as
/// <see cref="string.IsNullOrWhiteSpace"/> finds it, and bytes that are not UTF-8 read as their replacement characters.
/// </summary>
internal static class Utf8Lines
{
    /// <summary>A line's bytes without the CR just before its LF, as <see cref="JsonLinesReader"/> drops it.</summary>
    internal static ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> line) => line.EndsWith((byte)'\r') ? line[..^1] : line;

    /// <summary>Whether a line is blank as <see cref="string.IsNullOrWhiteSpace"/> finds its decoded text.</summary>
    internal static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b is (byte)' ' or (>= 0x09 and <= 0x0D))
            {
                continue;
            }

            // White space other than ASCII's is not ASCII: the text decides.
            return b >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
        }

        return true;
    }

    /// <summary>
    /// The line as UTF-8: itself when it is, or else the UTF-8 of the text a decoder makes of it (each bad sequence
    /// a replacement character, as a text reader reads it).
    /// </summary>
    internal static ReadOnlySpan<byte> AsRead(ReadOnlySpan<byte> line) =>
        System.Text.Unicode.Utf8.IsValid(line) ? line : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
}
