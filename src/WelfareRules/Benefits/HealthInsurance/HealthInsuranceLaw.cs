using System.Collections.Immutable;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Benefits.HealthInsurance;

/// <summary>The health-insurance provisions of one month's law, read once for every person of the month.</summary>
/// <remarks>Immutable and thread-safe; built with the <see cref="MonthLaw"/>.</remarks>
internal sealed class HealthInsuranceLaw
{
    private readonly ImmutableArray<ImmutableArray<Citation>> supportBases;

    internal HealthInsuranceLaw(MonthLaw law)
    {
        BaseSalary = law.Get(HealthInsuranceParameters.BaseSalaryKey);
        Rate = law.Get(HealthInsuranceParameters.RateKey);
        EscapedPovertyMonths = law.Get(HealthInsuranceParameters.EscapedPovertyMonthsKey);
        ChildCardThroughMonth = law.Get(HealthInsuranceParameters.ChildCardThroughMonthKey);
        NationalShares = Shares(law, HealthInsuranceParameters.Share, SupportGroups.National);
        LocalShares = Shares(law, HealthInsuranceParameters.LocalShare, SupportGroups.Local);
        FirstMemberPremium = BaseSalary is null || Rate is null ? Dong.Zero : BaseSalary.Amount.Times(Rate.Value);
        supportBases = HealthInsuranceCalculator.SupportBases(this);
    }

    /// <summary>The base salary in force, or null.</summary>
    internal Provision? BaseSalary { get; }

    /// <summary>The premium rate in force, or null.</summary>
    internal Provision? Rate { get; }

    /// <summary>The local support window after leaving poverty, or null.</summary>
    internal Provision? EscapedPovertyMonths { get; }

    /// <summary>The month of the year through which a child's card stays valid in the year the child turns six (born before that month's last day), or null.</summary>
    internal Provision? ChildCardThroughMonth { get; }

    /// <summary>The national share in force for each of <see cref="SupportGroups.National"/>, in its order (null where none is).</summary>
    internal ImmutableArray<Provision?> NationalShares { get; }

    /// <summary>The local share in force for each of <see cref="SupportGroups.Local"/>, in its order (null where none is).</summary>
    internal ImmutableArray<Provision?> LocalShares { get; }

    /// <summary>The premium of an individual or a household's first member: the rate times the base salary (zero when either is missing).</summary>
    internal Dong FirstMemberPremium { get; }

    /// <summary>
    /// The basis of a contribution without the household ladder, with the national group and the local
    /// group applied (each an index in <see cref="SupportGroups.National"/> and <see cref="SupportGroups.Local"/>, or -1 for none).
    /// </summary>
    /// <remarks>Only when a base salary and a rate are in force.</remarks>
    internal ImmutableArray<Citation> SupportBasis(int national, int local) =>
        supportBases[((national + 1) * (SupportGroups.Local.Length + 1)) + local + 1];

    private static ImmutableArray<Provision?> Shares(MonthLaw law, string parameter, ImmutableArray<SupportGroup> groups)
    {
        var shares = ImmutableArray.CreateBuilder<Provision?>(groups.Length);
        foreach (var group in groups)
        {
            shares.Add(law.Get(parameter, null, group.Case));
        }

        return shares.MoveToImmutable();
    }
}
