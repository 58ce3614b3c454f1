using System.Collections.Immutable;
using System.Linq;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;

namespace WelfareRules.Benefits.HealthInsurance;

/// <summary>The health-insurance provisions of one month's law, read once for every person of the month.</summary>
/// <remarks>Immutable and thread-safe (but for a write-once cache of an explanation step, the same value whoever writes it); built with the <see cref="MonthLaw"/>.</remarks>
internal sealed class HealthInsuranceLaw
{
    private readonly ImmutableArray<ImmutableArray<Citation>> supportBases;

    /// <summary>The explanation's last step of a contribution without the household ladder, by the pair of groups applied (write-once).</summary>
    private readonly Reports.ExplanationStep?[] shareSteps;

    internal HealthInsuranceLaw(MonthLaw law)
    {
        BaseSalary = law.Get(HealthInsuranceParameters.BaseSalaryKey);
        Rate = law.Get(HealthInsuranceParameters.RateKey);
        NationalGroups = Groups(law, law.HealthInsuranceGroups, HealthInsuranceParameters.Share);
        LocalGroups = Groups(law, law.LocalHealthInsuranceGroups, HealthInsuranceParameters.LocalShare);
        FirstMemberPremium = BaseSalary is null || Rate is null ? Dong.Zero : BaseSalary.Amount.Times(Rate.Value);
        supportBases = HealthInsuranceCalculator.SupportBases(this);
        shareSteps = new Reports.ExplanationStep?[supportBases.Length];
        NationalSteps = [.. NationalGroups.Select(_ => new Evaluation.NoteMemo<Reports.ExplanationStep>())];
        LocalSteps = [.. LocalGroups.Select(_ => new Evaluation.NoteMemo<Reports.ExplanationStep>())];
    }

    /// <summary>The base salary in force, or null.</summary>
    internal Provision? BaseSalary { get; }

    /// <summary>The premium rate in force, or null.</summary>
    internal Provision? Rate { get; }

    /// <summary>The month's national health-insurance groups with a share in force, in definition order.</summary>
    internal ImmutableArray<SupportGroup> NationalGroups { get; }

    /// <summary>The month's local health-insurance groups with a local share in force, in definition order.</summary>
    internal ImmutableArray<SupportGroup> LocalGroups { get; }

    /// <summary>The premium of an individual or a household's first member: the rate times the base salary (zero when either is missing).</summary>
    internal Dong FirstMemberPremium { get; }

    /// <summary>The explanation's step for the first member's premium, which names only the law: made by the first explained evaluation, then shared.</summary>
    internal Reports.ExplanationStep? FirstMemberStep { get; set; }

    /// <summary>
    /// The basis of a contribution without the household ladder, with the national group and the local
    /// group applied (each an index in <see cref="NationalGroups"/> and <see cref="LocalGroups"/>, or -1 for none).
    /// </summary>
    /// <remarks>Only when a base salary and a rate are in force.</remarks>
    internal ImmutableArray<Citation> SupportBasis(int national, int local) =>
        supportBases[((national + 1) * (LocalGroups.Length + 1)) + local + 1];

    /// <summary>
    /// The explanation's last step (the shares and who pays what) of a contribution without the household ladder, with
    /// the groups of <see cref="SupportBasis"/> applied: it names only the month's law and the groups, so it is made by
    /// the first explained evaluation that needs it and then shared (a cache: whoever writes it writes the same).
    /// </summary>
    /// <remarks>Only when a base salary and a rate are in force.</remarks>
    internal ref Reports.ExplanationStep? ShareStep(int national, int local) =>
        ref shareSteps[((national + 1) * (LocalGroups.Length + 1)) + local + 1];

    /// <summary>The steps explaining each national group's support, each kept with the condition notes it was made from.</summary>
    internal Evaluation.NoteMemo<Reports.ExplanationStep>[] NationalSteps { get; }

    /// <summary>The same for each local group.</summary>
    internal Evaluation.NoteMemo<Reports.ExplanationStep>[] LocalSteps { get; }

    private static ImmutableArray<SupportGroup> Groups(MonthLaw law, ImmutableArray<GroupDefinition> groups, string parameter)
    {
        var result = ImmutableArray.CreateBuilder<SupportGroup>();
        foreach (var group in groups)
        {
            if (law.Get(parameter, group.Id, null) is not { } share)
            {
                continue;
            }

            // The figure rests on the group's definition and on what its conditions read (ages, windows, months).
            var read = ImmutableArray.CreateBuilder<Citation>();
            read.Add(group.Basis);
            foreach (var key in group.Eligibility!.ParametersRead)
            {
                if (law.Get(key) is { } provision && !read.Contains(provision.Basis))
                {
                    read.Add(provision.Basis);
                }
            }

            result.Add(new SupportGroup(group, share, read.ToImmutable()));
        }

        return result.ToImmutable();
    }
}
