using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;

namespace WelfareRules.Policy;

/// <summary>
/// A reproducible synthetic population for demos, tests and benchmarks: the same size, seed,
/// jurisdiction and month always give the same persons, on every platform and .NET version (the
/// generator is SplitMix64, not <see cref="Random"/>). The mix of groups is documented in
/// <c>docs/population.md</c>; it is an order of magnitude, not a census.
/// </summary>
public static class PopulationGenerator
{
    /// <summary>Generates <paramref name="size"/> situations lazily.</summary>
    /// <param name="size">The number of persons.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="jurisdiction">Where they live.</param>
    /// <param name="month">The benefit month of every situation.</param>
    /// <returns>The situations, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative, or <paramref name="month"/> is before 1900 (such as <c>default</c>).</exception>
    public static IEnumerable<Situation> Generate(long size, ulong seed, Jurisdiction jurisdiction, YearMonth month)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        Preconditions.CheckMonth(month, nameof(month));
        return Iterate(size, seed, jurisdiction, month);
    }

    /// <summary>
    /// Generates <paramref name="size"/> merit persons and relatives lazily: every situation has one merit record
    /// (one in twenty a second, a war invalid who is also a martyr's relative), in a mix of categories and rates
    /// documented in <c>docs/population.md</c>, an illustration, not a census.
    /// </summary>
    /// <param name="size">The number of persons.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="jurisdiction">Where they live.</param>
    /// <param name="month">The benefit month of every situation.</param>
    /// <returns>The situations, lazily.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="month"/> is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative, or <paramref name="month"/> is before 1900 (such as <c>default</c>).</exception>
    public static IEnumerable<Situation> GenerateMerit(long size, ulong seed, Jurisdiction jurisdiction, YearMonth month)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        Preconditions.CheckMonth(month, nameof(month));
        return IterateMerit(size, seed, jurisdiction, month);
    }

    /// <summary>The mix of merit categories, per thousand persons (docs/population.md).</summary>
    private static readonly (MeritCategory Category, int PerThousand)[] MeritMix =
    [
        (MeritCategory.WarInvalid, 300), (MeritCategory.WarInvalidEquivalent, 30), (MeritCategory.BWarInvalid, 50),
        (MeritCategory.SickSoldier, 80), (MeritCategory.ResistanceActivistAgentOrange, 120), (MeritCategory.AgentOrangeChild, 30),
        (MeritCategory.MartyrRelative, 200), (MeritCategory.RemarriedMartyrSpouse, 10), (MeritCategory.HeroicMother, 5),
        (MeritCategory.ArmedForcesHero, 5), (MeritCategory.Pre1945Activist, 5), (MeritCategory.PreUprising1945Activist, 5),
        (MeritCategory.WarInvalidSurvivor, 40), (MeritCategory.SickSoldierSurvivor, 15), (MeritCategory.AgentOrangeSurvivor, 15),
        (MeritCategory.Pre1945ActivistSurvivor, 5), (MeritCategory.RevolutionaryPrisoner, 50), (MeritCategory.RevolutionHelper, 35),
    ];

    private static IEnumerable<Situation> IterateMerit(long size, ulong seed, Jurisdiction jurisdiction, YearMonth month)
    {
        var random = new SplitMix64(seed);
        var reference = month.OnDayOfMonth(1);
        for (long i = 0; i < size; i++)
        {
            var record = Merit(ref random);
            var person = new Person(record.Category switch
            {
                MeritCategory.AgentOrangeChild => Birth(ref random, reference, 20, 55),
                MeritCategory.WarInvalidSurvivor or MeritCategory.SickSoldierSurvivor or MeritCategory.AgentOrangeSurvivor
                    or MeritCategory.Pre1945ActivistSurvivor => Birth(ref random, reference, 55, 95),
                _ => Birth(ref random, reference, 65, 100),
            });
            person = person with
            {
                Merit = random.Next(20) == 0 && record.Category is MeritCategory.WarInvalid
                    ? [record, new MeritRecord(MeritCategory.MartyrRelative)]
                    : [record],
            };
            yield return new Situation(jurisdiction, month, person);
        }
    }

    /// <summary>
    /// The sample the calibrated population is weighted from (<see cref="CalibratedPopulation"/>): four in ten persons
    /// from the beneficiary-heavy mix of <see cref="Generate"/>, one in ten a merit person, half the general
    /// population (an assumed Hanoi age pyramid, docs/population.md); each with a sex, a synthetic commune code and an
    /// income per person. Hanoi, unweighted.
    /// </summary>
    internal static IEnumerable<Situation> Sample(long size, ulong seed, YearMonth month)
    {
        var random = new SplitMix64(seed);
        var reference = month.OnDayOfMonth(1);
        for (long i = 0; i < size; i++)
        {
            long slot = i % 10;
            Person person;
            if (slot < 4)
            {
                person = Person(ref random, reference);
            }
            else if (slot == 4)
            {
                person = new Person(Birth(ref random, reference, 65, 100)) { Merit = [Merit(ref random)] };
            }
            else
            {
                person = General(ref random, reference);
            }

            var household = person.Household with { IncomePerPerson = Income(ref random, person.Household.Poverty) };
            person = person with { Sex = random.Next(1000) < 496 ? Sex.Male : Sex.Female, Household = household };
            string commune = "HN-" + (1 + random.Next(126)).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            yield return new Situation(Jurisdiction.Hanoi, month, person) { Commune = commune };
        }
    }

    /// <summary>Whether the sample's person at this index is of the general population (the other half is beneficiaries and merit persons).</summary>
    internal static bool IsGeneral(long index) => index % 10 >= 5;

    /// <summary>A person of the general population: an assumed age pyramid, 45% of those over 60 on a pension, 1% near-poor.</summary>
    private static Person General(ref SplitMix64 r, LocalDate reference)
    {
        int draw = r.Next(1000);
        var birth = draw switch
        {
            < 186 => Birth(ref r, reference, 0, 14),
            < 850 => Birth(ref r, reference, 15, 59),
            < 962 => Birth(ref r, reference, 60, 74),
            < 997 => Birth(ref r, reference, 75, 89),
            _ => Birth(ref r, reference, 90, 100),
        };
        bool elderly = draw >= 850;
        var poverty = r.Next(10_000) switch { < 3 => Poverty.Poor, < 103 => Poverty.NearPoor, _ => Poverty.None };
        return new Person(birth)
        {
            ReceivesPension = elderly && r.Next(100) < 45,
            Household = new Household { Poverty = poverty, Area = r.Next(100) < 51 ? Area.Rural : Area.Urban },
            Student = draw is >= 186 and < 300 && r.Next(100) < 60,
        };
    }

    /// <summary>An income per person per month: log-normal around a mean of about 6.9 million (σ 0.74), lower for poor and near-poor households.</summary>
    private static long Income(ref SplitMix64 r, Poverty poverty)
    {
        // Box–Muller from two uniform draws in (0, 1].
        double u1 = (r.Next(1 << 30) + 1) / (double)(1 << 30), u2 = r.Next(1 << 30) / (double)(1 << 30);
        double normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        double median = poverty switch { Poverty.Poor => 1_200_000, Poverty.NearPoor => 1_800_000, _ => 5_200_000 };
        return (long)Math.Round(median * Math.Exp(0.74 * normal) / 1000) * 1000;
    }

    private static MeritRecord Merit(ref SplitMix64 r)
    {
        int draw = r.Next(1000);
        var category = MeritMix[^1].Category;
        foreach (var (c, perThousand) in MeritMix)
        {
            if (draw < perThousand)
            {
                category = c;
                break;
            }

            draw -= perThousand;
        }

        // Rates lean low (the lower of two draws); sick soldiers from 41%, Agent-Orange children from 61%.
        int low = category switch { MeritCategory.SickSoldier => 41, MeritCategory.AgentOrangeChild => 61, _ => 21 };
        int rate = low + Math.Min(r.Next(101 - low), r.Next(101 - low));
        bool byRate = category is MeritCategory.WarInvalid or MeritCategory.WarInvalidEquivalent or MeritCategory.BWarInvalid
            or MeritCategory.SickSoldier or MeritCategory.ResistanceActivistAgentOrange or MeritCategory.AgentOrangeChild;
        return new MeritRecord(category)
        {
            Rate = byRate ? rate : null,
            EspeciallySevere = byRate && rate >= 81 && r.Next(4) == 0,
            Martyrs = category == MeritCategory.MartyrRelative ? r.Next(100) switch { < 85 => 1, < 97 => 2, _ => 3 } : 1,
            LivesAlone = r.Next(100) < 8,
            LivesWithFamily = r.Next(100) >= 3,
            Detached = category == MeritCategory.Pre1945Activist && r.Next(2) == 0,
            SeniorityYears = category == MeritCategory.Pre1945Activist ? r.Next(20) : 0,
            Award = category == MeritCategory.RevolutionHelper ? (r.Next(3) == 0 ? MeritAward.ToQuocGhiCong : MeritAward.ResistanceOrder) : MeritAward.None,
        };
    }

    private static IEnumerable<Situation> Iterate(long size, ulong seed, Jurisdiction jurisdiction, YearMonth month)
    {
        var random = new SplitMix64(seed);
        var reference = month.OnDayOfMonth(1);
        for (long i = 0; i < size; i++)
        {
            yield return new Situation(jurisdiction, month, Person(ref random, reference));
        }
    }

    private static Person Person(ref SplitMix64 r, LocalDate reference)
    {
        int draw = r.Next(100);
        var poverty = r.Next(100) switch { < 12 => Poverty.Poor, < 25 => Poverty.NearPoor, _ => Poverty.None };
        var household = new Household
        {
            Poverty = poverty,
            Area = r.Next(100) < 60 ? Area.Rural : Area.Urban,
            ExtremelyDifficultArea = r.Next(100) < 8,
            AverageLivingStandardFarming = r.Next(100) < 10,
        };
        var living = r.Next(100) switch { < 4 => LivingArrangement.FosterCare, < 7 => LivingArrangement.Facility, < 17 => LivingArrangement.Alone, _ => LivingArrangement.Family };
        Person person = draw switch
        {
            // 30%: elderly, 60 to 99.
            < 30 => new Person(Birth(ref r, reference, 60, 99))
            {
                WithoutSupporter = r.Next(100) < 30,
                ReceivesPension = r.Next(100) < 40,
                EligibleForFacilityCare = r.Next(100) < 5,
            },
            // 18%: severely or especially severely disabled, 0 to 89.
            < 48 => new Person(Birth(ref r, reference, 0, 89))
            {
                Disability = r.Next(100) < 60 ? Disability.Severe : Disability.EspeciallySevere,
                Pregnant = r.Next(100) < 3,
                ChildrenUnder36Months = r.Next(100) < 5 ? 1 + r.Next(2) : 0,
            },
            // 8%: children with no source of nurture, 0 to 21 (students from 16).
            < 56 => new Person(Birth(ref r, reference, 0, 21))
            {
                Orphanhood = (Orphanhood)(1 + r.Next(11)),
                InEducation = r.Next(100) < 60,
            },
            // 8%: single parents raising 1 to 3 children.
            < 64 => SingleParent(ref r, reference),
            // 4%: people with HIV.
            < 68 => new Person(Birth(ref r, reference, 0, 70)) { HivPositive = true },
            // 4%: infants.
            < 72 => new Person(Birth(ref r, reference, 0, 3)),
            // 28%: everyone else (no qualifying circumstance beyond age and household).
            _ => new Person(Birth(ref r, reference, 0, 90)) { Student = r.Next(100) < 15, EthnicMinority = r.Next(100) < 14 },
        };

        return person with { Household = household, LivingArrangement = living, DisabilityCertifiedOn = null };
    }

    private static Person SingleParent(ref SplitMix64 r, LocalDate reference)
    {
        int count = 1 + r.Next(3);
        var children = ImmutableArray.CreateBuilder<RaisedChild>(count);
        for (int c = 0; c < count; c++)
        {
            children.Add(new RaisedChild(Birth(ref r, reference, 0, 21), r.Next(100) < 50));
        }

        return new Person(Birth(ref r, reference, 22, 60))
        {
            ChildrenRaisedAlone = children.MoveToImmutable(),
            Disability = r.Next(100) < 10 ? Disability.Severe : Disability.None,
        };
    }

    private static LocalDate Birth(ref SplitMix64 r, LocalDate reference, int minAge, int maxAge) =>
        reference.PlusDays(-(minAge * 365 + r.Next(((maxAge - minAge) * 365) + 364)));

    /// <summary>SplitMix64: tiny, fast, and stable across platforms and runtime versions.</summary>
    private struct SplitMix64(ulong seed)
    {
        private ulong state = seed;

        internal int Next(int bound)
        {
            unchecked
            {
                ulong z = state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                return (int)(z % (ulong)bound);
            }
        }
    }
}
