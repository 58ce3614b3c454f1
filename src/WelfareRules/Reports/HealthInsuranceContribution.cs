using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Reports;

/// <summary>
/// A person's health-insurance (bảo hiểm y tế) contribution in one month: the premium, the share the
/// state pays (national and local support together, at most 1), and what each side pays, with the
/// provisions behind the figures. The <c>healthInsurance</c> block of the command-line contract.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="StatePays"/> is the premium times the share, rounded once with
/// <see cref="Rounding.ToWholeDong"/>; <see cref="PersonPays"/> is the rest, so the two always add up to the premium.
/// </remarks>
public sealed class HealthInsuranceContribution
{
    /// <summary>The months a yearly contribution covers: a year's contribution is twelve times the monthly one.</summary>
    public const int MonthsPerYear = 12;

    internal HealthInsuranceContribution(Dong premium, decimal stateShare, ImmutableArray<Citation> basis)
    {
        Preconditions.CheckArgument(stateShare is >= 0m and <= 1m, nameof(stateShare), "A share is between 0 and 1.");
        Premium = premium;
        StateShare = stateShare;
        // A share of 0 or 1 (most people) is exact: no product to round.
        StatePays = stateShare == 1m ? premium : stateShare == 0m ? Dong.Zero : premium.Times(stateShare);
        PersonPays = premium - StatePays;
        Basis = basis;
    }

    /// <summary>The person's monthly premium: the rate times the base salary in force, times the household ladder factor where it applies.</summary>
    public Dong Premium { get; }

    /// <summary>The fraction of the premium the state pays, national and local support together, between 0 and 1.</summary>
    public decimal StateShare { get; }

    /// <summary>What the state pays each month.</summary>
    public Dong StatePays { get; }

    /// <summary>What the person (or their household) pays each month.</summary>
    public Dong PersonPays { get; }

    /// <summary>The premium for twelve months at this month's figures.</summary>
    public Dong PremiumPerYear => Premium.Times(MonthsPerYear);

    /// <summary>What the person pays for twelve months at this month's figures.</summary>
    public Dong PersonPaysPerYear => PersonPays.Times(MonthsPerYear);

    /// <summary>Every provision that produced the figures: base salary, rate, ladder, and the national and local shares applied.</summary>
    public ImmutableArray<Citation> Basis { get; }

    /// <summary>Whether any provision behind the figures is provisional.</summary>
    public bool Provisional => Status == ProvisionStatus.Provisional;

    /// <summary>The contribution's provenance grade: the weakest grade of its <see cref="Basis"/>.</summary>
    public ProvisionStatus Status => ProvisionStatuses.Weakest(Basis);

    /// <summary>Formats the contribution for reading.</summary>
    /// <returns>The contribution as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"premium {Premium}, state share {Evaluation.Format.Percent(StateShare)}, state pays {StatePays}, person pays {PersonPays}{(Provisional ? " (provisional)" : "")}");
}
