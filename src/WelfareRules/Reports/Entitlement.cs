using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Reports;

/// <summary>One amount a person (or their carer) is entitled to in the month, with its legal basis.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Entitlement
{
    /// <summary>Creates an entitlement.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="payee">Who is paid.</param>
    /// <param name="amount">The amount in whole đồng.</param>
    /// <param name="coefficient">The coefficient applied to the standard, or null for a flat amount.</param>
    /// <param name="group">The beneficiary group's id, or null.</param>
    /// <param name="basis">Every provision that produced the figure.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="kind"/> or <paramref name="payee"/> is not a defined value.</exception>
    public Entitlement(EntitlementKind kind, Payee payee, Dong amount, decimal? coefficient, string? group, ImmutableArray<Citation> basis)
    {
        Kind = Preconditions.CheckDefined(kind, nameof(kind));
        Payee = Preconditions.CheckDefined(payee, nameof(payee));
        Amount = amount;
        Coefficient = coefficient;
        Group = group;
        Basis = basis.IsDefault ? [] : basis;
    }

    /// <summary>The kind.</summary>
    public EntitlementKind Kind { get; }

    /// <summary>Who is paid.</summary>
    public Payee Payee { get; }

    /// <summary>The amount for the month (or the one-off amount).</summary>
    public Dong Amount { get; }

    /// <summary>The coefficient applied to the standard, or null for a flat amount.</summary>
    public decimal? Coefficient { get; }

    /// <summary>The beneficiary group, e.g. <c>ND20-5-5a</c>, or null.</summary>
    public string? Group { get; }

    /// <summary>For a merit entitlement, the index of the merit record (<c>person.merit[i]</c>) it is paid for; null otherwise.</summary>
    public int? MeritRecord { get; init; }

    /// <summary>Every provision behind the figure.</summary>
    public ImmutableArray<Citation> Basis { get; }

    /// <summary>Whether any provision behind the figure is provisional.</summary>
    public bool Provisional => Status == ProvisionStatus.Provisional;

    /// <summary>The entitlement's provenance grade: the weakest grade of its <see cref="Basis"/>.</summary>
    public ProvisionStatus Status => ProvisionStatuses.Weakest(Basis);

    /// <summary>Formats the entitlement for reading.</summary>
    /// <returns>The entitlement as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ContractNames.Of(Kind)} {Group} {Amount}{(Provisional ? " (provisional)" : "")}");
}
