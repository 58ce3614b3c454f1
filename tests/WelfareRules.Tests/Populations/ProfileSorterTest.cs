using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using Xunit;

namespace WelfareRules.Tests.Populations;

public class ProfileSorterTest
{
    private static readonly Lazy<Population> Varied = new(() => Population.Create(VariedPopulation.Create(30_000, 41).Concat(Caseload(10_000, 43))));

    /// <summary>
    /// A draft shortening Hanoi's support after leaving poverty from 36 to 24 months from 2027-03: the month's
    /// support windows change, so everyone is sorted again then.
    /// </summary>
    private static readonly Lazy<RuleSet> ShorterWindow = new(() => RuleSet.BuiltIn.With(InstrumentReader.Read(
        """{"format":1,"id":"DRAFT-HN-24","kind":"draft","title":"Dự thảo","issuer":"test","jurisdiction":"VN-HN","appliesFrom":"2027-03-01","status":"provisional","provisions":[{"parameter":"health-insurance-escaped-poverty-months","from":"2027-03-01","value":24,"basis":{"article":"1"}}]}"""u8,
        "draft.json")));

    /// <summary>
    /// A draft moving the ages children are counted by from 2027-01 (a change of the children conditions' law: everyone
    /// sorted again then), with a national group counting children by readings a later month can be foreseen for
    /// (ages, education).
    /// </summary>
    private static readonly Lazy<RuleSet> ChildrenAges = new(() => Draft("""
        { "any": [
          { "children": { "where": { "any": [ { "age": { "until": "child" } }, { "all": [ { "age": { "atLeast": "child" } }, { "age": { "below": "student-limit" } }, { "fact": "inEducation", "is": true } ] } ] }, "atLeast": 2 } },
          { "children": { "where": { "all": [ { "age": { "atLeast": "young-child" } }, { "age": { "below": "child" } } ] }, "atLeast": 3 } }
        ] }
        """));

    /// <summary>The same with children counted by readings of the calendar (the year of an age, the birth month), which the sorter does not foresee.</summary>
    private static readonly Lazy<RuleSet> ChildrenCalendar = new(() => Draft("""
        { "any": [
          { "children": { "where": { "all": [ { "age": { "until": "child" } }, { "birthMonth": { "atMost": 6 } } ] }, "atLeast": 2 } },
          { "children": { "where": { "any": [ { "age": { "reachedThisYear": "hi-child" } }, { "fact": "inEducation", "is": true } ] } } }
        ] }
        """));

    private static RuleSet Draft(string when) => RuleSet.BuiltIn.With(InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes($$"""
        {
          "format": 1, "id": "DRAFT-CHILDREN-2027", "kind": "draft", "title": "Dự thảo", "issuer": "test", "jurisdiction": "VN", "appliesFrom": "2026-01-01", "status": "provisional",
          "groups": [ { "id": "ZZ-CHILDREN", "code": "ZZC", "from": "2026-01-01", "title": "Nhóm giả định", "basis": { "article": "4" }, "when": {{when}} } ],
          "provisions": [
            { "parameter": "coefficient", "group": "ZZ-CHILDREN", "case": "single", "from": "2026-01-01", "value": 0.5, "basis": { "article": "4" } },
            { "parameter": "age", "case": "child", "from": "2027-01-01", "value": 18, "basis": { "article": "1" } },
            { "parameter": "age", "case": "student-limit", "from": "2027-01-01", "value": 24, "basis": { "article": "1" } }
          ]
        }
        """), "children.json"));

    public static TheoryData<int, string> Runs => new()
    {
        { 1, "windows" },
        { 2, "windows" },
        { 2, "children-ages" },
        { 2, "children-calendar" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Sort_ConsecutiveMonths_EveryPersonsProfileIsTheOneSortedAfresh(int parallelism, string draft)
    {
        // Thirty consecutive months across birthdays, deaths, certificates, decisions, support windows reached, children
        // growing past the ages counted, the calendar years of the card's sixth year and the drafts' changes; then back
        // to an earlier month, and on.
        var population = Varied.Value;
        RuleSet[] rules = draft switch
        {
            "windows" => [RuleSet.BuiltIn, ShorterWindow.Value],
            "children-ages" => [ChildrenAges.Value],
            _ => [ChildrenCalendar.Value],
        };
        var months = Enumerable.Range(0, 30).Select(m => new YearMonth(2025, 10).PlusMonths(m)).Concat([new YearMonth(2026, 5), new YearMonth(2026, 6), new YearMonth(2026, 9)]).ToList();
        var sorter = new ProfileSorter(population, parallelism, true, rules);
        long kept = 0;

        foreach (var month in months)
        {
            var sorted = sorter.Sort(month);
            var fresh = MonthProfiles.Classify(population, month, parallelism, rules);
            var frame = MonthProfiles.Frame(population.Jurisdictions, month, rules, out _, readFactsOnly: true);
            var counts = new Dictionary<ProfileKey, long>();
            var firsts = new Dictionary<ProfileKey, int>();
            for (int i = 0; i < population.Count; i++)
            {
                var key = ProfileKey.Of(population.Columns, i, frame);
                if (key != sorted.Keys[sorted.PersonProfile[i]])
                {
                    Assert.Fail($"{month}: person {i} kept {sorted.Keys[sorted.PersonProfile[i]]}, sorted afresh {key}");
                }

                counts[key] = counts.GetValueOrDefault(key) + 1;
                firsts.TryAdd(key, i);
            }

            // Each profile's count is the month's, and its representative one of its persons (its first in a month sorted
            // afresh); the run's other profiles have none.
            for (int p = 0; p < sorted.Count; p++)
            {
                Assert.Equal(counts.GetValueOrDefault(sorted.Keys[p]), sorted.Counts[p]);
                int representative = sorted.Representatives[p];
                if (sorted.Counts[p] == 0 || sorted.Afresh)
                {
                    Assert.Equal(firsts.GetValueOrDefault(sorted.Keys[p], -1), representative);
                }
                else
                {
                    Assert.Equal(sorted.Keys[p], ProfileKey.Of(population.Columns, representative, frame));
                }
            }

            Assert.Equal(fresh.Count, sorted.Present);
            kept += population.Count - sorter.Sorted;
        }

        // Most persons kept their profile from one month to the next: the run would otherwise prove nothing.
        Assert.True(kept > population.Count * 20L, $"{kept} person-months kept");
    }

    [Fact]
    public void Evaluate_MonthSortedBeforeTheSortersLast_Throws()
    {
        // A month's counts and evaluated persons are the sorter's, moved on by the next month's sorting: the earlier
        // month is refused rather than evaluated with the later month's persons.
        var population = Varied.Value;
        var sorter = new ProfileSorter(population, 1, true, RuleSet.BuiltIn);
        var january = sorter.Sort(new YearMonth(2026, 1));
        var february = sorter.Sort(new YearMonth(2026, 2));

        Assert.Throws<InvalidOperationException>(() => january.Evaluate(RuleSet.BuiltIn, population, 1, new OutcomeCache(byProfileId: true)));
        Assert.Equal(february.Count, february.Evaluate(RuleSet.BuiltIn, population, 1).Length);
    }

    [Fact]
    public void Sort_LaterMonth_SortsAgainOnlyPersonsWhoseProfileCanChange()
    {
        // A person aged 39 keeps one profile for years, and so does one raising a child of 6 (counted by K4 until 16);
        // one turning 60 in February is sorted again then.
        var population = Population.Create(
        [
            new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 1), new Person(new LocalDate(1987, 5, 1))),
            new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 1), new Person(new LocalDate(1987, 5, 1))
            {
                ChildrenRaisedAlone = [new RaisedChild(new LocalDate(2020, 3, 1))],
            }),
            new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 1), new Person(new LocalDate(1967, 2, 10))),
        ]);
        var sorter = new ProfileSorter(population, 1, true, RuleSet.BuiltIn);
        var january = sorter.Sort(new YearMonth(2027, 1), copy: true);
        var february = sorter.Sort(new YearMonth(2027, 2), copy: true);

        Assert.Equal(1, sorter.Sorted);
        Assert.Equal(january.PersonProfile[..2], february.PersonProfile[..2]);
        Assert.NotEqual(january.Keys[january.PersonProfile[2]], february.Keys[february.PersonProfile[2]]);
        Assert.Equal(3, february.Present);
    }

    [Fact]
    public void Sort_LawChangingWhatNoChildrenConditionReads_SortsAgainOnlyPersonsWhoseProfileCanChange()
    {
        // The built-in law of July 2026 differs from June's, but not in what K4's count of children reads: the parent of a
        // child of 6 and a person aged 39 keep their profiles; only the one turning 60 in July is sorted again.
        var population = Population.Create(
        [
            new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 6), new Person(new LocalDate(1987, 5, 1))),
            new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 6), new Person(new LocalDate(1987, 5, 1))
            {
                ChildrenRaisedAlone = [new RaisedChild(new LocalDate(2020, 3, 1))],
            }),
            new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 6), new Person(new LocalDate(1966, 7, 10))),
        ]);
        Assert.NotEqual(LawSignature.Of(RuleSet.BuiltIn, Jurisdiction.Hanoi, new YearMonth(2026, 6)), LawSignature.Of(RuleSet.BuiltIn, Jurisdiction.Hanoi, new YearMonth(2026, 7)));
        var sorter = new ProfileSorter(population, 1, true, RuleSet.BuiltIn);
        var june = sorter.Sort(new YearMonth(2026, 6), copy: true);
        var july = sorter.Sort(new YearMonth(2026, 7), copy: true);

        Assert.Equal(1, sorter.Sorted);
        Assert.Equal(june.PersonProfile[..2], july.PersonProfile[..2]);
        Assert.Equal(3, july.Present);
    }

    [Fact]
    public void Evaluate_CacheByIdOfAnotherRun_IsRefused()
    {
        // Profile ids are a run's own: outcomes kept by id must never be read for another sorter's profiles.
        var population = Population.Create([new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 1), new Person(new LocalDate(1950, 5, 1)))]);
        var cache = new OutcomeCache(byProfileId: true);
        var first = new ProfileSorter(population, 1, true, RuleSet.BuiltIn).Sort(new YearMonth(2027, 1));
        first.Evaluate(RuleSet.BuiltIn, population, 1, cache);
        var other = new ProfileSorter(population, 1, true, RuleSet.BuiltIn).Sort(new YearMonth(2027, 1));

        Assert.Throws<InvalidOperationException>(() => other.Evaluate(RuleSet.BuiltIn, population, 1, cache));
    }

    /// <summary>
    /// The sorter reads each child from the population's column of codes; a person read line by line from the children's
    /// objects: both give the same key and the same month through which it holds.
    /// </summary>
    [Theory]
    [InlineData("windows")]
    [InlineData("children-ages")]
    [InlineData("children-calendar")]
    public void Of_ChildrenReadFromTheColumnsCodes_GivesTheKeyAndMonthsOfTheChildrenThemselves(string draft)
    {
        // The column (ChildCount.Code of each child, ProfileSorter) against the codes made from the objects (ProfileReports).
        var population = Varied.Value;
        var rules = draft switch { "children-ages" => ChildrenAges.Value, "children-calendar" => ChildrenCalendar.Value, _ => ShorterWindow.Value };
        var columns = population.Columns;
        int compared = 0;
        foreach (var month in new[] { new YearMonth(2026, 12), new YearMonth(2027, 1), new YearMonth(2027, 6) })
        {
            var frame = MonthProfiles.Frame(population.Jurisdictions, month, [rules], out _, readFactsOnly: true);
            Assert.NotEmpty(frame.ChildCounts);
            for (int i = 0; i < columns.Count; i++)
            {
                int first = columns.ChildStart[i], count = columns.ChildStart[i + 1] - first;
                if (count == 0 || columns.HasMerit(i))
                {
                    continue;
                }

                var packed = new PopulationBuilder.PackedPerson(columns.Facts[i], columns.Birth[i], columns.Death[i], columns.Decision[i], columns.Certified[i], columns.Escaped[i]);
                var fromCodes = ProfileKey.Of(columns, i, frame, out int throughCodes);
                var fromChildren = ProfileKey.Of(packed, columns.Children.AsSpan(first, count), frame, out int throughChildren);
                Assert.Equal(fromChildren, fromCodes);
                Assert.Equal(throughChildren, throughCodes);
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} persons raising children compared");
    }

    /// <summary>Persons raising 3 to 12 children born over 25 years, dying near the months, with dates spread over ten years.</summary>
    private static IEnumerable<Situation> Caseload(int size, int seed)
    {
        var r = new Random(seed);
        for (int i = 0; i < size; i++)
        {
            var birth = new LocalDate(1926, 1, 1).PlusDays(r.Next(100 * 365));
            var person = new Person(birth)
            {
                Disability = r.Next(6) == 0 ? (Disability)r.Next(1, 4) : Disability.None,
                WithoutSupporter = r.Next(4) == 0,
                ReceivesPension = r.Next(3) == 0,
                Student = r.Next(10) == 0,
                PermanentResident = r.Next(10) != 0,
                DecisionSignedOn = r.Next(3) == 0 ? new LocalDate(2020, 1, 1).PlusDays(r.Next(10 * 365)) : null,
                Household = new Household
                {
                    Poverty = r.Next(10) switch { 0 => Poverty.Poor, 1 or 2 => Poverty.NearPoor, _ => Poverty.None },
                    EscapedPovertyMonth = r.Next(6) == 0 ? new YearMonth(2023, 1).PlusMonths(r.Next(60)) : null,
                },
            };
            if (person.Disability != Disability.None && r.Next(2) == 0)
            {
                person = person with { DisabilityCertifiedOn = new LocalDate(2020, 1, 1).PlusDays(r.Next(10 * 365)) };
            }

            var death = new LocalDate(2025, 1, 1).PlusDays(r.Next(5 * 365));
            if (r.Next(5) == 0 && death >= birth)
            {
                person = person with { DeathDate = death, DeathCause = (DeathCause)r.Next(2), Cremated = r.Next(2) == 0 };
            }

            if (r.Next(3) == 0)
            {
                person = person with
                {
                    ChildrenRaisedAlone = [.. Enumerable.Range(0, r.Next(3, 13)).Select(_ => new RaisedChild(new LocalDate(2003, 1, 1).PlusDays(r.Next(25 * 365))) { InEducation = r.Next(3) == 0 })],
                };
            }

            yield return new Situation(r.Next(2) == 0 ? Jurisdiction.Hanoi : Jurisdiction.Vietnam, new YearMonth(2026, 6), person);
        }
    }
}
