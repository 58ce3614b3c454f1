using System;
using System.IO;
using System.Text;

namespace WelfareRules.Serialization;

/// <summary>
/// Reads JSON Lines framing: a line ends only at a line feed (LF), and a carriage return just before it is
/// dropped (CRLF). A carriage return anywhere else stays in the line, so that it cannot split a line and
/// shift every later line number (<see cref="TextReader.ReadLine"/> would split at it).
/// </summary>
/// <remarks>Not thread-safe. Disposing it disposes the reader it wraps.</remarks>
public sealed class JsonLinesReader : TextReader
{
    private readonly TextReader inner;
    private readonly char[] buffer = new char[8192];
    private readonly StringBuilder line = new();
    private int position;
    private int length;

    /// <summary>Wraps a reader.</summary>
    /// <param name="inner">The text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inner"/> is null.</exception>
    public JsonLinesReader(TextReader inner) => this.inner = Preconditions.CheckNotNull(inner, nameof(inner));

    /// <summary>A reader that splits at LF only: <paramref name="reader"/> itself when it is one already.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The reader.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static JsonLinesReader Of(TextReader reader) => Preconditions.CheckNotNull(reader, nameof(reader)) as JsonLinesReader ?? new JsonLinesReader(reader);

    /// <summary>Reads the next line, without its LF (or CRLF).</summary>
    /// <returns>The line, or null at the end of the text.</returns>
    /// <exception cref="IOException">The underlying reader failed.</exception>
    public override string? ReadLine()
    {
        line.Clear();
        bool any = false;
        while (true)
        {
            if (position == length && !Fill())
            {
                return any ? Take() : null;
            }

            any = true;
            int end = Array.IndexOf(buffer, '\n', position, length - position);
            if (end < 0)
            {
                line.Append(buffer, position, length - position);
                position = length;
                continue;
            }

            line.Append(buffer, position, end - position);
            position = end + 1;
            return Take();
        }
    }

    /// <summary>The next character without reading it.</summary>
    /// <returns>The character, or -1 at the end of the text.</returns>
    /// <exception cref="IOException">The underlying reader failed.</exception>
    public override int Peek() => position < length || Fill() ? buffer[position] : -1;

    /// <summary>Reads the next character.</summary>
    /// <returns>The character, or -1 at the end of the text.</returns>
    /// <exception cref="IOException">The underlying reader failed.</exception>
    public override int Read() => position < length || Fill() ? buffer[position++] : -1;

    /// <summary>Reads characters into a buffer.</summary>
    /// <param name="buffer">Where the characters go.</param>
    /// <param name="index">The first position to fill.</param>
    /// <param name="count">The most characters to read.</param>
    /// <returns>The number read; 0 at the end of the text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the buffer.</exception>
    /// <exception cref="IOException">The underlying reader failed.</exception>
    public override int Read(char[] buffer, int index, int count) => Read(Preconditions.CheckNotNull(buffer, nameof(buffer)).AsSpan(index, count));

    /// <summary>Reads characters into a span.</summary>
    /// <param name="buffer">Where the characters go.</param>
    /// <returns>The number read; 0 at the end of the text.</returns>
    /// <exception cref="IOException">The underlying reader failed.</exception>
    public override int Read(Span<char> buffer)
    {
        if (position == length && !Fill())
        {
            return 0;
        }

        int n = Math.Min(buffer.Length, length - position);
        this.buffer.AsSpan(position, n).CopyTo(buffer);
        position += n;
        return n;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private string Take()
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        return line.ToString();
    }

    private bool Fill()
    {
        length = inner.Read(buffer, 0, buffer.Length);
        position = 0;
        if (length <= 0)
        {
            length = 0;
            return false;
        }

        return true;
    }
}
