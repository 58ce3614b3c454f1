using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using WelfareRules.Law;
using WelfareRules.Serialization;

namespace WelfareRules.Cli;

/// <summary>Writing the output failed (a closed pipe, a full disk): exit code 1, and the run stops.</summary>
internal sealed class OutputFailedException(IOException inner) : Exception("cannot write the output: " + inner.Message, inner);

/// <summary>Opens the files an option names, with messages that say what is wrong with the path.</summary>
internal static class Inputs
{
    /// <summary>Checks that a path names a readable file, not a directory or nothing.</summary>
    internal static string CheckFile(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{option}: {MessageText.Cut(path)} is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"{option}: {MessageText.Cut(path)}: no such file");
        }

        return path;
    }

    /// <summary>A text reader over a file, or standard input for <c>-</c>, splitting lines at LF only and refusing UTF-16.</summary>
    internal static JsonLinesReader OpenText(string path, string option, TextReader stdin, CancellationToken stop = default) => OpenText(path, option, stdin, out _, out _, stop);

    /// <summary>As <see cref="OpenText(string, string, TextReader, CancellationToken)"/>, giving the file's stream (or null for standard input) and the input's meter (for progress).</summary>
    internal static JsonLinesReader OpenText(string path, string option, TextReader stdin, out Stream? file, out InputMeter meter, CancellationToken stop = default)
    {
        if (path != "-" && ParquetFiles.ParquetPopulation.IsParquet(path))
        {
            // A population as Parquet is read as the JSON Lines of its rows (docs/contract.md, "Population as Parquet").
            file = null;
            meter = new InputMeter(ParquetFiles.ParquetPopulation.OpenAsLines(CheckFile(path, option)), stop);
            return JsonLinesReader.Of(meter);
        }

        file = path == "-" ? null : new FileStream(CheckFile(path, option), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var reader = file is null ? stdin : new StreamReader(file, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        if (reader is StreamReader stream)
        {
            // Reading a character makes the reader detect a byte-order mark; a UTF-16 or UTF-32 one is refused, not decoded.
            stream.Peek();
            if (stream.CurrentEncoding.CodePage != Encoding.UTF8.CodePage)
            {
                stream.Dispose();
                throw new UsageException($"{(path == "-" ? "standard input" : MessageText.Cut(path))}: {Utf16.Message}");
            }
        }

        meter = new InputMeter(reader, stop);
        return JsonLinesReader.Of(meter);
    }

    /// <summary>The bytes of a file named by an option.</summary>
    internal static byte[] ReadBytes(string path, string option) => File.ReadAllBytes(CheckFile(path, option));
}

/// <summary>An output stream whose failures are <see cref="OutputFailedException"/>, told apart from failures to read the input.</summary>
internal sealed class OutputStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => Guard(inner.Flush);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException failed)
        {
            throw new OutputFailedException(failed);
        }
    }

    public override void WriteByte(byte value) => Guard(() => inner.WriteByte(value));

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException failed)
        {
            throw new OutputFailedException(failed);
        }
    }
}

/// <summary>
/// The input as read: it counts the characters and lines read (for progress), and ends, once <c>stop</c> is cancelled
/// (Ctrl+C), at the end of the line in hand, so that the lines read before are whole and the run finishes them,
/// writes its output and stops.
/// </summary>
internal sealed class InputMeter(TextReader inner, CancellationToken stop) : TextReader, IReadMeter
{
    private bool atLineStart = true;
    private bool ended;
    private long characters;
    private long lines;

    /// <inheritdoc/>
    public Action<long, long>? OnRead { get; set; }

    public override int Peek() => ended ? -1 : inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (ended || buffer.IsEmpty)
        {
            return 0;
        }

        if (stop.IsCancellationRequested && atLineStart)
        {
            ended = true;
            return 0;
        }

        int n = inner.Read(buffer);
        if (n == 0)
        {
            return 0;
        }

        if (stop.IsCancellationRequested && buffer[..n].IndexOf('\n') is var end and >= 0)
        {
            n = end + 1;
            ended = true;
        }

        atLineStart = buffer[n - 1] == '\n';
        characters += n;
        lines += buffer[..n].Count('\n');
        OnRead?.Invoke(characters, lines);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// The input as bytes, as <see cref="InputMeter"/> reads text: it counts the bytes and lines read (for progress), and
/// ends, once <c>stop</c> is cancelled (Ctrl+C), at the end of the line in hand, but not before
/// <paramref name="linesRead"/> lines: those already read as text (to choose the framing) before the file was opened
/// again, which the text's reading would have evaluated.
/// </summary>
internal sealed class ByteMeter(Stream inner, CancellationToken stop, long linesRead = 0) : Stream, IReadMeter
{
    private bool atLineStart = true;
    private bool ended;
    private long bytes;
    private long lines;

    /// <inheritdoc/>
    public Action<long, long>? OnRead { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (ended || buffer.IsEmpty)
        {
            return 0;
        }

        bool stopping = stop.IsCancellationRequested && lines >= linesRead;
        if (stopping && atLineStart)
        {
            ended = true;
            return 0;
        }

        int n = inner.Read(buffer);
        if (n == 0)
        {
            return 0;
        }

        if (stop.IsCancellationRequested && LineEnd(buffer[..n]) is var end and >= 0)
        {
            n = end + 1;
            ended = true;
        }

        atLineStart = buffer[n - 1] == '\n';
        bytes += n;
        lines += buffer[..n].Count((byte)'\n');
        OnRead?.Invoke(bytes, lines);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Where the line in hand ends in bytes just read (the first line feed that takes the count to the lines already read as text), or -1.</summary>
    private int LineEnd(ReadOnlySpan<byte> read)
    {
        long before = lines;
        for (int at = 0; read[at..].IndexOf((byte)'\n') is var next and >= 0; at += next + 1)
        {
            if (++before >= linesRead)
            {
                return at + next;
            }
        }

        return -1;
    }
}

/// <summary>What a progress bar reads: the characters and lines read so far.</summary>
internal interface IReadMeter
{
    /// <summary>Called after each block read with the characters and lines read so far, or null.</summary>
    Action<long, long>? OnRead { get; set; }
}

/// <summary>
/// Situations already read (a Parquet population's rows), counted for progress and ended at a row once Ctrl+C is
/// pressed; a file that is not a readable population is an <see cref="IOException"/> naming it. Enumerated once,
/// after <see cref="Any"/> has looked at the first row.
/// </summary>
internal sealed class SituationMeter(string path, IEnumerable<ReadLine> inner, CancellationToken stop) : IEnumerable<ReadLine>, IReadMeter, IDisposable
{
    private readonly IEnumerator<ReadLine> rows = inner.GetEnumerator();
    private ReadLine? first;
    private long count;

    /// <inheritdoc/>
    public Action<long, long>? OnRead { get; set; }

    /// <summary>Whether there is a first row (read now, and given first by the enumeration).</summary>
    public bool Any()
    {
        first ??= Read();
        return first is not null;
    }

    /// <inheritdoc/>
    public IEnumerator<ReadLine> GetEnumerator()
    {
        if ((first ?? Read()) is not { } head)
        {
            yield break;
        }

        first = null;
        yield return head;
        while (!stop.IsCancellationRequested && Read() is { } line)
        {
            yield return line;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public void Dispose() => rows.Dispose();

    private ReadLine? Read()
    {
        try
        {
            if (!rows.MoveNext())
            {
                return null;
            }
        }
        catch (Exception unreadable) when (unreadable is not (UsageException or OutOfMemoryException))
        {
            throw ParquetFiles.ParquetPopulation.Unreadable(path, unreadable);
        }

        count++;
        OnRead?.Invoke(count, count);
        return rows.Current;
    }
}
