using System;
using NodaTime;
using NodaTime.Text;
using WelfareRules.Facts;
using WelfareRules.Populations;
using WelfareRules.Serialization;
using Jurisdiction = WelfareRules.Law.Jurisdiction;

namespace WelfareRules.Cli.ParquetFiles;

internal static partial class ParquetPopulation
{
    /// <summary>
    /// Packs a row group's plain rows column by column, straight into the engine's columns from position
    /// <paramref name="start"/>: each flag, choice, count and date column read once down its rows, rather than every
    /// column once a row. A row is plain when it has neither merit records nor children, and every value is one
    /// <see cref="TryRead"/> takes and <see cref="PopulationBuilder.Pack(in PersonFacts, LocalDate, LocalDate?, LocalDate?, LocalDate?, YearMonth?, System.Collections.Immutable.ImmutableArray{RaisedChild}, int, int)"/>
    /// can hold; the word and dates written for it are those packing its row one at a time gives (tested). Every other
    /// row is marked in the result, for the caller to read one at a time, as before: the same checks, the same errors.
    /// </summary>
    /// <returns>For each row of the group, whether it is left to be read one at a time.</returns>
    private static bool[] PackPlainRows(Resolved c, int rows, int start, YearMonth? month, Packed columns, JurisdictionIndex jurisdictions)
    {
        var other = new bool[rows];
        var facts = columns.Facts.AsSpan(start, rows);
        facts.Clear();

        // What the word does not hold, checked as TryRead checks it: lists, the month, sex, the side's values.
        for (int r = 0; r < rows; r++)
        {
            if (c.Merit?[r] is not null || c.Children?[r] is not null)
            {
                other[r] = true;
            }
        }

        CheckMonths(c, rows, month, other);
        Choice<Sex>(c.Sex, rows, other, facts, null);
        CheckSide(c, rows, other);

        Choice<DeathCause>(c.DeathCause, rows, other, facts, FactBits.DeathCause);
        Choice<Poverty>(c.Poverty, rows, other, facts, FactBits.Poverty);
        Choice<Area>(c.Area, rows, other, facts, FactBits.Area);
        Choice<Orphanhood>(c.Orphanhood, rows, other, facts, FactBits.Orphanhood);
        Choice<Disability>(c.Disability, rows, other, facts, FactBits.Disability);
        Choice<LivingArrangement>(c.Living, rows, other, facts, FactBits.LivingArrangement);
        Flag(c.Cremated, rows, facts, FactBits.Cremated);
        Flag(c.Permanent, rows, facts, FactBits.PermanentResident);
        Flag(c.Difficult, rows, facts, FactBits.ExtremelyDifficultArea);
        Flag(c.Farming, rows, facts, FactBits.AverageLivingStandardFarming);
        Flag(c.InEducation, rows, facts, FactBits.InEducation);
        Flag(c.Hiv, rows, facts, FactBits.HivPositive);
        Flag(c.WithoutSupporter, rows, facts, FactBits.WithoutSupporter);
        Flag(c.Pension, rows, facts, FactBits.ReceivesPension);
        Flag(c.PensionBelow, rows, facts, FactBits.PensionBelowSocialPension);
        Flag(c.ParentAllowance, rows, facts, FactBits.ParentReceivesAllowance);
        Flag(c.ParentDetained, rows, facts, FactBits.ParentDetained);
        Flag(c.Facility, rows, facts, FactBits.EligibleForFacilityCare);
        Flag(c.Pregnant, rows, facts, FactBits.Pregnant);
        Flag(c.Ethnic, rows, facts, FactBits.EthnicMinority);
        Flag(c.Student, rows, facts, FactBits.Student);
        Flag(c.OtherInsurance, rows, facts, FactBits.HasOtherHealthInsurance);
        Count(c.Children36, rows, other, facts, FactBits.ChildrenUnder36Months);
        Count(c.Order, rows, other, facts, FactBits.HealthInsuranceHouseholdOrder);

        var birth = columns.Birth.AsSpan(start, rows);
        var death = columns.Death.AsSpan(start, rows);
        var certified = columns.Certified.AsSpan(start, rows);
        Dates(c.Birth, rows, other, birth, required: true);
        Dates(c.Death, rows, other, death, required: false);
        Dates(c.Certified, rows, other, certified, required: false);
        Dates(c.Decision, rows, other, columns.Decision.AsSpan(start, rows), required: false);
        Escaped(c, rows, other, columns.Escaped.AsSpan(start, rows));
        for (int r = 0; r < rows; r++)
        {
            // Packed dates keep the dates' order (year, then month, then day, in bits high to low).
            if (certified[r] != PackedDate.None)
            {
                facts[r] |= 1UL << FactBits.HasDisabilityCertificate.Shift;
            }

            if (death[r] != PackedDate.None && death[r] < birth[r])
            {
                facts[r] |= 1UL << FactBits.DeathBeforeBirth.Shift;
            }
        }

        // Last, the jurisdiction: numbered only for a row kept, as one read at a time numbers it.
        string? lastCode = null;
        int lastIndex = 0;
        for (int r = 0; r < rows; r++)
        {
            if (other[r])
            {
                continue;
            }

            if (c.Jurisdiction?[r] is not { } code)
            {
                other[r] = true;
                continue;
            }

            if (!string.Equals(code, lastCode, StringComparison.Ordinal))
            {
                if (!Jurisdiction.TryParse(code, out var jurisdiction))
                {
                    other[r] = true;
                    continue;
                }

                try
                {
                    (lastCode, lastIndex) = (code, jurisdictions.Of(jurisdiction));
                }
                catch (ArgumentException)
                {
                    // One jurisdiction more than a population can number: refused when the row is read on its own.
                    (lastCode, other[r]) = (null, true);
                    continue;
                }
            }

            facts[r] = FactBits.WithJurisdiction(facts[r], lastIndex);
        }

        return other;
    }

    /// <summary>Marks the rows whose month TryRead does not take: a cell that is not a month from 1900, or none and no month given.</summary>
    private static void CheckMonths(Resolved c, int rows, YearMonth? month, bool[] other)
    {
        if (c.Month is not { } months)
        {
            if (month is null)
            {
                Array.Fill(other, true);
            }

            return;
        }

        string? last = null;
        for (int r = 0; r < rows; r++)
        {
            if (months[r] is not { } text)
            {
                other[r] |= month is null;
            }
            else if (!ReferenceEquals(text, last))
            {
                if (YearMonthPattern.Iso.Parse(text) is { Success: true, Value.Year: >= 1900 })
                {
                    last = text;
                }
                else
                {
                    other[r] = true;
                }
            }
        }
    }

    /// <summary>Marks the rows whose id, commune, weight or income TryRead does not take.</summary>
    private static void CheckSide(Resolved c, int rows, bool[] other)
    {
        for (int r = 0; r < rows; r++)
        {
            if (!SideTaken(c.Income?[r], c.Weight?[r] ?? 1, c.Id?[r], c.Commune?[r]))
            {
                other[r] = true;
            }
        }
    }

    /// <summary>Sets a choice's field from its text cells (spelled as the contract spells it); a cell that is not a choice, or that its field cannot hold, marks its row. Without a field, only checked.</summary>
    private static void Choice<T>(string?[]? values, int rows, bool[] other, Span<ulong> facts, FactBits.Field? field)
        where T : struct, Enum
    {
        if (values is null)
        {
            return;
        }

        string? last = null;
        ulong bits = 0;
        bool fits = false;
        for (int r = 0; r < rows; r++)
        {
            if (values[r] is not { } text)
            {
                continue;
            }

            if (!ReferenceEquals(text, last))
            {
                // The cells of a code are one string (TextCells): a code is parsed once while it repeats.
                last = text;
                fits = ContractEnum<T>.TryParse(text, out var value);
                int number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
                fits &= field is not { } f || (number >= 0 && number <= f.Max);
                bits = field is { } g && fits ? (ulong)number << g.Shift : 0;
            }

            if (!fits)
            {
                other[r] = true;
            }

            facts[r] |= bits;
        }
    }

    private static void Flag(bool?[]? values, int rows, Span<ulong> facts, FactBits.Field field)
    {
        if (values is null)
        {
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            if (values[r] == true)
            {
                facts[r] |= 1UL << field.Shift;
            }
        }
    }

    /// <summary>Sets a count's field; a count below zero or above what the field holds marks its row.</summary>
    private static void Count(int?[]? values, int rows, bool[] other, Span<ulong> facts, FactBits.Field field)
    {
        if (values is null)
        {
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            int count = values[r] ?? 0;
            if (count < 0 || count > field.Max)
            {
                other[r] = true;
            }
            else
            {
                facts[r] |= (ulong)count << field.Shift;
            }
        }
    }

    /// <summary>Writes a date column packed (<see cref="PackedDate"/>); a date before 1900, or a required one missing, marks its row.</summary>
    private static void Dates(DateOnly?[]? values, int rows, bool[] other, Span<int> packed, bool required)
    {
        if (values is null)
        {
            packed.Fill(PackedDate.None);
            if (required)
            {
                Array.Fill(other, true);
            }

            return;
        }

        for (int r = 0; r < rows; r++)
        {
            if (values[r] is not { } date)
            {
                packed[r] = PackedDate.None;
                other[r] |= required;
                continue;
            }

            var (year, month, day) = date;
            packed[r] = PackedDate.Of(year, month, day);
            other[r] |= year < 1900;
        }
    }

    /// <summary>Writes the month the household left poverty packed; a cell that is not a month from 1900 marks its row.</summary>
    private static void Escaped(Resolved c, int rows, bool[] other, Span<int> packed)
    {
        packed.Fill(PackedDate.None);
        if (c.Escaped is not { } values)
        {
            return;
        }

        string? last = null;
        int lastPacked = PackedDate.None;
        for (int r = 0; r < rows; r++)
        {
            if (values[r] is not { } text)
            {
                continue;
            }

            if (!ReferenceEquals(text, last))
            {
                last = text;
                lastPacked = YearMonthPattern.Iso.Parse(text) is { Success: true, Value: { Year: >= 1900 } escaped } ? PackedDate.Month(escaped) : PackedDate.None;
            }

            packed[r] = lastPacked;
            other[r] |= lastPacked == PackedDate.None;
        }
    }
}
