using System;
using System.IO;

namespace WelfareRules.Cli;

/// <summary>A reader that gives back the text already read (whole lines, without the last end of line), then the rest of another reader.</summary>
/// <param name="lines">The lines already read, joined by LF.</param>
/// <param name="rest">The reader they were read from.</param>
internal sealed class PrependedLineReader(string lines, TextReader rest) : TextReader
{
    private readonly string pending = lines + "\n";
    private int position;

    public override int Peek() => position < pending.Length ? pending[position] : rest.Peek();

    public override int Read() => position < pending.Length ? pending[position++] : rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (position < pending.Length)
        {
            int n = Math.Min(buffer.Length, pending.Length - position);
            pending.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override string? ReadLine() => throw new NotSupportedException("read through a JsonLinesReader, which splits lines at LF only");
}
