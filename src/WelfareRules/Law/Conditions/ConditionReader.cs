using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using WelfareRules.Legal;

namespace WelfareRules.Law.Conditions;

/// <summary>
/// Reads a condition of a rule file (the vocabulary of <c>docs/rule-files.md</c>, "Conditions") from its JSON, checking
/// every name against the declared facts and every value against the fact's type. A problem is reported with its
/// JSON path; nothing is ever evaluated from a string.
/// </summary>
internal sealed class ConditionReader(string instrument, ProvisionStatus status, Action<string, string> problem, bool meritRecord = false)
{
    /// <summary>Whether the facts of a merit record may be read here: in a merit group's conditions, or in a merit condition's <c>where</c>.</summary>
    private bool recordInScope = meritRecord;

    /// <summary>The deepest nesting of all, any and not a condition may have.</summary>
    internal const int MaxDepth = 16;

    private static readonly string[] Keys = ["fact", "age", "date", "children", "merit", "receives", "birthMonth", "monthOfYear", "inGroup", "all", "any", "not"];

    internal Condition? Read(JsonElement element, string path, bool child = false, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            problem(path, $"conditions nest deeper than {MaxDepth} levels");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problem(path, "a condition is an object, e.g. {\"fact\": \"hivPositive\", \"is\": true}");
            return null;
        }

        var kinds = Keys.Where(k => element.TryGetProperty(k, out _)).ToList();
        if (kinds.Count != 1)
        {
            problem(path, kinds.Count == 0
                ? "a condition names one of: " + string.Join(", ", Keys)
                : "a condition names only one of " + string.Join(", ", kinds));
            return null;
        }

        var basis = ReadBasis(element, path);
        string kind = kinds[0];
        var value = element.GetProperty(kind);
        return kind switch
        {
            "all" or "any" => Parts(kind, value, path + "." + kind, child, depth, basis, element),
            "not" => Not(value, path, child, depth, basis, element),
            "fact" => Fact(element, value, path, child, basis),
            "age" => Age(value, path + ".age", basis, element),
            "inGroup" => child ? Refuse(path + ".inGroup", "a child's condition reads only the child's age and inEducation") : InGroup(element, value, path, basis),
            "receives" => child ? Refuse(path + ".receives", "a child's condition reads only the child's age and inEducation") : Receives(value, path + ".receives", basis, element),
            "birthMonth" => Calendar(CalendarPart.BirthMonth, value, path + ".birthMonth", basis, element),
            "monthOfYear" => child ? Refuse(path + ".monthOfYear", "a child's condition reads only the child's age and inEducation") : Calendar(CalendarPart.MonthOfYear, value, path + ".monthOfYear", basis, element),
            "date" => child ? Refuse(path + ".date", "a child's condition reads only the child's age and inEducation") : Date(element, value, path, basis),
            "merit" => child ? Refuse(path + ".merit", "a child's condition reads only the child's age and inEducation") : Merit(value, path + ".merit", depth, basis, element),
            _ => child ? Refuse(path + ".children", "children conditions do not nest") : Children(value, path + ".children", depth, basis, element),
        };
    }

    private Condition? Refuse(string path, string message)
    {
        problem(path, message);
        return null;
    }

    private Condition? Parts(string kind, JsonElement value, string path, bool child, int depth, Citation? basis, JsonElement element)
    {
        Only(element, path[..path.LastIndexOf('.')], kind, "basis");
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Refuse(path, $"\"{kind}\" is a list of conditions");
        }

        var parts = ImmutableArray.CreateBuilder<Condition>();
        int i = 0;
        bool ok = true;
        foreach (var item in value.EnumerateArray())
        {
            var part = Read(item, $"{path}[{i++}]", child, depth + 1);
            ok &= part is not null;
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        if (!ok)
        {
            return null;
        }

        return kind == "all" ? new AllCondition(parts.ToImmutable(), basis) : new AnyCondition(parts.ToImmutable(), basis);
    }

    private Condition? Not(JsonElement value, string path, bool child, int depth, Citation? basis, JsonElement element)
    {
        Only(element, path, "not", "basis");
        var part = Read(value, path + ".not", child, depth + 1);
        return part is null ? null : new NotCondition(part, basis);
    }

    private Condition? Fact(JsonElement element, JsonElement nameElement, string path, bool child, Citation? basis)
    {
        if (nameElement.ValueKind != JsonValueKind.String)
        {
            return Refuse(path + ".fact", "\"fact\" is the name of a fact, e.g. \"household.poverty\"");
        }

        string name = nameElement.GetString()!;
        var catalog = child ? FactCatalog.ChildFacts : null;
        FactDefinition? fact = null;
        if (child ? catalog!.TryGetValue(name, out var childFact) : FactCatalog.TryGet(name, out childFact))
        {
            fact = childFact;
        }
        else if (!child && FactCatalog.MeritFacts.TryGetValue(name, out var recordFact))
        {
            if (!recordInScope)
            {
                return Refuse(path + ".fact", $"\"{name}\" is a fact of a merit record: read it in a merit group's conditions or in {{\"merit\": {{\"where\": ...}}}}");
            }

            fact = recordFact;
        }

        if (fact is null || fact.Type == FactType.Date)
        {
            return Refuse(path + ".fact", fact is not null
                ? $"\"{MessageText.Cut(name)}\" is a date: compare it with {{\"date\": \"{name}\", \"relation\": ...}}"
                : $"unknown fact \"{MessageText.Cut(name)}\"; known: {string.Join(", ", (child ? catalog!.Keys : FactCatalog.Names.Where(n => FactCatalog.TryGet(n, out var d) && d.Type != FactType.Date)).Order(StringComparer.Ordinal))}");
        }

        switch (fact.Type)
        {
            case FactType.Boolean:
                Only(element, path, "fact", "is", "basis");
                if (!element.TryGetProperty("is", out var expected) || expected.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Refuse(path + ".is", $"\"{name}\" is true or false: give \"is\": true or \"is\": false");
                }

                return new FactCondition(fact, FactComparison.Is, [expected.ValueKind == JsonValueKind.True ? 1 : 0], null, basis, child);
            case FactType.Choice:
                Only(element, path, "fact", "in", "notIn", "basis");
                bool inList = element.TryGetProperty("in", out var list);
                bool notInList = element.TryGetProperty("notIn", out var notList);
                if (inList == notInList)
                {
                    return Refuse(path, $"\"{name}\" is one of {string.Join(", ", fact.Values)}: give \"in\" or \"notIn\", a list of them");
                }

                string op = inList ? "in" : "notIn";
                var values = Choices(fact, inList ? list : notList, path + "." + op);
                return values.IsDefault ? null : new FactCondition(fact, inList ? FactComparison.In : FactComparison.NotIn, values, null, basis, child);
            default:
                Only(element, path, "fact", "atLeast", "atMost", "basis");
                bool atLeast = element.TryGetProperty("atLeast", out var low);
                bool atMost = element.TryGetProperty("atMost", out var high);
                if (atLeast == atMost)
                {
                    return Refuse(path, $"\"{name}\" is a number: give \"atLeast\" or \"atMost\", a whole number or {{\"parameter\": ...}}");
                }

                var bound = atLeast ? low : high;
                string boundPath = path + (atLeast ? ".atLeast" : ".atMost");
                var comparison = atLeast ? FactComparison.AtLeast : FactComparison.AtMost;
                if (bound.ValueKind == JsonValueKind.Number && bound.TryGetInt32(out int number) && number >= 0)
                {
                    return new FactCondition(fact, comparison, [number], null, basis, child);
                }

                if (bound.ValueKind == JsonValueKind.Object && bound.TryGetProperty("parameter", out var parameter) && parameter.ValueKind == JsonValueKind.String)
                {
                    string? @case = bound.TryGetProperty("case", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    return new FactCondition(fact, comparison, [0], new ParameterKey(parameter.GetString()!, null, @case), basis, child);
                }

                return Refuse(boundPath, "a whole number of 0 or more, or {\"parameter\": \"name\", \"case\": \"...\"}");
        }
    }

    private ImmutableArray<int> Choices(FactDefinition fact, JsonElement list, string path)
    {
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            problem(path, $"a non-empty list of: {string.Join(", ", fact.Values)}");
            return default;
        }

        var values = ImmutableArray.CreateBuilder<int>();
        int i = 0;
        bool ok = true;
        foreach (var item in list.EnumerateArray())
        {
            int index = item.ValueKind == JsonValueKind.String ? fact.Values.IndexOf(item.GetString()!) : -1;
            if (index < 0)
            {
                problem($"{path}[{i}]", $"{MessageText.Cut(item.ToString())} is not one of {string.Join(", ", fact.Values)}");
                ok = false;
            }
            else if (values.Contains(index))
            {
                problem($"{path}[{i}]", $"\"{fact.Values[index]}\" is listed twice");
                ok = false;
            }
            else
            {
                values.Add(index);
            }

            i++;
        }

        return ok ? values.ToImmutable() : default;
    }

    private Condition? Age(JsonElement value, string path, Citation? basis, JsonElement element)
    {
        Only(element, path[..path.LastIndexOf('.')], "age", "basis");
        if (value.ValueKind != JsonValueKind.Object)
        {
            return Refuse(path, "\"age\" is {\"atLeast\" | \"below\" | \"until\": \"an age parameter's case\"}, e.g. {\"atLeast\": \"elderly\"}");
        }

        var ops = new[] { ("atLeast", AgeComparison.AtLeast), ("below", AgeComparison.Below), ("until", AgeComparison.Until), ("reachedThisYear", AgeComparison.ReachedThisYear), ("belowAtDeath", AgeComparison.BelowAtDeath) }
            .Where(o => value.TryGetProperty(o.Item1, out _)).ToList();
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is not ("atLeast" or "below" or "until" or "reachedThisYear" or "belowAtDeath"))
            {
                problem(path + "." + property.Name, $"unknown property \"{MessageText.Cut(property.Name)}\" of an age condition: atLeast, below, until, reachedThisYear or belowAtDeath");
                return null;
            }
        }

        if (ops.Count != 1)
        {
            return Refuse(path, "an age condition gives one of atLeast, below, until, reachedThisYear or belowAtDeath");
        }

        var (op, comparison) = ops[0];
        var @case = value.GetProperty(op);
        if (@case.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(@case.GetString()))
        {
            return Refuse(path + "." + op, "the case of the age parameter, e.g. \"elderly\" (a provision {\"parameter\": \"age\", \"case\": \"elderly\", ...})");
        }

        return new AgeCondition(comparison, @case.GetString()!, basis);
    }

    private Condition? Receives(JsonElement value, string path, Citation? basis, JsonElement element)
    {
        Only(element, path[..path.LastIndexOf('.')], "receives", "basis");
        string known = string.Join(", ", Reports.ContractNames.KindSpellings);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            return Refuse(path, "a non-empty list of entitlement kinds: " + known);
        }

        var kinds = ImmutableArray.CreateBuilder<Reports.EntitlementKind>();
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Reports.ContractNames.TryParse(item.GetString()!, out var kind))
            {
                return Refuse($"{path}[{i}]", $"{MessageText.Cut(item.ToString())} is not an entitlement kind: {known}");
            }

            kinds.Add(kind);
            i++;
        }

        return new ReceivesCondition(kinds.ToImmutable(), basis);
    }

    private Condition? InGroup(JsonElement element, JsonElement value, string path, Citation? basis)
    {
        Only(element, path, "inGroup", "band", "basis");
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            return Refuse(path + ".inGroup", "the id of a group of the rule set, e.g. \"ND20-5-1\"");
        }

        string? band = null;
        if (element.TryGetProperty("band", out var bandElement))
        {
            if (bandElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(bandElement.GetString()))
            {
                return Refuse(path + ".band", "the case of one of the group's bands, e.g. \"under-4\"");
            }

            band = bandElement.GetString();
        }

        return new InGroupCondition(value.GetString()!, band, basis);
    }

    private Condition? Calendar(CalendarPart part, JsonElement value, string path, Citation? basis, JsonElement element)
    {
        string name = part == CalendarPart.BirthMonth ? "birthMonth" : "monthOfYear";
        Only(element, path[..path.LastIndexOf('.')], name, "basis");
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("atMost", out var bound) || value.EnumerateObject().Count() != 1)
        {
            return Refuse(path, $"\"{name}\" is {{\"atMost\": a month number (1 to 12) or {{\"parameter\": ...}}}}");
        }

        if (bound.ValueKind == JsonValueKind.Number && bound.TryGetInt32(out int month) && month is >= 1 and <= 12)
        {
            return new CalendarCondition(part, month, null, basis);
        }

        if (bound.ValueKind == JsonValueKind.Object && bound.TryGetProperty("parameter", out var parameter) && parameter.ValueKind == JsonValueKind.String)
        {
            string? @case = bound.TryGetProperty("case", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return new CalendarCondition(part, 0, new ParameterKey(parameter.GetString()!, null, @case), basis);
        }

        return Refuse(path + ".atMost", "a month number from 1 to 12, or {\"parameter\": \"name\"}");
    }

    private Condition? Date(JsonElement element, JsonElement nameElement, string path, Citation? basis)
    {
        Only(element, path, "date", "relation", "months", "basis");
        string? name = nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() : null;
        FactDefinition? fact = null;
        if (name is not null && recordInScope && FactCatalog.MeritFacts.TryGetValue(name, out var recordFact))
        {
            fact = recordFact;
        }
        else if (name is not null && FactCatalog.TryGet(name, out var personFact))
        {
            fact = personFact;
        }

        if (name is null || fact is null || fact.Type != FactType.Date)
        {
            return Refuse(path + ".date", $"a date fact: {string.Join(", ", FactCatalog.Names.Where(n => FactCatalog.TryGet(n, out var d) && d.Type == FactType.Date).Order(StringComparer.Ordinal))}");
        }

        if (!element.TryGetProperty("relation", out var relation) || relation.ValueKind != JsonValueKind.String || RelationNamed(relation.GetString()!) is not { } parsed)
        {
            return Refuse(path + ".relation", "one of " + string.Join(", ", Relations.Select(r => r.Name)));
        }

        bool hasMonths = element.TryGetProperty("months", out var months);
        if (parsed != DateRelation.WithinMonths)
        {
            return hasMonths ? Refuse(path + ".months", "\"months\" goes with \"relation\": \"withinMonths\"") : new DateCondition(fact, parsed, basis);
        }

        if (hasMonths && months.ValueKind == JsonValueKind.Number && months.TryGetInt32(out int count) && count >= 0)
        {
            return new DateCondition(fact, parsed, basis, count);
        }

        if (hasMonths && months.ValueKind == JsonValueKind.Object && months.TryGetProperty("parameter", out var parameter) && parameter.ValueKind == JsonValueKind.String)
        {
            string? @case = months.TryGetProperty("case", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return new DateCondition(fact, parsed, basis, 0, new ParameterKey(parameter.GetString()!, null, @case));
        }

        return Refuse(path + ".months", "\"withinMonths\" needs \"months\": a whole number, or {\"parameter\": \"name\"}");
    }

    /// <summary>The relations a date condition names, in the order a refusal lists them (an array, not a dictionary of the enumeration: compiled ahead of time).</summary>
    private static readonly (string Name, DateRelation Relation)[] Relations =
    [
        ("present", DateRelation.Present), ("absent", DateRelation.Absent), ("beforeMonth", DateRelation.BeforeMonth),
        ("inMonth", DateRelation.InMonth), ("afterMonth", DateRelation.AfterMonth), ("notAfterMonth", DateRelation.NotAfterMonth),
        ("withinMonths", DateRelation.WithinMonths),
    ];

    private static DateRelation? RelationNamed(string name)
    {
        foreach (var (text, relation) in Relations)
        {
            if (text == name)
            {
                return relation;
            }
        }

        return null;
    }

    private Condition? Children(JsonElement value, string path, int depth, Citation? basis, JsonElement element)
    {
        Only(element, path[..path.LastIndexOf('.')], "children", "basis");
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("where", out var where))
        {
            return Refuse(path, "{\"where\": a condition over each child (its age, inEducation), \"atLeast\": a number (default 1)}");
        }

        int atLeast = 1;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name == "atLeast")
            {
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out atLeast) || atLeast < 0)
                {
                    return Refuse(path + ".atLeast", "a whole number of 0 or more");
                }
            }
            else if (property.Name != "where")
            {
                return Refuse(path + "." + property.Name, $"unknown property \"{MessageText.Cut(property.Name)}\" of a children condition: where, atLeast");
            }
        }

        var condition = Read(where, path + ".where", child: true, depth + 1);
        return condition is null ? null : new ChildrenCondition(condition, atLeast, basis);
    }

    private Condition? Merit(JsonElement value, string path, int depth, Citation? basis, JsonElement element)
    {
        Only(element, path[..path.LastIndexOf('.')], "merit", "basis");
        if (recordInScope)
        {
            return Refuse(path, "merit conditions do not nest, and a merit group reads its record's facts directly");
        }

        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("where", out var where))
        {
            return Refuse(path, "{\"where\": a condition over each merit record (merit.category, merit.rate, …), \"atLeast\": a number (default 1)}");
        }

        int atLeast = 1;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name == "atLeast")
            {
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out atLeast) || atLeast < 0)
                {
                    return Refuse(path + ".atLeast", "a whole number of 0 or more");
                }
            }
            else if (property.Name != "where")
            {
                return Refuse(path + "." + property.Name, $"unknown property \"{MessageText.Cut(property.Name)}\" of a merit condition: where, atLeast");
            }
        }

        recordInScope = true;
        try
        {
            var condition = Read(where, path + ".where", child: false, depth + 1);
            return condition is null ? null : new MeritCondition(condition, atLeast, basis);
        }
        finally
        {
            recordInScope = false;
        }
    }

    /// <summary>Refuses properties of a condition object other than the ones its kind takes (a misspelt operator must not be ignored).</summary>
    private void Only(JsonElement element, string path, params string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                problem(path + "." + property.Name, $"unknown property \"{MessageText.Cut(property.Name)}\" here; this condition takes: {string.Join(", ", allowed)}");
            }
        }
    }

    private Citation? ReadBasis(JsonElement element, string path)
    {
        if (!element.TryGetProperty("basis", out var basis))
        {
            return null;
        }

        if (basis.ValueKind != JsonValueKind.Object || !basis.TryGetProperty("article", out var article) || article.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(article.GetString()) || instrument.Length == 0)
        {
            problem(path + ".basis", "a basis is {\"article\": ..., \"clause\": ..., \"point\": ..., \"status\": ...}, with the article");
            return null;
        }

        string? Text(string name) => basis.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var grade = status;
        if (Text("status") is { } statusText)
        {
            if (!Serialization.ContractEnum<ProvisionStatus>.TryParse(statusText, out grade))
            {
                problem(path + ".basis.status", $"\"{MessageText.Cut(statusText)}\" is not one of {Serialization.ContractEnum<ProvisionStatus>.Names}");
                grade = status;
            }
        }

        return new Citation(instrument, article.GetString()!, Text("clause"), Text("point"), grade);
    }
}
