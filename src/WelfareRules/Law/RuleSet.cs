using System;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Reports;

namespace WelfareRules.Law;

/// <summary>
/// A set of instruments that together make the law: the built-in law (<see cref="BuiltIn"/>), or that law
/// with more instruments on top (<see cref="With(Instrument)"/>): a provincial resolution, an amendment,
/// or a draft policy change. Validated whole when built: a contradiction refuses the whole set.
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="With(Instrument)"/> returns a new rule set and leaves this one unchanged.</remarks>
public sealed partial class RuleSet
{
    private static readonly Lazy<RuleSet> BuiltInRules = new(() => Create(BuiltInLaw.Load()));

    private readonly FrozenDictionary<(Jurisdiction Jurisdiction, ParameterKey Key), ParameterTimeline> timelines;
    private readonly ConcurrentDictionary<(Jurisdiction, YearMonth), MonthLaw> months = new();

    /// <summary>The month law returned last (immutable, so sharing it between threads is safe), or null.</summary>
    private MonthLaw? lastMonth;

    /// <summary>How many years after its newest instrument applies the law is taken to hold without a warning.</summary>
    public const int HorizonYears = 3;

    private RuleSet(ImmutableArray<Instrument> instruments, FrozenDictionary<(Jurisdiction, ParameterKey), ParameterTimeline> timelines, ImmutableArray<GroupDefinition> groups)
    {
        Instruments = instruments;
        this.timelines = timelines;
        Groups = groups;
        var newest = instruments.IsEmpty ? (LocalDate?)null : instruments.Max(i => i.AppliesFrom);
        Horizon = newest is { } from && from.Year <= 9999 - HorizonYears ? from.PlusYears(HorizonYears).ToYearMonth().PlusMonths(-1) : new YearMonth(9999, 12);
        HorizonWarning = string.Create(CultureInfo.InvariantCulture,
            $"the month is beyond the law's horizon ({Horizon:yyyy-MM}): it is computed on the law encoded, whose newest instrument applies from {newest ?? LocalDate.MinIsoValue:yyyy-MM-dd}, and the law may have changed since");
        HorizonWarningVi = string.Create(CultureInfo.InvariantCulture,
            $"tháng tính vượt quá thời hạn của bộ quy định ({Horizon:yyyy-MM}): được tính theo các văn bản đã mã hóa, văn bản mới nhất áp dụng từ {newest ?? LocalDate.MinIsoValue:yyyy-MM-dd}, và quy định có thể đã thay đổi");
    }

    /// <summary>The law built into the library: national law and the provinces encoded so far (see <c>docs/law-coverage.md</c>).</summary>
    /// <exception cref="RuleFileException">Never for a released build: the built-in law is validated by the test suite.</exception>
    public static RuleSet BuiltIn => BuiltInRules.Value;

    /// <summary>The instruments, in the order given.</summary>
    public ImmutableArray<Instrument> Instruments { get; }

    /// <summary>Every beneficiary group the instruments define.</summary>
    public ImmutableArray<GroupDefinition> Groups { get; }

    /// <summary>
    /// The version of the law: the date of its newest instrument, that is the latest signing (ngày ký),
    /// effect (ngày có hiệu lực) or application date among the instruments. For <see cref="BuiltIn"/> this is
    /// the built-in law's version, which <c>welfare-rules --version</c> prints as <c>(law yyyy-MM-dd)</c>;
    /// a rule set with a draft or a provincial file on top has that file's dates too.
    /// </summary>
    /// <value>The date; <see cref="LocalDate.MinIsoValue"/> for a rule set without instruments.</value>
    public LocalDate Version => Instruments.IsEmpty ? LocalDate.MinIsoValue : Instruments.Max(i => Latest(i.AppliesFrom, Latest(i.Signed, i.Effective)));

    /// <summary>
    /// The last month the law is taken to hold: the month before the <see cref="HorizonYears"/>th anniversary of
    /// the date its newest instrument applies from (2029-12 for a newest instrument applying from 2027-01-01).
    /// A later month is still evaluated, on the law encoded, with a warning in the report; strict evaluation
    /// refuses it (<see cref="EvaluationError.BeyondHorizon"/>).
    /// </summary>
    public YearMonth Horizon { get; }

    /// <summary>The warning a report for a month after <see cref="Horizon"/> carries (the same text for every such month).</summary>
    internal string HorizonWarning { get; }

    /// <summary>The same warning as <see cref="HorizonWarning"/>, in Vietnamese.</summary>
    internal string HorizonWarningVi { get; }

    /// <summary>Every jurisdiction some instrument applies to.</summary>
    public IEnumerable<Jurisdiction> Jurisdictions => Instruments.Select(i => i.Jurisdiction).Distinct();

    /// <summary>Builds and validates a rule set.</summary>
    /// <param name="instruments">The instruments.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="RuleFileException">The instruments contradict themselves or each other; every problem is listed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="instruments"/> is null.</exception>
    public static RuleSet Create(IEnumerable<Instrument> instruments)
    {
        var list = Preconditions.CheckNotNull(instruments, nameof(instruments)).ToImmutableArray();
        var problems = new List<RuleFileProblem>();
        var groups = RuleSetValidator.Validate(list, problems, out var timelines);
        if (problems.Count > 0)
        {
            throw new RuleFileException([.. problems]);
        }

        return new RuleSet(list, timelines, groups);
    }

    /// <summary>This law with one more instrument on top. This rule set is unchanged.</summary>
    /// <param name="instrument">The instrument to add.</param>
    /// <returns>The new rule set.</returns>
    /// <exception cref="RuleFileException">The instrument contradicts itself or this law; nothing is applied.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> is null.</exception>
    public RuleSet With(Instrument instrument) => Create(Instruments.Add(Preconditions.CheckNotNull(instrument, nameof(instrument))));

    /// <summary>
    /// This law without an instrument: what the law would be had it not been issued (the cost of a decree already in
    /// force is the built-in law against the built-in law without it). This rule set is unchanged.
    /// </summary>
    /// <param name="instrumentId">The instrument's id (số hiệu), e.g. <c>77/2024/NĐ-CP</c>.</param>
    /// <returns>The new rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instrumentId"/> is null.</exception>
    /// <exception cref="ArgumentException">No instrument of the rule set has that id.</exception>
    /// <exception cref="RuleFileException">The remaining instruments do not stand without it (a group or parameter it alone gave is read); nothing is applied.</exception>
    public RuleSet Without(string instrumentId)
    {
        Preconditions.CheckNotNull(instrumentId, nameof(instrumentId));
        var kept = Instruments.RemoveAll(i => i.Id == instrumentId);
        Preconditions.CheckArgument(kept.Length < Instruments.Length, nameof(instrumentId),
            string.Create(CultureInfo.InvariantCulture, $"No instrument of the rule set has the id {instrumentId}."));
        return Create(kept);
    }

    /// <summary>Whether the rule set knows a jurisdiction (the country, or a province with at least one instrument).</summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <returns>Whether it is known.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    public bool Knows(Jurisdiction jurisdiction)
    {
        Preconditions.CheckNotNull(jurisdiction, nameof(jurisdiction));
        // A loop, not Any: a lambda capturing the argument would allocate on every evaluation.
        if (jurisdiction.IsNational)
        {
            return true;
        }

        foreach (var instrument in Instruments)
        {
            if (instrument.Jurisdiction == jurisdiction)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The timeline of a parameter in a jurisdiction (only the values set for that jurisdiction itself), or null.</summary>
    /// <param name="key">The parameter.</param>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <returns>The timeline, or null when no instrument sets the parameter there.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="jurisdiction"/> is null.</exception>
    public ParameterTimeline? Timeline(ParameterKey key, Jurisdiction jurisdiction) =>
        timelines.TryGetValue((Preconditions.CheckNotNull(jurisdiction, nameof(jurisdiction)), Preconditions.CheckNotNull(key, nameof(key))), out var timeline) ? timeline : null;

    /// <summary>
    /// The provisions in force in a jurisdiction on a date: for each parameter, the local value where the
    /// jurisdiction sets one and the national one otherwise (for the standard, both).
    /// </summary>
    /// <param name="jurisdiction">The jurisdiction.</param>
    /// <param name="date">The date.</param>
    /// <returns>The provisions, ordered by parameter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before 1900 (a default date?).</exception>
    public ImmutableArray<Provision> InForce(Jurisdiction jurisdiction, LocalDate date) => InForceChecked(
        Preconditions.CheckNotNull(jurisdiction, nameof(jurisdiction)), Preconditions.CheckDate(date, nameof(date)));

    private ImmutableArray<Provision> InForceChecked(Jurisdiction jurisdiction, LocalDate date) =>
        [.. timelines.Values
            .Where(t => jurisdiction.IsWithin(t.Jurisdiction))
            .Select(t => t.On(date))
            .OfType<Provision>()
            .OrderBy(p => p.Key.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Group, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Case, StringComparer.Ordinal)
            .ThenBy(p => p.Jurisdiction.Code.Length)];

    /// <summary>Evaluates one person-month: every entitlement, with citations, warnings and an explanation.</summary>
    /// <param name="situation">The situation.</param>
    /// <param name="options">Options, or null for the defaults (explanation on, provisional law allowed).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="situation"/> is null.</exception>
    /// <exception cref="EvaluationException">The month is not covered by the encoded law, the jurisdiction is unknown, the facts contradict
    /// themselves, strict mode met provisional law or a month beyond <see cref="Horizon"/>, or an amount does not fit in 64 bits of đồng.</exception>
    public Report Evaluate(Situation situation, EvaluationOptions? options = null)
    {
        Preconditions.CheckNotNull(situation, nameof(situation));
        try
        {
            return Evaluator.Evaluate(this, situation, options ?? EvaluationOptions.Default);
        }
        catch (OverflowException)
        {
            // Values within the rule files' bounds cannot overflow; this is the last guard, for this person alone.
            throw new EvaluationException(EvaluationError.Overflow,
                "an amount of this situation does not fit in whole đồng (64 bits): the law's values are out of proportion");
        }
    }

    /// <summary>The law of one jurisdiction and month, resolved once and cached.</summary>
    /// <remarks>
    /// The month last asked for is checked first: a run of evaluations (a population, a schedule) mostly
    /// asks for the same month and jurisdiction, and comparing them is cheaper than hashing the key.
    /// </remarks>
    internal MonthLaw ForMonth(Jurisdiction jurisdiction, YearMonth month)
    {
        var last = lastMonth;
        if (last is not null && last.Month == month && last.Jurisdiction == jurisdiction)
        {
            return last;
        }

        var law = months.GetOrAdd((jurisdiction, month), static (key, rules) => MonthLaw.Resolve(rules, key.Item1, key.Item2), this);
        lastMonth = law;
        return law;
    }

    internal Provision? ValueOn(ParameterKey key, Jurisdiction jurisdiction, LocalDate date) =>
        timelines.TryGetValue((jurisdiction, key), out var timeline) ? timeline.On(date) : null;

    internal IEnumerable<ParameterTimeline> AllTimelines => timelines.Values;

    private static LocalDate Latest(LocalDate? a, LocalDate? b) =>
        a is null ? b ?? LocalDate.MinIsoValue : b is null ? a.Value : LocalDate.Max(a.Value, b.Value);
}
