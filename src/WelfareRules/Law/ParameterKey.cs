using System;
using System.Text;

namespace WelfareRules.Law;

/// <summary>
/// Names one parameter of the law: a parameter name from the catalogue (<c>standard</c>,
/// <c>coefficient</c>, …), and where the parameter is per group, the group and its case.
/// </summary>
/// <remarks>Immutable; equality is ordinal over the three parts.</remarks>
public sealed record ParameterKey
{
    /// <summary>Creates a key.</summary>
    /// <param name="name">The parameter's name in the catalogue.</param>
    /// <param name="group">The beneficiary group's id, for a per-group parameter.</param>
    /// <param name="case">The case within the group or parameter (an age band, a disability level…).</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="System.ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public ParameterKey(string name, string? group = null, string? @case = null)
    {
        Preconditions.CheckNotNull(name, nameof(name));
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), nameof(name), "A parameter has a name.");
        Name = name;
        Group = group;
        Case = @case;
    }

    /// <summary>The parameter's name.</summary>
    public string Name { get; }

    /// <summary>The group's id, or null.</summary>
    public string? Group { get; }

    /// <summary>The case, or null.</summary>
    public string? Case { get; }

    /// <summary>Formats the key as <c>name[group/case]</c>.</summary>
    /// <returns>The key as text.</returns>
    public override string ToString()
    {
        if (Group is null && Case is null)
        {
            return MessageText.Cut(Name);
        }

        var text = new StringBuilder(MessageText.Cut(Name)).Append('[');
        if (Group is not null)
        {
            text.Append(MessageText.Cut(Group));
            if (Case is not null)
            {
                text.Append('/');
            }
        }

        return text.Append(MessageText.Cut(Case)).Append(']').ToString();
    }
}
