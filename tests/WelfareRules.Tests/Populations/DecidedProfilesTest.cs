using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Populations;

/// <summary>
/// What the month's law decides of a profile: profiles of equal signatures get equal reports from the single-person path,
/// and a population whose persons differ in what no group's outcome turns on signs far fewer signatures than profiles.
/// </summary>
public sealed class DecidedProfilesTest
{
    private static readonly EvaluationOptions Quiet = new() { Explain = false };

    public static TheoryData<int, int> Months => new()
    {
        { 2025, 1 }, { 2025, 7 }, { 2026, 1 }, { 2026, 7 }, { 2027, 1 },
    };

    [Theory]
    [InlineData(0b1011_0110UL, 0b1111_0000UL, 0b1011UL)]
    [InlineData(0b1011_0110UL, 0b0101_0101UL, 0b0110UL)]
    [InlineData(ulong.MaxValue, 0x8000_0000_0000_0001UL, 0b11UL)]
    [InlineData(0x8000_0000_0000_0000UL, 0x8000_0000_0000_0000UL, 1UL)]
    [InlineData(0x1234_5678_9ABC_DEF0UL, 0UL, 0UL)]
    public void ExtractEach_BitsUnderAMask_PackedFromBitZeroInTheirOrder(ulong value, ulong mask, ulong packed)
    {
        Assert.Equal(packed, DecidedProfiles.ExtractEach(value, mask));
        Assert.Equal(packed, DecidedProfiles.Extract(value, mask));
    }

    [Fact]
    public void ExtractEach_RandomValuesAndMasks_AsExtract()
    {
        var random = new Random(5);
        for (int i = 0; i < 10_000; i++)
        {
            ulong value = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            ulong mask = (ulong)random.NextInt64() & (ulong)random.NextInt64();
            ulong expected = 0;
            for (int bit = 0, at = 0; bit < 64; bit++)
            {
                if ((mask >> bit & 1) != 0)
                {
                    expected |= (value >> bit & 1) << at++;
                }
            }

            Assert.Equal(expected, DecidedProfiles.ExtractEach(value, mask));
            Assert.Equal(expected, DecidedProfiles.Extract(value, mask));
        }
    }

    [Theory]
    [MemberData(nameof(Months))]
    public void Sign_ProfilesOfAVariedPopulation_EqualSignaturesGiveEqualReports(int year, int monthOfYear)
    {
        var month = new YearMonth(year, monthOfYear);
        var situations = VariedPopulation.Create(20_000, 41).Concat(IndependentFacts(10_000, 43)).ToList();
        var population = Population.Create(situations);
        var profiles = MonthProfiles.Classify(population, month, 1, RuleSet.BuiltIn);
        var bySignature = new Dictionary<string, (int Profile, Report? Report)>();
        int signed = 0;
        for (int j = 0; j < population.Jurisdictions.Length; j++)
        {
            var jurisdiction = population.Jurisdictions[j];
            if (!RuleSet.BuiltIn.Knows(jurisdiction) || RuleSet.BuiltIn.ForMonth(jurisdiction, month) is not { IsCovered: true } law)
            {
                continue;
            }

            var decided = DecidedProfiles.Of(law, profiles.FrameOfMonth, j);
            Assert.NotNull(decided);
            var memo = decided.Rent();
            var signature = new char[decided.Width];
            for (int p = 0; p < profiles.Count; p++)
            {
                var key = profiles.Keys[p];
                if (key.IsOwn || FactBits.Jurisdiction(key.Facts) != j)
                {
                    continue;
                }

                signed++;
                decided.Sign(key, signature, memo, law, population, profiles.Representatives[p]);
                var report = Evaluate(population.SituationAt(profiles.Representatives[p], month));
                string text = new(signature);
                if (bySignature.TryGetValue(text, out var first))
                {
                    Assert.True(Same(first.Report, report), $"profiles {first.Profile} and {p} sign alike in {month} but their reports differ");
                }
                else
                {
                    bySignature.Add(text, (p, report));
                }
            }
        }

        // Decided profiles stand for several profiles: at most three signatures for four profiles even here, where a
        // third of the persons have every fact drawn on its own.
        Assert.True(signed > 10_000, $"{signed} profiles signed");
        Assert.True(bySignature.Count * 4 < signed * 3, $"{bySignature.Count} signatures for {signed} profiles");
    }

    [Fact]
    public void Evaluate_IndependentFactsOverAYear_EqualsTheSinglePersonPathForEveryPerson()
    {
        var situations = IndependentFacts(30_000, 47);
        var population = Population.Create(situations);
        var months = Enumerable.Range(0, 14).Select(m => new YearMonth(2025, 12).PlusMonths(m)).ToList();
        foreach (var result in PopulationEngine.Evaluate(RuleSet.BuiltIn, population, months))
        {
            for (int i = 0; i < situations.Count; i++)
            {
                var expected = Evaluate(situations[i] with { Month = result.Month });
                var actual = result.ReportOf(i);
                Assert.True(Same(expected, actual), $"person {i} in {result.Month}:\n  expected {(expected is null ? "-" : ReportJson.ToJson(expected))}\n  actual   {(actual is null ? "-" : ReportJson.ToJson(actual))}");
            }
        }
    }

    [Fact]
    public void Decided_ANewStandardAndThenAnAgeLowered_ShareTheSignaturesOnlyAcrossTheStandard()
    {
        // Hanoi's standard raised by a draft (an amount: every profile signs as before) and the social-pension age lowered
        // by another from the same month (an age a condition reads: profiles sign apart).
        var standard = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(RepositoryFiles.Docs("policy-example", "hanoi-700k-2027.json")));
        var age = standard.With(InstrumentReader.ReadFile(RepositoryFiles.Docs("policy-example", "social-pension-age-70.json")));
        var population = Population.Create(VariedPopulation.Create(2_000, 59).Where(s => s.Jurisdiction.Code == "VN-HN").ToList());
        Assert.Equal(["VN-HN"], population.Jurisdictions.Select(j => j.Code));

        DecidedOutcomes Decided(OutcomeCache cache, RuleSet rules, YearMonth month)
        {
            var profiles = MonthProfiles.Classify(population, month, 1, rules);
            var law = rules.ForMonth(population.Jurisdictions[0], month);
            int id = cache.LawId(LawSignature.Of(rules, population.Jurisdictions[0], month), profiles.Layout);
            return Assert.IsType<DecidedOutcomes>(cache.Decided(id, law, profiles.FrameOfMonth, 0, profiles.Layout));
        }

        var standardCache = new OutcomeCache(byProfileId: true);
        var december = Decided(standardCache, standard, new YearMonth(2026, 12));
        var january = Decided(standardCache, standard, new YearMonth(2027, 1));
        Assert.NotSame(december, january);
        Assert.Same(december.Signer, january.Signer);

        var ageCache = new OutcomeCache(byProfileId: true);
        Assert.NotSame(Decided(ageCache, age, new YearMonth(2026, 12)).Signer, Decided(ageCache, age, new YearMonth(2027, 1)).Signer);

        // A comparison's changed law takes the baseline's signatures where the two sign alike, and only there.
        var january2027 = new YearMonth(2027, 1);
        var baseline = new OutcomeCache(byProfileId: true);
        var baselineSigner = Decided(baseline, RuleSet.BuiltIn, january2027).Signer;
        Assert.Same(baselineSigner, Decided(new OutcomeCache(byProfileId: true, signsWith: baseline), standard, january2027).Signer);
        Assert.NotSame(baselineSigner, Decided(new OutcomeCache(byProfileId: true, signsWith: baseline), age, january2027).Signer);
        Assert.NotSame(baselineSigner, Decided(new OutcomeCache(byProfileId: true), standard, january2027).Signer);
    }

    [Fact]
    public void Evaluate_LawsThatSignAlikeAndApartOverAYear_EqualsTheSinglePersonPathForEveryPerson()
    {
        // Signatures kept across a new standard (January 2027, by draft), and not across an age a condition reads (the
        // social pension's, lowered by another draft from April 2027), nor a condition's other parameters (the built-in
        // law's own changes in the months between).
        const string later = """
            {
              "format": 1, "id": "DRAFT-SP-70-APRIL", "kind": "draft", "title": "Dự thảo (giả định)", "issuer": "test",
              "jurisdiction": "VN", "appliesFrom": "2027-04-01", "status": "provisional",
              "provisions": [ { "parameter": "age", "case": "social-pension", "from": "2027-04-01", "value": 70, "basis": { "article": "1" } } ]
            }
            """;
        var rules = RuleSet.BuiltIn
            .With(InstrumentReader.ReadFile(RepositoryFiles.Docs("policy-example", "hanoi-700k-2027.json")))
            .With(InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes(later), "later.json"));
        var situations = VariedPopulation.Create(12_000, 61).Concat(IndependentFacts(4_000, 67)).ToList();
        var population = Population.Create(situations);
        var months = Enumerable.Range(0, 11).Select(m => new YearMonth(2026, 6).PlusMonths(m)).ToList();
        int pensions = 0;
        foreach (var result in PopulationEngine.Evaluate(rules, population, months))
        {
            for (int i = 0; i < situations.Count; i++)
            {
                var expected = Evaluate(rules, situations[i] with { Month = result.Month });
                var actual = result.ReportOf(i);
                Assert.True(Same(expected, actual), $"person {i} in {result.Month}:\n  expected {(expected is null ? "-" : ReportJson.ToJson(expected))}\n  actual   {(actual is null ? "-" : ReportJson.ToJson(actual))}");
                pensions += result.Month == new YearMonth(2027, 4) ? actual?.Entitlements.Count(e => e.Kind == EntitlementKind.SocialPension) ?? 0 : 0;
            }
        }

        Assert.True(pensions > 0, "no social pension in April 2027: the age lowered would prove nothing");
    }

    [Fact]
    public void Evaluate_FuneralGroupWhoseBandHasAConditionTheCalculatorDoesNotRead_EqualsTheSinglePersonPath()
    {
        // Funeral support reads a group's conditions, not its band's: a band condition must not make two profiles alike
        // (the dead living with HIV not cremated, and those without HIV) when the calculator tells them apart.
        const string draft = """
            {
              "format": 1, "id": "DRAFT-ZZ-FUNERAL-2027", "kind": "draft", "title": "Dự thảo hỗ trợ mai táng (giả định)", "issuer": "HĐND tỉnh ZZ (giả định)",
              "jurisdiction": "VN-ZZ", "appliesFrom": "2027-01-01", "status": "provisional",
              "groups": [ { "id": "ZZ-FUNERAL", "code": "ZZF", "benefit": "funeral", "from": "2027-01-01", "title": "Nhóm giả định", "basis": { "article": "5" },
                "when": { "fact": "hivPositive", "is": true },
                "bands": [ { "case": "disaster", "when": { "fact": "cremated", "is": true } } ] } ]
            }
            """;
        var rules = RuleSet.BuiltIn
            .With(InstrumentReader.ReadFile(RepositoryFiles.Docs("policy-example", "province-own-group.json")))
            .With(InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes(draft), "funeral.json"));
        var r = new Random(53);
        var zz = Jurisdiction.Parse("VN-ZZ");
        var situations = VariedPopulation.Create(12_000, 51).Select(s => s with
        {
            Jurisdiction = zz,
            Person = s.Person with
            {
                DeathDate = new LocalDate(2027, 1 + r.Next(3), 1 + r.Next(28)),
                DeathCause = (DeathCause)r.Next(2),
                Cremated = r.Next(2) == 0,
            },
        }).ToList();
        var population = Population.Create(situations);
        int paid = 0;
        foreach (var result in PopulationEngine.Evaluate(rules, population, [new YearMonth(2027, 1), new YearMonth(2027, 2), new YearMonth(2027, 3)]))
        {
            for (int i = 0; i < situations.Count; i++)
            {
                var expected = Evaluate(rules, situations[i] with { Month = result.Month });
                var actual = result.ReportOf(i);
                Assert.True(Same(expected, actual), $"person {i} in {result.Month}:\n  expected {(expected is null ? "-" : ReportJson.ToJson(expected))}\n  actual   {(actual is null ? "-" : ReportJson.ToJson(actual))}");
                paid += actual?.Entitlements.Count(e => e.Group == "ZZ-FUNERAL") ?? 0;
            }
        }

        Assert.True(paid > 0, "the draft paid no one: the test would prove nothing");
    }

    [Fact]
    public void Sign_HealthInsuranceGroupsAppliedAlike_ShareOneSignatureAndOthersDoNot()
    {
        // Near-poor (70%, 146/2018/NĐ-CP Art 8 k2: the highest share applies) with or without a lower share (a student's
        // 50%), and in any order of the household's plan (read only without support), are applied the same group: one
        // signature, as their reports are one. A poor household (100%) is applied another group; without any group the
        // order decides the premium; holding another card, nothing is computed (one card a person).
        var month = new YearMonth(2026, 1);
        var nearPoor = new Household { Poverty = Poverty.NearPoor };
        Situation Adult(Household household, bool student = false, int order = 0, bool otherCard = false) =>
            new(Jurisdiction.Parse("VN-HN"), month, new Person(new LocalDate(1990, 5, 5)) { Student = student, HealthInsuranceHouseholdOrder = order, Household = household, HasOtherHealthInsurance = otherCard });
        var situations = new List<Situation>
        {
            Adult(nearPoor),
            Adult(nearPoor, student: true),
            Adult(nearPoor, order: 3),
            Adult(new Household { Poverty = Poverty.Poor }),
            Adult(new Household()),
            Adult(new Household(), order: 3),
            Adult(nearPoor, otherCard: true),
            Adult(new Household { Poverty = Poverty.Poor }, otherCard: true, order: 2),
        };
        var signatures = Signatures(situations, month);
        Assert.Equal(signatures[0], signatures[1]);
        Assert.Equal(signatures[0], signatures[2]);
        Assert.True(Same(Evaluate(situations[0]), Evaluate(situations[1])) && Same(Evaluate(situations[0]), Evaluate(situations[2])), "the reports the test shares a signature for differ");
        // Holding another card, no contribution is computed: the groups met and the order decide nothing.
        Assert.Equal(signatures[6], signatures[7]);
        Assert.True(Same(Evaluate(situations[6]), Evaluate(situations[7])), "the reports of two card holders differ");
        Assert.Equal(5, signatures.Distinct().Count());
        Assert.False(Same(Evaluate(situations[4]), Evaluate(situations[5])), "without support the order must change the report");
    }

    [Fact]
    public void Sign_CremationGroupOutsideTheMonthOfDeath_SignsAsNotMetAndInItApart()
    {
        // NQ 03/2020 (Hanoi) pays cremation support in the month of death only: alive, or dead in an earlier month, the
        // cremated and the others sign alike; dying in the month, they sign apart (and their reports differ).
        var month = new YearMonth(2026, 3);
        Situation Resident(bool cremated, LocalDate? death) =>
            new(Jurisdiction.Parse("VN-HN"), month, new Person(new LocalDate(1940, 5, 5)) { PermanentResident = true, Cremated = cremated, DeathDate = death });
        var situations = new List<Situation>
        {
            Resident(false, null), Resident(true, null),
            Resident(false, new LocalDate(2026, 3, 10)), Resident(true, new LocalDate(2026, 3, 10)),
        };
        var signatures = Signatures(situations, month);
        Assert.Equal(signatures[0], signatures[1]);
        Assert.NotEqual(signatures[2], signatures[3]);
        Assert.False(Same(Evaluate(situations[2]), Evaluate(situations[3])), "cremation support must tell the two deaths apart");
    }

    [Fact]
    public void Sign_CertificateDatedAfterTheMonth_SignsApartOnlyWhereAGroupPaidFromItsMonthHolds()
    {
        // A severe disability (ND 20/2021 Art 5 k6) is paid from the certificate's month: a certificate dated after the
        // month withholds it, one dated before does not, nor does none (then the decision's month is read). Without a
        // disability no group reads the certificate, so its date signs nothing.
        var month = new YearMonth(2026, 3);
        Situation Certified(Disability disability, LocalDate? certified) =>
            new(Jurisdiction.Parse("VN-HN"), month, new Person(new LocalDate(1980, 5, 5)) { Disability = disability, DisabilityCertifiedOn = certified });
        var situations = new List<Situation>
        {
            Certified(Disability.Severe, new LocalDate(2025, 1, 10)), Certified(Disability.Severe, new LocalDate(2026, 6, 10)),
            Certified(Disability.None, new LocalDate(2025, 1, 10)), Certified(Disability.None, new LocalDate(2026, 6, 10)),
            Certified(Disability.Severe, null),
        };
        var signatures = Signatures(situations, month);
        Assert.NotEqual(signatures[0], signatures[1]);
        Assert.False(Same(Evaluate(situations[0]), Evaluate(situations[1])), "the later certificate must withhold the allowance");
        Assert.Equal(signatures[2], signatures[3]);
        Assert.Equal(signatures[0], signatures[4]);
        Assert.True(Same(Evaluate(situations[0]), Evaluate(situations[4])), "a certificate before the month and none must pay alike");
    }

    /// <summary>Each situation's signature under the built-in law of Hanoi in <paramref name="month"/>, each a profile of its own.</summary>
    private static string[] Signatures(List<Situation> situations, YearMonth month)
    {
        var population = Population.Create(situations);
        var profiles = MonthProfiles.Classify(population, month, 1, RuleSet.BuiltIn);
        Assert.Equal(situations.Count, profiles.Present);
        var law = RuleSet.BuiltIn.ForMonth(Jurisdiction.Parse("VN-HN"), month)!;
        var decided = DecidedProfiles.Of(law, profiles.FrameOfMonth, 0)!;
        var memo = decided.Rent();
        var signatures = new string[situations.Count];
        for (int i = 0; i < situations.Count; i++)
        {
            var signature = new char[decided.Width];
            decided.Sign(profiles.Keys[profiles.PersonProfile[i]], signature, memo, law, population, i);
            signatures[i] = new string(signature);
        }

        return signatures;
    }

    private static Report? Evaluate(Situation situation) => Evaluate(RuleSet.BuiltIn, situation);

    private static Report? Evaluate(RuleSet rules, Situation situation)
    {
        try
        {
            return rules.Evaluate(situation, Quiet);
        }
        catch (EvaluationException)
        {
            return null;
        }
    }

    /// <summary>Whether two reports (or failures) say the same, as the contract writes them.</summary>
    private static bool Same(Report? a, Report? b) =>
        a is null || b is null ? a is null && b is null : ReportJson.ToJson(a) == ReportJson.ToJson(b.Month == a.Month ? b : b.ForMonth(a.Month));

    /// <summary>Persons of Hanoi and of the nation whose every fact is drawn on its own: almost every person a profile of their own.</summary>
    internal static List<Situation> IndependentFacts(int size, int seed)
    {
        var r = new Random(seed);
        var reference = new LocalDate(2026, 6, 1);
        var situations = new List<Situation>(size);
        for (int i = 0; i < size; i++)
        {
            var birth = new LocalDate(1926, 1, 1).PlusDays(r.Next(100 * 365));
            LocalDate? Date(int oneIn) => r.Next(oneIn) == 0 ? reference.PlusDays(r.Next(-5 * 365, 365)) : null;
            var person = new Person(birth)
            {
                Orphanhood = (Orphanhood)r.Next(12),
                Disability = (Disability)r.Next(4),
                HivPositive = r.Next(2) == 0,
                InEducation = r.Next(2) == 0,
                WithoutSupporter = r.Next(2) == 0,
                ReceivesPension = r.Next(2) == 0,
                PensionBelowSocialPension = r.Next(2) == 0,
                ParentReceivesAllowance = r.Next(4) == 0,
                ParentDetained = r.Next(4) == 0,
                LivingArrangement = (LivingArrangement)r.Next(4),
                EligibleForFacilityCare = r.Next(2) == 0,
                Pregnant = r.Next(2) == 0,
                ChildrenUnder36Months = r.Next(3),
                EthnicMinority = r.Next(2) == 0,
                Student = r.Next(2) == 0,
                PermanentResident = r.Next(2) == 0,
                HasOtherHealthInsurance = r.Next(4) == 0,
                HealthInsuranceHouseholdOrder = r.Next(7),
                DecisionSignedOn = Date(2),
                DisabilityCertifiedOn = Date(3),
                Household = new Household
                {
                    Poverty = (Poverty)r.Next(3),
                    Area = (Area)r.Next(2),
                    ExtremelyDifficultArea = r.Next(2) == 0,
                    AverageLivingStandardFarming = r.Next(2) == 0,
                    EscapedPovertyMonth = r.Next(3) == 0 ? new YearMonth(2022, 1).PlusMonths(r.Next(60)) : null,
                },
            };

            if (Date(6) is { } death && death >= birth)
            {
                person = person with { DeathDate = death, DeathCause = (DeathCause)r.Next(2), Cremated = r.Next(2) == 0 };
            }

            if (r.Next(3) == 0)
            {
                person = person with
                {
                    ChildrenRaisedAlone = [.. Enumerable.Range(0, r.Next(1, 13)).Select(_ => new RaisedChild(new LocalDate(2001, 1, 1).PlusDays(r.Next(27 * 365))) { InEducation = r.Next(2) == 0 })],
                };
            }

            situations.Add(new Situation(r.Next(2) == 0 ? Jurisdiction.Hanoi : Jurisdiction.Vietnam, reference.ToYearMonth(), person));
        }

        return situations;
    }
}
