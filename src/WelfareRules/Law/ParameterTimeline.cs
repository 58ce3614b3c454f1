using System.Collections.Immutable;
using NodaTime;

namespace WelfareRules.Law;

/// <summary>
/// The values of one parameter in one jurisdiction, by date: each value applies from its date until
/// the next. Built from all instruments of a rule set and validated when the rule set is built.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ParameterTimeline
{
    internal ParameterTimeline(ParameterKey key, Jurisdiction jurisdiction, ImmutableArray<Provision> entries)
    {
        Key = key;
        Jurisdiction = jurisdiction;
        Entries = entries;
    }

    /// <summary>The parameter.</summary>
    public ParameterKey Key { get; }

    /// <summary>The jurisdiction.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The provisions in date order; no two share a date.</summary>
    public ImmutableArray<Provision> Entries { get; }

    /// <summary>The provision in force on a date, or null before the first.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The provision in force, or null.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="date"/> is before 1900 (a default date?).</exception>
    public Provision? On(LocalDate date)
    {
        Preconditions.CheckDate(date, nameof(date));
        Provision? result = null;
        foreach (var entry in Entries)
        {
            if (entry.From > date)
            {
                break;
            }

            result = entry;
        }

        return result;
    }
}
