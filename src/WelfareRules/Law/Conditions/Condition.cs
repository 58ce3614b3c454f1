using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using WelfareRules.Benefits;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Legal;

namespace WelfareRules.Law.Conditions;

/// <summary>What a condition is evaluated against: the person (or, in a children condition, one child), the month and its law.</summary>
/// <param name="Person">The person.</param>
/// <param name="Law">The month's law: the age parameters and any parameter a comparison names.</param>
/// <param name="Child">The child a children condition is looking at, or null.</param>
/// <param name="Received">The kinds of entitlement the month's report holds for the person (bits by <see cref="Reports.EntitlementKind"/>), for conditions on what is received (health insurance).</param>
/// <param name="Merit">The merit record a merit group (or a merit condition's <c>where</c>) is looking at, or null.</param>
internal readonly record struct ConditionContext(Person Person, MonthLaw Law, RaisedChild? Child = null, int Received = 0, MeritRecord? Merit = null)
{
    /// <summary>Reads a fact of the person, or of the merit record looked at.</summary>
    internal int Read(FactDefinition fact) =>
        fact.ReadRecord is { } record ? (Merit is { } m ? record(m) : (fact.Type == FactType.Date ? FactCatalog.Absent : 0)) : fact.Read(Person);

    internal YearMonth Month => Law.Month;

    /// <summary>The birth date ages are read from: the child's in a children condition, the person's otherwise.</summary>
    internal LocalDate BirthDate => Child?.BirthDate ?? Person.BirthDate;
}

/// <summary>One line of a condition's explanation: what was found, in English and Vietnamese, and the provisions behind it.</summary>
internal readonly record struct ConditionNote(string English, string Vietnamese, ImmutableArray<Citation> Basis);

/// <summary>
/// A condition of a rule file: a closed, typed vocabulary over the declared facts (<see cref="FactCatalog"/>) and the
/// parameters of the law. Conditions are values; they are read and validated when a rule file is loaded and never
/// evaluated from a string.
/// </summary>
internal abstract class Condition
{
    protected Condition(Citation? basis) => Basis = basis;

    /// <summary>The provision the condition rests on, when the rule file cites one.</summary>
    internal Citation? Basis { get; }

    /// <summary>Whether the condition holds.</summary>
    /// <exception cref="Evaluation.EvaluationException">An age or parameter the condition names is not in force in the month.</exception>
    internal abstract bool IsMet(in ConditionContext context);

    /// <summary>The notes of the condition as evaluated: for a condition met, why; used by explanations.</summary>
    internal abstract void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes);

    /// <summary>The age parameters (cases of <c>age</c>) the condition reads.</summary>
    internal virtual void AgesRead(ImmutableArray<string>.Builder ages)
    {
    }

    /// <summary>The children conditions inside this one.</summary>
    internal virtual void ChildrenConditions(ImmutableArray<ChildrenCondition>.Builder children)
    {
    }

    /// <summary>Every parameter the condition reads (ages and compared parameters), for the rule set to check they exist.</summary>
    internal virtual void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters)
    {
    }

    /// <summary>The groups the condition names (<c>inGroup</c>), for the rule set to check they exist and form no cycle.</summary>
    internal virtual void GroupsRead(ImmutableArray<string>.Builder groups)
    {
    }

    /// <summary>Adds this condition's own citation to the first note its parts gave (from <paramref name="first"/>), so a composite condition's basis is cited.</summary>
    protected void CiteOn(ref ValueList<ConditionNote> notes, int first)
    {
        if (Basis is null || notes.Count <= first)
        {
            return;
        }

        var note = notes.AsSpan()[first];
        if (!note.Basis.Contains(Basis))
        {
            notes.Set(first, note with { Basis = note.Basis.Add(Basis) });
        }
    }

    /// <summary>The most notes a condition keeps (<see cref="Noted"/>): once full, it forgets them and begins again.</summary>
    private const int MaxNotes = 2048;

    /// <summary>Notes already made, by the month's law and what else decides them (a leaf's value, age or outcome).</summary>
    private ConcurrentDictionary<(MonthLaw Law, long What), ConditionNote>? made;

    /// <summary>The notes added to <see cref="made"/> since it was last emptied (counted here: the dictionary's count takes every lock).</summary>
    private int madeCount;

    /// <summary>
    /// A note this condition made before under the same month's law for the same <paramref name="what"/> (whatever
    /// else the note depends on): explanations repeat a few notes over millions of persons, and making one is text
    /// formatting and a basis array each time. At most <see cref="MaxNotes"/> are kept a condition, so what they hold
    /// (and the laws they name, such as a posted rule set's in the server) stays bounded.
    /// </summary>
    protected bool Noted(MonthLaw law, long what, out ConditionNote note)
    {
        if (made is { } known)
        {
            return known.TryGetValue((law, what), out note);
        }

        note = default;
        return false;
    }

    /// <summary>Keeps a note made for <see cref="Noted"/>, emptying the notes kept first when <see cref="MaxNotes"/> are.</summary>
    protected ConditionNote Keep(MonthLaw law, long what, ConditionNote note)
    {
        var known = made ?? System.Threading.Interlocked.CompareExchange(ref made, new(), null) ?? made;
        if (System.Threading.Interlocked.Increment(ref madeCount) > MaxNotes)
        {
            known.Clear();
            System.Threading.Volatile.Write(ref madeCount, 0);
        }

        known.TryAdd((law, what), note);
        return note;
    }

    protected ImmutableArray<Citation> With(params ReadOnlySpan<Citation?> basis)
    {
        var all = ImmutableArray.CreateBuilder<Citation>();
        foreach (var c in basis)
        {
            if (c is not null)
            {
                all.Add(c);
            }
        }

        if (Basis is not null)
        {
            all.Add(Basis);
        }

        return all.ToImmutable();
    }
}

/// <summary>A condition made of others (all, any): what the parts read is what it reads.</summary>
internal abstract class PartsCondition(ImmutableArray<Condition> parts, Citation? basis) : Condition(basis)
{
    internal ImmutableArray<Condition> Parts { get; } = parts;

    internal sealed override void AgesRead(ImmutableArray<string>.Builder ages)
    {
        foreach (var part in Parts)
        {
            part.AgesRead(ages);
        }
    }

    internal sealed override void ChildrenConditions(ImmutableArray<ChildrenCondition>.Builder children)
    {
        foreach (var part in Parts)
        {
            part.ChildrenConditions(children);
        }
    }

    internal sealed override void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters)
    {
        foreach (var part in Parts)
        {
            part.ParametersRead(parameters);
        }
    }

    internal sealed override void GroupsRead(ImmutableArray<string>.Builder groups)
    {
        foreach (var part in Parts)
        {
            part.GroupsRead(groups);
        }
    }
}

/// <summary>All of the conditions hold (an empty list always holds).</summary>
internal sealed class AllCondition(ImmutableArray<Condition> parts, Citation? basis) : PartsCondition(parts, basis)
{
    internal override bool IsMet(in ConditionContext context)
    {
        foreach (var part in Parts)
        {
            if (!part.IsMet(context))
            {
                return false;
            }
        }

        return true;
    }

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        int first = notes.Count;
        foreach (var part in Parts)
        {
            part.Explain(context, ref notes);
        }

        CiteOn(ref notes, first);
    }
}

/// <summary>At least one of the conditions holds; the explanation gives the first that does.</summary>
internal sealed class AnyCondition(ImmutableArray<Condition> parts, Citation? basis) : PartsCondition(parts, basis)
{
    internal override bool IsMet(in ConditionContext context)
    {
        foreach (var part in Parts)
        {
            if (part.IsMet(context))
            {
                return true;
            }
        }

        return false;
    }

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        int first = notes.Count;
        foreach (var part in Parts)
        {
            if (part.IsMet(context))
            {
                part.Explain(context, ref notes);
                CiteOn(ref notes, first);
                return;
            }
        }

        if (!Parts.IsEmpty)
        {
            Parts[0].Explain(context, ref notes);
        }

        CiteOn(ref notes, first);
    }
}

/// <summary>The condition does not hold.</summary>
internal sealed class NotCondition(Condition part, Citation? basis) : Condition(basis)
{
    internal Condition Part { get; } = part;

    internal override bool IsMet(in ConditionContext context) => !Part.IsMet(context);

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        var inner = new ValueList<ConditionNote>();
        Part.Explain(context, ref inner);
        foreach (var note in inner.AsSpan())
        {
            notes.Add(new ConditionNote($"not ({note.English})", $"không ({note.Vietnamese})", note.Basis.AddRange(With())));
        }
    }

    internal override void AgesRead(ImmutableArray<string>.Builder ages) => Part.AgesRead(ages);

    internal override void ChildrenConditions(ImmutableArray<ChildrenCondition>.Builder children) => Part.ChildrenConditions(children);

    internal override void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters) => Part.ParametersRead(parameters);

    internal override void GroupsRead(ImmutableArray<string>.Builder groups) => Part.GroupsRead(groups);
}

/// <summary>How a fact is compared.</summary>
internal enum FactComparison
{
    /// <summary>A boolean fact equals true or false.</summary>
    Is,

    /// <summary>A choice is one of the values.</summary>
    In,

    /// <summary>A choice is none of the values.</summary>
    NotIn,

    /// <summary>A count is at least a number or a parameter.</summary>
    AtLeast,

    /// <summary>A count is at most a number or a parameter.</summary>
    AtMost,
}

/// <summary>A fact compared with a value (true or false, a set of choices, a number) or with a parameter.</summary>
internal sealed class FactCondition(FactDefinition fact, FactComparison comparison, ImmutableArray<int> values, ParameterKey? parameter, Citation? basis, bool childFact = false)
    : Condition(basis)
{
    internal FactDefinition Fact { get; } = fact;

    internal FactComparison Comparison { get; } = comparison;

    /// <summary>The value compared with: for <see cref="FactComparison.Is"/> 0 or 1, for a choice the indices, for a count the number (when no parameter).</summary>
    internal ImmutableArray<int> Values { get; } = values;

    internal ParameterKey? Parameter { get; } = parameter;

    /// <summary>The choices as bits (a choice has fewer than 64 values), so that a test is one mask.</summary>
    private readonly ulong choices = Mask(values);

    internal override bool IsMet(in ConditionContext context)
    {
        int value = Read(context);
        return Comparison switch
        {
            FactComparison.Is => value == Values[0],
            FactComparison.In => (uint)value < 64u && (choices & (1UL << value)) != 0,
            FactComparison.NotIn => (uint)value >= 64u || (choices & (1UL << value)) == 0,
            FactComparison.AtLeast => value >= Bound(context),
            _ => value <= Bound(context),
        };
    }

    private static ulong Mask(ImmutableArray<int> values)
    {
        ulong mask = 0;
        foreach (int value in values)
        {
            if ((uint)value < 64u)
            {
                mask |= 1UL << value;
            }
        }

        return mask;
    }

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        int value = Read(context);
        bool met = IsMet(context);

        // The note depends on the value, the outcome and the month's law (the bound and its basis); kept only for a
        // flag, a choice or a small count (an open count would fill the notes with values met once).
        bool keep = Fact.Type is FactType.Boolean or FactType.Choice || (uint)value < 64u;
        long what = ((long)value << 1) | (met ? 1L : 0L);
        if (keep && Noted(context.Law, what, out var known))
        {
            notes.Add(known);
            return;
        }

        var parameterBasis = Parameter is { } key ? context.Law.Get(key)?.Basis : null;
        string shown = Fact.Type switch
        {
            FactType.Boolean => value == 1 ? "yes" : "no",
            FactType.Choice => Fact.Values[value],
            _ => value.ToString(CultureInfo.InvariantCulture),
        };
        string shownVi = Fact.Type switch
        {
            FactType.Boolean => value == 1 ? "có" : "không",
            FactType.Choice => Fact.ValueVi(value),
            _ => shown,
        };
        string wanted = Comparison switch
        {
            FactComparison.Is => Values[0] == 1 ? "yes" : "no",
            FactComparison.In => "one of " + string.Join(", ", Values.Select(v => Fact.Values[v])),
            FactComparison.NotIn => "none of " + string.Join(", ", Values.Select(v => Fact.Values[v])),
            FactComparison.AtLeast => "at least " + Bound(context).ToString(CultureInfo.InvariantCulture),
            _ => "at most " + Bound(context).ToString(CultureInfo.InvariantCulture),
        };
        string wantedVi = Comparison switch
        {
            FactComparison.Is => Values[0] == 1 ? "có" : "không",
            FactComparison.In => "thuộc một trong: " + string.Join("; ", Values.Select(Fact.ValueVi)),
            FactComparison.NotIn => "không thuộc: " + string.Join("; ", Values.Select(Fact.ValueVi)),
            FactComparison.AtLeast => "tối thiểu " + Bound(context).ToString(CultureInfo.InvariantCulture),
            _ => "tối đa " + Bound(context).ToString(CultureInfo.InvariantCulture),
        };
        bool bounded = Comparison is FactComparison.AtLeast or FactComparison.AtMost;
        var fresh = new ConditionNote(
            met ? (bounded ? $"{Fact.English}: {shown}, {wanted}" : $"{Fact.English}: {shown}") : $"{Fact.English}: {shown} (needs {wanted})",
            met ? (bounded ? $"{Fact.Vietnamese}: {shownVi}, {wantedVi}" : $"{Fact.Vietnamese}: {shownVi}") : $"{Fact.Vietnamese}: {shownVi} (cần {wantedVi})",
            With(parameterBasis));
        notes.Add(keep ? Keep(context.Law, what, fresh) : fresh);
    }

    internal override void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters)
    {
        if (Parameter is { } key)
        {
            parameters.Add(key);
        }
    }

    private int Read(in ConditionContext context) =>
        childFact ? (context.Child is { } child && child.InEducation ? 1 : 0) : context.Read(Fact);

    private int Bound(in ConditionContext context)
    {
        if (Parameter is not { } key)
        {
            return Values[0];
        }

        var provision = context.Law.Get(key) ?? throw NotInForce(context.Law, key.ToString());
        return (int)provision.Value;
    }

    internal static Evaluation.EvaluationException NotInForce(MonthLaw law, string what) =>
        new(Evaluation.EvaluationError.LawNotEncoded,
            string.Create(CultureInfo.InvariantCulture, $"the parameter {what} that a condition names is not in force in {law.Jurisdiction} in {law.Month:yyyy-MM}"));
}

/// <summary>How an age is compared with an age parameter, in completed years (<see cref="AgeReading"/>).</summary>
internal enum AgeComparison
{
    /// <summary>Has reached the age in the month (from the month of the birthday).</summary>
    AtLeast,

    /// <summary>Has not reached the age in the month (up to the month before the birthday).</summary>
    Below,

    /// <summary>Still counts as under the age: up to and including the month of the birthday (a loss applies from the month after, ND 20 Art 8 k2).</summary>
    Until,

    /// <summary>Reaches the age in the calendar year of the benefit month (the year of the birthday).</summary>
    ReachedThisYear,

    /// <summary>Had not reached the age on the date of death (completed years on that date); not met without a death date.</summary>
    BelowAtDeath,
}

/// <summary>The age in the benefit month compared with an age parameter (a case of <c>age</c>).</summary>
internal sealed class AgeCondition(AgeComparison comparison, string ageCase, Citation? basis) : Condition(basis)
{
    internal const string Parameter = "age";

    internal AgeComparison Comparison { get; } = comparison;

    internal string AgeCase { get; } = ageCase;

    /// <summary>The age's number among every age case read (<see cref="AgeIds"/>): the month's law holds the values in an array by it.</summary>
    internal int AgeId { get; } = AgeIds.Of(ageCase);

    internal override bool IsMet(in ConditionContext context)
    {
        int limit = context.Law.AgeLimit(AgeId) is { } years ? years : Limit(context.Law).Years;
        var birth = context.BirthDate;
        return Comparison switch
        {
            AgeComparison.AtLeast => AgeReading.AgeIn(birth, context.Month) >= limit,
            AgeComparison.Below => AgeReading.AgeIn(birth, context.Month) < limit,
            AgeComparison.ReachedThisYear => context.Month.Year - birth.Year == limit,
            AgeComparison.BelowAtDeath => context.Child is null && context.Person.DeathDate is { } death && AgeReading.CompletedYears(birth, death) < limit,
            _ => AgeReading.StillUnder(birth, limit, context.Month),
        };
    }

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        int age = AgeReading.AgeIn(context.BirthDate, context.Month);
        bool met = IsMet(context);

        // The note depends on the age, the outcome, whether a child's, and the month's law (the limit and its basis).
        long what = ((long)age << 2) | (met ? 2L : 0L) | (context.Child is null ? 0L : 1L);
        if (Noted(context.Law, what, out var known))
        {
            notes.Add(known);
            return;
        }

        var (years, provision) = Limit(context.Law);
        string who = context.Child is null ? "" : "child ";
        string whoVi = context.Child is null ? "" : "con ";
        string n = years.ToString(CultureInfo.InvariantCulture);
        var (english, vietnamese) = Comparison switch
        {
            AgeComparison.AtLeast => (met ? $"at least {n}" : $"under {n}", met ? $"từ đủ {n} tuổi" : $"dưới {n} tuổi"),
            AgeComparison.Below => (met ? $"under {n}" : $"{n} or over", met ? $"dưới {n} tuổi" : $"từ đủ {n} tuổi"),
            AgeComparison.ReachedThisYear => (met ? $"turning {n} this year" : $"not turning {n} this year", met ? $"đủ {n} tuổi trong năm" : $"không đủ {n} tuổi trong năm"),
            AgeComparison.BelowAtDeath => (met ? $"under {n} at death" : $"{n} or over at death", met ? $"dưới {n} tuổi khi chết" : $"từ đủ {n} tuổi khi chết"),
            _ => (met ? $"under {n} (counted to the month of the birthday)" : $"past {n}", met ? $"dưới {n} tuổi (tính đến hết tháng sinh nhật)" : $"đã quá {n} tuổi"),
        };
        notes.Add(Keep(context.Law, what, new ConditionNote(
            string.Create(CultureInfo.InvariantCulture, $"{who}aged {age}, {english}"),
            string.Create(CultureInfo.InvariantCulture, $"{whoVi}{age} tuổi, {vietnamese}"),
            With(provision.Basis))));
    }

    internal override void AgesRead(ImmutableArray<string>.Builder ages) => ages.Add(AgeCase);

    internal override void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters) => parameters.Add(new ParameterKey(Parameter, null, AgeCase));

    private (int Years, Provision Provision) Limit(MonthLaw law)
    {
        var provision = law.Get(Parameter, null, AgeCase) ?? throw FactCondition.NotInForce(law, $"{Parameter}[{AgeCase}]");
        return ((int)provision.Value, provision);
    }
}

/// <summary>How a date fact stands to the benefit month.</summary>
internal enum DateRelation
{
    /// <summary>Given.</summary>
    Present,

    /// <summary>Not given.</summary>
    Absent,

    /// <summary>In a month before the benefit month.</summary>
    BeforeMonth,

    /// <summary>In the benefit month.</summary>
    InMonth,

    /// <summary>In a month after the benefit month.</summary>
    AfterMonth,

    /// <summary>Given, and not after the benefit month.</summary>
    NotAfterMonth,

    /// <summary>Given, not after the benefit month, and fewer whole months before it than a number or a parameter (the month itself counts as the first).</summary>
    WithinMonths,
}

/// <summary>A date fact relative to the benefit month.</summary>
internal sealed class DateCondition(FactDefinition fact, DateRelation relation, Citation? basis, int months = 0, ParameterKey? monthsParameter = null) : Condition(basis)
{
    /// <summary>The parameter giving the window of <see cref="DateRelation.WithinMonths"/>, or null.</summary>
    internal ParameterKey? MonthsParameter { get; } = monthsParameter;

    internal override void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters)
    {
        if (MonthsParameter is { } key)
        {
            parameters.Add(key);
        }
    }

    /// <summary>The window of <see cref="DateRelation.WithinMonths"/> in the month's law, or null when its parameter is not in force.</summary>
    internal int? WindowIn(MonthLaw law) =>
        MonthsParameter is { } key ? (law.Get(key) is { } provision ? (int)provision.Value : null) : months;

    private int Window(MonthLaw law) =>
        MonthsParameter is { } key ? (int)(law.Get(key) ?? throw FactCondition.NotInForce(law, key.ToString())).Value : months;

    internal FactDefinition Fact { get; } = fact;

    internal DateRelation Relation { get; } = relation;

    internal override bool IsMet(in ConditionContext context)
    {
        int date = context.Read(Fact);
        int month = FactCatalog.Packed(context.Month.Year, context.Month.Month);
        return Relation switch
        {
            DateRelation.Present => date != FactCatalog.Absent,
            DateRelation.Absent => date == FactCatalog.Absent,
            DateRelation.BeforeMonth => date != FactCatalog.Absent && date < month,
            DateRelation.InMonth => date == month,
            DateRelation.AfterMonth => date != FactCatalog.Absent && date > month,
            DateRelation.WithinMonths => date != FactCatalog.Absent && date <= month && month - date < Window(context.Law),
            _ => date != FactCatalog.Absent && date <= month,
        };
    }

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        bool met = IsMet(context);

        // The note depends on the outcome and the month's law (the window and its basis).
        if (Noted(context.Law, met ? 1 : 0, out var known))
        {
            notes.Add(known);
            return;
        }

        var (english, vietnamese) = Relation switch
        {
            DateRelation.Present => ("given", "có"),
            DateRelation.Absent => ("not given", "không có"),
            DateRelation.BeforeMonth => ("before the month", "trước tháng"),
            DateRelation.InMonth => ("in the month", "trong tháng"),
            DateRelation.AfterMonth => ("after the month", "sau tháng"),
            DateRelation.WithinMonths => (string.Create(CultureInfo.InvariantCulture, $"within {Window(context.Law)} months"), string.Create(CultureInfo.InvariantCulture, $"trong vòng {Window(context.Law)} tháng")),
            _ => ("not after the month", "không sau tháng"),
        };
        var window = MonthsParameter is { } key ? context.Law.Get(key)?.Basis : null;
        notes.Add(Keep(context.Law, met ? 1 : 0, new ConditionNote($"{Fact.English}: {(met ? "" : "not ")}{english}", $"{Fact.Vietnamese}: {(met ? "" : "không ")}{vietnamese}", With(window))));
    }
}

/// <summary>
/// The children raised alone (<c>childrenRaisedAlone</c>) born by the month who meet a condition over the child's age
/// and facts, counted; the condition holds when there are at least <see cref="AtLeast"/>.
/// </summary>
internal sealed class ChildrenCondition(Condition where, int atLeast, Citation? basis) : Condition(basis)
{
    internal Condition Where { get; } = where;

    internal int AtLeast { get; } = atLeast;

    internal int Count(in ConditionContext context)
    {
        int count = 0;
        foreach (var child in context.Person.ChildrenRaisedAlone)
        {
            if (AgeReading.BornBy(child.BirthDate, context.Month) && Where.IsMet(context with { Child = child }))
            {
                count++;
            }
        }

        return count;
    }

    internal override bool IsMet(in ConditionContext context) => Count(context) >= AtLeast;

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        int count = Count(context);
        var inner = new ValueList<ConditionNote>();
        foreach (var child in context.Person.ChildrenRaisedAlone)
        {
            if (AgeReading.BornBy(child.BirthDate, context.Month) && Where.IsMet(context with { Child = child }))
            {
                Where.Explain(context with { Child = child }, ref inner);
                break;
            }
        }

        var basis = With();
        foreach (var note in inner.AsSpan())
        {
            basis = basis.AddRange(note.Basis);
        }

        notes.Add(new ConditionNote(
            string.Create(CultureInfo.InvariantCulture, $"raising {count} qualifying child(ren) alone"),
            string.Create(CultureInfo.InvariantCulture, $"đang nuôi {count} con đủ điều kiện"),
            [.. basis.Distinct()]));
    }

    internal override void AgesRead(ImmutableArray<string>.Builder ages) => Where.AgesRead(ages);

    internal override void ChildrenConditions(ImmutableArray<ChildrenCondition>.Builder children) => children.Add(this);

    internal override void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters) => Where.ParametersRead(parameters);
}

/// <summary>
/// The person's merit records (<c>person.merit[]</c>) that meet a condition over the record's facts, counted; the
/// condition holds when there are at least <see cref="AtLeast"/> (the health-insurance groups of merit persons).
/// </summary>
internal sealed class MeritCondition(Condition where, int atLeast, Citation? basis) : Condition(basis)
{
    internal Condition Where { get; } = where;

    internal int AtLeast { get; } = atLeast;

    internal int Count(in ConditionContext context)
    {
        int count = 0;
        foreach (var record in context.Person.Merit)
        {
            if (Where.IsMet(context with { Merit = record }))
            {
                count++;
            }
        }

        return count;
    }

    internal override bool IsMet(in ConditionContext context) => Count(context) >= AtLeast;

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        int count = 0;
        var inner = new ValueList<ConditionNote>();
        foreach (var record in context.Person.Merit)
        {
            if (Where.IsMet(context with { Merit = record }))
            {
                if (count++ == 0)
                {
                    Where.Explain(context with { Merit = record }, ref inner);
                }
            }
        }

        var basis = With();
        var english = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{count} qualifying merit record(s)"));
        var vietnamese = new System.Text.StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{count} diện người có công đủ điều kiện"));
        foreach (var note in inner.AsSpan())
        {
            english.Append("; ").Append(note.English);
            vietnamese.Append("; ").Append(note.Vietnamese);
            basis = basis.AddRange(note.Basis);
        }

        notes.Add(new ConditionNote(english.ToString(), vietnamese.ToString(), [.. basis.Distinct()]));
    }

    internal override void AgesRead(ImmutableArray<string>.Builder ages) => Where.AgesRead(ages);

    internal override void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters) => Where.ParametersRead(parameters);

    internal override void GroupsRead(ImmutableArray<string>.Builder groups) => Where.GroupsRead(groups);
}

/// <summary>
/// A number for every age case a condition or a provision names (<c>child</c>, <c>elderly</c>…), shared by all rule
/// sets, so that a month's law can hold its ages in an array and a condition reads one by index.
/// </summary>
internal static class AgeIds
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly object Gate = new();

    /// <summary>How many ages have a number.</summary>
    internal static int Count => Ids.Count;

    /// <summary>The number of an age case, given on first use.</summary>
    internal static int Of(string ageCase)
    {
        if (Ids.TryGetValue(ageCase, out int id))
        {
            return id;
        }

        lock (Gate)
        {
            return Ids.TryGetValue(ageCase, out id) ? id : Ids[ageCase] = Ids.Count;
        }
    }
}

/// <summary>The month's report holds, for the person, an entitlement of one of the kinds (<c>{"receives": [...]}</c>).</summary>
internal sealed class ReceivesCondition(ImmutableArray<Reports.EntitlementKind> kinds, Citation? basis) : Condition(basis)
{
    /// <summary>The kinds, one bit each.</summary>
    private readonly int mask = kinds.Aggregate(0, (bits, kind) => bits | (1 << (int)kind));

    /// <summary>The kinds as the rule file spells them.</summary>
    private readonly ImmutableArray<string> names = [.. kinds.Select(Reports.ContractNames.Of)];

    /// <summary>The kinds as a Vietnamese explanation names them.</summary>
    private readonly ImmutableArray<string> namesVi = [.. kinds.Select(Reports.ContractNames.VietnameseName)];

    /// <summary>The note when not met and when met: they depend on nothing else, so they are made once.</summary>
    private ConditionNote[]? notesByOutcome;

    internal override bool IsMet(in ConditionContext context) => (context.Received & mask) != 0;

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes) =>
        notes.Add((notesByOutcome ??= [Note(met: false), Note(met: true)])[IsMet(context) ? 1 : 0]);

    private ConditionNote Note(bool met)
    {
        string list = string.Join(", ", names);
        string listVi = string.Join("; ", namesVi);
        return new ConditionNote(met ? $"receives {list}" : $"receives none of {list}", met ? $"đang hưởng {listVi}" : $"không hưởng {listVi}", With());
    }
}

/// <summary>How a month in the person's calendar stands: the month of the year of the birth, or of the benefit month.</summary>
internal enum CalendarPart
{
    /// <summary>The month of the year the person was born in (1 to 12).</summary>
    BirthMonth,

    /// <summary>The month of the year of the benefit month (1 to 12).</summary>
    MonthOfYear,
}

/// <summary>A month of the year (of birth, or of the benefit month) is at most a number or a parameter.</summary>
internal sealed class CalendarCondition(CalendarPart part, int value, ParameterKey? parameter, Citation? basis) : Condition(basis)
{
    /// <summary>Which month of the year is read.</summary>
    internal CalendarPart Part { get; } = part;

    internal override bool IsMet(in ConditionContext context)
    {
        int month = Part == CalendarPart.BirthMonth ? context.BirthDate.Month : context.Month.Month;
        return month <= Bound(context.Law);
    }

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        int month = Part == CalendarPart.BirthMonth ? context.BirthDate.Month : context.Month.Month;
        int bound = Bound(context.Law);
        var provision = parameter is { } key ? context.Law.Get(key) : null;
        notes.Add(Part == CalendarPart.BirthMonth
            ? new ConditionNote(string.Create(CultureInfo.InvariantCulture, $"born in month {month} (at most {bound})"), string.Create(CultureInfo.InvariantCulture, $"sinh tháng {month} (không sau tháng {bound})"), With(provision?.Basis))
            : new ConditionNote(string.Create(CultureInfo.InvariantCulture, $"month {month} of the year (at most {bound})"), string.Create(CultureInfo.InvariantCulture, $"tháng {month} trong năm (không sau tháng {bound})"), With(provision?.Basis)));
    }

    internal override void ParametersRead(ImmutableArray<ParameterKey>.Builder parameters)
    {
        if (parameter is { } key)
        {
            parameters.Add(key);
        }
    }

    private int Bound(MonthLaw law) =>
        parameter is { } key ? (int)(law.Get(key) ?? throw FactCondition.NotInForce(law, key.ToString())).Value : value;
}

/// <summary>
/// The person meets another group of the month's law (its conditions and, when given, falls in one of its bands):
/// <c>{"inGroup": "ND20-5-1", "band": "under-4"}</c>. The rule set refuses a name it does not define and a cycle.
/// </summary>
internal sealed class InGroupCondition(string group, string? band, Citation? basis) : Condition(basis)
{
    internal string Group { get; } = group;

    internal override bool IsMet(in ConditionContext context) =>
        context.Law.GroupById(Group) is { Eligibility: { } eligibility }
        && eligibility.MatchBand(context) is { } matched
        && (band is null || matched == band);

    internal override void Explain(in ConditionContext context, ref ValueList<ConditionNote> notes)
    {
        var definition = context.Law.GroupById(Group);
        string code = definition is null ? Group : $"{definition.Code} ({definition.Id})";
        string? matched = definition?.Eligibility?.MatchBand(context);
        bool met = IsMet(context);
        string bandText = band is null ? "" : $", {band}";
        notes.Add(new ConditionNote(
            met ? $"in {code}{bandText}" : $"not in {code}{bandText}",
            met ? $"thuộc {code}{bandText}" : $"không thuộc {code}{bandText}",
            With(definition?.Basis)));
        _ = matched;
    }

    internal override void GroupsRead(ImmutableArray<string>.Builder groups) => groups.Add(Group);
}
