using System.Globalization;
using NodaTime;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Law;

/// <summary>
/// One dated value of one parameter, set by one instrument: "from this date, this parameter is this
/// value", with its citation.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Provision
{
    internal Provision(ParameterKey key, Jurisdiction jurisdiction, LocalDate from, decimal value, Citation basis, string? note, SourceLocation location)
    {
        Key = key;
        Jurisdiction = jurisdiction;
        From = from;
        Value = value;
        Basis = basis;
        Note = note;
        Location = location;
    }

    /// <summary>The parameter this provision sets.</summary>
    public ParameterKey Key { get; }

    /// <summary>The jurisdiction the value applies in.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The first date on which the value applies (inclusive). It applies until the next value of the same parameter.</summary>
    public LocalDate From { get; }

    /// <summary>The value: đồng for an amount, the factor for a factor, 1 or 0 for a switch.</summary>
    public decimal Value { get; }

    /// <summary>The value as an amount in đồng.</summary>
    public Dong Amount => new((long)Value);

    /// <summary>The value as a switch.</summary>
    public bool IsOn => Value != 0m;

    /// <summary>The legal basis, with the provision's status.</summary>
    public Citation Basis { get; }

    /// <summary>A free-text note from the rule file (why the status, what is uncertain), or null.</summary>
    public string? Note { get; }

    /// <summary>Where the provision was read from: file, line and JSON path.</summary>
    public SourceLocation Location { get; }

    /// <summary>Formats the provision for reading.</summary>
    /// <returns>The provision as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key} = {Value} from {From:yyyy-MM-dd} ({Basis})");
}
