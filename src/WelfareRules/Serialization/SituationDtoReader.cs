using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using static WelfareRules.Serialization.FastJson;

namespace WelfareRules.Serialization;

/// <summary>
/// Reads a situation's JSON into its <see cref="SituationDto"/> straight from the UTF-8 bytes, for the common case:
/// every property known, each once, of the type the contract gives it. It gives up (null) on anything else, and then
/// System.Text.Json reads the line as before and reports what is wrong with it; so where this reader gives a DTO,
/// System.Text.Json gives an equal one (a test compares the two over generated and mutated lines). Merit records
/// are left to System.Text.Json. A line is read into the same instances each time on a thread (a line's values are
/// copied out of them into its situation), and the spellings of the contract's enumerations and jurisdictions met
/// are the same strings each time: reading a line allocates little more than the situation it gives.
/// </summary>
internal static class SituationDtoReader
{
    /// <summary>
    /// The spellings a line repeats (the contract's enumerations, the built-in jurisdictions), by their UTF-8 length:
    /// a value equal to one is that string, not a new one.
    /// </summary>
    private static readonly (byte[] Utf8, string Text)[][] Known = KnownByLength(
    [
        .. ContractEnum<Facts.Sex>.Spellings, .. ContractEnum<Facts.DeathCause>.Spellings, .. ContractEnum<Facts.Poverty>.Spellings,
        .. ContractEnum<Facts.Area>.Spellings, .. ContractEnum<Facts.Orphanhood>.Spellings, .. ContractEnum<Facts.Disability>.Spellings,
        .. ContractEnum<Facts.LivingArrangement>.Spellings, Law.Jurisdiction.Vietnam.Code, Law.Jurisdiction.Hanoi.Code,
    ]);

    /// <summary>This thread's instances, which each line is read into.</summary>
    [ThreadStatic]
    private static Instances? reused;

    /// <summary>
    /// The DTO, or null when System.Text.Json must read the line. The DTO (and the person and household in it) is this
    /// thread's: the next line read on the thread is read into the same instances.
    /// </summary>
    internal static SituationDto? TryRead(ReadOnlySpan<byte> utf8)
    {
        // Merit records are System.Text.Json's: such a line is not begun here (giving up midway costs an exception).
        if (utf8.IndexOf("\"merit\""u8) >= 0)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var dto = Situation(ref reader, reused ??= new());

            // One value and nothing after it but white space.
            return !reader.Read() ? dto : null;
        }
#pragma warning disable CA1031 // Any failure here is System.Text.Json's to report, in its own words.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static SituationDto Situation(ref Utf8JsonReader reader, Instances instances)
    {
        var dto = instances.Situation;
        dto.Clear();
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = reader.ValueTextEquals("jurisdiction"u8) ? 0
                : reader.ValueTextEquals("month"u8) ? 1
                : reader.ValueTextEquals("person"u8) ? 2
                : reader.ValueTextEquals("id"u8) ? 3
                : reader.ValueTextEquals("weight"u8) ? 4
                : reader.ValueTextEquals("commune"u8) ? 5
                : throw new GiveUp();
            Once(ref seen, field);
            reader.Read();
            switch (field)
            {
                case 0: dto.Jurisdiction = Text(ref reader); break;
                case 1: dto.Month = Month(ref reader); break;
                case 2: dto.Person = reader.TokenType == JsonTokenType.Null ? null : Person(ref reader, instances); break;
                case 3: dto.Id = Text(ref reader); break;
                case 4: dto.Weight = Decimal(ref reader); break;
                default: dto.Commune = Text(ref reader); break;
            }
        }

        return End(ref reader, dto);
    }

    private static PersonDto Person(ref Utf8JsonReader reader, Instances instances)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var p = instances.Person;
        p.Clear();
        long seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = PersonField(ref reader);
            if ((seen & (1L << field)) != 0)
            {
                throw new GiveUp();
            }

            seen |= 1L << field;
            reader.Read();
            switch (field)
            {
                case 0: p.BirthDate = Date(ref reader); break;
                case 1: p.DeathDate = Date(ref reader); break;
                case 2: p.Sex = Text(ref reader); break;
                case 3: p.DeathCause = Text(ref reader); break;
                case 4: p.Cremated = Flag(ref reader); break;
                case 5: p.PermanentResident = Flag(ref reader); break;
                case 6: p.Household = reader.TokenType == JsonTokenType.Null ? null : Household(ref reader, instances.Household); break;
                case 7: p.Orphanhood = Text(ref reader); break;
                case 8: p.InEducation = Flag(ref reader); break;
                case 9: p.HivPositive = Flag(ref reader); break;
                case 10: p.Disability = Text(ref reader); break;
                case 11: p.DisabilityCertifiedOn = Date(ref reader); break;
                case 12: p.ChildrenRaisedAlone = reader.TokenType == JsonTokenType.Null ? null : Children(ref reader); break;
                case 13: p.WithoutSupporter = Flag(ref reader); break;
                case 14: p.ReceivesPension = Flag(ref reader); break;
                case 15: p.PensionBelowSocialPension = Flag(ref reader); break;
                case 16: p.ParentReceivesAllowance = Flag(ref reader); break;
                case 17: p.ParentDetained = Flag(ref reader); break;
                case 18: p.LivingArrangement = Text(ref reader); break;
                case 19: p.EligibleForFacilityCare = Flag(ref reader); break;
                case 20: p.Pregnant = Flag(ref reader); break;
                case 21: p.ChildrenUnder36Months = Count(ref reader); break;
                case 22: p.DecisionSignedOn = Date(ref reader); break;
                case 23: p.EthnicMinority = Flag(ref reader); break;
                case 24: p.Student = Flag(ref reader); break;
                case 25: p.HasOtherHealthInsurance = Flag(ref reader); break;
                case 26: p.HealthInsuranceHouseholdOrder = Count(ref reader); break;
                default: throw new GiveUp(); // merit records: System.Text.Json's
            }
        }

        return End(ref reader, p);
    }

    /// <summary>The person's property being read, by its place in <see cref="PersonDto"/> (27: merit).</summary>
    private static int PersonField(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("birthDate"u8) ? 0
        : reader.ValueTextEquals("deathDate"u8) ? 1
        : reader.ValueTextEquals("sex"u8) ? 2
        : reader.ValueTextEquals("deathCause"u8) ? 3
        : reader.ValueTextEquals("cremated"u8) ? 4
        : reader.ValueTextEquals("permanentResident"u8) ? 5
        : reader.ValueTextEquals("household"u8) ? 6
        : reader.ValueTextEquals("orphanhood"u8) ? 7
        : reader.ValueTextEquals("inEducation"u8) ? 8
        : reader.ValueTextEquals("hivPositive"u8) ? 9
        : reader.ValueTextEquals("disability"u8) ? 10
        : reader.ValueTextEquals("disabilityCertifiedOn"u8) ? 11
        : reader.ValueTextEquals("childrenRaisedAlone"u8) ? 12
        : reader.ValueTextEquals("withoutSupporter"u8) ? 13
        : reader.ValueTextEquals("receivesPension"u8) ? 14
        : reader.ValueTextEquals("pensionBelowSocialPension"u8) ? 15
        : reader.ValueTextEquals("parentReceivesAllowance"u8) ? 16
        : reader.ValueTextEquals("parentDetained"u8) ? 17
        : reader.ValueTextEquals("livingArrangement"u8) ? 18
        : reader.ValueTextEquals("eligibleForFacilityCare"u8) ? 19
        : reader.ValueTextEquals("pregnant"u8) ? 20
        : reader.ValueTextEquals("childrenUnder36Months"u8) ? 21
        : reader.ValueTextEquals("decisionSignedOn"u8) ? 22
        : reader.ValueTextEquals("ethnicMinority"u8) ? 23
        : reader.ValueTextEquals("student"u8) ? 24
        : reader.ValueTextEquals("hasOtherHealthInsurance"u8) ? 25
        : reader.ValueTextEquals("healthInsuranceHouseholdOrder"u8) ? 26
        : reader.ValueTextEquals("merit"u8) ? 27
        : throw new GiveUp();

    private static HouseholdDto Household(ref Utf8JsonReader reader, HouseholdDto h)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        h.Clear();
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = reader.ValueTextEquals("poverty"u8) ? 0
                : reader.ValueTextEquals("area"u8) ? 1
                : reader.ValueTextEquals("extremelyDifficultArea"u8) ? 2
                : reader.ValueTextEquals("escapedPovertyMonth"u8) ? 3
                : reader.ValueTextEquals("averageLivingStandardFarming"u8) ? 4
                : reader.ValueTextEquals("incomePerPerson"u8) ? 5
                : throw new GiveUp();
            Once(ref seen, field);
            reader.Read();
            switch (field)
            {
                case 0: h.Poverty = Text(ref reader); break;
                case 1: h.Area = Text(ref reader); break;
                case 2: h.ExtremelyDifficultArea = Flag(ref reader); break;
                case 3: h.EscapedPovertyMonth = Month(ref reader); break;
                case 4: h.AverageLivingStandardFarming = Flag(ref reader); break;
                default: h.IncomePerPerson = Long(ref reader); break;
            }
        }

        return End(ref reader, h);
    }

    private static List<ChildDto?> Children(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var children = new List<ChildDto?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                children.Add(null);
                continue;
            }

            Expect(ref reader, JsonTokenType.StartObject);
            var child = new ChildDto();
            int seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int field = reader.ValueTextEquals("birthDate"u8) ? 0 : reader.ValueTextEquals("inEducation"u8) ? 1 : throw new GiveUp();
                Once(ref seen, field);
                reader.Read();
                if (field == 0)
                {
                    child.BirthDate = Date(ref reader);
                }
                else
                {
                    child.InEducation = Flag(ref reader);
                }
            }

            children.Add(End(ref reader, child));
        }

        Expect(ref reader, JsonTokenType.EndArray);
        return children;
    }

    private static string? Text(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.TokenType == JsonTokenType.String ? KnownOrNew(ref reader) : throw new GiveUp();

    /// <summary>The string value: one of <see cref="Known"/> when it spells one, else a new string.</summary>
    private static string? KnownOrNew(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan is { } value && value.Length < Known.Length)
        {
            foreach (var (utf8, text) in Known[value.Length])
            {
                if (value.SequenceEqual(utf8))
                {
                    return text;
                }
            }
        }

        return reader.GetString();
    }

    private static (byte[] Utf8, string Text)[][] KnownByLength(string[] spellings)
    {
        var utf8 = spellings.Distinct(StringComparer.Ordinal).Select(s => (Utf8: System.Text.Encoding.UTF8.GetBytes(s), Text: s)).ToArray();
        var byLength = new (byte[] Utf8, string Text)[utf8.Max(k => k.Utf8.Length) + 1][];
        for (int length = 0; length < byLength.Length; length++)
        {
            byLength[length] = [.. utf8.Where(k => k.Utf8.Length == length)];
        }

        return byLength;
    }

    /// <summary>A thread's DTO instances (children are read into new ones: they are in a few lines only).</summary>
    private sealed class Instances
    {
        internal SituationDto Situation { get; } = new();

        internal PersonDto Person { get; } = new();

        internal HouseholdDto Household { get; } = new();
    }
}
