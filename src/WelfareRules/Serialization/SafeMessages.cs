using System;
using System.IO;
using System.Text;

namespace WelfareRules.Serialization;

/// <summary>
/// A writer of messages that never fails its caller: a write that fails (a full disk, a closed pipe) is
/// dropped, and so are the ones after it. Control characters other than the line feed are escaped, so a
/// message cannot forge a line or send a terminal escape.
/// </summary>
internal sealed class SafeMessages(TextWriter inner) : TextWriter
{
    private bool failed;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Whether a write has failed (and later messages were dropped).</summary>
    internal bool Failed => failed;

    internal static SafeMessages Of(TextWriter writer) => writer as SafeMessages ?? new SafeMessages(writer);

    public override void Write(char value) => Guard(() => inner.Write(Escape(value)));

    public override void Write(string? value) => Guard(() => inner.Write(Escape(value)));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(Escape(value)));

    public override void WriteLine() => Guard(inner.WriteLine);

    public override void Flush() => Guard(inner.Flush);

    private static string Escape(char value) => value == '\n' ? "\n" : MessageText.Escape(value.ToString());

    private static string? Escape(string? value)
    {
        if (value is null)
        {
            return null;
        }

        // Lines of a message stay lines; every other control character is escaped.
        var parts = value.Split('\n');
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = MessageText.Escape(parts[i].EndsWith('\r') ? parts[i][..^1] : parts[i]);
        }

        return string.Join('\n', parts);
    }

    private void Guard(Action write)
    {
        if (failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            failed = true;
        }
    }
}
