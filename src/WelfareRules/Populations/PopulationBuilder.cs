using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;

namespace WelfareRules.Populations;

/// <summary>Builds a <see cref="Population"/> person by person, packing each into the compact form as it is added.</summary>
/// <remarks>Not thread-safe; a builder is used once and discarded.</remarks>
public sealed class PopulationBuilder
{
    private readonly List<Jurisdiction> jurisdictions = [];
    private readonly Dictionary<Jurisdiction, int> jurisdictionIndex = [];
    private readonly List<RaisedChild> children = [];
    private readonly ChildInterner interner = new();
    private readonly Dictionary<int, ImmutableArray<MeritRecord>> merit = [];
    private ulong[] facts;
    private int[] birth, death, decision, certified, escaped, childStart;
    private int count;
    private bool built;

    /// <summary>Creates a builder.</summary>
    /// <param name="capacity">The expected number of persons (the arrays grow past it as needed).</param>
    public PopulationBuilder(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        capacity = Math.Max(capacity, 16);
        facts = new ulong[capacity];
        birth = new int[capacity];
        death = new int[capacity];
        decision = new int[capacity];
        certified = new int[capacity];
        escaped = new int[capacity];
        childStart = new int[capacity + 1];
    }

    /// <summary>The number of persons added so far.</summary>
    public int Count => count;

    /// <summary>Adds a person.</summary>
    /// <param name="jurisdiction">Where the person lives.</param>
    /// <param name="person">The person.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> or <paramref name="person"/> is null.</exception>
    /// <exception cref="ArgumentException">The person cannot be represented (see the remarks on <see cref="Population"/>).</exception>
    /// <exception cref="InvalidOperationException">The population was already built.</exception>
    public PopulationBuilder Add(Jurisdiction jurisdiction, Person person)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentNullException.ThrowIfNull(person);
        if (built)
        {
            throw new InvalidOperationException("the population was already built");
        }

        // Everything is packed and checked before anything is stored, so a refused person leaves no trace.
        CheckChildren(person, count);
        bool newJurisdiction = !jurisdictionIndex.TryGetValue(jurisdiction, out int j);
        if (newJurisdiction)
        {
            j = jurisdictions.Count;
            if (j > FactBits.MaxJurisdictions)
            {
                throw new ArgumentException(FactBits.TooManyJurisdictions, nameof(jurisdiction));
            }
        }

        var packed = Pack(person, j, count);

        if (newJurisdiction)
        {
            jurisdictions.Add(jurisdiction);
            jurisdictionIndex.Add(jurisdiction, j);
        }

        if (count == facts.Length)
        {
            Grow();
        }

        facts[count] = packed.Facts;
        birth[count] = packed.Birth;
        death[count] = packed.Death;
        decision[count] = packed.Decision;
        certified[count] = packed.Certified;
        escaped[count] = packed.Escaped;
        childStart[count] = children.Count;
        interner.AddTo(children, person.ChildrenRaisedAlone);
        if (!person.Merit.IsEmpty)
        {
            merit.Add(count, person.Merit);
        }

        count++;
        childStart[count] = children.Count;
        return this;
    }

    /// <summary>The population of the persons added, in order.</summary>
    /// <returns>The population.</returns>
    /// <exception cref="InvalidOperationException">The population was already built.</exception>
    public Population ToPopulation()
    {
        if (built)
        {
            throw new InvalidOperationException("the population was already built");
        }

        built = true;

        // A builder is used once: when it was given its exact size, its arrays become the population's, without
        // a copy (a hundred million persons would otherwise need twice their memory at this moment).
        return new Population(new Columns(
            count, [.. jurisdictions], Trimmed(facts), Trimmed(birth), Trimmed(death), Trimmed(decision), Trimmed(certified), Trimmed(escaped),
            childStart.Length == count + 1 ? childStart : childStart.AsSpan(0, count + 1).ToArray(), [.. children],
            merit.Count == 0 ? null : new Dictionary<int, ImmutableArray<MeritRecord>>(merit)));
    }

    private T[] Trimmed<T>(T[] column) => column.Length == count ? column : column.AsSpan(0, count).ToArray();

    /// <summary>Room for <paramref name="atLeast"/> persons, at least twice the room there was.</summary>
    private void Grow(int atLeast = 0)
    {
        int size = Math.Max(atLeast, checked(facts.Length * 2));
        Array.Resize(ref facts, size);
        Array.Resize(ref birth, size);
        Array.Resize(ref death, size);
        Array.Resize(ref decision, size);
        Array.Resize(ref certified, size);
        Array.Resize(ref escaped, size);
        Array.Resize(ref childStart, size + 1);
    }

    /// <summary>Refuses a person raising more children alone than the compact form holds.</summary>
    /// <exception cref="ArgumentException">The person raises too many.</exception>
    private static void CheckChildren(Person person, int index) => CheckChildren(person.ChildrenRaisedAlone.Length, index);

    /// <summary>Refuses a person raising <paramref name="children"/> children alone when the compact form holds fewer.</summary>
    /// <exception cref="ArgumentException">Too many.</exception>
    internal static void CheckChildren(int children, int index)
    {
        if (children > FactBits.MaxChildrenRaisedAlone)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"person {index}: at most {FactBits.MaxChildrenRaisedAlone} children raised alone can be represented"), "person");
        }
    }

    /// <summary>A person's packed facts and dates, every value checked (children's birth dates included); nothing stored.</summary>
    /// <exception cref="ArgumentException">A value cannot be represented.</exception>
    internal static PackedPerson Pack(Person person, int jurisdiction, int index) =>
        Pack(PersonFacts.Of(person), person.BirthDate, person.DeathDate, person.DecisionSignedOn, person.DisabilityCertifiedOn,
            person.Household.EscapedPovertyMonth, person.ChildrenRaisedAlone, jurisdiction, index);

    /// <summary>The same from the values themselves (a reader that builds no <see cref="Person"/>).</summary>
    /// <exception cref="ArgumentException">A value cannot be represented.</exception>
    internal static PackedPerson Pack(in PersonFacts facts, LocalDate birth, LocalDate? death, LocalDate? decision, LocalDate? certified, YearMonth? escaped,
        ImmutableArray<RaisedChild> children, int jurisdiction, int index)
    {
        var packed = new PackedPerson(
            FactBits.Pack(facts, jurisdiction, index),
            PackedDate.Of(birth, index, "birth date"),
            PackedDate.Of(death, index, "death date"),
            PackedDate.Of(decision, index, "decision date"),
            PackedDate.Of(certified, index, "disability certificate date"),
            PackedDate.Of(escaped, index));
        foreach (var child in children)
        {
            PackedDate.Of(child.BirthDate, index, "child's birth date");
        }

        return packed;
    }

    /// <summary>One person's values in the columns' forms.</summary>
    internal readonly record struct PackedPerson(ulong Facts, int Birth, int Death, int Decision, int Certified, int Escaped);

    /// <summary>The columns of a population: one array per fact, indexed by person.</summary>
    internal sealed class Columns(int count, ImmutableArray<Jurisdiction> jurisdictions, ulong[] facts, int[] birth, int[] death,
        int[] decision, int[] certified, int[] escaped, int[] childStart, RaisedChild[] children, Dictionary<int, ImmutableArray<MeritRecord>>? merit = null)
    {
        /// <summary>The merit records of the persons who have any, by person; null when none has.</summary>
        internal Dictionary<int, ImmutableArray<MeritRecord>>? Merit { get; } = merit;

        /// <summary>Whether person i has merit records (each such person is a profile of their own).</summary>
        internal bool HasMerit(int i) => Merit is { } m && m.ContainsKey(i);

        internal int Count { get; } = count;

        internal ImmutableArray<Jurisdiction> Jurisdictions { get; } = jurisdictions;

        /// <summary>The facts that do not depend on the month, packed as <see cref="FactBits"/> describes.</summary>
        internal ulong[] Facts { get; } = facts;

        internal int[] Birth { get; } = birth;

        internal int[] Death { get; } = death;

        internal int[] Decision { get; } = decision;

        internal int[] Certified { get; } = certified;

        internal int[] Escaped { get; } = escaped;

        /// <summary>Person i's children raised alone are <c>Children[ChildStart[i]..ChildStart[i + 1]]</c>.</summary>
        internal int[] ChildStart { get; } = childStart;

        internal RaisedChild[] Children { get; } = children;

        /// <summary>
        /// Each child of <see cref="Children"/> as <see cref="ChildCount.Code"/> gives it, made when first asked for: what a
        /// profile's count reads of a child, read from one array rather than from each child's object.
        /// </summary>
        internal int[] ChildCodes => Volatile.Read(ref childCodes) ?? MakeChildCodes();

        /// <summary>The column <see cref="ChildCodes"/> gives, null until first asked for.</summary>
        private int[]? childCodes;

        /// <summary>Makes <see cref="ChildCodes"/> (once: cores asking at once keep the first made).</summary>
        private int[] MakeChildCodes()
        {
            int[] codes = [.. Children.Select(ChildCount.Code)];
            return Interlocked.CompareExchange(ref childCodes, codes, null) ?? codes;
        }

        internal int JurisdictionIndex(int i) => FactBits.Jurisdiction(Facts[i]);

        internal Person Person(int i) =>
            PersonFacts.Unpack(Facts[i]).ToPerson(
                PackedDate.ToDate(Birth[i])!.Value, PackedDate.ToDate(Death[i]), PackedDate.ToDate(Decision[i]), PackedDate.ToDate(Certified[i]),
                default, PackedDate.ToYearMonth(Escaped[i]), null, [.. Children.AsSpan(ChildStart[i], ChildStart[i + 1] - ChildStart[i])],
                Merit is { } m && m.TryGetValue(i, out var records) ? records : []);
    }
}

/// <summary>
/// Dates packed into an <see cref="int"/> that orders as the dates do: <c>year &lt;&lt; 9 | month &lt;&lt; 5 | day</c>;
/// shifted right by 5 it is the month, <c>year &lt;&lt; 4 | month</c>, which also orders. Absent is <see cref="None"/>.
/// </summary>
internal static class PackedDate
{
    internal const int None = int.MinValue;

    internal static int Of(LocalDate date, int person, string what)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"person {person}: the {what} must be in the ISO calendar"), nameof(date));
        }

        return Of(date.Year, date.Month, date.Day);
    }

    /// <summary>The packed date of a year, month and day of the ISO calendar: <c>year &lt;&lt; 9 | month &lt;&lt; 5 | day</c>, so that packed dates keep the dates' order.</summary>
    internal static int Of(int year, int month, int day) => (year << 9) | (month << 5) | day;

    internal static int Of(LocalDate? date, int person, string what) => date is { } d ? Of(d, person, what) : None;

    internal static int Of(YearMonth? month, int person)
    {
        if (month is not { } m)
        {
            return None;
        }

        if (m.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"person {person}: the month the household left poverty must be in the ISO calendar"), nameof(month));
        }

        return Month(m);
    }

    /// <summary>The packed month of a year-month: <c>year &lt;&lt; 4 | month</c>.</summary>
    internal static int Month(YearMonth month) => (month.Year << 4) | month.Month;

    internal static LocalDate? ToDate(int packed) => packed == None ? null : new LocalDate(packed >> 9, (packed >> 5) & 15, packed & 31);

    internal static YearMonth? ToYearMonth(int packed) => packed == None ? null : new YearMonth(packed >> 4, packed & 15);
}
