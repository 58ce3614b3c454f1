using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using WelfareRules.Benefits.SocialAllowance;
using WelfareRules.Law.Conditions;
using static System.FormattableString;

namespace WelfareRules.Law;

/// <summary>
/// Checks a set of instruments as a whole and builds its timelines: no two values of a parameter on one
/// date, none before its instrument applies, no unknown parameter, group or case, no group without its
/// coefficients, no local standard below the national one.
/// </summary>
internal static class RuleSetValidator
{
    internal static ImmutableArray<GroupDefinition> Validate(
        ImmutableArray<Instrument> instruments,
        List<RuleFileProblem> problems,
        out FrozenDictionary<(Jurisdiction Jurisdiction, ParameterKey Key), ParameterTimeline> timelines)
    {
        foreach (var duplicate in instruments.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            foreach (var instrument in duplicate.Skip(1))
            {
                problems.Add(new(new SourceLocation(instrument.File, 0, "$.id"), string.Create(CultureInfo.InvariantCulture, $"instrument {instrument.Id} is already in the rule set (from {duplicate.First().File})")));
            }
        }

        var groups = ValidateGroups(instruments, problems);
        var groupsById = groups.GroupBy(g => g.Id).ToDictionary(g => g.Key, g => g.First());

        var valid = new List<Provision>();
        foreach (var instrument in instruments)
        {
            foreach (var provision in instrument.Provisions)
            {
                if (CheckProvision(instrument, provision, groupsById, problems))
                {
                    valid.Add(provision);
                }
            }
        }

        ReportClashes(valid, problems);

        timelines = valid
            .GroupBy(p => (p.Jurisdiction, p.Key))
            .ToFrozenDictionary(g => g.Key, g => new ParameterTimeline(g.Key.Key, g.Key.Jurisdiction, [.. g.OrderBy(p => p.From)]));

        CheckCoverage(groups, timelines, problems);
        CheckConditionParameters(groups, timelines, problems);
        CheckGroupReferences(groups, problems);
        CheckNotBelowNational(timelines, problems);
        return groups;
    }

    /// <summary>
    /// The checks of one instrument that need no other instrument: known parameters, dates not before the
    /// instrument applies, cases and groups of parameters set for the whole jurisdiction, and no two values of
    /// a parameter on one date. Run by the reader even when a file has other problems, so that a refusal lists them all.
    /// </summary>
    internal static void CheckAlone(Instrument instrument, List<RuleFileProblem> problems)
    {
        var valid = new List<Provision>();
        foreach (var provision in instrument.Provisions)
        {
            if (ParameterCatalog.TryGet(provision.Key.Name, out var definition) && definition.Scope != ParameterScope.Global)
            {
                continue;
            }

            if (CheckProvision(instrument, provision, new(), problems))
            {
                valid.Add(provision);
            }
        }

        ReportClashes(valid, problems);
    }

    private static void ReportClashes(List<Provision> valid, List<RuleFileProblem> problems)
    {
        foreach (var clash in valid.GroupBy(p => (p.Jurisdiction, p.Key, p.From)).Where(g => g.Count() > 1))
        {
            var first = clash.First();
            foreach (var provision in clash.Skip(1))
            {
                problems.Add(new(provision.Location,
                    Invariant($"{provision.Key} already has a value for {provision.Jurisdiction} from {provision.From:yyyy-MM-dd} ({first.Value}, {first.Location}); two values for one date contradict each other")));
            }
        }
    }

    private static ImmutableArray<GroupDefinition> ValidateGroups(ImmutableArray<Instrument> instruments, List<RuleFileProblem> problems)
    {
        var seen = new Dictionary<string, GroupDefinition>();
        var result = ImmutableArray.CreateBuilder<GroupDefinition>();
        foreach (var instrument in instruments)
        {
            foreach (var group in instrument.Groups)
            {
                if (seen.TryGetValue(group.Id, out var existing))
                {
                    problems.Add(new(group.Location, string.Create(CultureInfo.InvariantCulture, $"group {group.Id} is already defined ({existing.Location})")));
                    continue;
                }

                if (AllowanceRules.For(group) is null)
                {
                    // A group built without conditions (only through the internal constructor): nothing can admit anyone.
                    problems.Add(new(group.Location, $"group {group.Id} states no conditions"));
                    continue;
                }

                if (group.From < instrument.AppliesFrom)
                {
                    problems.Add(new(group.Location with { Path = group.Location.Path + ".from" },
                        string.Create(CultureInfo.InvariantCulture, $"group {group.Id} opens on {group.From:yyyy-MM-dd}, before its instrument applies ({instrument.AppliesFrom:yyyy-MM-dd})")));
                    continue;
                }

                seen.Add(group.Id, group);
                result.Add(group);
            }
        }

        return result.ToImmutable();
    }

    private static bool CheckProvision(Instrument instrument, Provision provision, Dictionary<string, GroupDefinition> groups, List<RuleFileProblem> problems)
    {
        var key = provision.Key;
        var at = provision.Location;
        if (!ParameterCatalog.TryGet(key.Name, out var definition))
        {
            problems.Add(new(at with { Path = at.Path + ".parameter" },
                $"unknown parameter \"{MessageText.Cut(key.Name)}\"; known parameters: {string.Join(", ", ParameterCatalog.Names.Order())}"));
            return false;
        }

        if (provision.From < instrument.AppliesFrom)
        {
            problems.Add(new(at with { Path = at.Path + ".from" },
                string.Create(CultureInfo.InvariantCulture, $"{key} is set from {provision.From:yyyy-MM-dd}, before its instrument {instrument.Id} applies ({instrument.AppliesFrom:yyyy-MM-dd})")));
            return false;
        }

        if (definition.Scope == ParameterScope.Global)
        {
            if (key.Group is not null)
            {
                problems.Add(new(at with { Path = at.Path + ".group" }, $"parameter \"{MessageText.Cut(key.Name)}\" is not set per group"));
                return false;
            }

            if (definition.OpenCases ? string.IsNullOrWhiteSpace(key.Case) : definition.Cases.IsEmpty ? key.Case is not null : !definition.Cases.Contains(key.Case ?? ""))
            {
                problems.Add(new(at with { Path = at.Path + ".case" },
                    definition.OpenCases ? $"parameter \"{MessageText.Cut(key.Name)}\" needs a case, its name (e.g. \"elderly\")"
                    : definition.Cases.IsEmpty ? $"parameter \"{MessageText.Cut(key.Name)}\" has no cases"
                        : $"unknown case \"{MessageText.Cut(key.Case)}\" of \"{MessageText.Cut(key.Name)}\"; known cases: {string.Join(", ", definition.Cases)}"));
                return false;
            }
        }
        else
        {
            if (key.Group is null || !groups.TryGetValue(key.Group, out var group))
            {
                problems.Add(new(at with { Path = at.Path + ".group" },
                    key.Group is null ? $"parameter \"{MessageText.Cut(key.Name)}\" needs a group" : $"unknown group \"{MessageText.Cut(key.Group)}\": no instrument of the rule set defines it"));
                return false;
            }

            if (!provision.Jurisdiction.IsWithin(group.Jurisdiction))
            {
                problems.Add(new(at with { Path = at.Path + ".group" },
                    string.Create(CultureInfo.InvariantCulture, $"group {group.Id} belongs to {group.Jurisdiction}; an instrument of {provision.Jurisdiction} cannot set its parameters")));
                return false;
            }

            if (key.Name == ParameterCatalog.MeritAmount != (group.Eligibility?.Benefit.IsMerit() ?? false))
            {
                problems.Add(new(at with { Path = at.Path + ".group" },
                    key.Name == ParameterCatalog.MeritAmount
                        ? $"group {group.Id} is not a merit group; merit-amount is set for the groups of merit-allowance and merit-carer-allowance"
                        : $"group {group.Id} is a merit group: its amounts are merit-amount"));
                return false;
            }

            var cases = AllowanceRules.For(group)!.Cases;
            if (definition.Scope == ParameterScope.GroupCase ? !cases.Contains(key.Case ?? "") : key.Case is not null)
            {
                problems.Add(new(at with { Path = at.Path + ".case" },
                    definition.Scope == ParameterScope.GroupCase
                        ? $"unknown case \"{MessageText.Cut(key.Case)}\" of group {group.Id} (rule {group.Rule ?? "its bands"}); known cases: {string.Join(", ", cases)}"
                        : $"parameter \"{MessageText.Cut(key.Name)}\" has no cases"));
                return false;
            }
        }

        return true;
    }

    /// <summary>Every parameter a group's conditions read is given, for the group's jurisdiction, by some instrument of the rule set.</summary>
    private static void CheckConditionParameters(ImmutableArray<GroupDefinition> groups, FrozenDictionary<(Jurisdiction Jurisdiction, ParameterKey Key), ParameterTimeline> timelines, List<RuleFileProblem> problems)
    {
        foreach (var group in groups)
        {
            foreach (var key in group.Eligibility?.ParametersRead ?? [])
            {
                if (!timelines.Keys.Any(t => ParameterKeyComparer.Instance.Equals(t.Key, key) && group.Jurisdiction.IsWithin(t.Jurisdiction)))
                {
                    problems.Add(new(group.Location with { Path = group.Location.Path + ".when" },
                        $"group {group.Id} reads the parameter {key}, which no instrument of the rule set gives for {group.Jurisdiction} (e.g. {{\"parameter\": \"{key.Name}\"{(key.Case is null ? "" : $", \"case\": \"{key.Case}\"")}, ...}})"));
                }
            }
        }
    }

    /// <summary>Every group a condition names (<c>inGroup</c>) is defined, for the naming group's jurisdiction, and no group names itself through others.</summary>
    private static void CheckGroupReferences(ImmutableArray<GroupDefinition> groups, List<RuleFileProblem> problems)
    {
        var byId = groups.ToDictionary(g => g.Id, System.StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (string named in group.Eligibility?.GroupsRead ?? [])
            {
                if (!byId.TryGetValue(named, out var target) || !group.Jurisdiction.IsWithin(target.Jurisdiction))
                {
                    problems.Add(new(group.Location with { Path = group.Location.Path + ".when" },
                        $"group {group.Id} names the group \"{MessageText.Cut(named)}\", which no instrument of the rule set defines for {group.Jurisdiction}"));
                }
                else if (target.Eligibility?.Benefit.IsMerit() == true && group.Eligibility?.Benefit.IsMerit() != true)
                {
                    // A merit group is met by a merit record, not by a person: read the records with a merit condition.
                    problems.Add(new(group.Location with { Path = group.Location.Path + ".when" },
                        $"group {group.Id} names the merit group {named}, which is met by a merit record, not a person: read the person's records with {{\"merit\": {{\"where\": ...}}}}"));
                }
            }
        }

        // A cycle (a group meeting itself through others) would never end: refused.
        var state = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (Cycle(group.Id, byId, state) is { } cycle)
            {
                problems.Add(new(byId[cycle].Location with { Path = byId[cycle].Location.Path + ".when" },
                    $"group {cycle} names itself through inGroup conditions (a cycle): it could never be decided"));
                break;
            }
        }
    }

    /// <summary>A group on a cycle of inGroup references reachable from <paramref name="id"/>, or null (depth-first: 1 visiting, 2 done).</summary>
    private static string? Cycle(string id, Dictionary<string, GroupDefinition> byId, Dictionary<string, int> state)
    {
        if (state.TryGetValue(id, out int seen))
        {
            return seen == 1 ? id : null;
        }

        state[id] = 1;
        foreach (string next in byId.TryGetValue(id, out var group) ? group.Eligibility?.GroupsRead ?? [] : [])
        {
            if (byId.ContainsKey(next) && Cycle(next, byId, state) is { } found)
            {
                return found;
            }
        }

        state[id] = 2;
        return null;
    }

    private static void CheckCoverage(ImmutableArray<GroupDefinition> groups, FrozenDictionary<(Jurisdiction Jurisdiction, ParameterKey Key), ParameterTimeline> timelines, List<RuleFileProblem> problems)
    {
        foreach (var group in groups.Where(g => g.IsAllowance))
        {
            foreach (var @case in AllowanceRules.For(group)!.Cases)
            {
                var key = new ParameterKey(ParameterCatalog.Coefficient, group.Id, @case);
                if (Lookup(timelines, key, group.Jurisdiction, group) is null)
                {
                    problems.Add(new(group.Location,
                        string.Create(CultureInfo.InvariantCulture, $"group {group.Id} opens on {group.From:yyyy-MM-dd} but has no coefficient for case \"{@case}\" in force then")));
                }
            }

            if (Lookup(timelines, new ParameterKey(ParameterCatalog.Standard), group.Jurisdiction, group) is null)
            {
                problems.Add(new(group.Location, string.Create(CultureInfo.InvariantCulture, $"group {group.Id} opens on {group.From:yyyy-MM-dd} but no standard is in force then")));
            }
        }

        foreach (var group in groups.Where(g => g.Eligibility?.Benefit.IsMerit() ?? false))
        {
            foreach (var @case in group.Eligibility!.Cases)
            {
                if (Lookup(timelines, new ParameterKey(ParameterCatalog.MeritAmount, group.Id, @case), group.Jurisdiction, group) is null)
                {
                    problems.Add(new(group.Location,
                        string.Create(CultureInfo.InvariantCulture, $"group {group.Id} opens on {group.From:yyyy-MM-dd} but has no merit-amount for case \"{@case}\" in force then")));
                }
            }

            if (Lookup(timelines, new ParameterKey(ParameterCatalog.MeritStandard), group.Jurisdiction, group) is null)
            {
                problems.Add(new(group.Location, string.Create(CultureInfo.InvariantCulture, $"group {group.Id} opens on {group.From:yyyy-MM-dd} but no merit-standard is in force then")));
            }
        }
    }

    private static Provision? Lookup(FrozenDictionary<(Jurisdiction Jurisdiction, ParameterKey Key), ParameterTimeline> timelines, ParameterKey key, Jurisdiction jurisdiction, GroupDefinition group)
    {
        for (Jurisdiction? j = jurisdiction; j is not null; j = j.Parent)
        {
            if (timelines.TryGetValue((j, key), out var timeline) && timeline.On(group.From) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static void CheckNotBelowNational(FrozenDictionary<(Jurisdiction Jurisdiction, ParameterKey Key), ParameterTimeline> timelines, List<RuleFileProblem> problems)
    {
        foreach (var ((jurisdiction, key), timeline) in timelines)
        {
            if (jurisdiction.IsNational || !ParameterCatalog.TryGet(key.Name, out var definition) || !definition.NotBelowNational)
            {
                continue;
            }

            if (!timelines.TryGetValue((Jurisdiction.Vietnam, key), out var national))
            {
                continue;
            }

            foreach (var local in timeline.Entries)
            {
                if (national.On(local.From) is { } floor && local.Value < floor.Value)
                {
                    problems.Add(new(local.Location with { Path = local.Location.Path + ".value" },
                        Invariant($"{key} for {jurisdiction} from {local.From:yyyy-MM-dd} is {local.Value:#,0}, below the national {floor.Value:#,0} then in force ({floor.Basis}); a local level may not be lower than the national one (20/2021/NĐ-CP Art 4 k3)")));
                }
            }
        }
    }
}
