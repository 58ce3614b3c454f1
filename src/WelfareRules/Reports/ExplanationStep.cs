using System;
using System.Collections.Immutable;
using System.Linq;
using WelfareRules.Legal;

namespace WelfareRules.Reports;

/// <summary>One step of the reasoning behind a report, in English and Vietnamese, with the provisions it applied.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ExplanationStep
{
    internal ExplanationStep(string english, string vietnamese, ImmutableArray<Citation> basis)
    {
        English = english;
        Vietnamese = VietnameseNumbers(vietnamese);
        Basis = basis;
    }

    /// <summary>The step in English.</summary>
    public string English { get; }

    /// <summary>The step in Vietnamese, its numbers written the Vietnamese way: thousands grouped by dots, a decimal comma ("360.000 đồng, hệ số 2,5").</summary>
    public string Vietnamese { get; }

    /// <summary>The provisions applied in this step.</summary>
    public ImmutableArray<Citation> Basis { get; }

    /// <summary>
    /// The step's JSON string values as the compact report writer spells them (English, Vietnamese), kept once the same
    /// step is written a second time (a step shared by many reports); a cache, the same bytes whoever writes it.
    /// </summary>
    internal byte[]? EnglishJson { get; set; }

    /// <inheritdoc cref="EnglishJson"/>
    internal byte[]? VietnameseJson { get; set; }

    /// <summary>The languages the step was written in once already (1 English, 2 Vietnamese; see <see cref="EnglishJson"/>).</summary>
    internal int Written { get; set; }

    /// <summary>The English text followed by its citations.</summary>
    /// <returns>The step as English text.</returns>
    public override string ToString() => Basis.IsEmpty ? English : $"{English} [{string.Join("; ", Basis.Select(c => c.ToString()))}]";

    /// <summary>The Vietnamese text followed by its citations.</summary>
    /// <returns>The step as Vietnamese text.</returns>
    public string ToVietnameseString() => Basis.IsEmpty ? Vietnamese : $"{Vietnamese} [{string.Join("; ", Basis.Select(c => c.ToVietnameseString()))}]";

    /// <summary>
    /// Writes the numbers of a step the Vietnamese way: a comma between digits (a thousands separator of the invariant
    /// format the steps are built with) becomes a dot, and a dot between digits (a decimal point) a comma.
    /// </summary>
    internal static string VietnameseNumbers(string text)
    {
        // The separators are few: found by a vectorised search, each then checked between digits.
        int first = -1;
        for (int from = 1; from < text.Length - 1;)
        {
            int found = text.AsSpan(from, text.Length - 1 - from).IndexOfAny(',', '.');
            if (found < 0)
            {
                break;
            }

            int i = from + found;
            if (char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
            {
                first = i;
                break;
            }

            from = i + 1;
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, start) = state;
            source.AsSpan().CopyTo(span);
            for (int i = start; i < span.Length - 1; i++)
            {
                if (span[i] is ',' or '.' && char.IsAsciiDigit(source[i - 1]) && char.IsAsciiDigit(source[i + 1]))
                {
                    span[i] = source[i] == ',' ? '.' : ',';
                }
            }
        });
    }
}
