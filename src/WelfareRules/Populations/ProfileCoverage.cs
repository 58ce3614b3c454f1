using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;

namespace WelfareRules.Populations;

/// <summary>
/// What the conditions of the rule sets read that a <see cref="ProfileKey"/> must keep, found by walking every group's
/// conditions once per month: the age cases read by <c>reachedThisYear</c> (whose years the profile keeps the birth
/// month and month of the year for), the support windows of <c>withinMonths</c> on leaving poverty, and whether any
/// condition reads something the profile does not keep at all. In that last case the engine evaluates every person
/// on their own (<see cref="Exact"/>): slower, never wrong.
/// </summary>
internal sealed class ProfileCoverage
{
    private ProfileCoverage(ImmutableArray<string> yearAgeCases, ImmutableArray<DateCondition> windows, string? exact, ulong factsRead)
    {
        YearAgeCases = yearAgeCases;
        Windows = windows;
        Exact = exact;
        FactsRead = factsRead;
    }

    /// <summary>The age cases some condition reads with <c>reachedThisYear</c>.</summary>
    internal ImmutableArray<string> YearAgeCases { get; }

    /// <summary>The <c>withinMonths</c> conditions on leaving poverty, whose windows the profile counts.</summary>
    internal ImmutableArray<DateCondition> Windows { get; }

    /// <summary>Why the profile cannot stand for the persons (a condition it keeps nothing of), or null when it can.</summary>
    internal string? Exact { get; }

    /// <summary>
    /// The bits of a person's packed facts (<see cref="FactBits"/>) that anything of the rule sets reads: every fact a
    /// condition of any group reads (any instrument, any date, a children condition's too), and those the single-person
    /// path reads outside the conditions (<see cref="ProfileKey.ReadOutsideConditions"/>); every bit when a group's
    /// eligibility is not data. Persons who differ only in the other bits get the same report in every month of the rule
    /// sets, so a run's keys leave them out (<see cref="MonthFrame.FactsKept"/>).
    /// </summary>
    internal ulong FactsRead { get; }

    /// <summary>Walks every group of the rule sets.</summary>
    internal static ProfileCoverage Of(IEnumerable<RuleSet> rules)
    {
        var walk = new Walk();
        var all = rules.SelectMany(r => r.Groups).ToList();
        var groups = all.Where(g => g.Eligibility is not null).ToList();
        ulong factsRead = groups.Count < all.Count ? ulong.MaxValue : ProfileKey.ReadOutsideConditions.Facts;

        // The age at death is kept only in the month of death (funeral and cremation support are evaluated then alone):
        // a group evaluated while the person lives, or one such a group names, that reads it cannot share profiles.
        var living = LivingGroups(groups);
        foreach (var group in groups)
        {
            var eligibility = group.Eligibility!;
            walk.Group = group.Id;
            walk.Living = living.Contains(group.Id);
            walk.Visit(eligibility.When, guarded: false);
            factsRead |= FactsIn(eligibility.When) | (eligibility.PerChild is { } perChild ? FactsIn(perChild) : 0);
            foreach (var band in eligibility.Bands)
            {
                if (band.When is { } when)
                {
                    walk.Visit(when, guarded: false);
                    factsRead |= FactsIn(when);
                }
            }
        }

        return new ProfileCoverage([.. walk.YearAgeCases.Order(System.StringComparer.Ordinal)], [.. walk.Windows], walk.Exact, factsRead);
    }

    /// <summary>
    /// The bits of a person's packed facts a condition reads, as the key reads them (<see cref="ProfileKey.Reads(FactCondition)"/>,
    /// <see cref="ProfileKey.Reads(DateCondition)"/>): a fact's field, the certificate's presence for its date; nothing of
    /// ages, the calendar, other groups (walked themselves), the month's entitlements or merit records. A children
    /// condition's own is counted too.
    /// </summary>
    private static ulong FactsIn(Condition condition) => condition switch
    {
        PartsCondition parts => parts.Parts.Aggregate(0UL, (bits, part) => bits | FactsIn(part)),
        NotCondition not => FactsIn(not.Part),
        ChildrenCondition children => FactsIn(children.Where),
        FactCondition fact => ProfileKey.Reads(fact).Facts,
        DateCondition date => ProfileKey.Reads(date).Facts,
        _ => 0,
    };

    /// <summary>The groups evaluated while the person lives (all but funeral and cremation support), and every group they name (<c>inGroup</c>).</summary>
    private static HashSet<string> LivingGroups(List<GroupDefinition> groups)
    {
        var living = new HashSet<string>(groups.Where(g => g.Eligibility!.Benefit is not (GroupBenefit.Funeral or GroupBenefit.Cremation)).Select(g => g.Id), System.StringComparer.Ordinal);
        var byId = groups.ToLookup(g => g.Id, System.StringComparer.Ordinal);
        var pending = new Queue<string>(living);
        while (pending.TryDequeue(out var id))
        {
            foreach (var group in byId[id])
            {
                foreach (string named in group.Eligibility!.GroupsRead)
                {
                    if (living.Add(named))
                    {
                        pending.Enqueue(named);
                    }
                }
            }
        }

        return living;
    }

    private sealed class Walk
    {
        internal SortedSet<string> YearAgeCases { get; } = new(System.StringComparer.Ordinal);

        internal List<DateCondition> Windows { get; } = [];

        internal string? Exact { get; private set; }

        /// <summary>The group whose conditions are visited.</summary>
        internal string Group { get; set; } = "";

        /// <summary>Whether that group is evaluated while the person lives (<see cref="LivingGroups"/>).</summary>
        internal bool Living { get; set; }

        /// <summary>
        /// Visits a condition. <paramref name="guarded"/>: it sits in an <c>all</c> beside a <c>reachedThisYear</c>, so it
        /// only matters in a calendar year the profile keeps the birth month and the month of the year for.
        /// </summary>
        internal void Visit(Condition condition, bool guarded)
        {
            switch (condition)
            {
                case AllCondition all:
                    bool guards = guarded || all.Parts.Any(p => p is AgeCondition { Comparison: AgeComparison.ReachedThisYear });
                    foreach (var part in all.Parts)
                    {
                        Visit(part, guards);
                    }

                    break;
                case PartsCondition parts:
                    foreach (var part in parts.Parts)
                    {
                        Visit(part, guarded);
                    }

                    break;
                case NotCondition not:
                    Visit(not.Part, guarded);
                    break;
                case AgeCondition { Comparison: AgeComparison.ReachedThisYear } age:
                    YearAgeCases.Add(age.AgeCase);
                    break;
                case AgeCondition { Comparison: AgeComparison.BelowAtDeath } when Living:
                    Exact ??= $"group {Group} reads the age at death ('belowAtDeath') while the person lives, which a profile does not keep";
                    break;
                case AgeCondition or FactCondition or ReceivesCondition or InGroupCondition:
                    // Ages by their bands, facts by their bits, the month's report and other groups (walked themselves).
                    break;
                case MeritCondition:
                    // Only persons with merit records meet one, and each of them is a profile of their own.
                    break;
                case ChildrenCondition:
                    // The profile keeps each children condition's count, evaluated on the children themselves.
                    break;
                case CalendarCondition calendar:
                    if (!guarded)
                    {
                        Exact ??= calendar.Part == CalendarPart.BirthMonth
                            ? "a condition reads the month of birth outside a 'reachedThisYear' conjunction"
                            : "a condition reads the month of the year outside a 'reachedThisYear' conjunction";
                    }

                    break;
                case DateCondition date:
                    if (!Kept(date))
                    {
                        Exact ??= $"a condition reads {date.Fact.Name} as '{date.Relation}', which a profile does not keep";
                    }

                    break;
                default:
                    Exact ??= $"a condition of kind {condition.GetType().Name} is not known to the population engine";
                    break;
            }
        }

        /// <summary>Whether the profile decides the date condition: the states of each date it keeps.</summary>
        private bool Kept(DateCondition date)
        {
            if (date.Fact.ReadRecord is not null)
            {
                // A merit record's date: only persons with merit records read one, each a profile of their own.
                return true;
            }

            switch (date.Fact.Name)
            {
                case "deathDate":
                    // None or later, in the month, before it.
                    return date.Relation is DateRelation.BeforeMonth or DateRelation.InMonth or DateRelation.NotAfterMonth;
                case "disabilityCertifiedOn":
                    // Whether given (a fact bit) and whether after the month.
                    return date.Relation is DateRelation.Present or DateRelation.Absent or DateRelation.AfterMonth or DateRelation.NotAfterMonth;
                case "decisionSignedOn":
                    return date.Relation is DateRelation.AfterMonth;
                case "household.escapedPovertyMonth" when date.Relation == DateRelation.WithinMonths:
                    // How many of the month's windows it has outlasted.
                    Windows.Add(date);
                    return true;
                default:
                    return false;
            }
        }
    }
}
