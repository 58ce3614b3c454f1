using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using WelfareRules.Facts;

namespace WelfareRules.Populations;

/// <summary>
/// The facts of a person that do not depend on the month, packed exactly into one <see cref="ulong"/>:
/// every enumeration, flag and count of <see cref="Person"/> and <see cref="Household"/>, the presence of a
/// disability certificate, whether death precedes birth, and the jurisdiction's index in its population.
/// Nothing is rounded or dropped: two persons with the same word have the same values of all these facts.
/// </summary>
internal static class FactBits
{
    /// <summary>A field: its lowest bit and its width.</summary>
    internal readonly record struct Field(int Shift, int Width)
    {
        internal ulong Mask => (1UL << Width) - 1;

        internal int Max => (int)Mask;
    }

    internal static readonly Field DeathCause = new(0, 1);
    internal static readonly Field Cremated = new(1, 1);
    internal static readonly Field PermanentResident = new(2, 1);
    internal static readonly Field Poverty = new(3, 2);
    internal static readonly Field Area = new(5, 1);
    internal static readonly Field ExtremelyDifficultArea = new(6, 1);
    internal static readonly Field AverageLivingStandardFarming = new(7, 1);
    internal static readonly Field Orphanhood = new(8, 4);
    internal static readonly Field InEducation = new(12, 1);
    internal static readonly Field HivPositive = new(13, 1);
    internal static readonly Field Disability = new(14, 2);
    internal static readonly Field WithoutSupporter = new(16, 1);
    internal static readonly Field ReceivesPension = new(17, 1);
    internal static readonly Field LivingArrangement = new(18, 2);
    internal static readonly Field EligibleForFacilityCare = new(20, 1);
    internal static readonly Field Pregnant = new(21, 1);
    internal static readonly Field EthnicMinority = new(22, 1);
    internal static readonly Field Student = new(23, 1);
    internal static readonly Field HasOtherHealthInsurance = new(24, 1);
    internal static readonly Field HasDisabilityCertificate = new(25, 1);
    internal static readonly Field DeathBeforeBirth = new(26, 1);
    internal static readonly Field PensionBelowSocialPension = new(27, 1);
    internal static readonly Field ParentReceivesAllowance = new(44, 1);
    internal static readonly Field ParentDetained = new(45, 1);
    internal static readonly Field ChildrenUnder36Months = new(28, 8);
    internal static readonly Field HealthInsuranceHouseholdOrder = new(36, 8);
    internal static readonly Field JurisdictionIndex = new(48, 16);

    internal const int MaxChildrenRaisedAlone = 62;

    /// <summary>
    /// The field of each flag, choice and count of <see cref="Law.Conditions.FactCatalog"/>, by the contract's name: what
    /// a condition on that fact reads of the word. A fact not named here is read, for the population engine, as the
    /// whole profile (<see cref="OfFact"/> gives null), which is never wrong, only slower.
    /// </summary>
    /// <remarks>A plain array, read by a loop: read while a month's law is signed, never for a person; a dictionary of
    /// <see cref="Field"/> values would be compiled afresh at every start.</remarks>
    private static readonly (string Fact, Field Field)[] ByFact =
    [
        ("orphanhood", Orphanhood),
        ("disability", Disability),
        ("livingArrangement", LivingArrangement),
        ("deathCause", DeathCause),
        ("household.poverty", Poverty),
        ("household.area", Area),
        ("inEducation", InEducation),
        ("hivPositive", HivPositive),
        ("withoutSupporter", WithoutSupporter),
        ("receivesPension", ReceivesPension),
        ("pensionBelowSocialPension", PensionBelowSocialPension),
        ("parentReceivesAllowance", ParentReceivesAllowance),
        ("parentDetained", ParentDetained),
        ("eligibleForFacilityCare", EligibleForFacilityCare),
        ("pregnant", Pregnant),
        ("ethnicMinority", EthnicMinority),
        ("student", Student),
        ("hasOtherHealthInsurance", HasOtherHealthInsurance),
        ("cremated", Cremated),
        ("permanentResident", PermanentResident),
        ("household.extremelyDifficultArea", ExtremelyDifficultArea),
        ("household.averageLivingStandardFarming", AverageLivingStandardFarming),
        ("childrenUnder36Months", ChildrenUnder36Months),
        ("healthInsuranceHouseholdOrder", HealthInsuranceHouseholdOrder),
    ];

    /// <summary>The field a person's fact of <see cref="Law.Conditions.FactCatalog"/> is packed in, or null when it is not one field of the word (a date).</summary>
    internal static Field? OfFact(string name)
    {
        foreach (var (fact, field) in ByFact)
        {
            if (fact == name)
            {
                return field;
            }
        }

        return null;
    }

    internal static int MaxJurisdictions => JurisdictionIndex.Max;

    /// <summary>Why a population refuses one more jurisdiction than it can number.</summary>
    internal static string TooManyJurisdictions => string.Create(CultureInfo.InvariantCulture, $"a population holds at most {MaxJurisdictions + 1} jurisdictions");

    internal static ulong Get(ulong facts, Field field) => (facts >> field.Shift) & field.Mask;

    internal static int Jurisdiction(ulong facts) => (int)Get(facts, JurisdictionIndex);

    /// <summary>Packed facts with the jurisdiction index set to <paramref name="jurisdiction"/> (facts packed with another, usually 0, first).</summary>
    /// <exception cref="ArgumentException">The index does not fit its field.</exception>
    internal static ulong WithJurisdiction(ulong facts, int jurisdiction)
    {
        ulong f = facts & ~(JurisdictionIndex.Mask << JurisdictionIndex.Shift);
        Set(ref f, JurisdictionIndex, jurisdiction, 0, "jurisdiction");
        return f;
    }

    /// <summary>Packs month-independent facts (<see cref="PersonFacts.Of"/> gives a person's); throws when a value does not fit its field.</summary>
    internal static ulong Pack(in PersonFacts person, int jurisdiction, int index)
    {
        ulong f = 0;
        Set(ref f, DeathCause, (int)person.DeathCause, index, nameof(Person.DeathCause));
        Set(ref f, Cremated, person.Cremated);
        Set(ref f, PermanentResident, person.PermanentResident);
        Set(ref f, Poverty, (int)person.Poverty, index, nameof(Household.Poverty));
        Set(ref f, Area, (int)person.Area, index, nameof(Household.Area));
        Set(ref f, ExtremelyDifficultArea, person.ExtremelyDifficultArea);
        Set(ref f, AverageLivingStandardFarming, person.AverageLivingStandardFarming);
        Set(ref f, Orphanhood, (int)person.Orphanhood, index, nameof(Person.Orphanhood));
        Set(ref f, InEducation, person.InEducation);
        Set(ref f, HivPositive, person.HivPositive);
        Set(ref f, Disability, (int)person.Disability, index, nameof(Person.Disability));
        Set(ref f, WithoutSupporter, person.WithoutSupporter);
        Set(ref f, ReceivesPension, person.ReceivesPension);
        Set(ref f, PensionBelowSocialPension, person.PensionBelowSocialPension);
        Set(ref f, ParentReceivesAllowance, person.ParentReceivesAllowance);
        Set(ref f, ParentDetained, person.ParentDetained);
        Set(ref f, LivingArrangement, (int)person.LivingArrangement, index, nameof(Person.LivingArrangement));
        Set(ref f, EligibleForFacilityCare, person.EligibleForFacilityCare);
        Set(ref f, Pregnant, person.Pregnant);
        Set(ref f, EthnicMinority, person.EthnicMinority);
        Set(ref f, Student, person.Student);
        Set(ref f, HasOtherHealthInsurance, person.HasOtherHealthInsurance);
        Set(ref f, HasDisabilityCertificate, person.HasDisabilityCertificate);
        Set(ref f, DeathBeforeBirth, person.DeathBeforeBirth);
        Set(ref f, ChildrenUnder36Months, person.ChildrenUnder36Months, index, nameof(Person.ChildrenUnder36Months));
        Set(ref f, HealthInsuranceHouseholdOrder, person.HealthInsuranceHouseholdOrder, index, nameof(Person.HealthInsuranceHouseholdOrder));
        Set(ref f, JurisdictionIndex, jurisdiction, index, "jurisdiction");
        return f;
    }

    private static void Set(ref ulong facts, Field field, bool value) => facts |= (value ? 1UL : 0UL) << field.Shift;

    private static void Set(ref ulong facts, Field field, int value, int index, string name)
    {
        if (value < 0 || value > field.Max)
        {
            Unrepresentable(field, value, index, name);
        }

        facts |= (ulong)value << field.Shift;
    }

    /// <summary>Refuses a value out of its field (apart, so that <see cref="Set(ref ulong, Field, int, int, string)"/> stays small enough to inline).</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Unrepresentable(Field field, int value, int index, string name) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"person {index}: {name} = {value} cannot be represented (0 to {field.Max})"), "facts");
}

/// <summary>
/// The month-independent facts <see cref="FactBits"/> packs, as plain values: what a reader that builds no
/// <see cref="Person"/> fills in (the Parquet reader of the tool), and what a person gives (<see cref="Of"/>).
/// </summary>
internal struct PersonFacts
{
    internal DeathCause DeathCause;
    internal bool Cremated, PermanentResident;
    internal Poverty Poverty;
    internal Area Area;
    internal bool ExtremelyDifficultArea, AverageLivingStandardFarming;
    internal Orphanhood Orphanhood;
    internal bool InEducation, HivPositive;
    internal Disability Disability;
    internal bool WithoutSupporter, ReceivesPension, PensionBelowSocialPension, ParentReceivesAllowance, ParentDetained;
    internal LivingArrangement LivingArrangement;
    internal bool EligibleForFacilityCare, Pregnant, EthnicMinority, Student, HasOtherHealthInsurance;

    /// <summary>Whether a disability certificate date is given.</summary>
    internal bool HasDisabilityCertificate;

    /// <summary>Whether the date of death precedes the date of birth.</summary>
    internal bool DeathBeforeBirth;

    internal int ChildrenUnder36Months, HealthInsuranceHouseholdOrder;

    /// <summary>
    /// The person of these facts and of the values they do not hold: the inverse of <see cref="Of(Person)"/> (the
    /// household is <see cref="Household.Default"/> when it equals it, so that a person without one compares equal).
    /// </summary>
    internal readonly Person ToPerson(LocalDate birth, LocalDate? death, LocalDate? decision, LocalDate? certified, Sex sex,
        YearMonth? escapedPovertyMonth, long? incomePerPerson, ImmutableArray<RaisedChild> children, ImmutableArray<MeritRecord> merit)
    {
        var household = new Household
        {
            Poverty = Poverty,
            Area = Area,
            ExtremelyDifficultArea = ExtremelyDifficultArea,
            EscapedPovertyMonth = escapedPovertyMonth,
            AverageLivingStandardFarming = AverageLivingStandardFarming,
            IncomePerPerson = incomePerPerson,
        };

        return new Person(birth)
        {
            DeathDate = death,
            DeathCause = DeathCause,
            Sex = sex,
            Cremated = Cremated,
            PermanentResident = PermanentResident,
            Household = household == Household.Default ? Household.Default : household,
            Orphanhood = Orphanhood,
            InEducation = InEducation,
            HivPositive = HivPositive,
            Disability = Disability,
            DisabilityCertifiedOn = certified,
            ChildrenRaisedAlone = children,
            WithoutSupporter = WithoutSupporter,
            ReceivesPension = ReceivesPension,
            PensionBelowSocialPension = PensionBelowSocialPension,
            ParentReceivesAllowance = ParentReceivesAllowance,
            ParentDetained = ParentDetained,
            LivingArrangement = LivingArrangement,
            EligibleForFacilityCare = EligibleForFacilityCare,
            Pregnant = Pregnant,
            ChildrenUnder36Months = ChildrenUnder36Months,
            DecisionSignedOn = decision,
            EthnicMinority = EthnicMinority,
            Student = Student,
            HasOtherHealthInsurance = HasOtherHealthInsurance,
            HealthInsuranceHouseholdOrder = HealthInsuranceHouseholdOrder,
            Merit = merit,
        };
    }

    /// <summary>The facts packed into <paramref name="f"/> (<see cref="FactBits.Pack"/>; the jurisdiction's index is not among them).</summary>
    internal static PersonFacts Unpack(ulong f) => new()
    {
        DeathCause = (DeathCause)FactBits.Get(f, FactBits.DeathCause),
        Cremated = FactBits.Get(f, FactBits.Cremated) != 0,
        PermanentResident = FactBits.Get(f, FactBits.PermanentResident) != 0,
        Poverty = (Poverty)FactBits.Get(f, FactBits.Poverty),
        Area = (Area)FactBits.Get(f, FactBits.Area),
        ExtremelyDifficultArea = FactBits.Get(f, FactBits.ExtremelyDifficultArea) != 0,
        AverageLivingStandardFarming = FactBits.Get(f, FactBits.AverageLivingStandardFarming) != 0,
        Orphanhood = (Orphanhood)FactBits.Get(f, FactBits.Orphanhood),
        InEducation = FactBits.Get(f, FactBits.InEducation) != 0,
        HivPositive = FactBits.Get(f, FactBits.HivPositive) != 0,
        Disability = (Disability)FactBits.Get(f, FactBits.Disability),
        WithoutSupporter = FactBits.Get(f, FactBits.WithoutSupporter) != 0,
        ReceivesPension = FactBits.Get(f, FactBits.ReceivesPension) != 0,
        PensionBelowSocialPension = FactBits.Get(f, FactBits.PensionBelowSocialPension) != 0,
        ParentReceivesAllowance = FactBits.Get(f, FactBits.ParentReceivesAllowance) != 0,
        ParentDetained = FactBits.Get(f, FactBits.ParentDetained) != 0,
        LivingArrangement = (LivingArrangement)FactBits.Get(f, FactBits.LivingArrangement),
        EligibleForFacilityCare = FactBits.Get(f, FactBits.EligibleForFacilityCare) != 0,
        Pregnant = FactBits.Get(f, FactBits.Pregnant) != 0,
        EthnicMinority = FactBits.Get(f, FactBits.EthnicMinority) != 0,
        Student = FactBits.Get(f, FactBits.Student) != 0,
        HasOtherHealthInsurance = FactBits.Get(f, FactBits.HasOtherHealthInsurance) != 0,
        HasDisabilityCertificate = FactBits.Get(f, FactBits.HasDisabilityCertificate) != 0,
        DeathBeforeBirth = FactBits.Get(f, FactBits.DeathBeforeBirth) != 0,
        ChildrenUnder36Months = (int)FactBits.Get(f, FactBits.ChildrenUnder36Months),
        HealthInsuranceHouseholdOrder = (int)FactBits.Get(f, FactBits.HealthInsuranceHouseholdOrder),
    };

    /// <summary>The facts of a person.</summary>
    internal static PersonFacts Of(Person person)
    {
        var h = person.Household;
        return new PersonFacts
        {
            DeathCause = person.DeathCause,
            Cremated = person.Cremated,
            PermanentResident = person.PermanentResident,
            Poverty = h.Poverty,
            Area = h.Area,
            ExtremelyDifficultArea = h.ExtremelyDifficultArea,
            AverageLivingStandardFarming = h.AverageLivingStandardFarming,
            Orphanhood = person.Orphanhood,
            InEducation = person.InEducation,
            HivPositive = person.HivPositive,
            Disability = person.Disability,
            WithoutSupporter = person.WithoutSupporter,
            ReceivesPension = person.ReceivesPension,
            PensionBelowSocialPension = person.PensionBelowSocialPension,
            ParentReceivesAllowance = person.ParentReceivesAllowance,
            ParentDetained = person.ParentDetained,
            LivingArrangement = person.LivingArrangement,
            EligibleForFacilityCare = person.EligibleForFacilityCare,
            Pregnant = person.Pregnant,
            EthnicMinority = person.EthnicMinority,
            Student = person.Student,
            HasOtherHealthInsurance = person.HasOtherHealthInsurance,
            HasDisabilityCertificate = person.DisabilityCertifiedOn is not null,
            DeathBeforeBirth = person.DeathDate is { } death && death < person.BirthDate,
            ChildrenUnder36Months = person.ChildrenUnder36Months,
            HealthInsuranceHouseholdOrder = person.HealthInsuranceHouseholdOrder,
        };
    }
}
