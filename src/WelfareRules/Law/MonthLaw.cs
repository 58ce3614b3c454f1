using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using WelfareRules.Benefits.HealthInsurance;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Benefits.SocialPension;
using WelfareRules.Legal;

namespace WelfareRules.Law;

/// <summary>
/// The law of one jurisdiction for one benefit month, resolved once from a rule set: every parameter's
/// value in force on the first day of the month (a local value over the national one; for the standard,
/// the higher of the two), and the beneficiary groups open then.
/// </summary>
/// <remarks>
/// Immutable and thread-safe (but for write-once caches of explanation steps, each the same value whoever
/// writes it); cached by the rule set. What is the same for every person of the month is read here once (each
/// group's coefficients and entitlement basis, the health-insurance values, the warning for each provisional
/// provision) so that evaluating a person only reads it.
/// </remarks>
internal sealed class MonthLaw
{
    private readonly FrozenDictionary<ParameterKey, Provision> values;
    private readonly FrozenDictionary<ParameterKey, Provision>.AlternateLookup<(string Name, string? Group, string? Case)> byParts;
    private readonly FrozenDictionary<Citation, ProvisionalWarning> warnings;

    /// <summary>Made on first use, once every property is set (two threads may both make it: the same value).</summary>
    private SocialPensionLaw? socialPension;

    /// <summary>Made on first use, as <see cref="SocialPension"/>.</summary>
    private HealthInsuranceLaw? healthInsurance;

    private MonthLaw(Jurisdiction jurisdiction, YearMonth month, AppliedStandard? standard, ImmutableArray<OpenGroup> groups, ImmutableArray<OpenGroup> closedGroups, FrozenDictionary<ParameterKey, Provision> values, LocalDate? lawStart)
    {
        ClosedGroups = closedGroups;
        Jurisdiction = jurisdiction;
        Month = month;
        Standard = standard;
        Groups = groups;
        this.values = values;
        byParts = values.GetAlternateLookup<(string, string?, string?)>();
        LawStart = lawStart;
        // A provisional provision's warning says why, from its note, when it has one.
        warnings = values.Values.Select(p => (p.Basis, p.Note))
            .Concat(groups.Concat(closedGroups).Select(g => (g.Definition.Basis, Note: (string?)null)))
            .Where(c => c.Basis.IsProvisional)
            .DistinctBy(c => c.Basis, (IEqualityComparer<Citation>)ReferenceEqualityComparer.Instance)
            .ToFrozenDictionary(c => c.Basis, c => ProvisionalWarning.For(c.Basis, c.Note), (IEqualityComparer<Citation>)ReferenceEqualityComparer.Instance);
    }

    internal Jurisdiction Jurisdiction { get; }

    internal YearMonth Month { get; }

    /// <summary>The standard applied, or null when none is in force.</summary>
    internal AppliedStandard? Standard { get; }

    /// <summary>
    /// The explanation's steps for the month's standard and local levels raised to the national ones, made once for
    /// every evaluation under this law (they name only the law); null until the first explained evaluation makes them.
    /// </summary>
    internal Reports.ExplanationStep[]? StandardSteps { get; set; }

    /// <summary>The groups open this month, in definition order.</summary>
    internal ImmutableArray<OpenGroup> Groups { get; }

    /// <summary>The groups that exist this month but are closed by a <c>group-open: false</c> switch (in <see cref="OpenGroup.OpenSwitch"/>).</summary>
    internal ImmutableArray<OpenGroup> ClosedGroups { get; }

    /// <summary>The first date from which the encoded national groups apply, or null when none are encoded.</summary>
    internal LocalDate? LawStart { get; }

    /// <summary>Whether the encoded law covers this month.</summary>
    internal bool IsCovered => LawStart is { } start && Month.OnDayOfMonth(1) >= start;

    /// <summary>The health-insurance values of the month.</summary>
    internal HealthInsuranceLaw HealthInsurance => healthInsurance ??= new HealthInsuranceLaw(this);

    /// <summary>The social-pension values of the month.</summary>
    internal SocialPensionLaw SocialPension => socialPension ??= new SocialPensionLaw(this);

    /// <summary>
    /// The local values of the month set aside because the national value in force is higher (ND 20 Art 4 k3),
    /// each with the national value applied instead; the standard is among them when its local level is lower.
    /// </summary>
    internal ImmutableArray<(Provision Local, Provision National)> NationalFloors { get; private init; } = [];

    /// <summary>The open groups of the social pension this month, in definition order.</summary>
    internal ImmutableArray<GroupDefinition> SocialPensionGroups { get; private init; } = [];

    /// <summary>The open groups whose health-insurance premium the national budget pays or supports this month, in definition order.</summary>
    internal ImmutableArray<GroupDefinition> HealthInsuranceGroups { get; private init; } = [];

    /// <summary>The open groups a province supports on top of the national share this month, in definition order.</summary>
    internal ImmutableArray<GroupDefinition> LocalHealthInsuranceGroups { get; private init; } = [];

    /// <summary>Every group of the jurisdiction that exists this month (open or closed), by id: what <c>inGroup</c> reads.</summary>
    private FrozenDictionary<string, GroupDefinition> groupsById = FrozenDictionary<string, GroupDefinition>.Empty;

    /// <summary>The group of the month with the id, or null.</summary>
    internal GroupDefinition? GroupById(string id) => groupsById.GetValueOrDefault(id);

    /// <summary>Every group of the jurisdiction that exists this month (open or closed), in no particular order.</summary>
    internal ImmutableArray<GroupDefinition> AllGroups => groupsById.Values;

    /// <summary>The open groups of funeral support this month, in definition order.</summary>
    internal ImmutableArray<GroupDefinition> FuneralGroups { get; private init; } = [];

    /// <summary>The open groups of cremation support this month, in definition order.</summary>
    internal ImmutableArray<GroupDefinition> CremationGroups { get; private init; } = [];

    /// <summary>The open groups of the merit benefits (<c>merit-allowance</c>, <c>merit-carer-allowance</c>), in the rule set's order.</summary>
    internal ImmutableArray<GroupDefinition> MeritGroups { get; private init; } = [];

    /// <summary>The open groups of care support (to the person, and to the carer) this month, in definition order.</summary>
    internal ImmutableArray<GroupDefinition> CareGroups { get; private init; } = [];

    /// <summary>The open groups of institutional care this month, in definition order.</summary>
    internal ImmutableArray<GroupDefinition> InstitutionalGroups { get; private init; } = [];

    /// <summary>The ages in force this month, by <see cref="Conditions.AgeIds"/> number (-1 where none is).</summary>
    private int[] ages = [];

    /// <summary>The age in force for an age case's number, or null.</summary>
    internal int? AgeLimit(int ageId) => (uint)ageId < (uint)ages.Length && ages[ageId] >= 0 ? ages[ageId] : null;

    internal Provision? Get(ParameterKey key) => values.TryGetValue(key, out var provision) ? provision : null;

    /// <summary>Every parameter's provision in force, in no particular order.</summary>
    internal IEnumerable<Provision> Provisions => values.Values;

    /// <summary>The provision in force for a parameter, group and case, or null; no key is built.</summary>
    internal Provision? Get(string name, string? group = null, string? @case = null) =>
        byParts.TryGetValue((name, group, @case), out var provision) ? provision : null;

    /// <summary>The warning for a provisional citation (read once per month for the month's provisions).</summary>
    internal ProvisionalWarning WarningFor(Citation provisional) =>
        warnings.TryGetValue(provisional, out var warning) ? warning : ProvisionalWarning.For(provisional);

    internal static MonthLaw Resolve(RuleSet rules, Jurisdiction jurisdiction, YearMonth month)
    {
        var date = month.OnDayOfMonth(1);
        var chosen = new Dictionary<ParameterKey, Provision>(ParameterKeyComparer.Instance);
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

        // ND 20 Art 4 k3: a local level may not be lower than the national one. For every parameter declared so,
        // in every month, the national value applies where it is higher than the local one in force (a
        // province's level that a later national rise overtakes).
        var floored = ImmutableArray.CreateBuilder<(Provision Local, Provision National)>();
        foreach (var (key, provision) in chosen.ToList())
        {
            if (!provision.Jurisdiction.IsNational
                && ParameterCatalog.TryGet(key.Name, out var definition) && definition.NotBelowNational
                && rules.ValueOn(key, Jurisdiction.Vietnam, date) is { } nationalValue && nationalValue.Value > provision.Value)
            {
                chosen[key] = nationalValue;
                floored.Add((provision, nationalValue));
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
        var pensionGroups = ImmutableArray.CreateBuilder<GroupDefinition>();
        var healthGroups = ImmutableArray.CreateBuilder<GroupDefinition>();
        var localHealthGroups = ImmutableArray.CreateBuilder<GroupDefinition>();
        var funeralGroups = ImmutableArray.CreateBuilder<GroupDefinition>();
        var cremationGroups = ImmutableArray.CreateBuilder<GroupDefinition>();
        var meritGroups = ImmutableArray.CreateBuilder<GroupDefinition>();
        var careGroups = ImmutableArray.CreateBuilder<GroupDefinition>();
        var institutionalGroups = ImmutableArray.CreateBuilder<GroupDefinition>();
        foreach (var g in rules.Groups.Where(g => jurisdiction.IsWithin(g.Jurisdiction) && g.From <= date))
        {
            if (!g.IsAllowance)
            {
                if (chosen.GetValueOrDefault(new ParameterKey(ParameterCatalog.GroupOpen, g.Id)) is not { IsOn: false })
                {
                    (g.Eligibility!.Benefit switch
                    {
                        Conditions.GroupBenefit.HealthInsurance => healthGroups,
                        Conditions.GroupBenefit.HealthInsuranceLocal => localHealthGroups,
                        Conditions.GroupBenefit.Funeral => funeralGroups,
                        Conditions.GroupBenefit.Cremation => cremationGroups,
                        Conditions.GroupBenefit.MeritAllowance or Conditions.GroupBenefit.MeritCarerAllowance => meritGroups,
                        Conditions.GroupBenefit.DisabilityCareSupport or Conditions.GroupBenefit.CarerSupport => careGroups,
                        Conditions.GroupBenefit.InstitutionalCare => institutionalGroups,
                        _ => pensionGroups,
                    }).Add(g);
                }

                continue;
            }

            var open = chosen.GetValueOrDefault(new ParameterKey(ParameterCatalog.GroupOpen, g.Id));
            var rule = AllowanceRules.For(g)!;
            // The figure rests on the ages the group's conditions read as much as on its coefficient.
            var ages = (g.Eligibility?.AgesRead ?? [])
                .Select(a => chosen.GetValueOrDefault(new ParameterKey(ParameterCatalog.Age, null, a))?.Basis)
                .OfType<Citation>().Distinct().ToImmutableArray();
            var cases = rule.Cases.Select(c =>
            {
                var coefficient = chosen.GetValueOrDefault(new ParameterKey(ParameterCatalog.Coefficient, g.Id, c));
                return coefficient is null || standard is null
                    ? new GroupCase(coefficient, [], 0m, Money.Dong.Zero)
                    : new GroupCase(coefficient, SocialAllowanceCalculator.EntitlementBasis(g, coefficient, standard, open, ages), coefficient.Value, standard.Amount.Times(coefficient.Value));
            }).ToImmutableArray();
            (open is null || open.IsOn ? groups : closed).Add(new OpenGroup(g, rule, open, cases));
        }

        var nationalGroups = rules.Groups.Where(g => g.Jurisdiction.IsNational && g.IsAllowance).ToList();
        LocalDate? lawStart = nationalGroups.Count == 0 ? null : nationalGroups.Min(g => g.From);
        return new MonthLaw(jurisdiction, month, standard, groups.ToImmutable(), closed.ToImmutable(), chosen.ToFrozenDictionary(ParameterKeyComparer.Instance), lawStart)
        {
            NationalFloors = floored.ToImmutable(),
            SocialPensionGroups = pensionGroups.ToImmutable(),
            HealthInsuranceGroups = healthGroups.ToImmutable(),
            LocalHealthInsuranceGroups = localHealthGroups.ToImmutable(),
            FuneralGroups = funeralGroups.ToImmutable(),
            CremationGroups = cremationGroups.ToImmutable(),
            MeritGroups = meritGroups.ToImmutable(),
            CareGroups = careGroups.ToImmutable(),
            InstitutionalGroups = institutionalGroups.ToImmutable(),
        }.WithAges(chosen).WithGroups(rules.Groups.Where(g => jurisdiction.IsWithin(g.Jurisdiction) && g.From <= date));
    }

    private MonthLaw WithGroups(IEnumerable<GroupDefinition> groups)
    {
        groupsById = groups.ToFrozenDictionary(g => g.Id, StringComparer.Ordinal);
        return this;
    }

    private MonthLaw WithAges(Dictionary<ParameterKey, Provision> chosen)
    {
        var found = new List<(int Id, int Years)>();
        foreach (var (key, provision) in chosen)
        {
            if (key.Name == ParameterCatalog.Age && key.Case is { } @case)
            {
                found.Add((Conditions.AgeIds.Of(@case), (int)provision.Value));
            }
        }

        var values = new int[Conditions.AgeIds.Count];
        Array.Fill(values, -1);
        foreach (var (id, years) in found)
        {
            values[id] = years;
        }

        ages = values;
        return this;
    }
}

/// <summary>
/// A group of a month, with its rule and the <c>group-open</c> switch in force for it, if any (on for an open group, off for a closed one),
/// and for each case of its rule (in the rule's order) the coefficient in force and the basis of the allowance it gives.
/// </summary>
internal sealed record OpenGroup(GroupDefinition Definition, AllowanceRule Rule, Provision? OpenSwitch, ImmutableArray<GroupCase> Cases);

/// <summary>
/// One case of a group in a month: its coefficient in force (null when none is), the basis of the monthly
/// allowance it gives, and for a multiplier of 1 (every case but K4's per child) the factor and amount.
/// </summary>
internal sealed record GroupCase(Provision? Coefficient, ImmutableArray<Citation> EntitlementBasis, decimal SingleFactor, Money.Dong SingleAmount);
