using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using NodaTime;
using WelfareRules.Benefits;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;

namespace WelfareRules.Populations;

/// <summary>
/// A person's profile in one month: everything the law can see of them then. Two persons with the same
/// profile in the same month get the same report from the single-person path, to the đồng, so the engine
/// evaluates each profile once. The first word is the month-independent <see cref="FactBits"/>; the second
/// holds what the month changes, each reduced only as far as the rules can tell the difference:
/// <list type="bullet">
/// <item>age (completed years at the end of the month, <see cref="AgeReading"/>) as its band between the
/// ages the law draws lines at (<see cref="AgeBands"/>), whether it is exactly such an age, and then whether
/// the birthday falls in the month (which is what "still under N" turns on);</item>
/// <item>death: none or later, in the month, or before it; and the age band at death when in the month;</item>
/// <item>whether the disability certificate and the decision are dated after the month;</item>
/// <item>for each children condition the groups of the rule sets state, how many children raised alone meet it this month (<see cref="ChildCount"/>);</item>
/// <item>whether the person is born after the month (an error on the single-person path too);</item>
/// <item>whole months since the household left poverty, as the number of the month's support windows
/// (<see cref="MonthFrame.Windows"/>) it has outlasted, or "none" when absent or in the future;</item>
/// <item>in the calendar year a person reaches an age some condition reads with <c>reachedThisYear</c> (a child's
/// sixth, for the end of the health-insurance card), the birth month and the month of the year, which conditions
/// in the same <c>all</c> may read (<see cref="ProfileCoverage"/>).</item>
/// </list>
/// When a condition reads something none of these keeps (<see cref="ProfileCoverage.Exact"/>), every person is a
/// profile of their own.
/// </summary>
/// <param name="Facts">The month-independent facts.</param>
/// <param name="Month">The month-dependent facts.</param>
internal readonly record struct ProfileKey(ulong Facts, ulong Month)
{
    /// <summary>Whether the key is a person's own (the person's index and every bit of the month set): such a profile is never shared across months.</summary>
    internal bool IsOwn => Month == ulong.MaxValue;

    /// <summary>Whether the person dies in the month (the key's death state).</summary>
    internal bool DiesInMonth => ((Month >> DeathShift) & 3) == DeathInMonth;

    /// <summary>Whether the person died before the month (the key's death state).</summary>
    internal bool DiedBeforeMonth => ((Month >> DeathShift) & 3) == DeathBefore;

    private const ulong EscapedNone = 0xFF;

    private const int AgeAtBreakpoint = 5, BirthdayThisMonth = 6, DeathShift = 7, DeathAgeShift = 9, DeathAgeAtBreakpoint = 14,
        CertificateLater = 15, DecisionLater = 16, ChildrenShift = 17, Unborn = 23, EscapedShift = 24, SixthYearBirthMonthShift = 32,
        MoreChildrenShift = 40;

    private const ulong DeathInMonth = 1, DeathBefore = 2;

    /// <summary>Every bit of both words: what is read by a condition whose reading the engine cannot place in the key.</summary>
    internal static readonly ProfileKey All = new(ulong.MaxValue, ulong.MaxValue);

    /// <summary>
    /// The bits the single-person path reads outside the groups' conditions (<see cref="DecidedProfiles"/>): death
    /// before or in the month, death before birth and birth after the month (errors), the certificate and the decision
    /// dated after the month (start months), the facts the calculators read themselves (a disability certificate
    /// given, living in a facility, another health-insurance card, the order in the household's plan), and the
    /// jurisdiction the report names.
    /// </summary>
    internal static readonly ProfileKey ReadOutsideConditions = new(
        Bits(FactBits.JurisdictionIndex) | Bits(FactBits.DeathBeforeBirth) | Bits(FactBits.HasDisabilityCertificate) | Bits(FactBits.LivingArrangement)
            | Bits(FactBits.HasOtherHealthInsurance) | Bits(FactBits.HealthInsuranceHouseholdOrder),
        (3UL << DeathShift) | (1UL << CertificateLater) | (1UL << DecisionLater) | (1UL << Unborn));

    private static ulong Bits(FactBits.Field field) => field.Mask << field.Shift;

    /// <summary>The bits the single-person path reads of the disability certificate outside the groups (given, dated after the month): the start of a group paid from the certificate's month.</summary>
    internal static readonly ProfileKey CertificateRead = new(Bits(FactBits.HasDisabilityCertificate), 1UL << CertificateLater);

    /// <summary>The bit of a decision dated after the month (the start of a group paid from the decision's month, and of one paid from the certificate's month without a certificate).</summary>
    internal static readonly ProfileKey DecisionLaterRead = new(0, 1UL << DecisionLater);

    /// <summary>The bits of the order in the household's health-insurance plan, which only a premium without support reads.</summary>
    internal static readonly ProfileKey HouseholdOrderRead = new(Bits(FactBits.HealthInsuranceHouseholdOrder), 0);

    /// <summary>Both words masked by <paramref name="mask"/>'s.</summary>
    internal ProfileKey And(ProfileKey mask) => new(Facts & mask.Facts, Month & mask.Month);

    /// <summary>Both words joined with <paramref name="other"/>'s.</summary>
    internal ProfileKey Or(ProfileKey other) => new(Facts | other.Facts, Month | other.Month);

    /// <summary>
    /// The bits of a key (as masks) that decide <paramref name="condition"/> for a person without merit records of the
    /// jurisdiction numbered <paramref name="jurisdiction"/>, under <paramref name="law"/> in a month of <paramref name="frame"/>:
    /// a fact's field, an age's band and flags (with the age at death or the year's birth month where read), a date's
    /// states, a children condition's count. <see cref="All"/> where the condition reads what the key does not place;
    /// <paramref name="receives"/> is set when it reads the month's entitlements (which the rest of the person decides).
    /// </summary>
    internal static ProfileKey Reads(Condition condition, MonthLaw law, in MonthFrame frame, int jurisdiction, ref bool receives, int depth = 0)
    {
        if (depth > 64)
        {
            // Deeper than any rule file nests: read as the whole key.
            return All;
        }

        switch (condition)
        {
            case PartsCondition parts:
                var union = default(ProfileKey);
                foreach (var part in parts.Parts)
                {
                    union = union.Or(Reads(part, law, frame, jurisdiction, ref receives, depth + 1));
                }

                return union;
            case NotCondition not:
                return Reads(not.Part, law, frame, jurisdiction, ref receives, depth + 1);
            case FactCondition fact:
                return Reads(fact);
            case AgeCondition age:
                ulong ageBits = (1UL << DeathShift) - 1 | (1UL << Unborn);
                if (age.Comparison == AgeComparison.BelowAtDeath)
                {
                    ageBits |= (3UL << DeathShift) | (0x3FUL << DeathAgeShift);
                }
                else if (age.Comparison == AgeComparison.ReachedThisYear)
                {
                    ageBits |= 0xFFUL << SixthYearBirthMonthShift;
                }

                return new ProfileKey(0, ageBits);
            case DateCondition date:
                return Reads(date);
            case ChildrenCondition children:
                var counts = frame.ChildCounts;
                for (int j = 0; j < counts.Length; j++)
                {
                    if (ReferenceEquals(counts[j].Condition, children) && counts[j].ReadsAs(jurisdiction, law))
                    {
                        return new ProfileKey(0, ChildCount.Unreadable << (j == 0 ? ChildrenShift : MoreChildrenShift + (6 * (j - 1))));
                    }
                }

                return All;
            case MeritCondition:
                // No merit record to meet it: persons with records are profiles of their own.
                return default;
            case ReceivesCondition:
                receives = true;
                return default;
            case CalendarCondition:
                // Read beside a "reachedThisYear" (ProfileCoverage), in whose years the key keeps the birth month and the month.
                return new ProfileKey(0, 0xFFUL << SixthYearBirthMonthShift);
            case InGroupCondition inGroup:
                return law.GroupById(inGroup.Group) is { Eligibility: { } named } ? Reads(named, law, frame, jurisdiction, ref receives, depth + 1) : default;
            default:
                return All;
        }
    }

    /// <summary>The bits of a key a fact condition reads: the fact's field (<see cref="All"/> for a fact the word does not place).</summary>
    internal static ProfileKey Reads(FactCondition fact) =>
        // A merit record's fact reads as absent for a person without records.
        fact.Fact.ReadRecord is not null ? default
            : FactBits.OfFact(fact.Fact.Name) is { } field ? new ProfileKey(Bits(field), 0) : All;

    /// <summary>The bits of a key a date condition reads: the date's states the key keeps (<see cref="All"/> for a date it keeps none of).</summary>
    internal static ProfileKey Reads(DateCondition date) =>
        date.Fact.ReadRecord is not null ? default : date.Fact.Name switch
        {
            "deathDate" => new ProfileKey(0, 3UL << DeathShift),
            "disabilityCertifiedOn" => new ProfileKey(Bits(FactBits.HasDisabilityCertificate), 1UL << CertificateLater),
            "decisionSignedOn" => new ProfileKey(0, 1UL << DecisionLater),
            "household.escapedPovertyMonth" => new ProfileKey(0, EscapedNone << EscapedShift),
            _ => All,
        };

    /// <summary>What a group's conditions, per-child multiplier and bands read (<see cref="Reads(Condition, MonthLaw, in MonthFrame, int, ref bool, int)"/>).</summary>
    internal static ProfileKey Reads(GroupEligibility eligibility, MonthLaw law, in MonthFrame frame, int jurisdiction, ref bool receives, int depth = 0)
    {
        var reads = Reads(eligibility.When, law, frame, jurisdiction, ref receives, depth + 1);
        if (eligibility.PerChild is { } perChild)
        {
            reads = reads.Or(Reads(perChild, law, frame, jurisdiction, ref receives, depth + 1));
        }

        foreach (var band in eligibility.Bands)
        {
            if (band.When is { } when)
            {
                reads = reads.Or(Reads(when, law, frame, jurisdiction, ref receives, depth + 1));
            }
        }

        return reads;
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            ulong h = (Facts * 0x9E3779B97F4A7C15UL) ^ (Month * 0xC2B2AE3D27D4EB4FUL);
            return (int)(h ^ (h >> 29));
        }
    }

    /// <summary>The profile of person <paramref name="i"/> in the month.</summary>
    internal static ProfileKey Of(PopulationBuilder.Columns c, int i, in MonthFrame frame) => Of(c, i, frame, out _);

    /// <summary>
    /// The profile of person <paramref name="i"/> in the month, and the last month (<see cref="MonthFrame.Index"/>)
    /// through which it is certain to stay the same, in months whose frame has the same support windows: the month
    /// before the next one in which a part of the key moves (the age's band or an exact age the law draws a line at,
    /// the birthday of such an age, the month of birth, death, certificate or decision, a support window reached,
    /// a calendar year whose age some condition reads with <c>reachedThisYear</c>). A person raising children is
    /// sorted again in the month before one of them changes the count of a children condition (<see cref="ChildCount.MonthsUntilChange(int, RaisedChild, in MonthFrame)"/>),
    /// or every month where the condition does not let that be foreseen; a person whose profile is their own never.
    /// </summary>
    internal static ProfileKey Of(PopulationBuilder.Columns c, int i, in MonthFrame frame, out int through)
    {
        through = int.MaxValue;
        if (frame.Exact || (c.Merit is not null && c.HasMerit(i)))
        {
            // The conditions read what no profile keeps: each person on their own (no key of the encoding below has every bit set).
            return new ProfileKey((ulong)i, ulong.MaxValue);
        }

        int first = c.ChildStart[i], children = c.ChildStart[i + 1] - first;
        return Of(new PopulationBuilder.PackedPerson(c.Facts[i], c.Birth[i], c.Death[i], c.Decision[i], c.Certified[i], c.Escaped[i]),
            children == 0 ? default : c.ChildCodes.AsSpan(first, children), c.Children.AsSpan(first, children), frame, out through);
    }

    /// <summary>As <see cref="Of(in PopulationBuilder.PackedPerson, ReadOnlySpan{int}, ReadOnlySpan{RaisedChild}, in MonthFrame, out int)"/> for children given only as objects.</summary>
    internal static ProfileKey Of(in PopulationBuilder.PackedPerson person, ReadOnlySpan<RaisedChild> children, in MonthFrame frame, out int through)
    {
        Span<int> codes = children.Length <= FactBits.MaxChildrenRaisedAlone ? stackalloc int[children.Length] : new int[children.Length];
        for (int k = 0; k < children.Length; k++)
        {
            codes[k] = ChildCount.Code(children[k]);
        }

        return Of(person, codes, children, frame, out through);
    }

    /// <summary>
    /// The profile of a person given by their packed values and their children raised alone, in a month whose
    /// conditions read only what a key keeps (not <see cref="MonthFrame.Exact"/>), for a person without merit
    /// records; <paramref name="through"/> as <see cref="Of(PopulationBuilder.Columns, int, in MonthFrame, out int)"/> gives it.
    /// Each child is read from its code (<paramref name="codes"/>, <see cref="ChildCount.Code"/>); its object (the same
    /// place of <paramref name="children"/>) only when the outcome or the next change at its age is first found, or when
    /// it is past the ages kept.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static ProfileKey Of(in PopulationBuilder.PackedPerson person, ReadOnlySpan<int> codes, ReadOnlySpan<RaisedChild> children, in MonthFrame frame, out int through)
    {
        through = int.MaxValue;
        ulong facts = person.Facts & frame.FactsKept;
        int birth = person.Birth;
        int birthMonth = birth >> 5;
        if (birthMonth > frame.Packed)
        {
            through = MonthFrame.IndexOf(birthMonth) - 1;
            return new ProfileKey(facts, 1UL << Unborn);
        }

        int bm = birthMonth & 15;
        int birthYear = birth >> 9;
        int age = frame.Year - birthYear - (bm > frame.MonthOfYear ? 1 : 0);
        var ages = frame.Ages;
        ulong m = ages.Code(age);
        if ((m & (1UL << AgeAtBreakpoint)) != 0 && bm == frame.MonthOfYear)
        {
            m |= 1UL << BirthdayThisMonth;
            through = frame.Index;
        }
        else if (ages.NextChange(age) is int next and < int.MaxValue)
        {
            // The age is reached in the birthday month of the year of birth plus that age.
            through = ((birthYear + next) * 12) + bm - 2;
        }

        int death = person.Death;
        if (death != PackedDate.None)
        {
            int deathMonth = death >> 5;
            if (deathMonth < frame.Packed)
            {
                m |= DeathBefore << DeathShift;
            }
            else if (deathMonth == frame.Packed)
            {
                m |= DeathInMonth << DeathShift;
                int ageAtDeath = AgeReading.CompletedYears(PackedDate.ToDate(birth)!.Value, PackedDate.ToDate(death)!.Value);
                m |= ages.Code(ageAtDeath) << DeathAgeShift;
                through = frame.Index;
            }
            else
            {
                through = Math.Min(through, MonthFrame.IndexOf(deathMonth) - 1);
            }
        }

        int certified = person.Certified;
        if (certified != PackedDate.None && (certified >> 5) > frame.Packed)
        {
            m |= 1UL << CertificateLater;
            through = Math.Min(through, MonthFrame.IndexOf(certified >> 5) - 1);
        }

        int decision = person.Decision;
        if (decision != PackedDate.None && (decision >> 5) > frame.Packed)
        {
            m |= 1UL << DecisionLater;
            through = Math.Min(through, MonthFrame.IndexOf(decision >> 5) - 1);
        }

        if (!codes.IsEmpty)
        {
            // For each children condition of the rule sets, how many children meet it: all it can tell of them.
            var counts = frame.ChildCounts;
            int jurisdiction = FactBits.Jurisdiction(facts);
            for (int j = 0; j < counts.Length; j++)
            {
                var count = counts[j];
                if (count.Laws[jurisdiction] is null)
                {
                    continue;
                }

                ulong counted = 0;
                for (int k = 0; k < codes.Length; k++)
                {
                    int met = count.Meets(jurisdiction, codes[k], children, k, frame);
                    if (met == ChildCount.Fails)
                    {
                        // An age the condition names is not in force: the single-person path fails the same way.
                        counted = ChildCount.Unreadable;
                        through = frame.Index;
                        break;
                    }

                    counted += (ulong)met;

                    // The month before the child's outcome next changes, where the condition lets it be foreseen.
                    through = Math.Min(through, count.Shiftable ? frame.Index + count.MonthsUntilChange(jurisdiction, codes[k], children, k, frame) - 1 : frame.Index);
                }

                m |= counted << (j == 0 ? ChildrenShift : MoreChildrenShift + (6 * (j - 1)));
            }
        }

        int escaped = person.Escaped;
        ulong since = EscapedNone;
        if (escaped != PackedDate.None)
        {
            int months = ((frame.Year - (escaped >> 4)) * 12) + frame.MonthOfYear - (escaped & 15);
            if (months >= 0)
            {
                // "since < window" for every window in force is decided by how many windows it has reached.
                since = 0;
                foreach (int window in frame.Windows)
                {
                    if (window <= months)
                    {
                        since++;
                    }
                    else
                    {
                        // The windows are in ascending order: this one is reached next.
                        through = Math.Min(through, frame.Index - months + window - 1);
                        break;
                    }
                }
            }
            else
            {
                through = Math.Min(through, frame.Index - months - 1);
            }
        }

        m |= since << EscapedShift;

        // In the calendar year a person reaches an age read by "reachedThisYear" (a child's sixth: the card's end,
        // 146/2018/NĐ-CP Art 13 k2), the birth month and the month of the year are kept: conditions beside it may
        // read them, and such a profile is never shared with another month.
        int years = frame.Year - birthYear;
        if (frame.IsYearAge(years))
        {
            ulong sixthYear = (uint)(bm + 1) | ((uint)frame.MonthOfYear << 4);
            m |= sixthYear << SixthYearBirthMonthShift;
            through = frame.Index;
        }
        else if (frame.NextYearAge(years) is int yearAge and < int.MaxValue)
        {
            // Until the December before the calendar year of that age.
            through = Math.Min(through, ((birthYear + yearAge) * 12) - 1);
        }

        return new ProfileKey(facts, m);
    }
}

/// <summary>The month a population is evaluated for, with the numbers the profile needs precomputed.</summary>
/// <param name="month">The month.</param>
/// <param name="windows">The support windows after leaving poverty (every <c>withinMonths</c> of the conditions), in months, in force in the month under any of the rule sets evaluated.</param>
/// <param name="ages">The ages at which the rule sets draw lines.</param>
/// <param name="childCounts">The children conditions whose counts a profile keeps.</param>
/// <param name="exact">Whether every person is a profile of their own (<see cref="ProfileCoverage.Exact"/>).</param>
/// <param name="factsKept">The bits of a person's packed facts the keys keep: every bit, or only those the rule sets read.</param>
internal readonly struct MonthFrame(YearMonth month, int[] windows, AgeBands ages, ChildCount[] childCounts, bool exact = false, ulong factsKept = ulong.MaxValue)
{
    /// <summary>The bits of a person's packed facts the keys keep (<see cref="ProfileCoverage.FactsRead"/>, or every bit).</summary>
    internal ulong FactsKept { get; } = factsKept;

    /// <summary>Whether every person is a profile of their own.</summary>
    internal bool Exact { get; } = exact;

    /// <summary>The ages at which the rule sets draw lines.</summary>
    internal AgeBands Ages { get; } = ages;

    /// <summary>The children conditions whose counts a profile keeps, each with its law by jurisdiction index.</summary>
    internal ChildCount[] ChildCounts { get; } = childCounts;

    /// <summary>The ages read by <c>reachedThisYear</c> (every value of those age cases in the rule sets).</summary>
    internal int[] YearAges { get; } = ages.YearAges;

    /// <summary>The ages of <see cref="YearAges"/> below 64, one bit each.</summary>
    private ulong YearAgeBits { get; } = ages.YearAges.Aggregate(0UL, (bits, age) => age is >= 0 and < 64 ? bits | (1UL << age) : bits);

    /// <summary>The least of <see cref="YearAges"/> above <paramref name="age"/>, or <see cref="int.MaxValue"/>.</summary>
    internal int NextYearAge(int age)
    {
        foreach (int yearAge in YearAges)
        {
            if (yearAge > age)
            {
                return yearAge;
            }
        }

        return int.MaxValue;
    }

    /// <summary>Whether <paramref name="age"/> (reached in the calendar year) is one of <see cref="YearAges"/>.</summary>
    internal bool IsYearAge(int age) => (uint)age < 64 ? ((YearAgeBits >> age) & 1) != 0 : Array.IndexOf(YearAges, age) >= 0;

    internal YearMonth Month { get; } = month;

    internal int[] Windows { get; } = windows;

    /// <summary>The same frame with other children counts (of the same conditions, under a law that reads alike).</summary>
    internal MonthFrame WithChildCounts(ChildCount[] counts) => new(Month, Windows, Ages, counts, Exact, FactsKept);

    internal int Year { get; } = month.Year;

    internal int MonthOfYear { get; } = month.Month;

    /// <summary>The month packed as <see cref="PackedDate.Month"/>.</summary>
    internal int Packed { get; } = PackedDate.Month(month);

    /// <summary>The month as a count of months (year × 12 + month − 1): consecutive months are consecutive numbers.</summary>
    internal int Index { get; } = (month.Year * 12) + month.Month - 1;

    /// <summary>The <see cref="Index"/> of a month packed as <see cref="PackedDate.Month"/>.</summary>
    internal static int IndexOf(int packedMonth) => ((packedMonth >> 4) * 12) + (packedMonth & 15) - 1;
}

/// <summary>
/// A children condition of a rule set, with the month's law of each jurisdiction of the population (null where the
/// rule set knows none), and what it gave each kind of child met so far this month. A child's condition reads only
/// the child (a child's <see cref="Person"/> is <see cref="Nobody"/>): its birth date, through ages read at the end
/// of the month, whole months, the calendar year and the birth month, all decided in a given month by the month the
/// child was born in; and its <see cref="RaisedChild.InEducation"/>. So in one month and jurisdiction two children
/// born in the same month, in education or not alike, meet it alike, and it is evaluated once for each such kind.
/// </summary>
/// <param name="condition">The condition.</param>
/// <param name="laws">The month's law by jurisdiction index.</param>
internal sealed class ChildCount(ChildrenCondition condition, MonthLaw?[] laws)
{
    /// <summary>The person a child's condition is evaluated with: a child's condition reads only the child.</summary>
    internal static readonly Person Nobody = new(new LocalDate(2000, 1, 1));

    /// <summary>The count kept when the condition cannot be read in the month (more than any count of children allowed).</summary>
    internal const ulong Unreadable = 63;

    /// <summary>What <see cref="Meets(int, RaisedChild, in MonthFrame)"/> gives when the condition cannot be read in the month.</summary>
    internal const int Fails = -1;

    /// <summary>
    /// A child as a number: its birth month counted in months from year 0 (year × 12 + month − 1) above one bit, set when
    /// in education. A child's age in months in a month is that month's <see cref="MonthFrame.Index"/> less the number
    /// shifted right by one; the day of birth does not matter to a count (<see cref="Meets(int, RaisedChild, in MonthFrame)"/>).
    /// </summary>
    internal static int Code(RaisedChild child) => (((child.BirthDate.Year * 12) + child.BirthDate.Month - 1) << 1) | (child.InEducation ? 1 : 0);

    /// <summary>The children's ages kept, in months (older children are evaluated each time).</summary>
    private const int MonthsKept = 150 * 12;

    /// <summary>Outcomes by jurisdiction, then by the child's age in months and whether in education: 0 not yet known, 1 not met, 2 met, 3 unreadable.</summary>
    private readonly byte[]?[] outcomes = new byte[]?[laws.Length];

    /// <summary>By jurisdiction, then as <see cref="outcomes"/>: the age in months at which the outcome next differs, 0 when not yet known.</summary>
    private readonly int[]?[] changes = new int[]?[laws.Length];

    /// <summary>The condition.</summary>
    internal ChildrenCondition Condition { get; } = condition;

    /// <summary>
    /// Whether the condition reads the child only through its age in completed years at the end of the month (at
    /// least, below, until) and its facts, and nothing of the calendar: then, under the same law, a child's outcome
    /// in a later month is what a child older by as many months has in this one (<see cref="MonthsUntilChange(int, RaisedChild, in MonthFrame)"/>).
    /// </summary>
    internal bool Shiftable { get; } = IsShiftable(condition.Where);

    private static bool IsShiftable(Law.Conditions.Condition condition) => condition switch
    {
        PartsCondition parts => parts.Parts.All(IsShiftable),
        NotCondition not => IsShiftable(not.Part),
        AgeCondition age => age.Comparison is AgeComparison.AtLeast or AgeComparison.Below or AgeComparison.Until or AgeComparison.BelowAtDeath,
        FactCondition => true,
        _ => false,
    };

    /// <summary>
    /// In how many months (at least 1) the child's outcome can first differ from this month's, under the month's
    /// law: the months until its birth, or until the age in months at which the outcome kept for its kind changes;
    /// 1 past the ages kept or where the condition cannot be read. Only for a <see cref="Shiftable"/> condition.
    /// </summary>
    internal int MonthsUntilChange(int jurisdiction, RaisedChild child, in MonthFrame frame) => MonthsUntilChange(jurisdiction, Code(child), [child], 0, frame);

    /// <summary>
    /// As <see cref="MonthsUntilChange(int, RaisedChild, in MonthFrame)"/> for the child whose code is <paramref name="code"/>
    /// and whose object is <paramref name="children"/>[<paramref name="at"/>] (read only when the next change at its age is first found).
    /// </summary>
    internal int MonthsUntilChange(int jurisdiction, int code, ReadOnlySpan<RaisedChild> children, int at, in MonthFrame frame)
    {
        int months = frame.Index - (code >> 1);
        if (months < 0)
        {
            // Counted from the month of its birth.
            return -months;
        }

        if (months >= MonthsKept)
        {
            return 1;
        }

        var next = changes[jurisdiction] ?? Interlocked.CompareExchange(ref changes[jurisdiction], new int[MonthsKept * 2], null) ?? changes[jurisdiction]!;
        int edu = code & 1;
        int known = Volatile.Read(ref next[(months * 2) + edu]);
        if (known == 0)
        {
            // Scan to the next age whose outcome differs; every age passed has that change next (workers write the same values).
            // Ages whose children would be born before 1900 (which no child is) end the scan.
            var month = Laws[jurisdiction]!.Month;
            int oldest = Math.Min(MonthsKept, ((month.Year - 1900) * 12) + month.Month);
            var child = children[at];
            int outcome = Outcome(jurisdiction, months, edu, child);
            int change = months + 1;
            while (change < oldest && Outcome(jurisdiction, change, edu, child) == outcome)
            {
                change++;
            }

            for (int age = months; age < change; age++)
            {
                Volatile.Write(ref next[(age * 2) + edu], change);
            }

            known = change;
        }

        return Math.Max(1, known - months);
    }

    /// <summary>
    /// The outcome kept for a child aged <paramref name="months"/>, in education when <paramref name="edu"/> is 1 (as
    /// <see cref="outcomes"/>), evaluated on the first call: on <paramref name="child"/> itself when <paramref name="born"/> says it is that age,
    /// else on a child born that many months before the month (its day does not matter).
    /// </summary>
    private byte Outcome(int jurisdiction, int months, int edu, RaisedChild child, bool born = false)
    {
        byte outcome = Known(jurisdiction, months, edu);
        return outcome != 0 ? outcome : Find(jurisdiction, months, edu, child, born);
    }

    /// <summary>The outcome kept for a child aged <paramref name="months"/> of the education <paramref name="edu"/> says, or 0 when not yet found.</summary>
    private byte Known(int jurisdiction, int months, int edu) =>
        outcomes[jurisdiction] is { } known ? Volatile.Read(ref known[(months * 2) + edu]) : (byte)0;

    /// <summary>Evaluates and keeps the outcome <see cref="Outcome"/> gives (workers may fill a slot at once: each writes the same outcome).</summary>
    private byte Find(int jurisdiction, int months, int edu, RaisedChild child, bool born)
    {
        var known = outcomes[jurisdiction] ?? Interlocked.CompareExchange(ref outcomes[jurisdiction], new byte[MonthsKept * 2], null) ?? outcomes[jurisdiction]!;
        int met = Evaluate(jurisdiction, born ? child : Aged(jurisdiction, months, child));
        byte outcome = met == Fails ? (byte)3 : (byte)(met + 1);
        Volatile.Write(ref known[(months * 2) + edu], outcome);
        return outcome;
    }

    /// <summary>The month's law by jurisdiction index (null where the rule set knows none).</summary>
    internal MonthLaw?[] Laws { get; } = laws;

    /// <summary>Every parameter the condition reads: a child's outcome turns on nothing else of the law.</summary>
    internal ImmutableArray<ParameterKey> ParametersRead { get; } = Read(condition);

    private static ImmutableArray<ParameterKey> Read(ChildrenCondition condition)
    {
        var read = ImmutableArray.CreateBuilder<ParameterKey>();
        condition.ParametersRead(read);
        return read.ToImmutable();
    }

    /// <summary>
    /// Whether the count reads the condition of the jurisdiction's children as <paramref name="law"/> does: its law is that
    /// one, or (a count kept from an earlier month, <see cref="Shiftable"/>) one giving the same provision of every
    /// parameter the condition reads.
    /// </summary>
    internal bool ReadsAs(int jurisdiction, MonthLaw law)
    {
        var own = Laws[jurisdiction];
        if (ReferenceEquals(own, law))
        {
            return true;
        }

        if (own is null || !Shiftable)
        {
            return false;
        }

        foreach (var key in ParametersRead)
        {
            if (!ReferenceEquals(own.Get(key), law.Get(key)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>1 when the child is born by the month and meets the condition, 0 when not, <see cref="Fails"/> when the condition cannot be read.</summary>
    internal int Meets(int jurisdiction, RaisedChild child, in MonthFrame frame) => Meets(jurisdiction, Code(child), [child], 0, frame);

    /// <summary>
    /// As <see cref="Meets(int, RaisedChild, in MonthFrame)"/> for the child whose code is <paramref name="code"/> and whose
    /// object is <paramref name="children"/>[<paramref name="at"/>] (read only when the outcome at its age is first found, or
    /// past the ages kept).
    /// </summary>
    internal int Meets(int jurisdiction, int code, ReadOnlySpan<RaisedChild> children, int at, in MonthFrame frame)
    {
        int months = frame.Index - (code >> 1);
        if (months < 0)
        {
            // Not born by the end of the month: not counted (AgeReading.BornBy).
            return 0;
        }

        if (months >= MonthsKept)
        {
            // Past the ages kept.
            return Evaluate(jurisdiction, SameMonth(jurisdiction, frame) ? children[at] : Aged(jurisdiction, months, children[at]));
        }

        // Whether the child is of its age in the count's month is asked only when the outcome has to be found.
        byte outcome = Known(jurisdiction, months, code & 1);
        if (outcome == 0)
        {
            outcome = Find(jurisdiction, months, code & 1, children[at], born: SameMonth(jurisdiction, frame));
        }

        return outcome == 3 ? Fails : outcome - 1;
    }

    /// <summary>
    /// Whether the count's law is the frame's month's. The counts may be an earlier month's, kept for a condition that reads
    /// only the age in months (<see cref="ProfileSorter"/>): a child is then read as one of its age in months in that month.
    /// </summary>
    private bool SameMonth(int jurisdiction, in MonthFrame frame)
    {
        var lawMonth = Laws[jurisdiction]!.Month;
        return lawMonth.Year == frame.Year && lawMonth.Month == frame.MonthOfYear;
    }

    /// <summary>A child of <paramref name="child"/>'s kind born <paramref name="months"/> months before the month of the count's law (its day does not matter).</summary>
    private RaisedChild Aged(int jurisdiction, int months, RaisedChild child)
    {
        var month = Laws[jurisdiction]!.Month;
        return child with { BirthDate = new LocalDate(month.Year, month.Month, 1).PlusMonths(-months) };
    }

    private int Evaluate(int jurisdiction, RaisedChild child)
    {
        try
        {
            return Condition.Where.IsMet(new ConditionContext(Nobody, Laws[jurisdiction]!, child)) ? 1 : 0;
        }
        catch (Evaluation.EvaluationException)
        {
            return Fails;
        }
    }
}

/// <summary>
/// The ages at which a rule changes: every age parameter the rule sets give (any case, any date), the only ages
/// the rules read (the law's ages are data). An age is read by its band (how many of these it has reached) and
/// whether it is exactly one of them, which decides every comparison the rules make ("at least N", "under N",
/// "still under N").
/// </summary>
internal sealed class AgeBands
{
    /// <summary>The most distinct ages a band code holds (five bits).</summary>
    private const int MaxBreakpoints = 31;

    private readonly ulong[] codes;
    private readonly int[] nextChange;

    private AgeBands(ImmutableArray<int> breakpoints, int[] yearAges)
    {
        Breakpoints = breakpoints;
        YearAges = yearAges;
        int top = breakpoints[^1] + 1;
        codes = new ulong[top + 1];
        for (int age = 0; age <= top; age++)
        {
            ulong band = (ulong)breakpoints.Count(b => b <= age);
            ulong exact = breakpoints.Contains(age) ? 1UL << 5 : 0UL;
            codes[age] = band | exact;
        }

        // The next age at which the code changes or which is exactly a breakpoint (its birthday month is marked).
        nextChange = new int[top + 1];
        for (int age = 0; age <= top; age++)
        {
            nextChange[age] = int.MaxValue;
            for (int later = age + 1; later <= top; later++)
            {
                if (codes[later] != codes[age] || breakpoints.Contains(later))
                {
                    nextChange[age] = later;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The least age above <paramref name="age"/> whose <see cref="Code"/> differs or which is a breakpoint, or
    /// <see cref="int.MaxValue"/> when none is (every age past the last breakpoint has the same code).
    /// </summary>
    internal int NextChange(int age) => age < 0 ? 0 : age < nextChange.Length ? nextChange[age] : int.MaxValue;

    /// <summary>The ages drawn.</summary>
    internal ImmutableArray<int> Breakpoints { get; }

    /// <summary>The values of the age cases read by <c>reachedThisYear</c> in the rule sets.</summary>
    internal int[] YearAges { get; }

    /// <summary>The ages of every age parameter of the rule sets, with the values of <paramref name="yearAgeCases"/> apart.</summary>
    /// <exception cref="NotSupportedException">More distinct ages than a band code holds.</exception>
    internal static AgeBands Of(ImmutableArray<string> yearAgeCases, params RuleSet[] rules)
    {
        var ages = new List<int> { 0 };
        var yearAges = new List<int>();
        foreach (var ruleSet in rules)
        {
            foreach (var instrument in ruleSet.Instruments)
            {
                foreach (var provision in instrument.Provisions)
                {
                    if (provision.Key.Name == ParameterCatalog.Age)
                    {
                        ages.Add((int)provision.Value);
                        if (provision.Key.Case is { } ageCase && yearAgeCases.Contains(ageCase))
                        {
                            yearAges.Add((int)provision.Value);
                        }
                    }
                }
            }
        }

        var distinct = SortedInts.Of(ages);
        return distinct.Length > MaxBreakpoints
            ? throw new NotSupportedException(string.Create(CultureInfo.InvariantCulture, $"the population engine reads at most {MaxBreakpoints} distinct ages; the rule sets give {distinct.Length}"))
            : new AgeBands([.. distinct], SortedInts.Of(yearAges));
    }

    /// <summary>The band (bits 0-4) and the exact-breakpoint flag (bit 5) of an age.</summary>
    internal ulong Code(int age) => codes[Math.Clamp(age, 0, codes.Length - 1)];
}
