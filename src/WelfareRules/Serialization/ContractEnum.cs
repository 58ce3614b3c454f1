using System;
using System.Collections.Frozen;
using System.Linq;

namespace WelfareRules.Serialization;

/// <summary>The JSON spellings of an enumeration: its member names in camel case (<c>nearPoor</c>, <c>bothParentsDead</c>).</summary>
internal static class ContractEnum<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(v => Spell(v), v => v, StringComparer.Ordinal);

    /// <summary>The spellings, in declaration order.</summary>
    internal static readonly System.Collections.Immutable.ImmutableArray<string> Spellings = [.. Enum.GetValues<T>().Select(v => Spell(v))];

    /// <summary>The spellings, comma-separated, in declaration order.</summary>
    internal static readonly string Names = string.Join(", ", Spellings);

    internal static bool TryParse(string text, out T value) => ByName.TryGetValue(text, out value);

    internal static string Spell(T value)
    {
        string name = value.ToString();
        // A vocabulary spelled otherwise than in camel case (the merit categories) names its spellings on its members.
        if (typeof(T).GetField(name)?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false) is [System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute spelled, ..])
        {
            return spelled.Name;
        }

        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
