using System;
using System.Collections.Generic;

namespace WelfareRules.Law;

/// <summary>
/// Ordinal equality of <see cref="ParameterKey"/>s, which also looks a key up by its three parts, so a
/// month's law is read without building a key.
/// </summary>
internal sealed class ParameterKeyComparer : IEqualityComparer<ParameterKey>, IAlternateEqualityComparer<(string Name, string? Group, string? Case), ParameterKey>
{
    internal static readonly ParameterKeyComparer Instance = new();

    private ParameterKeyComparer()
    {
    }

    public bool Equals(ParameterKey? x, ParameterKey? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Equals((y.Name, y.Group, y.Case), x));

    public int GetHashCode(ParameterKey obj) => GetHashCode((obj.Name, obj.Group, obj.Case));

    public bool Equals((string Name, string? Group, string? Case) alternate, ParameterKey other) =>
        string.Equals(alternate.Name, other.Name, StringComparison.Ordinal)
        && string.Equals(alternate.Group, other.Group, StringComparison.Ordinal)
        && string.Equals(alternate.Case, other.Case, StringComparison.Ordinal);

    public int GetHashCode((string Name, string? Group, string? Case) alternate) =>
        HashCode.Combine(
            string.GetHashCode(alternate.Name, StringComparison.Ordinal),
            alternate.Group is null ? 0 : string.GetHashCode(alternate.Group, StringComparison.Ordinal),
            alternate.Case is null ? 0 : string.GetHashCode(alternate.Case, StringComparison.Ordinal));

    public ParameterKey Create((string Name, string? Group, string? Case) alternate) => new(alternate.Name, alternate.Group, alternate.Case);
}
