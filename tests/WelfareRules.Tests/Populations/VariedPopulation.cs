using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;

namespace WelfareRules.Tests.Populations;

/// <summary>
/// A test population that reaches every fact the law reads: the generated groups of
/// <see cref="PopulationGenerator"/> (every allowance group, care and facility cases, households), plus
/// deaths near the evaluated months (both causes, cremated or not), decisions and disability certificates
/// dated before, in and after them, households that left poverty, health-insurance household orders and
/// other cards, 29 February births, infants born after the early months (an error), and a jurisdiction no
/// instrument covers (an error).
/// </summary>
internal static class VariedPopulation
{
    /// <summary>The months evaluated: before the encoded law (an error), and across every change of standard, base salary and instrument.</summary>
    internal static readonly YearMonth[] Months =
    [
        new(2021, 6), new(2021, 7), new(2022, 1), new(2022, 7), new(2023, 3), new(2023, 7), new(2024, 7), new(2025, 1),
        new(2025, 7), new(2025, 9), new(2026, 1), new(2026, 2), new(2026, 7), new(2027, 1), new(2027, 6),
    ];

    private static readonly Jurisdiction Unknown = Jurisdiction.Parse("VN-ZZ");

    internal static List<Situation> Create(int size, int seed)
    {
        var random = new Random(seed);
        var reference = new YearMonth(2024, 6);
        var national = PopulationGenerator.Generate(size / 2, (ulong)seed, Jurisdiction.Vietnam, reference);
        var hanoi = PopulationGenerator.Generate(size - (size / 2), (ulong)seed + 1, Jurisdiction.Hanoi, reference);
        return [.. national.Concat(hanoi).Select(s => Vary(s, random))];
    }

    private static Situation Vary(Situation situation, Random r)
    {
        var person = situation.Person;
        var jurisdiction = r.Next(100) == 0 ? Unknown : situation.Jurisdiction;
        if (r.Next(50) == 0)
        {
            int[] leapYears = [1940, 1944, 1956, 1964, 2008, 2016, 2020, 2024];
            person = person with { BirthDate = new LocalDate(leapYears[r.Next(leapYears.Length)], 2, 29) };
        }

        if (r.Next(8) == 0)
        {
            // Around an evaluated month: before, in or after it.
            var near = Months[r.Next(Months.Length)].OnDayOfMonth(1).PlusDays(r.Next(-40, 70));
            if (near >= person.BirthDate)
            {
                person = person with
                {
                    DeathDate = near,
                    DeathCause = (DeathCause)r.Next(2),
                    Cremated = r.Next(2) == 0,
                    PermanentResident = r.Next(3) != 0,
                };
            }
        }

        if (r.Next(4) == 0)
        {
            person = person with { DecisionSignedOn = RandomDate(r) };
        }

        if (person.Disability != Disability.None && r.Next(2) == 0)
        {
            person = person with { DisabilityCertifiedOn = RandomDate(r) };
        }

        if (r.Next(6) == 0)
        {
            person = person with { Household = person.Household with { EscapedPovertyMonth = RandomDate(r).ToYearMonth() } };
        }

        if (r.Next(5) == 0)
        {
            person = person with { HealthInsuranceHouseholdOrder = r.Next(1, 7) };
        }

        if (r.Next(20) == 0)
        {
            person = person with { HasOtherHealthInsurance = true };
        }

        if (r.Next(30) == 0)
        {
            person = person with { Disability = Disability.Mild };
        }

        if (r.Next(20) == 0)
        {
            person = person with { ReceivesPension = true, PensionBelowSocialPension = true };
        }

        if (r.Next(10) == 0)
        {
            person = person with { PermanentResident = true };
        }

        if (r.Next(40) == 0)
        {
            person = person with { LivingArrangement = LivingArrangement.Facility };
        }

        if (r.Next(100) == 0)
        {
            // K5d: poor, no supporter, eligible for a facility but fostered in the community.
            person = person with
            {
                WithoutSupporter = true,
                EligibleForFacilityCare = true,
                LivingArrangement = LivingArrangement.FosterCare,
                Household = person.Household with { Poverty = Poverty.Poor },
            };
        }

        if (r.Next(30) == 0)
        {
            // Merit persons and relatives: one or two records of any category, with every fact drawn.
            person = person with { Merit = [.. Enumerable.Range(0, r.Next(1, 3)).Select(_ => RandomMerit(r))] };
        }

        return situation with { Jurisdiction = jurisdiction, Person = person };
    }

    private static MeritRecord RandomMerit(Random r)
    {
        var categories = Enum.GetValues<MeritCategory>();
        var category = categories[r.Next(categories.Length)];
        return new MeritRecord(category)
        {
            Rate = r.Next(4) == 0 && category is not (MeritCategory.WarInvalid or MeritCategory.SickSoldier) ? null : r.Next(0, 101),
            EspeciallySevere = r.Next(3) == 0,
            Martyrs = r.Next(1, 5),
            LivesAlone = r.Next(4) == 0,
            LivesWithFamily = r.Next(5) != 0,
            Detached = r.Next(2) == 0,
            SeniorityYears = r.Next(0, 12),
            Award = (MeritAward)r.Next(3),
            RecognisedOn = r.Next(3) == 0 ? RandomDate(r) : null,
        };
    }

    private static LocalDate RandomDate(Random r) => new LocalDate(2021, 1, 1).PlusDays(r.Next(7 * 365));
}
