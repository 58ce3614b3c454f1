using System;
using System.Text.Json;
using NodaTime.Text;
using WelfareRules.Facts;

namespace WelfareRules.Serialization;

/// <summary>Writes situations in the contract's input format, leaving out facts at their defaults.</summary>
public static class SituationWriter
{
    /// <summary>Writes one situation as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="situation">The situation.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="writer"/> or <paramref name="situation"/> is null.</exception>
    public static void Write(Utf8JsonWriter writer, Situation situation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(situation);
        var p = situation.Person;
        writer.WriteStartObject();
        if (situation.Id is { } id)
        {
            writer.WriteString("id", id);
        }

        writer.WriteString("jurisdiction", situation.Jurisdiction.Code);
        writer.WriteString("month", YearMonthPattern.Iso.Format(situation.Month));
        if (situation.Weight != 1m)
        {
            writer.WriteNumber("weight", situation.Weight);
        }

        if (situation.Commune is { } commune)
        {
            writer.WriteString("commune", commune);
        }

        writer.WriteStartObject("person");
        writer.WriteString("birthDate", LocalDatePattern.Iso.Format(p.BirthDate));
        if (p.DeathDate is { } death)
        {
            writer.WriteString("deathDate", LocalDatePattern.Iso.Format(death));
        }

        Enum(writer, "deathCause", p.DeathCause);
        Enum(writer, "sex", p.Sex);
        Flag(writer, "cremated", p.Cremated);
        Flag(writer, "permanentResident", p.PermanentResident);
        if (p.Household != Household.Default)
        {
            var h = p.Household;
            writer.WriteStartObject("household");
            Enum(writer, "poverty", h.Poverty);
            Enum(writer, "area", h.Area);
            Flag(writer, "extremelyDifficultArea", h.ExtremelyDifficultArea);
            if (h.EscapedPovertyMonth is { } escaped)
            {
                writer.WriteString("escapedPovertyMonth", YearMonthPattern.Iso.Format(escaped));
            }

            Flag(writer, "averageLivingStandardFarming", h.AverageLivingStandardFarming);
            if (h.IncomePerPerson is { } income)
            {
                writer.WriteNumber("incomePerPerson", income);
            }

            writer.WriteEndObject();
        }

        Enum(writer, "orphanhood", p.Orphanhood);
        Flag(writer, "inEducation", p.InEducation);
        Flag(writer, "hivPositive", p.HivPositive);
        Enum(writer, "disability", p.Disability);
        if (p.DisabilityCertifiedOn is { } certified)
        {
            writer.WriteString("disabilityCertifiedOn", LocalDatePattern.Iso.Format(certified));
        }

        if (!p.ChildrenRaisedAlone.IsEmpty)
        {
            writer.WriteStartArray("childrenRaisedAlone");
            foreach (var child in p.ChildrenRaisedAlone)
            {
                writer.WriteStartObject();
                writer.WriteString("birthDate", LocalDatePattern.Iso.Format(child.BirthDate));
                Flag(writer, "inEducation", child.InEducation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        Flag(writer, "withoutSupporter", p.WithoutSupporter);
        Flag(writer, "receivesPension", p.ReceivesPension);
        Flag(writer, "pensionBelowSocialPension", p.PensionBelowSocialPension);
        Flag(writer, "parentReceivesAllowance", p.ParentReceivesAllowance);
        Flag(writer, "parentDetained", p.ParentDetained);
        Enum(writer, "livingArrangement", p.LivingArrangement);
        Flag(writer, "eligibleForFacilityCare", p.EligibleForFacilityCare);
        Flag(writer, "pregnant", p.Pregnant);
        if (p.ChildrenUnder36Months != 0)
        {
            writer.WriteNumber("childrenUnder36Months", p.ChildrenUnder36Months);
        }

        if (p.DecisionSignedOn is { } signed)
        {
            writer.WriteString("decisionSignedOn", LocalDatePattern.Iso.Format(signed));
        }

        Flag(writer, "ethnicMinority", p.EthnicMinority);
        Flag(writer, "student", p.Student);
        Flag(writer, "hasOtherHealthInsurance", p.HasOtherHealthInsurance);
        if (p.HealthInsuranceHouseholdOrder != 0)
        {
            writer.WriteNumber("healthInsuranceHouseholdOrder", p.HealthInsuranceHouseholdOrder);
        }

        if (!p.Merit.IsEmpty)
        {
            writer.WriteStartArray("merit");
            foreach (var record in p.Merit)
            {
                WriteMerit(writer, record);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteMerit(Utf8JsonWriter writer, MeritRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("category", ContractEnum<MeritCategory>.Spell(record.Category));
        if (record.Rate is { } rate)
        {
            writer.WriteNumber("rate", rate);
        }

        Flag(writer, "especiallySevere", record.EspeciallySevere);
        if (record.Martyrs != 1)
        {
            writer.WriteNumber("martyrs", record.Martyrs);
        }

        Flag(writer, "livesAlone", record.LivesAlone);
        if (!record.LivesWithFamily)
        {
            writer.WriteBoolean("livesWithFamily", false);
        }

        if (record.Detached || record.Category == MeritCategory.Pre1945Activist)
        {
            writer.WriteBoolean("detached", record.Detached);
        }

        if (record.SeniorityYears != 0)
        {
            writer.WriteNumber("seniorityYears", record.SeniorityYears);
        }

        Enum(writer, "award", record.Award);
        if (record.RecognisedOn is { } recognised)
        {
            writer.WriteString("recognisedOn", LocalDatePattern.Iso.Format(recognised));
        }

        writer.WriteEndObject();
    }

    private static void Flag(Utf8JsonWriter writer, string name, bool value)
    {
        if (value)
        {
            writer.WriteBoolean(name, true);
        }
    }

    private static void Enum<T>(Utf8JsonWriter writer, string name, T value) where T : struct, System.Enum
    {
        if (!value.Equals(default(T)))
        {
            writer.WriteString(name, ContractEnum<T>.Spell(value));
        }
    }
}
