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
        Vietnamese = vietnamese;
        Basis = basis;
    }

    /// <summary>The step in English.</summary>
    public string English { get; }

    /// <summary>The step in Vietnamese.</summary>
    public string Vietnamese { get; }

    /// <summary>The provisions applied in this step.</summary>
    public ImmutableArray<Citation> Basis { get; }

    /// <summary>The English text followed by its citations.</summary>
    /// <returns>The step as English text.</returns>
    public override string ToString() => Basis.IsEmpty ? English : $"{English} [{string.Join("; ", Basis.Select(c => c.ToString()))}]";

    /// <summary>The Vietnamese text followed by its citations.</summary>
    /// <returns>The step as Vietnamese text.</returns>
    public string ToVietnameseString() => Basis.IsEmpty ? Vietnamese : $"{Vietnamese} [{string.Join("; ", Basis.Select(c => c.ToVietnameseString()))}]";
}
