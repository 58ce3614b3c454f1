using System.IO;

namespace WelfareRules.Cli;

/// <summary>A reader that gives back a line already read, then the rest of another reader.</summary>
/// <param name="line">The line already read (without its end of line).</param>
/// <param name="rest">The reader it was read from.</param>
internal sealed class PrependedLineReader(string line, TextReader rest) : TextReader
{
    private string? pending = line + "\n";
    private int position;

    public override string? ReadLine()
    {
        if (pending is null)
        {
            return rest.ReadLine();
        }

        string text = pending[position..^1];
        pending = null;
        return text;
    }

    public override int Peek() => pending is null ? rest.Peek() : pending[position];

    public override int Read()
    {
        if (pending is null)
        {
            return rest.Read();
        }

        char next = pending[position++];
        if (position == pending.Length)
        {
            pending = null;
        }

        return next;
    }
}
