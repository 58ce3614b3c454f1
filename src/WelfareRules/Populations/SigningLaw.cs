using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;

namespace WelfareRules.Populations;

/// <summary>
/// What signing a profile reads of a month's law (<see cref="DecidedProfiles"/>), by identity: the key's layout, the
/// jurisdiction, every group with the provision in force of each parameter its conditions read (ages, thresholds,
/// windows), and the health-insurance lists with their shares. Two laws with equal signing laws sign every profile
/// alike, though their amounts, standards or other provisions differ: the signatures are kept, and only each
/// signature's outcome is evaluated again under the new law.
/// </summary>
internal sealed class SigningLaw : IEquatable<SigningLaw>
{
    private readonly string layout;
    private readonly int jurisdiction;
    private readonly object?[] parts;
    private readonly int hash;

    private SigningLaw(string layout, int jurisdiction, object?[] parts)
    {
        (this.layout, this.jurisdiction, this.parts) = (layout, jurisdiction, parts);
        var h = new HashCode();
        h.Add(layout, StringComparer.Ordinal);
        h.Add(jurisdiction);
        hash = LawSignature.IdentityHash(parts, h);
    }

    /// <summary>What signing reads of <paramref name="law"/>, for the jurisdiction numbered <paramref name="jurisdiction"/> and keys laid out as <paramref name="layout"/> (<see cref="MonthProfiles.Layout"/>).</summary>
    internal static SigningLaw Of(MonthLaw law, int jurisdiction, string layout)
    {
        var parts = new List<object?>();
        var read = ImmutableArray.CreateBuilder<ParameterKey>();

        // Every group, merit groups too (a condition may name one with inGroup), and what its conditions read.
        foreach (var group in law.AllGroups.OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            parts.Add(group);
            if (group.Eligibility is not { } eligibility)
            {
                continue;
            }

            read.Clear();
            eligibility.When.ParametersRead(read);
            eligibility.PerChild?.ParametersRead(read);
            foreach (var band in eligibility.Bands)
            {
                band.When?.ParametersRead(read);
            }

            foreach (var key in read)
            {
                parts.Add(law.Get(key));
            }
        }

        // The health-insurance lists, whose shares decide the group applied.
        var hi = law.HealthInsurance;
        parts.Add(nameof(hi.NationalGroups));
        foreach (var group in hi.NationalGroups)
        {
            parts.Add(group.Definition);
            parts.Add(group.Share);
        }

        parts.Add(nameof(hi.LocalGroups));
        foreach (var group in hi.LocalGroups)
        {
            parts.Add(group.Definition);
            parts.Add(group.Share);
        }

        parts.Add(nameof(law.HealthInsuranceGroups));
        parts.AddRange(law.HealthInsuranceGroups);
        parts.Add(nameof(law.LocalHealthInsuranceGroups));
        parts.AddRange(law.LocalHealthInsuranceGroups);
        return new SigningLaw(layout, jurisdiction, [.. parts]);
    }

    /// <inheritdoc />
    public bool Equals(SigningLaw? other) => other is not null && other.hash == hash && other.jurisdiction == jurisdiction
        && string.Equals(other.layout, layout, StringComparison.Ordinal) && LawSignature.SameParts(parts, other.parts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SigningLaw);

    /// <inheritdoc />
    public override int GetHashCode() => hash;
}
