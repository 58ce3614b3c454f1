using System;
using System.Collections.Immutable;
using System.Text;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
using WelfareRules.Legal;

namespace WelfareRules.Evaluation;

/// <summary>
/// Why a group applies, as an explanation says it: the group's title, then each of its conditions' notes, "; " between
/// (<c>Severely disabled person; disability: severe; aged 72, at least 60</c>), in English and in Vietnamese, and the
/// provisions cited.
/// </summary>
internal static class GroupReason
{
    /// <summary>The title and the notes in English and in Vietnamese.</summary>
    internal static (string English, string Vietnamese) Text(GroupDefinition group, ReadOnlySpan<ConditionNote> notes)
    {
        var english = new StringBuilder(group.TitleEnglish ?? group.Title);
        var vietnamese = new StringBuilder(group.Title);
        foreach (var note in notes)
        {
            english.Append("; ").Append(note.English);
            vietnamese.Append("; ").Append(note.Vietnamese);
        }

        return (english.ToString(), vietnamese.ToString());
    }

    /// <summary><paramref name="first"/>, then each note's citations, each once, in that order.</summary>
    internal static ImmutableArray<Citation> Basis(ReadOnlySpan<ConditionNote> notes, params ReadOnlySpan<Citation> first)
    {
        var basis = ImmutableArray.CreateBuilder<Citation>();
        foreach (var citation in first)
        {
            if (!basis.Contains(citation))
            {
                basis.Add(citation);
            }
        }

        foreach (var note in notes)
        {
            foreach (var citation in note.Basis)
            {
                if (!basis.Contains(citation))
                {
                    basis.Add(citation);
                }
            }
        }

        return basis.ToImmutable();
    }
}
