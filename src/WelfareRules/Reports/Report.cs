using System.Collections.Immutable;
using System.Threading;
using System.Linq;
using NodaTime;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Reports;

/// <summary>
/// What one person is entitled to in one month, and why: the standard used, each entitlement with its
/// citations, warnings for provisional law, and an ordered explanation.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Report
{
    /// <summary>The reports made so far in the process (each report's <see cref="Serial"/>).</summary>
    private static long made;

    internal Report(Jurisdiction jurisdiction, YearMonth month, AppliedStandard standard, ImmutableArray<Entitlement> entitlements, ImmutableArray<string> warnings, ImmutableArray<string> warningsVi, ImmutableArray<ExplanationStep> explanation, HealthInsuranceContribution? healthInsurance = null)
    {
        Serial = Interlocked.Increment(ref made);
        WarningsVi = warningsVi;
        Jurisdiction = jurisdiction;
        Month = month;
        Standard = standard;
        Entitlements = entitlements;
        Warnings = warnings;
        Explanation = explanation;
        HealthInsurance = healthInsurance;
        var total = Dong.Zero;
        var monthly = Dong.Zero;
        var status = healthInsurance?.Status ?? ProvisionStatus.Verified;
        foreach (var entitlement in entitlements)
        {
            total += entitlement.Amount;
            if (entitlement.Kind.IsMonthly())
            {
                monthly += entitlement.Amount;
            }

            status = ProvisionStatuses.Weaker(status, entitlement.Status);
        }

        Total = total;
        MonthlyTotal = monthly;
        Status = status;
    }

    /// <summary>
    /// A number no other report of the process has but its copies dated to another month (<see cref="ForMonth"/>),
    /// which hold the same entitlements, standard, warnings and health insurance: what a report says, as a key
    /// cheaper to hash than the object (a comparison keys its totals and differences by pairs of shared reports).
    /// </summary>
    internal long Serial { get; private init; }

    /// <summary>The contract's key of the health-insurance line in comparison and population totals.</summary>
    internal const string HealthInsuranceKey = "health-insurance";

    /// <summary>What the state pays towards the person's health-insurance premium this month (0 without a contribution).</summary>
    internal Dong HealthInsuranceStatePays => HealthInsurance?.StatePays ?? Dong.Zero;

    /// <summary>What the month costs the public purse for this person: every entitlement, and the state's share of the health-insurance premium.</summary>
    internal Dong Cost => Total + HealthInsuranceStatePays;

    /// <summary>The same report for another month (the population engine's reuse of a profile's report across months with the same law).</summary>
    internal Report ForMonth(YearMonth month) => new(Jurisdiction, month, Standard, Entitlements, Warnings, WarningsVi, Explanation, HealthInsurance) { Serial = Serial };

    /// <summary>The jurisdiction evaluated.</summary>
    public Jurisdiction Jurisdiction { get; }

    /// <summary>The benefit month.</summary>
    public YearMonth Month { get; }

    /// <summary>The standard applied, with its basis.</summary>
    public AppliedStandard Standard { get; }

    /// <summary>The entitlements with a non-zero amount.</summary>
    public ImmutableArray<Entitlement> Entitlements { get; }

    /// <summary>
    /// The sum of every entitlement of the month: the monthly ones and the one-off ones (funeral and cremation
    /// support in the month of death).
    /// </summary>
    public Dong Total { get; }

    /// <summary>
    /// The sum of the recurring, monthly entitlements only (allowance, care support, institutional care, social pension
    /// and its top-up): what is paid every month, without the one-off payments of <see cref="Total"/>.
    /// </summary>
    public Dong MonthlyTotal { get; }

    /// <summary>
    /// The health-insurance contribution: premium, state share and who pays what; null when the person
    /// already holds a card through another scheme, has died, or no base salary is encoded for the month.
    /// Not part of <see cref="Total"/>.
    /// </summary>
    public HealthInsuranceContribution? HealthInsurance { get; }

    /// <summary>One line, in English, for each provisional provision behind a figure.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>The same lines as <see cref="Warnings"/>, in Vietnamese, in the same order.</summary>
    public ImmutableArray<string> WarningsVi { get; }

    /// <summary>The reasoning, step by step (empty when explanation was turned off).</summary>
    public ImmutableArray<ExplanationStep> Explanation { get; }

    /// <summary>
    /// The weakest provenance grade behind the report's figures (entitlements and health insurance):
    /// <see cref="ProvisionStatus.Verified"/> when every figure rests on law whose text was seen.
    /// </summary>
    public ProvisionStatus Status { get; }

    /// <summary>Whether any figure (entitlements or health insurance) rests on provisional law (<see cref="Status"/> is provisional).</summary>
    public bool IsProvisional => Status == ProvisionStatus.Provisional;

    /// <summary>The total of the entitlements of one kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The total.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public Dong AmountOf(EntitlementKind kind)
    {
        Preconditions.CheckDefined(kind, nameof(kind));
        return Entitlements.Where(e => e.Kind == kind).Aggregate(Dong.Zero, (sum, e) => sum + e.Amount);
    }
}
