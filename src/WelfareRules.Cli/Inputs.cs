using System;
using System.IO;
using System.Text;
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
    internal static JsonLinesReader OpenText(string path, string option, TextReader stdin) => OpenText(path, option, stdin, out _);

    /// <summary>As <see cref="OpenText(string, string, TextReader)"/>, giving the file's stream (for progress), or null for standard input.</summary>
    internal static JsonLinesReader OpenText(string path, string option, TextReader stdin, out Stream? file)
    {
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

        return JsonLinesReader.Of(reader);
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
