using System.Globalization;
using System.Text;

namespace WelfareRules;

/// <summary>
/// Puts text from the input into a message safely: control characters (a newline, an ANSI escape) are
/// written as <c>\uXXXX</c> so that they cannot forge a line or recolour a terminal, and a very long
/// value is cut.
/// </summary>
internal static class MessageText
{
    /// <summary>The most characters of one value a message shows.</summary>
    internal const int MaxLength = 80;

    /// <summary>The text, escaped and cut to <see cref="MaxLength"/> characters.</summary>
    internal static string Cut(string? text) => Escape(text, MaxLength);

    /// <summary>The text with its control characters escaped, cut to <paramref name="maxLength"/> characters (then "…").</summary>
    internal static string Escape(string? text, int maxLength = int.MaxValue)
    {
        if (text is null)
        {
            return "";
        }

        bool clean = text.Length <= maxLength;
        foreach (char c in text)
        {
            if (IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(System.Math.Min(text.Length, maxLength) + 8);
        int shown = 0;
        foreach (char c in text)
        {
            if (shown == maxLength)
            {
                builder.Append('…');
                break;
            }

            if (IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }

            shown++;
        }

        return builder.ToString();
    }

    /// <summary>Whether a character must not reach a terminal as it is: C0 and C1 controls, DEL, and the Unicode line and paragraph separators.</summary>
    internal static bool IsControl(char c) => c < ' ' || (c >= '\u007f' && c <= '\u009f') || c is '\u2028' or '\u2029';
}
