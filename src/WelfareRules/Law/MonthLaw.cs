using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using WelfareRules.Benefits.SocialAllowance;

namespace WelfareRules.Law;

/// <summary>
/// The law of one jurisdiction for one benefit month, resolved once from a rule set: every parameter's
/// value in force on the first day of the month (a local value over the national one; for the standard,
/// the higher of the two), and the beneficiary groups open then.
/// </summary>
/// <remarks>Immutable and thread-safe; cached by the rule set.</remarks>
internal sealed class MonthLaw
{
    private readonly FrozenDictionary<ParameterKey, Provision> values;

    private MonthLaw(Jurisdiction jurisdiction, YearMonth month, AppliedStandard? standard, ImmutableArray<OpenGroup> groups, ImmutableArray<OpenGroup> closedGroups, FrozenDictionary<ParameterKey, Provision> values, LocalDate? lawStart)
    {
        ClosedGroups = closedGroups;
        Jurisdiction = jurisdiction;
        Month = month;
        Standard = standard;
        Groups = groups;
        this.values = values;
        LawStart = lawStart;
    }

    internal Jurisdiction Jurisdiction { get; }

    internal YearMonth Month { get; }

    /// <summary>The standard applied, or null when none is in force.</summary>
    internal AppliedStandard? Standard { get; }

    /// <summary>The groups open this month, in definition order.</summary>
    internal ImmutableArray<OpenGroup> Groups { get; }

    /// <summary>The groups that exist this month but are closed by a <c>group-open: false</c> switch (in <see cref="OpenGroup.OpenSwitch"/>).</summary>
    internal ImmutableArray<OpenGroup> ClosedGroups { get; }

    /// <summary>The first date from which the encoded national groups apply, or null when none are encoded.</summary>
    internal LocalDate? LawStart { get; }

    /// <summary>Whether the encoded law covers this month.</summary>
    internal bool IsCovered => LawStart is { } start && Month.OnDayOfMonth(1) >= start;

    internal Provision? Get(ParameterKey key) => values.TryGetValue(key, out var provision) ? provision : null;

    /// <summary>Every parameter's provision in force, in no particular order.</summary>
    internal IEnumerable<Provision> Provisions => values.Values;

    internal static MonthLaw Resolve(RuleSet rules, Jurisdiction jurisdiction, YearMonth month)
    {
        var date = month.OnDayOfMonth(1);
        var chosen = new Dictionary<ParameterKey, Provision>();
        foreach (var timeline in rules.AllTimelines)
        {
            if (!jurisdiction.IsWithin(timeline.Jurisdiction) || timeline.On(date) is not { } provision)
            {
                continue;
            }

            // A deeper jurisdiction's value replaces the national one.
            if (!chosen.TryGetValue(timeline.Key, out var existing) || existing.Jurisdiction.Code.Length < provision.Jurisdiction.Code.Length)
            {
                chosen[timeline.Key] = provision;
            }
        }

        var standardKey = new ParameterKey(ParameterCatalog.Standard);
        var national = rules.ValueOn(standardKey, Jurisdiction.Vietnam, date);
        var local = jurisdiction.IsNational ? null : rules.ValueOn(standardKey, jurisdiction, date);
        AppliedStandard? standard = (national, local) switch
        {
            (null, null) => null,
            (null, { } l) => new AppliedStandard(l, null, l),
            ({ } n, null) => new AppliedStandard(n, n, null),
            ({ } n, { } l) => new AppliedStandard(l.Value >= n.Value ? l : n, n, l),
        };

        var groups = ImmutableArray.CreateBuilder<OpenGroup>();
        var closed = ImmutableArray.CreateBuilder<OpenGroup>();
        foreach (var g in rules.Groups.Where(g => jurisdiction.IsWithin(g.Jurisdiction) && g.From <= date))
        {
            var open = chosen.GetValueOrDefault(new ParameterKey(ParameterCatalog.GroupOpen, g.Id));
            (open is null || open.IsOn ? groups : closed).Add(new OpenGroup(g, AllowanceRules.ByName[g.Rule], open));
        }

        var nationalGroups = rules.Groups.Where(g => g.Jurisdiction.IsNational).ToList();
        LocalDate? lawStart = nationalGroups.Count == 0 ? null : nationalGroups.Min(g => g.From);
        return new MonthLaw(jurisdiction, month, standard, groups.ToImmutable(), closed.ToImmutable(), chosen.ToFrozenDictionary(), lawStart);
    }
}

/// <summary>A group of a month, with its rule and the <c>group-open</c> switch in force for it, if any (on for an open group, off for a closed one).</summary>
internal sealed record OpenGroup(GroupDefinition Definition, AllowanceRule Rule, Provision? OpenSwitch);
