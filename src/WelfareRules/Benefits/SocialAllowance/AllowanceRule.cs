using System;
using System.Collections.Immutable;
using NodaTime;
using WelfareRules.Facts;

namespace WelfareRules.Benefits.SocialAllowance;

/// <summary>Which combination class a group's rule belongs to (ND 20 Art 6 k2).</summary>
internal enum RuleCategory
{
    Child,
    SingleParent,
    Elderly,
    Disability,
    HivAdult,
}

/// <summary>From when a group's allowance is paid (ND 20 Art 8 k1 đ).</summary>
internal enum StartRule
{
    /// <summary>The month the decision is signed.</summary>
    DecisionMonth,

    /// <summary>The month the disability-level certificate is issued.</summary>
    DisabilityCertificateMonth,

    /// <summary>The month the qualifying age is reached (K5b, K5c): eligibility by age is the start.</summary>
    AgeReached,
}

/// <summary>The outcome of one eligibility rule for one person-month: the case, and a multiplier (children raised, for K4).</summary>
internal readonly record struct RuleMatch(string Case, int Multiplier)
{
    internal bool IsMatch => Case is not null;
}

/// <summary>Why a rule matched, in English and Vietnamese: built only for an explanation.</summary>
internal readonly record struct RuleReason(string English, string Vietnamese, ImmutableArray<WelfareRules.Legal.Citation> Basis = default);

/// <summary>
/// An eligibility rule: a pure function from a person and month to a case of the group (or no match),
/// and the reason for a match, said only when an explanation is asked for.
/// Groups in the rule files name a rule; the rule names the cases whose coefficients the files set.
/// </summary>
internal sealed class AllowanceRule
{
    private readonly Func<Person, YearMonth, RuleMatch>? match;
    private readonly Func<Person, YearMonth, RuleMatch, RuleReason>? describe;
    private readonly Func<Person, Law.MonthLaw, RuleMatch>? matchInLaw;
    private readonly Func<Person, Law.MonthLaw, RuleMatch, RuleReason>? describeInLaw;

    private AllowanceRule(string name, RuleCategory category, StartRule start, ImmutableArray<string> cases,
        Func<Person, Law.MonthLaw, RuleMatch> match, Func<Person, Law.MonthLaw, RuleMatch, RuleReason> describe, bool readsLaw)
    {
        Name = name;
        Category = category;
        Start = start;
        Cases = cases;
        matchInLaw = match;
        describeInLaw = describe;
        _ = readsLaw;
    }

    /// <summary>A rule whose test reads the month's law (the conditions of a rule file, with their age parameters).</summary>
    internal static AllowanceRule InLaw(string name, RuleCategory category, StartRule start, ImmutableArray<string> cases,
        Func<Person, Law.MonthLaw, RuleMatch> match, Func<Person, Law.MonthLaw, RuleMatch, RuleReason> describe) =>
        new(name, category, start, cases, match, describe, readsLaw: true);

    internal AllowanceRule(string name, RuleCategory category, StartRule start, ImmutableArray<string> cases,
        Func<Person, YearMonth, RuleMatch> match, Func<Person, YearMonth, RuleMatch, RuleReason> describe)
    {
        Name = name;
        Category = category;
        Start = start;
        Cases = cases;
        this.match = match;
        this.describe = describe;
    }

    internal string Name { get; }

    internal RuleCategory Category { get; }

    internal StartRule Start { get; }

    internal ImmutableArray<string> Cases { get; }

    /// <summary>Returns a match whose <see cref="RuleMatch.Case"/> is null when the person is not in the group.</summary>
    internal RuleMatch Match(Person person, YearMonth month) =>
        match is not null ? match(person, month) : throw new InvalidOperationException($"rule {Name} reads the month's law");

    /// <summary>The test in a month's law.</summary>
    internal RuleMatch Match(Person person, Law.MonthLaw law) => matchInLaw is not null ? matchInLaw(person, law) : match!(person, law.Month);

    /// <summary>Why the rule matched, in a month's law.</summary>
    internal RuleReason Describe(Person person, Law.MonthLaw law, RuleMatch matched) =>
        describeInLaw is not null ? describeInLaw(person, law, matched) : describe!(person, law.Month, matched);

    /// <summary>The reason for a match this rule returned for the same person and month.</summary>
    internal RuleReason Describe(Person person, YearMonth month, RuleMatch matched) =>
        describe is not null ? describe(person, month, matched) : throw new InvalidOperationException($"rule {Name} reads the month's law");

    /// <summary>The position of a case in <see cref="Cases"/>, or -1.</summary>
    internal int CaseIndex(string @case)
    {
        for (int i = 0; i < Cases.Length; i++)
        {
            if (string.Equals(Cases[i], @case, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
