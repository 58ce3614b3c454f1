using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;

namespace WelfareRules.Populations;

/// <summary>
/// Many persons, each with their jurisdiction, held column by column in a compact form (about 32 bytes a
/// person instead of an object graph) for the <see cref="PopulationEngine"/>. Lossless for every fact the law can
/// read: <see cref="PersonAt"/> gives back a person equal to the one added, but for <see cref="Person.Sex"/> and
/// <see cref="Household.IncomePerPerson"/>, descriptive facts no condition reads, which the compact form does not keep.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Build one with <see cref="Create(IEnumerable{Situation})"/>,
/// <see cref="Create(Jurisdiction, IEnumerable{Person})"/> or a <see cref="PopulationBuilder"/>.
/// Dates must be in the ISO calendar; counts (children under 36 months, the health-insurance household
/// order) must be at most 255 and the children raised alone at most 63, limits no real person reaches.
/// </remarks>
public sealed class Population
{
    internal Population(PopulationBuilder.Columns columns)
    {
        Columns = columns;
    }

    /// <summary>The number of persons.</summary>
    public int Count => Columns.Count;

    /// <summary>The distinct jurisdictions, in the order first added.</summary>
    public ImmutableArray<Jurisdiction> Jurisdictions => Columns.Jurisdictions;

    internal PopulationBuilder.Columns Columns { get; }

    /// <summary>A population of persons in one jurisdiction.</summary>
    /// <param name="jurisdiction">Where every person lives.</param>
    /// <param name="persons">The persons.</param>
    /// <returns>The population, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> or <paramref name="persons"/> is null, or <paramref name="persons"/> holds a null person.</exception>
    /// <exception cref="ArgumentException">A person cannot be represented (see the remarks on <see cref="Population"/>).</exception>
    public static Population Create(Jurisdiction jurisdiction, IEnumerable<Person> persons)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentNullException.ThrowIfNull(persons);
        var builder = new PopulationBuilder();
        foreach (var person in persons)
        {
            builder.Add(jurisdiction, person);
        }

        return builder.ToPopulation();
    }

    /// <summary>A population of the situations' persons and jurisdictions (their months are not kept: the engine is given the month).</summary>
    /// <param name="situations">The situations.</param>
    /// <returns>The population, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="situations"/> is null or holds a null situation.</exception>
    /// <exception cref="ArgumentException">A person cannot be represented (see the remarks on <see cref="Population"/>).</exception>
    public static Population Create(IEnumerable<Situation> situations)
    {
        ArgumentNullException.ThrowIfNull(situations);
        var builder = new PopulationBuilder();
        foreach (var situation in situations)
        {
            ArgumentNullException.ThrowIfNull(situation, nameof(situations));
            builder.Add(situation.Jurisdiction, situation.Person);
        }

        return builder.ToPopulation();
    }

    /// <summary>
    /// A population read from JSON Lines (<c>docs/contract.md</c>, the situation), parsed on every core: the calling
    /// thread reads the bytes a block at a time, and the cores parse each block's lines and pack their persons, joined
    /// in the order of the lines. A bad line, or one whose person the compact form cannot hold, is refused and reading
    /// goes on; the situations' months are not kept.
    /// </summary>
    /// <param name="utf8">The JSON Lines, in UTF-8 (a byte-order mark of another encoding is read as a text reader reads it).</param>
    /// <param name="source">The name used in errors (a file name, or <c>-</c>).</param>
    /// <param name="month">A month given to each situation in place of its own (so that lines without one are read), or null.</param>
    /// <param name="maxDegreeOfParallelism">The most cores parsing; -1 (the default) for all of them.</param>
    /// <returns>The population, in the order of the lines, and the lines refused with their numbers and errors.</returns>
    /// <remarks>
    /// The same persons, in the same order, and the same refused lines with the same numbers and errors as reading the lines
    /// one by one with <see cref="Serialization.SituationReader.ReadLines(System.IO.TextReader, string, YearMonth?, int)"/> and
    /// adding each person to a <see cref="PopulationBuilder"/>; lines end at LF, a CR before it dropped.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1, or <paramref name="month"/> is before 1900.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="System.IO.IOException">The stream could not be read.</exception>
    /// <exception cref="ArgumentException">The lines name more jurisdictions than a population holds (65,536).</exception>
    public static PopulationReadResult ReadJsonLines(System.IO.Stream utf8, string source, YearMonth? month = null, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(source);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "the most cores is -1 (all) or at least 1");
        }

        Preconditions.CheckMonth(month, nameof(month));
        return JsonLinesPopulation.Read(utf8, source, month, maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : maxDegreeOfParallelism);
    }

    /// <summary>The person at a position, rebuilt from the compact form.</summary>
    /// <param name="index">The 0-based position.</param>
    /// <returns>A person equal to the one added there, but for the descriptive facts the compact form does not keep (see the remarks on <see cref="Population"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative, or not below <see cref="Count"/>.</exception>
    public Person PersonAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Columns.Person(index);
    }

    /// <summary>The jurisdiction of the person at a position.</summary>
    /// <param name="index">The 0-based position.</param>
    /// <returns>The jurisdiction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative, or not below <see cref="Count"/>.</exception>
    public Jurisdiction JurisdictionAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Columns.Jurisdictions[Columns.JurisdictionIndex(index)];
    }

    /// <summary>The situation of the person at a position in a month.</summary>
    /// <param name="index">The 0-based position.</param>
    /// <param name="month">The benefit month.</param>
    /// <returns>The situation.</returns>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative, or not below <see cref="Count"/>, or <paramref name="month"/> is before 1900 (such as <c>default</c>).</exception>
    public Situation SituationAt(int index, YearMonth month) => new(JurisdictionAt(index), month, PersonAt(index));
}
