using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System;
using NodaTime;

namespace WelfareRules.Facts;

/// <summary>
/// A person's circumstances, with the names of the command-line contract (<c>docs/cli.md</c>).
/// Every fact but the birth date is optional: booleans default to false, counts to 0, enumerations to their first value, dates to absent.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Counts, dates (ISO calendar, from 1900: a <c>default</c> date is refused) and
/// enumerations (only defined values) are checked in their <c>init</c> accessors, so a <c>with</c> expression
/// cannot bypass them: a bad value throws <see cref="System.ArgumentException"/> (or <see cref="System.ArgumentOutOfRangeException"/>).
/// </remarks>
public sealed record Person
{
    private readonly LocalDate birthDate;
    private readonly LocalDate? deathDate;
    private readonly LocalDate? disabilityCertifiedOn;
    private readonly LocalDate? decisionSignedOn;
    private readonly DeathCause deathCause;
    private readonly Sex sex;
    private readonly Orphanhood orphanhood;
    private readonly Disability disability;
    private readonly LivingArrangement livingArrangement;
    private readonly int childrenUnder36Months;
    private readonly int healthInsuranceHouseholdOrder;
    private readonly ImmutableArray<RaisedChild> childrenRaisedAlone = ImmutableArray<RaisedChild>.Empty;
    private readonly ImmutableArray<MeritRecord> merit = ImmutableArray<MeritRecord>.Empty;
    private readonly Household household = Household.Default;

    /// <summary>Creates a person born on the given date.</summary>
    /// <param name="birthDate">The date of birth.</param>
    /// <exception cref="ArgumentException"><paramref name="birthDate"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="birthDate"/> is before 1900 (such as <c>default</c>).</exception>
    public Person(LocalDate birthDate) => BirthDate = birthDate;

    /// <summary>The date of birth.</summary>
    /// <exception cref="ArgumentException">The date is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900 (such as <c>default</c>).</exception>
    public LocalDate BirthDate { get => birthDate; init => birthDate = Preconditions.CheckDate(value, nameof(BirthDate)); }

    /// <summary>The date of death, or null.</summary>
    /// <exception cref="ArgumentException">The date is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900 (such as <c>default</c>).</exception>
    public LocalDate? DeathDate { get => deathDate; init => deathDate = Preconditions.CheckDate(value, nameof(DeathDate)); }

    /// <summary>How the death happened (funeral support).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="DeathCause"/>.</exception>
    public DeathCause DeathCause { get => deathCause; init => deathCause = Preconditions.CheckDefined(value, nameof(DeathCause)); }

    /// <summary>Cremated (Hanoi cremation support).</summary>
    public bool Cremated { get; init; }

    /// <summary>Has permanent residence (hộ khẩu thường trú) in the jurisdiction.</summary>
    public bool PermanentResident { get; init; }

    /// <summary>The household.</summary>
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public Household Household { get => household; init => household = value ?? Household.Default; }

    /// <summary>The person's sex, when given (for the distribution of a comparison).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Facts.Sex"/>.</exception>
    public Sex Sex { get => sex; init => sex = Preconditions.CheckDefined(value, nameof(Sex)); }

    /// <summary>The Art 5 k1 case of a child with no source of nurture.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Orphanhood"/>.</exception>
    public Orphanhood Orphanhood { get => orphanhood; init => orphanhood = Preconditions.CheckDefined(value, nameof(Orphanhood)); }

    /// <summary>In general education, vocational training, secondary vocational, college or a first university degree.</summary>
    public bool InEducation { get; init; }

    /// <summary>Living with HIV/AIDS.</summary>
    public bool HivPositive { get; init; }

    /// <summary>The certified disability level.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Disability"/>.</exception>
    public Disability Disability { get => disability; init => disability = Preconditions.CheckDefined(value, nameof(Disability)); }

    /// <summary>The date the disability-level certificate was issued, or null.</summary>
    /// <exception cref="ArgumentException">The date is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900 (such as <c>default</c>).</exception>
    public LocalDate? DisabilityCertifiedOn { get => disabilityCertifiedOn; init => disabilityCertifiedOn = Preconditions.CheckDate(value, nameof(DisabilityCertifiedOn)); }

    /// <summary>The children this person raises as a single parent (unmarried, widowed, or spouse declared missing).</summary>
    public ImmutableArray<RaisedChild> ChildrenRaisedAlone
    {
        get => childrenRaisedAlone;
        init => childrenRaisedAlone = value.IsDefault ? ImmutableArray<RaisedChild>.Empty : value;
    }

    /// <summary>No one obliged and able to support the person, or the supporter is on the monthly allowance.</summary>
    public bool WithoutSupporter { get; init; }

    /// <summary>Receives a pension or a monthly social-insurance benefit.</summary>
    public bool ReceivesPension { get; init; }

    /// <summary>
    /// Receives a pension or a monthly social-insurance benefit, but less than the social pension (176/2025/NĐ-CP
    /// Art 2 k1 b: such a person may still receive the social pension). Read only with <see cref="ReceivesPension"/>.
    /// </summary>
    public bool PensionBelowSocialPension { get; init; }

    /// <summary>One of the person's parents receives the monthly social allowance (a fact a province's group may read).</summary>
    public bool ParentReceivesAllowance { get; init; }

    /// <summary>One of the person's parents is serving a prison sentence or is held in a reform school, compulsory education or rehabilitation.</summary>
    public bool ParentDetained { get; init; }

    /// <summary>Where and with whom the person lives.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="LivingArrangement"/>.</exception>
    public LivingArrangement LivingArrangement { get => livingArrangement; init => livingArrangement = Preconditions.CheckDefined(value, nameof(LivingArrangement)); }

    /// <summary>Qualifies for a facility but is cared for in the community (K5d).</summary>
    public bool EligibleForFacilityCare { get; init; }

    /// <summary>Pregnant (Art 20 k2).</summary>
    public bool Pregnant { get; init; }

    /// <summary>The number of own children under 36 months the person raises (Art 20 k2).</summary>
    public int ChildrenUnder36Months
    {
        get => childrenUnder36Months;
        init => childrenUnder36Months = Preconditions.CheckNonNegative(value, nameof(ChildrenUnder36Months));
    }

    /// <summary>The date the competent chairman signed the allowance decision, or null when not given (the person is taken as already decided).</summary>
    /// <exception cref="ArgumentException">The date is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is before 1900 (such as <c>default</c>).</exception>
    public LocalDate? DecisionSignedOn { get => decisionSignedOn; init => decisionSignedOn = Preconditions.CheckDate(value, nameof(DecisionSignedOn)); }

    /// <summary>Belongs to an ethnic minority.</summary>
    public bool EthnicMinority { get; init; }

    /// <summary>A pupil or student (health insurance).</summary>
    public bool Student { get; init; }

    /// <summary>Already holds a health-insurance card through another scheme.</summary>
    public bool HasOtherHealthInsurance { get; init; }

    /// <summary>0: not enrolling through a household plan; n ≥ 1: the n-th member of the household to enrol.</summary>
    public int HealthInsuranceHouseholdOrder
    {
        get => healthInsuranceHouseholdOrder;
        init => healthInsuranceHouseholdOrder = Preconditions.CheckNonNegative(value, nameof(HealthInsuranceHouseholdOrder));
    }

    /// <summary>
    /// The person's merit records (người có công với cách mạng and their relatives): one per category the person is
    /// recognised in, with the facts its amount needs; empty for most persons.
    /// </summary>
    /// <exception cref="System.ArgumentNullException">A record is null.</exception>
    public ImmutableArray<MeritRecord> Merit
    {
        get => merit;
        init => merit = value.IsDefault ? ImmutableArray<MeritRecord>.Empty
            : value.Any(r => r is null) ? throw new System.ArgumentNullException(nameof(Merit), "A merit record is null.") : value;
    }

    /// <inheritdoc />
    public bool Equals(Person? other) =>
        other is not null
        && EqualityContract == other.EqualityContract
        && BirthDate == other.BirthDate && DeathDate == other.DeathDate && DeathCause == other.DeathCause
        && Cremated == other.Cremated && PermanentResident == other.PermanentResident && Household == other.Household
        && Orphanhood == other.Orphanhood && InEducation == other.InEducation && HivPositive == other.HivPositive
        && Disability == other.Disability && DisabilityCertifiedOn == other.DisabilityCertifiedOn
        && ChildrenRaisedAlone.SequenceEqual(other.ChildrenRaisedAlone)
        && WithoutSupporter == other.WithoutSupporter && ReceivesPension == other.ReceivesPension
        && PensionBelowSocialPension == other.PensionBelowSocialPension
        && ParentReceivesAllowance == other.ParentReceivesAllowance && ParentDetained == other.ParentDetained
        && LivingArrangement == other.LivingArrangement && EligibleForFacilityCare == other.EligibleForFacilityCare
        && Pregnant == other.Pregnant && ChildrenUnder36Months == other.ChildrenUnder36Months
        && DecisionSignedOn == other.DecisionSignedOn && EthnicMinority == other.EthnicMinority && Student == other.Student
        && HasOtherHealthInsurance == other.HasOtherHealthInsurance && HealthInsuranceHouseholdOrder == other.HealthInsuranceHouseholdOrder
        && Merit.SequenceEqual(other.Merit) && Sex == other.Sex;

    /// <inheritdoc />
    public override int GetHashCode() => System.HashCode.Combine(BirthDate, DeathDate, Household, Orphanhood, Disability, ChildrenRaisedAlone.Length, LivingArrangement, DecisionSignedOn);

    /// <summary>The children raised alone, as a read-only list.</summary>
    internal IReadOnlyList<RaisedChild> Children => childrenRaisedAlone;
}
