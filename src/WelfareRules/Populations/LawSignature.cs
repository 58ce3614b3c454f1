using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using WelfareRules.Law;

namespace WelfareRules.Populations;

/// <summary>
/// What a month's law is made of, by identity: whether it is covered, the standard's provisions, the open and
/// closed groups with their switches, and every provision in force. Two months of one jurisdiction and rule
/// set with equal signatures resolve to the same law, so a profile's report in one is its report in the
/// other but for the month it names: the engine evaluates a profile once across such months.
/// </summary>
internal sealed class LawSignature : IEquatable<LawSignature>
{
    private readonly object?[] parts;
    private readonly int hash;

    private LawSignature(object?[] parts)
    {
        this.parts = parts;
        hash = IdentityHash(parts, default);
    }

    /// <summary>The signature of a jurisdiction's law in a month; a jurisdiction the rules do not know has one signature in every month.</summary>
    internal static LawSignature Of(RuleSet rules, Jurisdiction jurisdiction, NodaTime.YearMonth month)
    {
        if (!rules.Knows(jurisdiction))
        {
            return new LawSignature([rules, jurisdiction.Code]);
        }

        var law = rules.ForMonth(jurisdiction, month);
        var parts = new List<object?>
        {
            rules, law.IsCovered ? bool.TrueString : bool.FalseString, month > rules.Horizon ? rules.HorizonWarning : null,
            law.Standard?.Provision, law.Standard?.National, law.Standard?.Local,
        };
        AddOpen(law.Groups);
        Add(nameof(law.SocialPensionGroups), law.SocialPensionGroups);
        Add(nameof(law.HealthInsuranceGroups), law.HealthInsuranceGroups);
        Add(nameof(law.LocalHealthInsuranceGroups), law.LocalHealthInsuranceGroups);
        Add(nameof(law.FuneralGroups), law.FuneralGroups);
        Add(nameof(law.CremationGroups), law.CremationGroups);
        Add(nameof(law.CareGroups), law.CareGroups);
        Add(nameof(law.InstitutionalGroups), law.InstitutionalGroups);
        Add(nameof(law.MeritGroups), law.MeritGroups);
        parts.Add(nameof(law.ClosedGroups));
        AddOpen(law.ClosedGroups);

        // Every group that exists (open or closed, of any benefit): what inGroup reads, and what decided profiles sign.
        Add(nameof(law.AllGroups), [.. law.AllGroups.OrderBy(g => g.Id, StringComparer.Ordinal)]);

        parts.Add(nameof(law.Provisions));
        // In one order whatever the month (by the key's parts, not its text: made for each month, the text cost more than the rest).
        var provisions = law.Provisions.ToArray();
        Array.Sort(provisions, static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Key.Name, b.Key.Name);
            c = c != 0 ? c : string.CompareOrdinal(a.Key.Group, b.Key.Group);
            c = c != 0 ? c : string.CompareOrdinal(a.Key.Case, b.Key.Case);
            return c != 0 ? c : string.CompareOrdinal(a.Jurisdiction.Code, b.Jurisdiction.Code);
        });
        parts.AddRange(provisions);
        return new LawSignature([.. parts]);

        // A section of the signature: its name, then its groups in order.
        void Add(string name, ImmutableArray<GroupDefinition> groups)
        {
            parts.Add(name);
            parts.AddRange(groups);
        }

        void AddOpen(ImmutableArray<OpenGroup> groups)
        {
            foreach (var group in groups)
            {
                parts.Add(group.Definition);
                parts.Add(group.OpenSwitch);
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(LawSignature? other) => other is not null && other.hash == hash && SameParts(parts, other.parts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LawSignature);

    /// <inheritdoc />
    public override int GetHashCode() => hash;

    /// <summary>A hash of <paramref name="parts"/> by identity, added to <paramref name="hash"/>.</summary>
    internal static int IdentityHash(object?[] parts, HashCode hash)
    {
        foreach (var part in parts)
        {
            hash.Add(part is null ? 0 : RuntimeHelpers.GetHashCode(part));
        }

        return hash.ToHashCode();
    }

    /// <summary>Whether two lists of parts hold the same objects in the same order.</summary>
    internal static bool SameParts(object?[] a, object?[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
