using System;
using System.Linq;
using System.Text.Json.Nodes;
using WelfareRules.Legal;

namespace WelfareRules.Law.Building;

/// <summary>
/// A condition of a group, built in code: the same vocabulary as a rule file's <c>when</c> (see
/// <c>docs/rule-files.md</c>, "Conditions"), made with <see cref="When"/>. It is checked when the instrument is built.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConditionSpec
{
    private readonly JsonObject json;

    internal ConditionSpec(JsonObject json) => this.json = json;

    /// <summary>The same condition citing the provision it rests on.</summary>
    /// <param name="basis">The provision, of the instrument being built.</param>
    /// <returns>A new condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="basis"/> is null.</exception>
    public ConditionSpec WithBasis(ProvisionBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var copy = (JsonObject)json.DeepClone();
        copy["basis"] = basis.ToJson();
        return new ConditionSpec(copy);
    }

    /// <summary>The condition as a rule file writes it.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString() => json.ToJsonString();

    internal JsonObject ToJson() => (JsonObject)json.DeepClone();
}

/// <summary>Makes the conditions of groups built in code (<see cref="ConditionSpec"/>): each method is a construct of the rule-file vocabulary.</summary>
public static class When
{
    /// <summary>A true-or-false fact has a value: <c>{"fact": …, "is": …}</c>.</summary>
    /// <param name="fact">The fact's name in the contract, e.g. <c>hivPositive</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    public static ConditionSpec Fact(string fact, bool value) => new(new JsonObject { ["fact"] = Name(fact), ["is"] = value });

    /// <summary>A choice is one of the values: <c>{"fact": …, "in": […]}</c>.</summary>
    /// <param name="fact">The fact's name, e.g. <c>household.poverty</c>.</param>
    /// <param name="values">The values, as the contract spells them.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> or <paramref name="values"/> is null.</exception>
    public static ConditionSpec FactIn(string fact, params string[] values) => Choice(fact, "in", values);

    /// <summary>A choice is none of the values: <c>{"fact": …, "notIn": […]}</c>.</summary>
    /// <param name="fact">The fact's name, e.g. <c>orphanhood</c>.</param>
    /// <param name="values">The values, as the contract spells them.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> or <paramref name="values"/> is null.</exception>
    public static ConditionSpec FactNotIn(string fact, params string[] values) => Choice(fact, "notIn", values);

    /// <summary>A count is at least a number: <c>{"fact": …, "atLeast": n}</c>.</summary>
    /// <param name="fact">The fact's name, e.g. <c>childrenUnder36Months</c>.</param>
    /// <param name="count">The number.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    public static ConditionSpec FactAtLeast(string fact, int count) => new(new JsonObject { ["fact"] = Name(fact), ["atLeast"] = count });

    /// <summary>A count is at most a number: <c>{"fact": …, "atMost": n}</c>.</summary>
    /// <param name="fact">The fact's name.</param>
    /// <param name="count">The number.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is null.</exception>
    public static ConditionSpec FactAtMost(string fact, int count) => new(new JsonObject { ["fact"] = Name(fact), ["atMost"] = count });

    /// <summary>The age has reached an age parameter in the month: <c>{"age": {"atLeast": …}}</c>.</summary>
    /// <param name="ageCase">The case of the <c>age</c> parameter, e.g. <c>elderly</c>.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ageCase"/> is null.</exception>
    public static ConditionSpec AgeAtLeast(string ageCase) => Age("atLeast", ageCase);

    /// <summary>The age has not reached an age parameter in the month: <c>{"age": {"below": …}}</c>.</summary>
    /// <param name="ageCase">The case of the <c>age</c> parameter.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ageCase"/> is null.</exception>
    public static ConditionSpec AgeBelow(string ageCase) => Age("below", ageCase);

    /// <summary>Still under an age parameter, counted to the end of the month of the birthday: <c>{"age": {"until": …}}</c>.</summary>
    /// <param name="ageCase">The case of the <c>age</c> parameter.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ageCase"/> is null.</exception>
    public static ConditionSpec AgeUntil(string ageCase) => Age("until", ageCase);

    /// <summary>A date fact against the benefit month: <c>{"date": …, "relation": …}</c>.</summary>
    /// <param name="fact">The date fact, e.g. <c>decisionSignedOn</c>.</param>
    /// <param name="relation"><c>present</c>, <c>absent</c>, <c>beforeMonth</c>, <c>inMonth</c>, <c>afterMonth</c> or <c>notAfterMonth</c>.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> or <paramref name="relation"/> is null.</exception>
    public static ConditionSpec Date(string fact, string relation) =>
        new(new JsonObject { ["date"] = Name(fact), ["relation"] = Name(relation, nameof(relation)) });

    /// <summary>At least <paramref name="atLeast"/> children raised alone meet a condition over the child: <c>{"children": {"where": …, "atLeast": …}}</c>.</summary>
    /// <param name="where">The condition over one child (its age and <c>inEducation</c>).</param>
    /// <param name="atLeast">How many children must meet it.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="where"/> is null.</exception>
    public static ConditionSpec Children(ConditionSpec where, int atLeast = 1)
    {
        ArgumentNullException.ThrowIfNull(where);
        return new(new JsonObject { ["children"] = new JsonObject { ["where"] = where.ToJson(), ["atLeast"] = atLeast } });
    }

    /// <summary>All of the conditions hold.</summary>
    /// <param name="parts">The conditions.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of them is null.</exception>
    public static ConditionSpec All(params ConditionSpec[] parts) => List("all", parts);

    /// <summary>At least one of the conditions holds.</summary>
    /// <param name="parts">The conditions.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of them is null.</exception>
    public static ConditionSpec Any(params ConditionSpec[] parts) => List("any", parts);

    /// <summary>The condition does not hold.</summary>
    /// <param name="part">The condition.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="part"/> is null.</exception>
    public static ConditionSpec Not(ConditionSpec part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return new(new JsonObject { ["not"] = part.ToJson() });
    }

    private static string Name(string value, string paramName = "fact")
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }

    private static ConditionSpec Age(string comparison, string ageCase) =>
        new(new JsonObject { ["age"] = new JsonObject { [comparison] = Name(ageCase, nameof(ageCase)) } });

    private static ConditionSpec Choice(string fact, string comparison, string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(new JsonObject { ["fact"] = Name(fact), [comparison] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(Name(v, nameof(values))))]) });
    }

    private static ConditionSpec List(string kind, ConditionSpec[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
        }

        return new(new JsonObject { [kind] = new JsonArray([.. parts.Select(p => (JsonNode?)p.ToJson())]) });
    }
}

/// <summary>A citation within the instrument being built: the article, and optionally the clause, point and grade.</summary>
public sealed record ProvisionBasis
{
    /// <summary>Creates a citation.</summary>
    /// <param name="article">The article (Điều).</param>
    /// <param name="clause">The clause (khoản), or null.</param>
    /// <param name="point">The point (điểm), or null.</param>
    /// <param name="status">The provision's grade, or null for the instrument's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="article"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined grade.</exception>
    public ProvisionBasis(string article, string? clause = null, string? point = null, ProvisionStatus? status = null)
    {
        Article = article;
        Clause = clause;
        Point = point;
        Status = status;
    }

    /// <summary>The article (Điều).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public string Article { get; init => field = Preconditions.CheckNotNull(value, nameof(Article)); }

    /// <summary>The clause (khoản), or null.</summary>
    public string? Clause { get; init; }

    /// <summary>The point (điểm), or null.</summary>
    public string? Point { get; init; }

    /// <summary>The provision's grade, or null for the instrument's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not a defined grade.</exception>
    public ProvisionStatus? Status { get; init => field = value is { } status ? Preconditions.CheckDefined(status, nameof(Status)) : null; }

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["article"] = Article };
        if (Clause is not null)
        {
            json["clause"] = Clause;
        }

        if (Point is not null)
        {
            json["point"] = Point;
        }

        if (Status is { } status)
        {
            json["status"] = status.ContractName();
        }

        return json;
    }
}
