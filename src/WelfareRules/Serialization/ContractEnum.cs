using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace WelfareRules.Serialization;

/// <summary>The JSON spellings of an enumeration: its member names in camel case (<c>nearPoor</c>, <c>bothParentsDead</c>).</summary>
/// <remarks>
/// The spellings are found by their position among the values, in one table of strings to positions shared in form by
/// every enumeration (<see cref="ContractEnumNames"/>): a table typed by each enumeration would be code the runtime
/// compiles again for each of them when the tool starts (the library compiled ahead of time cannot hold it).
/// </remarks>
internal static class ContractEnum<T> where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();

    /// <summary>The spellings, in declaration order.</summary>
    internal static readonly ImmutableArray<string> Spellings = SpellAll();

    private static readonly FrozenDictionary<string, int> ByName = ContractEnumNames.Positions(Spellings);

    /// <summary>The spellings, comma-separated, in declaration order.</summary>
    internal static readonly string Names = string.Join(", ", Spellings);

    internal static bool TryParse(string text, out T value)
    {
        if (ByName.TryGetValue(text, out int position))
        {
            value = Values[position];
            return true;
        }

        value = default;
        return false;
    }

    internal static string Spell(T value)
    {
        for (int i = 0; i < Values.Length; i++)
        {
            if (EqualityComparer<T>.Default.Equals(Values[i], value))
            {
                return Spellings[i];
            }
        }

        return ContractEnumNames.Spell(typeof(T), value.ToString());
    }

    private static ImmutableArray<string> SpellAll()
    {
        var spellings = new string[Values.Length];
        for (int i = 0; i < spellings.Length; i++)
        {
            spellings[i] = ContractEnumNames.Spell(typeof(T), Values[i].ToString());
        }

        return [.. spellings];
    }
}

/// <summary>What every <see cref="ContractEnum{T}"/> shares: how a member is spelled, and the table of spellings to positions.</summary>
internal static class ContractEnumNames
{
    /// <summary>The positions of spellings among an enumeration's values.</summary>
    internal static FrozenDictionary<string, int> Positions(ImmutableArray<string> spellings)
    {
        var positions = new Dictionary<string, int>(spellings.Length, StringComparer.Ordinal);
        for (int i = 0; i < spellings.Length; i++)
        {
            positions[spellings[i]] = i;
        }

        return positions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The spelling of the member <paramref name="name"/> of the enumeration <paramref name="type"/>.</summary>
    internal static string Spell([System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] Type type, string name)
    {
        // A vocabulary spelled otherwise than in camel case (the merit categories) names its spellings on its members.
        if (type.GetField(name)?.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute), false) is [System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute spelled, ..])
        {
            return spelled.Name;
        }

        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
