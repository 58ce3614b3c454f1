using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace WelfareRules.Serialization;

#pragma warning disable SA1600 // Data-transfer shapes mirror docs/rule-files.md and docs/cli.md field by field.

internal sealed class InstrumentDto
{
    public int? Format { get; set; }
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public string? Issuer { get; set; }
    public string? Jurisdiction { get; set; }
    public LocalDate? Signed { get; set; }
    public LocalDate? Effective { get; set; }
    public LocalDate? AppliesFrom { get; set; }
    public string? Status { get; set; }
    public string? Source { get; set; }
    public string? Note { get; set; }
    public List<GroupDto>? Groups { get; set; }
    public List<ProvisionDto>? Provisions { get; set; }
}

internal sealed class GroupDto
{
    public string? Id { get; set; }
    public string? Code { get; set; }
    public string? Rule { get; set; }
    public JsonElement? When { get; set; }
    public JsonElement? Bands { get; set; }
    public JsonElement? PerChild { get; set; }
    public string? Start { get; set; }
    public string? Combine { get; set; }
    public string? Benefit { get; set; }
    public string? Times { get; set; }
    public LocalDate? From { get; set; }
    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public BasisDto? Basis { get; set; }
    public string? Note { get; set; }
}

internal sealed class ProvisionDto
{
    public string? Parameter { get; set; }
    public string? Group { get; set; }
    public string? Case { get; set; }
    public LocalDate? From { get; set; }
    public JsonElement? Value { get; set; }
    public BasisDto? Basis { get; set; }
    public string? Note { get; set; }
}

internal sealed class BasisDto
{
    public string? Article { get; set; }
    public string? Clause { get; set; }
    public string? Point { get; set; }
    public string? Appendix { get; set; }
    public string? Row { get; set; }
    public string? Status { get; set; }
}

internal sealed class SituationDto
{
    public string? Id { get; set; }
    public string? Jurisdiction { get; set; }
    public YearMonth? Month { get; set; }
    public decimal? Weight { get; set; }
    public string? Commune { get; set; }
    public PersonDto? Person { get; set; }

    /// <summary>Every property back to null, for reading another line into this instance.</summary>
    internal void Clear()
    {
        Id = null;
        Jurisdiction = null;
        Month = null;
        Weight = null;
        Commune = null;
        Person = null;
    }
}

internal sealed class PersonDto
{
    public LocalDate? BirthDate { get; set; }
    public LocalDate? DeathDate { get; set; }
    public string? Sex { get; set; }
    public string? DeathCause { get; set; }
    public bool? Cremated { get; set; }
    public bool? PermanentResident { get; set; }
    public HouseholdDto? Household { get; set; }
    public string? Orphanhood { get; set; }
    public bool? InEducation { get; set; }
    public bool? HivPositive { get; set; }
    public string? Disability { get; set; }
    public LocalDate? DisabilityCertifiedOn { get; set; }
    public List<ChildDto?>? ChildrenRaisedAlone { get; set; }
    public bool? WithoutSupporter { get; set; }
    public bool? ReceivesPension { get; set; }
    public bool? PensionBelowSocialPension { get; set; }
    public bool? ParentReceivesAllowance { get; set; }
    public bool? ParentDetained { get; set; }
    public string? LivingArrangement { get; set; }
    public bool? EligibleForFacilityCare { get; set; }
    public bool? Pregnant { get; set; }
    public int? ChildrenUnder36Months { get; set; }
    public LocalDate? DecisionSignedOn { get; set; }
    public bool? EthnicMinority { get; set; }
    public bool? Student { get; set; }
    public bool? HasOtherHealthInsurance { get; set; }
    public int? HealthInsuranceHouseholdOrder { get; set; }
    public List<MeritDto?>? Merit { get; set; }

    /// <summary>Every property back to null, for reading another line into this instance.</summary>
    internal void Clear()
    {
        BirthDate = null;
        DeathDate = null;
        Sex = null;
        DeathCause = null;
        Cremated = null;
        PermanentResident = null;
        Household = null;
        Orphanhood = null;
        InEducation = null;
        HivPositive = null;
        Disability = null;
        DisabilityCertifiedOn = null;
        ChildrenRaisedAlone = null;
        WithoutSupporter = null;
        ReceivesPension = null;
        PensionBelowSocialPension = null;
        ParentReceivesAllowance = null;
        ParentDetained = null;
        LivingArrangement = null;
        EligibleForFacilityCare = null;
        Pregnant = null;
        ChildrenUnder36Months = null;
        DecisionSignedOn = null;
        EthnicMinority = null;
        Student = null;
        HasOtherHealthInsurance = null;
        HealthInsuranceHouseholdOrder = null;
        Merit = null;
    }
}

internal sealed class MeritDto
{
    public string? Category { get; set; }
    public int? Rate { get; set; }
    public bool? EspeciallySevere { get; set; }
    public int? Martyrs { get; set; }
    public bool? LivesAlone { get; set; }
    public bool? LivesWithFamily { get; set; }
    public bool? Detached { get; set; }
    public int? SeniorityYears { get; set; }
    public string? Award { get; set; }
    public LocalDate? RecognisedOn { get; set; }
}

internal sealed class HouseholdDto
{
    public string? Poverty { get; set; }
    public string? Area { get; set; }
    public bool? ExtremelyDifficultArea { get; set; }
    public YearMonth? EscapedPovertyMonth { get; set; }
    public bool? AverageLivingStandardFarming { get; set; }
    public long? IncomePerPerson { get; set; }

    /// <summary>Every property back to null, for reading another line into this instance.</summary>
    internal void Clear()
    {
        Poverty = null;
        Area = null;
        ExtremelyDifficultArea = null;
        EscapedPovertyMonth = null;
        AverageLivingStandardFarming = null;
        IncomePerPerson = null;
    }
}

internal sealed class ChildDto
{
    public LocalDate? BirthDate { get; set; }
    public bool? InEducation { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters = [typeof(LocalDateConverter), typeof(YearMonthConverter)])]
[JsonSerializable(typeof(InstrumentDto))]
[JsonSerializable(typeof(SituationDto))]
internal sealed partial class WelfareJsonContext : JsonSerializerContext;
