using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Populations;

/// <summary>
/// Whether two reports say the same, to the last field a reader can see: the jurisdiction, month and standard
/// (the same object: the month's law), every entitlement's kind, payee, amount, coefficient (with its scale), group,
/// merit record and citations, the warnings in both languages, and the health-insurance contribution (premium, share
/// with its scale, payments, citations); two explained reports are never equal. The engine keeps one report of each
/// content among the profiles it evaluates (<see cref="MonthProfiles.Evaluate(WelfareRules.Law.RuleSet, Population, int, OutcomeCache?)"/>): a caseload's ninety thousand
/// profiles in a month have a few hundred, and the rest of their reports are dropped young instead of kept.
/// </summary>
/// <remarks>A test pins the fields of <see cref="Report"/>, <see cref="Entitlement"/> and <see cref="HealthInsuranceContribution"/>: a new one must join the comparison.</remarks>
internal sealed class ReportContent : IEqualityComparer<Report>
{
    internal static readonly ReportContent Instance = new();

    public bool Equals(Report? x, Report? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || !x.Explanation.IsEmpty || !y.Explanation.IsEmpty
            || !x.Jurisdiction.Equals(y.Jurisdiction) || x.Month != y.Month || !ReferenceEquals(x.Standard, y.Standard)
            || !Same(x.Warnings, y.Warnings) || !Same(x.WarningsVi, y.WarningsVi) || x.Entitlements.Length != y.Entitlements.Length
            || !Same(x.HealthInsurance, y.HealthInsurance))
        {
            return false;
        }

        for (int i = 0; i < x.Entitlements.Length; i++)
        {
            if (!Same(x.Entitlements[i], y.Entitlements[i]))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(Report report)
    {
        var hash = new HashCode();
        hash.Add(report.Month);
        hash.Add(report.Entitlements.Length);
        foreach (var entitlement in report.Entitlements)
        {
            hash.Add(entitlement.Kind);
            hash.Add(entitlement.Amount.Value);
            hash.Add(entitlement.Group);
        }

        hash.Add(report.HealthInsurance?.Premium.Value);
        hash.Add(report.HealthInsurance?.StatePays.Value);
        return hash.ToHashCode();
    }

    private static bool Same(Entitlement x, Entitlement y) =>
        x.Kind == y.Kind && x.Payee == y.Payee && x.Amount == y.Amount && Same(x.Coefficient, y.Coefficient)
        && string.Equals(x.Group, y.Group, StringComparison.Ordinal) && x.MeritRecord == y.MeritRecord && Same(x.Basis, y.Basis);

    private static bool Same(HealthInsuranceContribution? x, HealthInsuranceContribution? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Premium == y.Premium && Same(x.StateShare, y.StateShare)
            && x.StatePays == y.StatePays && x.PersonPays == y.PersonPays && Same(x.Basis, y.Basis));

    /// <summary>Equal decimals written alike: the same value and the same scale (1.5 is not 1.50 in the report's JSON).</summary>
    private static bool Same(decimal? x, decimal? y) => x == y && (x is not { } a || a.Scale == y!.Value.Scale);

    private static bool Same(ImmutableArray<Citation> x, ImmutableArray<Citation> y) => x.IsDefault == y.IsDefault && x.AsSpan().SequenceEqual(y.AsSpan());

    private static bool Same(ImmutableArray<string> x, ImmutableArray<string> y) => x.IsDefault == y.IsDefault && x.AsSpan().SequenceEqual(y.AsSpan());
}
