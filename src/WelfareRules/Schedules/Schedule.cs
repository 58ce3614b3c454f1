using System;
using System.Globalization;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Schedules;

/// <summary>Why an amount is still owed for a month (truy lĩnh).</summary>
public enum ArrearsReason
{
    /// <summary>Nothing is owed.</summary>
    None = 0,

    /// <summary>The month is due from an earlier start (disability certificate, birthday) than the decision that granted it.</summary>
    DecisionSignedLate = 1,

    /// <summary>A provision behind the amount was signed or took effect after the month: it applies retroactively.</summary>
    RetroactiveRule = 2,

    /// <summary>Due but not (fully) paid, for no reason the law explains.</summary>
    Underpaid = 3,

    /// <summary>More was paid than was due.</summary>
    Overpaid = 4,
}

/// <summary>One month of a schedule: what was due, what was paid, what is owed and why.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ScheduleMonth
{
    internal ScheduleMonth(Report report, Dong paid, ArrearsReason reason, string? reasonDetail)
    {
        Report = report;
        Paid = paid;
        Reason = reason;
        ReasonDetail = reasonDetail;
    }

    /// <summary>The benefit month.</summary>
    public YearMonth Month => Report.Month;

    /// <summary>The month's report.</summary>
    public Report Report { get; }

    /// <summary>What was due for the month: the report's total.</summary>
    public Dong Due => Report.Total;

    /// <summary>What was paid for the month (zero when no payments were given).</summary>
    public Dong Paid { get; }

    /// <summary>Due minus paid: positive when owed to the person, negative when overpaid.</summary>
    public Dong Owed => Due - Paid;

    /// <summary>Why an amount is owed (or overpaid).</summary>
    public ArrearsReason Reason { get; }

    /// <summary>The decision or instrument behind <see cref="Reason"/>, or null.</summary>
    public string? ReasonDetail { get; }
}

/// <summary>
/// Month-by-month entitlements of one person over a range, applying start months, age bands, rule
/// changes and death as each month's own law says; with arrears (truy lĩnh) against what was paid.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Schedule
{
    private Schedule(ImmutableArray<ScheduleMonth> months) => Months = months;

    /// <summary>The months in order.</summary>
    public ImmutableArray<ScheduleMonth> Months { get; }

    /// <summary>The total due over the range.</summary>
    public Dong TotalDue => Months.Aggregate(Dong.Zero, (sum, m) => sum + m.Due);

    /// <summary>The total paid over the range.</summary>
    public Dong TotalPaid => Months.Aggregate(Dong.Zero, (sum, m) => sum + m.Paid);

    /// <summary>The total still owed (due minus paid).</summary>
    public Dong TotalOwed => TotalDue - TotalPaid;

    /// <summary>Builds the schedule of a person from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    /// <param name="rules">The law.</param>
    /// <param name="jurisdiction">Where the person lives.</param>
    /// <param name="person">The person.</param>
    /// <param name="from">The first month.</param>
    /// <param name="to">The last month (inclusive).</param>
    /// <param name="paid">What was paid per month, or null when nothing is known (then nothing is owed: the schedule is what is due).</param>
    /// <param name="options">Evaluation options, or null for the defaults.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/>, <paramref name="jurisdiction"/> or <paramref name="person"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="from"/> or <paramref name="to"/> is not in the ISO calendar, or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> or <paramref name="to"/> is before 1900 (such as <c>default</c>).</exception>
    /// <exception cref="EvaluationException">A month cannot be evaluated.</exception>
    public static Schedule Build(RuleSet rules, Jurisdiction jurisdiction, Person person, YearMonth from, YearMonth to,
        IReadOnlyDictionary<YearMonth, Dong>? paid = null, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        ArgumentNullException.ThrowIfNull(person);
        Preconditions.CheckMonth(from, nameof(from));
        Preconditions.CheckMonth(to, nameof(to));
        Preconditions.CheckArgument(from <= to, nameof(to), string.Create(CultureInfo.InvariantCulture, $"The last month ({to:yyyy-MM}) must not be before the first ({from:yyyy-MM})."));
        var months = ImmutableArray.CreateBuilder<ScheduleMonth>();
        for (var month = from; month <= to; month = month.PlusMonths(1))
        {
            var report = rules.Evaluate(new Situation(jurisdiction, month, person), options);
            if (paid is null)
            {
                months.Add(new ScheduleMonth(report, report.Total, ArrearsReason.None, null));
                continue;
            }

            var amountPaid = paid.TryGetValue(month, out var p) ? p : Dong.Zero;
            var (reason, detail) = Explain(rules, person, report, amountPaid);
            months.Add(new ScheduleMonth(report, amountPaid, reason, detail));
        }

        return new Schedule(months.ToImmutable());
    }

    private static (ArrearsReason, string?) Explain(RuleSet rules, Person person, Report report, Dong paid)
    {
        if (report.Total == paid)
        {
            return (ArrearsReason.None, null);
        }

        if (report.Total < paid)
        {
            return (ArrearsReason.Overpaid, null);
        }

        var monthEnd = report.Month.OnDayOfMonth(report.Month.Calendar.GetDaysInMonth(report.Month.Year, report.Month.Month));
        if (person.DecisionSignedOn is { } signed && signed > monthEnd)
        {
            return (ArrearsReason.DecisionSignedLate, string.Create(CultureInfo.InvariantCulture, $"decision signed on {signed:yyyy-MM-dd}"));
        }

        var retroactive = report.Entitlements
            .SelectMany(e => e.Basis)
            .Select(c => rules.Instruments.FirstOrDefault(i => i.Id == c.Instrument))
            .OfType<Instrument>()
            .FirstOrDefault(i => (i.Signed ?? i.Effective) is { } adopted && adopted > monthEnd);
        if (retroactive is not null)
        {
            return (ArrearsReason.RetroactiveRule, string.Create(CultureInfo.InvariantCulture, $"{retroactive.Id} signed on {retroactive.Signed ?? retroactive.Effective:yyyy-MM-dd}"));
        }

        return (ArrearsReason.Underpaid, null);
    }
}
