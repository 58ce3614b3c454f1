using System;
using System.Collections.Immutable;
using System.Linq;

namespace WelfareRules.Law.Conditions;

/// <summary>The benefit a group belongs to.</summary>
internal enum GroupBenefit
{
    /// <summary>The monthly social allowance (trợ cấp xã hội hằng tháng): a coefficient of the standard per band.</summary>
    SocialAllowance,

    /// <summary>The social pension (trợ cấp hưu trí xã hội): the amount of <c>social-pension</c>, paid instead of the allowance when higher.</summary>
    SocialPension,

    /// <summary>A group whose health-insurance premium the national budget pays in whole or part (<c>health-insurance-share</c>); the highest share applies.</summary>
    HealthInsurance,

    /// <summary>A group a province supports on top of the national share (<c>health-insurance-local-share</c>); the highest local share is added.</summary>
    HealthInsuranceLocal,

    /// <summary>Funeral support in the month of death: its one band names the case of <c>funeral-multiple</c>; the highest of the groups met is paid.</summary>
    Funeral,

    /// <summary>Cremation support in the month of death: its bands name the case of <c>cremation-support</c>, to which <c>transport</c> is added.</summary>
    Cremation,

    /// <summary>Care support to the person (ND 20 Art 20 k2 a, b): its bands name the case of <c>care-coefficient</c>.</summary>
    DisabilityCareSupport,

    /// <summary>Support to the carer or fostering household (Art 20 k1, k2 c, d): its bands name the case of <c>care-coefficient</c>; the highest is paid.</summary>
    CarerSupport,

    /// <summary>The nurturing allowance in a social assistance facility (Art 24 k1, Art 25 k1): its bands name the case of <c>institutional-coefficient</c>; it replaces the monthly allowance.</summary>
    InstitutionalCare,

    /// <summary>
    /// A preferential allowance of a merit person or relative (trợ cấp, phụ cấp ưu đãi người có công): evaluated for each
    /// merit record, its bands name the case of <c>merit-amount</c> (an appendix row).
    /// </summary>
    MeritAllowance,

    /// <summary>The allowance for a merit person's carer (trợ cấp người phục vụ), paid in respect of the carer; evaluated for each merit record.</summary>
    MeritCarerAllowance,
}

/// <summary>From which month a group's benefit is paid.</summary>
internal enum GroupStart
{
    /// <summary>The month the competent authority signs the decision (<c>decisionSignedOn</c>), ND 20 Art 8 k1 đ.</summary>
    DecisionMonth,

    /// <summary>The month the disability certificate is issued (<c>disabilityCertifiedOn</c>).</summary>
    CertificateMonth,

    /// <summary>From the month the age is reached: no decision month holds it back (K5b, K5c).</summary>
    AgeReached,

    /// <summary>From the month of the merit record's <c>recognisedOn</c>, when given (the decision or medical conclusion, ND 131/2021).</summary>
    RecognisedMonth,
}

/// <summary>How a group's amount combines with the other groups a person is in (ND 20 Art 6 k2).</summary>
internal enum GroupCombination
{
    /// <summary>Only the single highest amount among the groups is paid.</summary>
    Highest,

    /// <summary>Paid in addition to one group that takes it (<see cref="TakesAdded"/>): the poor single parent of K4.</summary>
    Added,

    /// <summary>One highest amount, to which an <see cref="Added"/> group's amount may be added (K5, K6, K8).</summary>
    TakesAdded,
}

/// <summary>Whether a group belongs to the merit benefits, evaluated once for each merit record of a person.</summary>
internal static class GroupBenefits
{
    internal static bool IsMerit(this GroupBenefit benefit) => benefit is GroupBenefit.MeritAllowance or GroupBenefit.MeritCarerAllowance;
}

/// <summary>A band of a group: the case (which names the coefficient) that applies when its condition holds; the first band whose condition holds is taken.</summary>
/// <param name="Case">The case, e.g. <c>under-4</c>.</param>
/// <param name="When">The condition, or null for "otherwise".</param>
internal sealed record GroupBand(string Case, Condition? When);

/// <summary>
/// Who a group of a rule file admits, as data: its conditions, the bands that choose its coefficient, an optional
/// per-child multiplier, the month it starts from and how it combines with other groups.
/// </summary>
/// <param name="When">The conditions of eligibility.</param>
/// <param name="Bands">The bands, in order; the coefficient of the first whose condition holds applies.</param>
/// <param name="PerChild">When set, the coefficient applies once per child meeting it, and at least one must.</param>
/// <param name="Start">From which month the benefit is paid.</param>
/// <param name="Combine">How the group combines with others.</param>
/// <param name="Benefit">The benefit the group belongs to.</param>
/// <param name="Times">For a merit group, a count of the merit record the amount is multiplied by (a per-year supplement), or null.</param>
internal sealed record GroupEligibility(Condition When, ImmutableArray<GroupBand> Bands, ChildrenCondition? PerChild, GroupStart Start, GroupCombination Combine, GroupBenefit Benefit = GroupBenefit.SocialAllowance, FactDefinition? Times = null)
{
    /// <summary>The cases of the bands, in order.</summary>
    internal ImmutableArray<string> Cases => [.. Bands.Select(b => b.Case)];

    /// <summary>The case of the band the person falls in when the group's conditions (and per-child multiplier) are met, or null.</summary>
    internal string? MatchBand(in ConditionContext context)
    {
        if (!When.IsMet(context) || (PerChild is not null && PerChild.Count(context) == 0))
        {
            return null;
        }

        foreach (var band in Bands)
        {
            if (band.When is null || band.When.IsMet(context))
            {
                return band.Case;
            }
        }

        return null;
    }

    /// <summary>The groups the conditions name (<c>inGroup</c>).</summary>
    internal ImmutableArray<string> GroupsRead => Collect<string>((c, b) => c.GroupsRead(b));

    /// <summary>Every parameter the group's conditions read.</summary>
    internal ImmutableArray<ParameterKey> ParametersRead => Collect<ParameterKey>((c, b) => c.ParametersRead(b));

    /// <summary>Every age parameter case the group's conditions read.</summary>
    internal ImmutableArray<string> AgesRead => Collect<string>((c, b) => c.AgesRead(b));

    /// <summary>What the group's conditions (its own, the per-child multiplier's and the bands') give, once each.</summary>
    private ImmutableArray<T> Collect<T>(Action<Condition, ImmutableArray<T>.Builder> visit)
    {
        var items = ImmutableArray.CreateBuilder<T>();
        visit(When, items);
        if (PerChild is not null)
        {
            visit(PerChild, items);
        }

        foreach (var band in Bands)
        {
            if (band.When is not null)
            {
                visit(band.When, items);
            }
        }

        return [.. items.Distinct()];
    }
}

/// <summary>The case names the reading of groups gives itself.</summary>
internal static class GroupBands
{
    /// <summary>The case of a group without bands: one coefficient.</summary>
    internal const string Single = "single";
}
