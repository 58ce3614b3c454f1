using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Reports;

namespace WelfareRules.Policy;

/// <summary>An expectation about a policy change did not hold. The message shows both laws' figures and the provisions involved.</summary>
public sealed class PolicyExpectationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected, what was found, and why.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public PolicyExpectationException(string message)
        : base(Preconditions.CheckNotNull(message, nameof(message)))
    {
    }
}

/// <summary>
/// A policy change to pin down in a unit test: a baseline law and a changed one, with expectations that
/// fail with a readable difference. Works with any test framework (it throws <see cref="PolicyExpectationException"/>).
/// </summary>
/// <example>
/// <code>
/// var change = PolicyChange.On(RuleSet.BuiltIn, InstrumentReader.ReadFile("draft.json"));
/// change.ExpectTotal(situation, new Dong(1_200_000));
/// change.ExpectCostDifference(population, new Dong(3_600_000));
/// </code>
/// </example>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PolicyChange
{
    private PolicyChange(RuleSet baseline, RuleSet changed)
    {
        Baseline = baseline;
        Changed = changed;
    }

    /// <summary>The law before the change.</summary>
    public RuleSet Baseline { get; }

    /// <summary>The law with the change.</summary>
    public RuleSet Changed { get; }

    /// <summary>A change given as two rule sets.</summary>
    /// <param name="baseline">The law before.</param>
    /// <param name="changed">The law after.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/> or <paramref name="changed"/> is null.</exception>
    public static PolicyChange Between(RuleSet baseline, RuleSet changed) =>
        new(Preconditions.CheckNotNull(baseline, nameof(baseline)), Preconditions.CheckNotNull(changed, nameof(changed)));

    /// <summary>A change given as a draft instrument on top of a baseline.</summary>
    /// <param name="baseline">The law before.</param>
    /// <param name="draft">The draft instrument.</param>
    /// <returns>The change.</returns>
    /// <exception cref="RuleFileException">The draft contradicts itself or the baseline.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="baseline"/> or <paramref name="draft"/> is null.</exception>
    public static PolicyChange On(RuleSet baseline, Instrument draft) =>
        Between(Preconditions.CheckNotNull(baseline, nameof(baseline)), baseline.With(Preconditions.CheckNotNull(draft, nameof(draft))));

    /// <summary>Compares one person under both laws.</summary>
    /// <param name="situation">The situation.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="situation"/> is null.</exception>
    public PersonDifference Compare(Situation situation) => PolicyComparison.Compare(Baseline, Changed, situation);

    /// <summary>Compares a population under both laws.</summary>
    /// <param name="population">The situations.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null or holds a null situation.</exception>
    public ComparisonSummary Compare(IEnumerable<Situation> population) => PolicyComparison.Run(Baseline, Changed, population);

    /// <summary>Expects the person's total under the change.</summary>
    /// <param name="situation">The situation (its month is the month checked).</param>
    /// <param name="expected">The expected total under the change.</param>
    /// <returns>The difference, for further checks.</returns>
    /// <exception cref="PolicyExpectationException">The total differs.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="situation"/> is null.</exception>
    public PersonDifference ExpectTotal(Situation situation, Dong expected)
    {
        var difference = Compare(situation);
        if (difference.ChangedReport.Total != expected)
        {
            throw new PolicyExpectationException(Describe(string.Create(CultureInfo.InvariantCulture, $"expected a total of {expected} in {situation.Month:yyyy-MM} under the change"), difference));
        }

        return difference;
    }

    /// <summary>Expects the person's amount of one kind under the change.</summary>
    /// <param name="situation">The situation.</param>
    /// <param name="kind">The entitlement kind.</param>
    /// <param name="expected">The expected amount of that kind under the change.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="PolicyExpectationException">The amount differs.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="situation"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public PersonDifference ExpectAmount(Situation situation, EntitlementKind kind, Dong expected)
    {
        Preconditions.CheckDefined(kind, nameof(kind));
        var difference = Compare(situation);
        if (difference.ChangedReport.AmountOf(kind) != expected)
        {
            throw new PolicyExpectationException(Describe(string.Create(CultureInfo.InvariantCulture, $"expected {ContractNames.Of(kind)} of {expected} in {situation.Month:yyyy-MM} under the change, found {difference.ChangedReport.AmountOf(kind)}"), difference));
        }

        return difference;
    }

    /// <summary>Expects the person to be unaffected by the change.</summary>
    /// <param name="situation">The situation.</param>
    /// <exception cref="PolicyExpectationException">The person's entitlements differ.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="situation"/> is null.</exception>
    public void ExpectUnchanged(Situation situation)
    {
        var difference = Compare(situation);
        if (!difference.Changes.IsEmpty)
        {
            throw new PolicyExpectationException(Describe("expected no change", difference));
        }
    }

    /// <summary>Expects the cost of the change over a population (changed total minus baseline total).</summary>
    /// <param name="population">The situations.</param>
    /// <param name="expected">The expected difference in cost.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="PolicyExpectationException">The cost differs.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null or holds a null situation.</exception>
    public ComparisonSummary ExpectCostDifference(IEnumerable<Situation> population, Dong expected)
    {
        var summary = Compare(population);
        if (summary.Difference != expected)
        {
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"expected the change to cost {expected}, but it costs {summary.Difference} ")
                .Append(CultureInfo.InvariantCulture, $"(baseline {summary.BaselineTotal}, changed {summary.ChangedTotal}; {summary.Gainers} gain, {summary.Losers} lose, {summary.Unchanged} unchanged, {summary.Errors} errors)");
            foreach (var line in summary.ByGroup.Where(l => l.Difference != Dong.Zero))
            {
                text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {line.Key}: {line.Baseline} -> {line.Changed} ({line.Difference})");
            }

            throw new PolicyExpectationException(text.ToString());
        }

        return summary;
    }

    private static string Describe(string expectation, PersonDifference difference)
    {
        var text = new StringBuilder(expectation)
            .Append(CultureInfo.InvariantCulture, $": baseline {difference.BaselineReport.Total}, changed {difference.ChangedReport.Total}");
        foreach (var change in difference.Changes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {ContractNames.Of(change.Kind)} {change.Group} ({ContractNames.Of(change.Payee)}): {change.Baseline} -> {change.Changed}");
        }

        if (!difference.Causes.IsEmpty)
        {
            text.Append(Environment.NewLine).Append("  provisions involved: ").Append(string.Join("; ", difference.Causes.Select(c => c.ToString())));
        }

        return text.ToString();
    }
}
