using System;
using System.Threading;
using WelfareRules.Law.Conditions;

namespace WelfareRules.Evaluation;

/// <summary>
/// What an explanation made from a list of condition notes (a group's reason, its step), kept for the next person whose
/// conditions give the same notes: the same strings by reference (the notes a condition keeps for a month's law) and
/// equal citations (a composite condition cites itself in a fresh array). The last <see cref="Kept"/> made are kept, the
/// oldest replaced; notes differ with what a person's conditions read (an age, a window).
/// </summary>
/// <typeparam name="T">What is made from the notes.</typeparam>
/// <remarks>Thread-safe: a cache whose entries are whole; a race may replace another entry, and whichever stays is right.</remarks>
internal sealed class NoteMemo<T>
{
    /// <summary>How many are kept.</summary>
    internal const int Kept = 32;

    private readonly Entry?[] entries = new Entry?[Kept];

    /// <summary>What was made from <paramref name="notes"/>, if it is kept.</summary>
    internal bool TryFind(ReadOnlySpan<ConditionNote> notes, out T value)
    {
        for (int i = 0; i < entries.Length; i++)
        {
            if (Volatile.Read(ref entries[i]) is { } entry && entry.IsFor(notes))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/>, made from <paramref name="notes"/>, in place of the oldest; returns it.</summary>
    internal T Keep(ReadOnlySpan<ConditionNote> notes, T value)
    {
        var slots = entries.AsSpan();
        slots[..^1].CopyTo(slots[1..]);
        Volatile.Write(ref entries[0], new Entry(notes.ToArray(), value));
        return value;
    }

    private sealed class Entry(ConditionNote[] notes, T value)
    {
        internal T Value { get; } = value;

        internal bool IsFor(ReadOnlySpan<ConditionNote> others)
        {
            if (others.Length != notes.Length)
            {
                return false;
            }

            for (int i = 0; i < notes.Length; i++)
            {
                if (!ReferenceEquals(notes[i].English, others[i].English) || !ReferenceEquals(notes[i].Vietnamese, others[i].Vietnamese)
                    || !notes[i].Basis.AsSpan().SequenceEqual(others[i].Basis.AsSpan()))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
