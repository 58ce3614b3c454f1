using System;
using System.IO;
using System.Linq;
using Microsoft.Win32.SafeHandles;

namespace WelfareRules.Cli;

/// <summary>The process's standard streams, opened so that a closed one is told apart.</summary>
internal static class StandardStreams
{
    /// <summary>
    /// Standard output as a file stream on descriptor 1 when it is a pipe or a device, so that a closed pipe
    /// (<c>| head -1</c>) fails the next write and the run stops; the console stream would drop the output silently
    /// and evaluate the rest. A regular file is written through the console stream, at the descriptor's offset.
    /// </summary>
    internal static Stream Output()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var handle = new SafeFileHandle(1, ownsHandle: false);
                var stream = new FileStream(handle, FileAccess.Write, 1);
                if (!stream.CanSeek)
                {
                    return stream;
                }

                // A regular file: a file stream would write at its own position rather than at the descriptor's
                // shared offset, overwriting what others wrote to the same file before ("(a; b) > f"). The console
                // stream writes at the shared offset; a full disk still fails its write.
                stream.Dispose();
            }
            catch (Exception failed) when (failed is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Not a descriptor a file stream takes: the console stream below.
            }
        }

        return Console.OpenStandardOutput();
    }

    /// <summary>
    /// Whether standard input was closed when the process started (<c>&lt;&amp;-</c>). Descriptor 0 is then
    /// reused by the runtime for a pipe of its own, and reading it would wait forever; on Linux this is seen
    /// as descriptor 0 being a pipe whose other end this process holds too.
    /// </summary>
    internal static bool InputIsClosed()
    {
        try
        {
            const string Descriptors = "/proc/self/fd";
            if (!Directory.Exists(Descriptors))
            {
                return false;
            }

            string? zero = new FileInfo(Path.Combine(Descriptors, "0")).LinkTarget;
            if (zero is null)
            {
                return true;
            }

            // The runtime duplicates descriptors 0 to 2 (read ends stay read ends); only the pipe's write end tells.
            return zero.StartsWith("pipe:", StringComparison.Ordinal)
                && Directory.EnumerateFileSystemEntries(Descriptors)
                    .Any(d => new FileInfo(d).LinkTarget == zero && IsWriteOnly(Path.GetFileName(d)));
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether a descriptor of this process is open for writing only (its <c>flags</c> in <c>/proc/self/fdinfo</c>, octal, access mode 1).</summary>
    private static bool IsWriteOnly(string descriptor)
    {
        foreach (string line in File.ReadLines(Path.Combine("/proc/self/fdinfo", descriptor)))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                string octal = line["flags:".Length..].Trim();
                return octal.Length > 0 && (octal[^1] - '0' & 3) == 1;
            }
        }

        return false;
    }
}

/// <summary>Standard input when it is closed: reading it is an error (exit 2), never a wait.</summary>
internal sealed class ClosedInput : TextReader
{
    public override int Peek() => throw Closed();

    public override int Read() => throw Closed();

    public override int Read(char[] buffer, int index, int count) => throw Closed();

    public override int Read(Span<char> buffer) => throw Closed();

    public override string? ReadLine() => throw Closed();

    private static IOException Closed() => new("standard input is closed: give --input a file, or pipe the input in");
}
