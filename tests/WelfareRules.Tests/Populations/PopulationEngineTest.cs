using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using NodaTime;
using WelfareRules.Benefits;
using WelfareRules.Benefits.HealthInsurance;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Policy;
using WelfareRules.Populations;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Populations;

public sealed class PopulationEngineTest
{
    private const int Size = 100_000;

    private static readonly EvaluationOptions Quiet = new() { Explain = false };

    private static readonly Lazy<(List<Situation> Situations, Population Population)> Varied = new(() =>
    {
        var situations = VariedPopulation.Create(Size, 2027);
        return (situations, Population.Create(situations));
    });

    [Fact]
    public void Evaluate_VariedPopulationInEveryMonth_EqualsTheSinglePersonPathForEveryPerson()
    {
        var (situations, population) = Varied.Value;
        var groups = new ConcurrentDictionary<string, byte>();
        var kinds = new ConcurrentDictionary<EntitlementKind, byte>();
        var errors = new ConcurrentDictionary<EvaluationError, byte>();
        // Month by month, with each profile's report reused across months under the same law.
        foreach (var result in PopulationEngine.Evaluate(RuleSet.BuiltIn, population, VariedPopulation.Months))
        {
            var month = result.Month;
            var mismatches = new ConcurrentBag<string>();
            Parallel.For(0, situations.Count, i =>
            {
                var situation = situations[i] with { Month = month };
                Report? expected = null;
                EvaluationException? error = null;
                try
                {
                    expected = RuleSet.BuiltIn.Evaluate(situation, Quiet);
                }
                catch (EvaluationException e)
                {
                    error = e;
                }

                var actual = result.ReportOf(i);
                if (error is not null)
                {
                    errors.TryAdd(error.Error, 0);
                    if (actual is not null || result.ErrorOf(i)?.Message != error.Message)
                    {
                        mismatches.Add($"person {i} in {month}: the single-person path fails ({error.Message}), the engine gives {(actual is null ? result.ErrorOf(i)?.Message : ReportJson.ToJson(actual))}");
                    }
                }
                else if (actual is null || Difference(expected!, actual) is { } difference)
                {
                    mismatches.Add($"person {i} in {month}: {(actual is null ? "the engine fails" : Difference(expected!, actual))}\n  expected {ReportJson.ToJson(expected!)}\n  actual   {(actual is null ? "-" : ReportJson.ToJson(actual))}");
                }
                else
                {
                    foreach (var e in expected!.Entitlements)
                    {
                        kinds.TryAdd(e.Kind, 0);
                        groups.TryAdd(e.Group ?? "-", 0);
                    }
                }
            });

            Assert.True(mismatches.IsEmpty, $"{mismatches.Count} mismatches, e.g.\n{string.Join("\n", mismatches.Take(5))}");
            Assert.Equal(situations.Count, result.Evaluated + result.Errors);
        }

        // The population reached every benefit, every group of the built-in law and every kind of error.
        Assert.Equal(Enum.GetValues<EntitlementKind>().Order(), kinds.Keys.Order());
        Assert.Empty(RuleSet.BuiltIn.Groups
            .Where(g => g.Eligibility?.Benefit is not (WelfareRules.Law.Conditions.GroupBenefit.HealthInsurance or WelfareRules.Law.Conditions.GroupBenefit.HealthInsuranceLocal))
            .Select(g => g.Id).Except(groups.Keys));
        Assert.Equal(new[] { EvaluationError.UnknownJurisdiction, EvaluationError.LawNotEncoded, EvaluationError.InconsistentFacts }.Order(), errors.Keys.Order());
    }

    [Fact]
    public void Evaluate_DraftChangingTheLawsAges_EqualsTheSinglePersonPath()
    {
        // Ages are data: a draft that moves them (and adds a group with an age of its own) must move the engine's
        // reading of every person with them, with no change to the engine.
        const string Draft = """
            {
              "format": 1, "id": "DRAFT-AGES-2027", "kind": "draft", "title": "Dự thảo thay đổi các mốc tuổi", "issuer": "Chính phủ (dự thảo)",
              "jurisdiction": "VN", "appliesFrom": "2027-01-01", "status": "provisional",
              "provisions": [
                { "parameter": "age", "case": "child", "from": "2027-01-01", "value": 18, "basis": { "article": "1" } },
                { "parameter": "age", "case": "young-child", "from": "2027-01-01", "value": 5, "basis": { "article": "1" } },
                { "parameter": "age", "case": "elderly-80", "from": "2027-01-01", "value": 78, "basis": { "article": "1" } },
                { "parameter": "age", "case": "student-limit", "from": "2027-01-01", "value": 24, "basis": { "article": "1" } }
              ]
            }
            """;
        var rules = RuleSet.BuiltIn
            .With(InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes(Draft), "ages.json"))
            .With(InstrumentReader.ReadFile(Docs("policy-example", "hanoi-elderly-near-poor.json")));
        var (situations, population) = Varied.Value;
        YearMonth[] months = [new(2026, 12), new(2027, 1), new(2027, 6), new(2028, 2)];
        foreach (var result in PopulationEngine.Evaluate(rules, population, months))
        {
            var mismatches = new ConcurrentBag<string>();
            Parallel.For(0, situations.Count, i =>
            {
                Report? expected = null;
                try
                {
                    expected = rules.Evaluate(situations[i] with { Month = result.Month }, Quiet);
                }
                catch (EvaluationException)
                {
                }

                var actual = result.ReportOf(i);
                if ((expected is null) != (actual is null) || (expected is not null && Difference(expected, actual!) is not null))
                {
                    mismatches.Add($"person {i} in {result.Month}: expected {(expected is null ? "-" : ReportJson.ToJson(expected))}\n  actual {(actual is null ? "-" : ReportJson.ToJson(actual))}");
                }
            });

            Assert.True(mismatches.IsEmpty, $"{mismatches.Count} mismatches, e.g.\n{string.Join("\n", mismatches.Take(3))}");
        }
    }

    [Fact]
    public void Evaluate_ProvinceGroupReadingFactsNoBuiltInGroupReads_EqualsTheSinglePersonPath()
    {
        // docs/policy-example/province-own-group.json: a group of a made-up province reads parentReceivesAllowance and
        // parentDetained, which no built-in group reads. The engine needs no change to read them.
        var rules = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(Docs("policy-example", "province-own-group.json")));
        var random = new Random(14);
        var zz = Jurisdiction.Parse("VN-ZZ");
        var situations = VariedPopulation.Create(20_000, 14).Select(s => random.Next(3) == 0
            ? s with
            {
                Jurisdiction = zz,
                Person = s.Person with { ParentReceivesAllowance = random.Next(2) == 0, ParentDetained = random.Next(2) == 0 },
            }
            : s).ToList();
        var population = Population.Create(situations);
        int paid = 0;
        foreach (var result in PopulationEngine.Evaluate(rules, population, [new YearMonth(2026, 12), new YearMonth(2027, 3), new YearMonth(2028, 6)]))
        {
            for (int i = 0; i < situations.Count; i++)
            {
                Report? expected = null;
                try
                {
                    expected = rules.Evaluate(situations[i] with { Month = result.Month }, Quiet);
                }
                catch (EvaluationException)
                {
                }

                var actual = result.ReportOf(i);
                Assert.True((expected is null) == (actual is null) && (expected is null || Difference(expected, actual!) is null),
                    $"person {i} in {result.Month}: expected {(expected is null ? "-" : ReportJson.ToJson(expected))}, actual {(actual is null ? "-" : ReportJson.ToJson(actual))}");
                paid += actual?.Entitlements.Count(e => e.Group == "ZZ-CHILD-1") ?? 0;
            }
        }

        Assert.True(paid > 0, "the province's group paid no one: the test would prove nothing");
    }

    /// <summary>Groups whose conditions read what a profile keeps nothing of by itself, each with whether the engine must evaluate persons one by one for it.</summary>
    private static readonly Dictionary<string, (string When, bool Exact)> CalendarGroups = new()
    {
        // The month of the year outside a "reachedThisYear" conjunction: no profile can be shared across months.
        ["ZZ-TET"] = ("""{ "all": [ { "age": { "atLeast": "elderly" } }, { "monthOfYear": { "atMost": 1 } } ] }""", true),
        // A decision in the benefit month: the profile keeps only whether it is after the month.
        ["ZZ-DECIDED"] = ("""{ "date": "decisionSignedOn", "relation": "inMonth" }""", true),
        // The year a person reaches 60 (not the health-insurance child's age): the profile keeps such years.
        ["ZZ-TURNING"] = ("""{ "age": { "reachedThisYear": "elderly" } }""", false),
        // Within a window of its own after leaving poverty: the profile counts every window the conditions name.
        ["ZZ-ESCAPED"] = ("""{ "date": "household.escapedPovertyMonth", "relation": "withinMonths", "months": 7 }""", false),
        // The age at death read while the person lives (a death recorded after the benefit month): the profile keeps the
        // age at death only in the month of death.
        ["ZZ-DIES-YOUNG"] = ("""{ "age": { "belowAtDeath": "elderly" } }""", true),
        // Children counted by every reading of a child's age, its birth month and whether in education: the profile
        // keeps each count, whose outcomes are kept by the month the child was born in.
        ["ZZ-CHILDREN"] = ("""
            { "any": [
              { "children": { "where": { "all": [ { "age": { "until": "child" } }, { "birthMonth": { "atMost": 6 } } ] }, "atLeast": 2 } },
              { "children": { "where": { "any": [ { "age": { "reachedThisYear": "hi-child" } }, { "all": [ { "age": { "atLeast": "child" } }, { "age": { "below": "student-limit" } }, { "fact": "inEducation", "is": true } ] } ] } } }
            ] }
            """, false),
    };

    [Theory]
    [InlineData("ZZ-TET")]
    [InlineData("ZZ-DECIDED")]
    [InlineData("ZZ-TURNING")]
    [InlineData("ZZ-ESCAPED")]
    [InlineData("ZZ-CHILDREN")]
    [InlineData("ZZ-DIES-YOUNG")]
    public void Evaluate_GroupReadingWhatTheProfileDoesNotKeep_EqualsTheSinglePersonPath(string id)
    {
        // The engine must tell these persons and months apart, or evaluate them one by one: never reuse a report wrongly.
        var (when, exact) = CalendarGroups[id];
        string draft = $$"""
            {
              "format": 1, "id": "DRAFT-ZZ-CALENDAR-2027", "kind": "draft", "title": "Dự thảo nhóm theo lịch (giả định)", "issuer": "HĐND tỉnh ZZ (giả định)",
              "jurisdiction": "VN-ZZ", "appliesFrom": "2027-01-01", "status": "provisional",
              "groups": [ { "id": "{{id}}", "code": "ZZC", "from": "2027-01-01", "title": "Nhóm giả định", "basis": { "article": "4" }, "when": {{when}} } ],
              "provisions": [ { "parameter": "coefficient", "group": "{{id}}", "case": "single", "from": "2027-01-01", "value": 0.5, "basis": { "article": "4" } } ]
            }
            """;
        var rules = RuleSet.BuiltIn
            .With(InstrumentReader.ReadFile(Docs("policy-example", "province-own-group.json")))
            .With(InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes(draft), "calendar.json"));
        Assert.Equal(exact, ProfileCoverage.Of([rules]).Exact is not null);
        var random = new Random(15);
        var zz = Jurisdiction.Parse("VN-ZZ");
        var situations = VariedPopulation.Create(20_000, 15).Select(s => random.Next(2) == 0
            ? s with
            {
                Jurisdiction = zz,
                Person = s.Person with
                {
                    DecisionSignedOn = random.Next(3) == 0 ? new LocalDate(2027, 1 + random.Next(3), 1 + random.Next(28)) : s.Person.DecisionSignedOn,
                    DeathDate = random.Next(4) == 0 ? new LocalDate(2028, 6, 1).PlusDays(random.Next(3 * 365)) : s.Person.DeathDate,
                    ChildrenRaisedAlone = random.Next(3) == 0
                        ? [.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => new RaisedChild(new LocalDate(2002, 1, 1).PlusDays(random.Next(27 * 365)), random.Next(2) == 0))]
                        : s.Person.ChildrenRaisedAlone,
                    Household = s.Person.Household with { EscapedPovertyMonth = random.Next(3) == 0 ? new YearMonth(2026, 1 + random.Next(12)) : s.Person.Household.EscapedPovertyMonth },
                },
            }
            : s).ToList();
        var population = Population.Create(situations);
        int paid = 0;
        foreach (var result in PopulationEngine.Evaluate(rules, population, [new YearMonth(2027, 1), new YearMonth(2027, 2), new YearMonth(2027, 3), new YearMonth(2028, 1)]))
        {
            for (int i = 0; i < situations.Count; i++)
            {
                Report? expected = null;
                try
                {
                    expected = rules.Evaluate(situations[i] with { Month = result.Month }, Quiet);
                }
                catch (EvaluationException)
                {
                }

                var actual = result.ReportOf(i);
                Assert.True((expected is null) == (actual is null) && (expected is null || Difference(expected, actual!) is null),
                    $"person {i} in {result.Month}: expected {(expected is null ? "-" : ReportJson.ToJson(expected))}, actual {(actual is null ? "-" : ReportJson.ToJson(actual))}");
                paid += actual?.Entitlements.Count(e => e.Group == id) ?? 0;
            }
        }

        Assert.True(paid > 0, $"{id} paid no one: the test would prove nothing");
    }

    [Fact]
    public void ProfileCoverage_BuiltInLaw_KeepsEverythingItReads()
    {
        // The built-in law never makes the engine evaluate persons one by one; its only "reachedThisYear" is the child's card.
        var coverage = ProfileCoverage.Of([RuleSet.BuiltIn]);
        Assert.Null(coverage.Exact);
        Assert.Equal("hi-child", Assert.Single(coverage.YearAgeCases));
    }

    private static string Docs(params string[] parts) => RepositoryFiles.Docs(parts);

    [Fact]
    public void Evaluate_Totals_EqualTheSumOverPersons()
    {
        var (situations, population) = Varied.Value;
        var month = new YearMonth(2026, 2);
        var result = PopulationEngine.Evaluate(RuleSet.BuiltIn, population, month);
        var reports = Enumerable.Range(0, population.Count).Select(result.ReportOf).OfType<Report>().ToList();

        // The cost of the month: every entitlement and the state's share of health-insurance premiums.
        Assert.Equal(reports.Aggregate(Dong.Zero, (s, r) => s + r.Total + (r.HealthInsurance?.StatePays ?? Dong.Zero)), result.Total);
        Assert.Equal(reports.Aggregate(Dong.Zero, (s, r) => s + (r.HealthInsurance?.StatePays ?? Dong.Zero)), Assert.Single(result.ByKind, t => t.Key == "health-insurance").Amount);
        Assert.Equal(result.Total, result.ByKind.Aggregate(Dong.Zero, (s, t) => s + t.Amount));
        Assert.Equal(result.Total, result.ByGroup.Aggregate(Dong.Zero, (s, t) => s + t.Amount));
        Assert.Equal(result.Total, result.ByPayee.Aggregate(Dong.Zero, (s, t) => s + t.Amount));
        foreach (var line in result.ByKind)
        {
            Assert.Equal(
                line.Key == "health-insurance"
                    ? reports.Count(r => r.HealthInsurance?.StatePays > Dong.Zero)
                    : reports.Count(r => r.Entitlements.Any(e => ContractNames.Of(e.Kind) == line.Key)),
                line.Persons);
        }

        // By group (a group-less entitlement under its kind) and by payee (the state's payment is the beneficiary's).
        foreach (var line in result.ByGroup)
        {
            static bool In(Report r, string key) => key == "health-insurance"
                ? r.HealthInsurance?.StatePays > Dong.Zero
                : r.Entitlements.Any(e => (e.Group ?? ContractNames.Of(e.Kind)) == key);
            Assert.Equal(reports.Count(r => In(r, line.Key)), line.Persons);
            Assert.Equal(
                reports.Aggregate(Dong.Zero, (s, r) => s + (line.Key == "health-insurance" ? r.HealthInsurance?.StatePays ?? Dong.Zero
                    : r.Entitlements.Where(e => (e.Group ?? ContractNames.Of(e.Kind)) == line.Key).Aggregate(Dong.Zero, (t, e) => t + e.Amount))),
                line.Amount);
        }

        Assert.Contains(result.ByGroup, line => line.Key != "health-insurance");
        foreach (var line in result.ByPayee)
        {
            bool beneficiary = line.Key == ContractNames.Of(Payee.Beneficiary);
            Assert.Equal(
                reports.Count(r => r.Entitlements.Any(e => ContractNames.Of(e.Payee) == line.Key) || (beneficiary && r.HealthInsurance?.StatePays > Dong.Zero)),
                line.Persons);
            Assert.Equal(
                reports.Aggregate(Dong.Zero, (s, r) => s + r.Entitlements.Where(e => ContractNames.Of(e.Payee) == line.Key).Aggregate(Dong.Zero, (t, e) => t + e.Amount)
                    + (beneficiary ? r.HealthInsurance?.StatePays ?? Dong.Zero : Dong.Zero)),
                line.Amount);
        }

        // Persons with merit records are each a profile of their own; the others share.
        int merit = situations.Count(s => !s.Person.Merit.IsEmpty);
        Assert.True(result.Profiles - merit < (situations.Count - merit) / 2, $"{result.Profiles} profiles for {situations.Count} persons, {merit} of them with merit records");
    }

    [Fact]
    public void Evaluate_SeveralMonths_SameAsEachMonthAlone()
    {
        var (_, population) = Varied.Value;
        // Months of one law, of another (July's standard) and back: each month's totals counted by the shapes of its own reports.
        YearMonth[] months = [new(2026, 3), new(2026, 1), new(2026, 7), new(2026, 2), new(2025, 12), new(2026, 8)];
        var together = PopulationEngine.Evaluate(RuleSet.BuiltIn, population, months, maxDegreeOfParallelism: 1).ToList();

        Assert.Equal(months, together.Select(r => r.Month));
        foreach (var result in together)
        {
            var alone = PopulationEngine.Evaluate(RuleSet.BuiltIn, population, result.Month);
            Assert.Equal(alone.Total, result.Total);
            Assert.Equal(string.Join("\n", alone.ByGroup), string.Join("\n", result.ByGroup));
            Assert.Equal(string.Join("\n", alone.ByKind), string.Join("\n", result.ByKind));
            Assert.Equal(string.Join("\n", alone.ByPayee), string.Join("\n", result.ByPayee));
            Assert.Equal((alone.Evaluated, alone.Errors), (result.Evaluated, result.Errors));
            Assert.All(Enumerable.Range(0, population.Count), i => Assert.Equal(result.Month, result.ReportOf(i)?.Month ?? result.Month));
        }
    }

    [Fact]
    public void Evaluate_ConsecutiveMonthsThenBackAndOnAgain_EachPersonAsInTheMonthAlone()
    {
        // Months that follow the last (each month's outcomes taken from the last one's, only the profiles whose persons
        // went to or from none looked at), July's new standard, then back to February (sorted afresh) and on again.
        var (situations, population) = Varied.Value;
        YearMonth[] months = [new(2026, 1), new(2026, 2), new(2026, 3), new(2026, 6), new(2026, 7), new(2026, 8), new(2026, 2), new(2026, 3), new(2026, 4)];
        var mismatches = new ConcurrentBag<string>();
        foreach (var result in PopulationEngine.Evaluate(RuleSet.BuiltIn, population, months, maxDegreeOfParallelism: 2))
        {
            var alone = PopulationEngine.Evaluate(RuleSet.BuiltIn, population, result.Month, maxDegreeOfParallelism: 2);
            Assert.Equal((alone.Total, alone.Evaluated, alone.Errors), (result.Total, result.Evaluated, result.Errors));
            Assert.Equal(string.Join("\n", alone.ByGroup), string.Join("\n", result.ByGroup));
            Assert.Equal(string.Join("\n", alone.ByKind), string.Join("\n", result.ByKind));
            Assert.Equal(string.Join("\n", alone.ByPayee), string.Join("\n", result.ByPayee));
            Parallel.For(0, situations.Count, i =>
            {
                var (expected, actual) = (alone.ReportOf(i), result.ReportOf(i));
                string? why = expected is null || actual is null ? (expected is null) == (actual is null) ? null : "one path fails" : Difference(expected, actual);
                if (why is not null)
                {
                    mismatches.Add($"person {i} in {result.Month}: {why}");
                }
            });
        }

        Assert.True(mismatches.IsEmpty, string.Join("\n", mismatches));
    }

    [Fact]
    public void ReportOf_ProfileMetInAnEarlierMonth_IsDatedToTheMonthAndSharedByItsPersons()
    {
        var (_, population) = Varied.Value;
        var months = PopulationEngine.Evaluate(RuleSet.BuiltIn, population, [new YearMonth(2026, 2), new YearMonth(2026, 3)]).ToList();
        var march = months[1];
        var persons = Enumerable.Range(0, population.Count).Where(i => march.ReportOf(i) is not null).ToList();
        var shared = persons.GroupBy(march.ProfileOf).First(g => g.Count() > 1).ToList();

        Assert.All(persons, i => Assert.Equal(new YearMonth(2026, 3), march.ReportOf(i)!.Month));
        Assert.Same(march.ReportOf(shared[0]), march.ReportOf(shared[1]));
        Assert.Same(march.ReportOf(shared[0]), march.ReportOf(shared[0]));
        Assert.Equal(new YearMonth(2026, 2), months[0].ReportOf(shared[0])!.Month);
    }

    [Fact]
    public void Evaluate_OneCoreOrAll_SameResult()
    {
        var (_, population) = Varied.Value;
        var month = new YearMonth(2025, 9);
        var one = PopulationEngine.Evaluate(RuleSet.BuiltIn, population, month, maxDegreeOfParallelism: 1);
        var all = PopulationEngine.Evaluate(RuleSet.BuiltIn, population, month);

        Assert.Equal(one.Total, all.Total);
        Assert.Equal(one.Profiles, all.Profiles);
        Assert.Equal(string.Join("\n", one.ByGroup), string.Join("\n", all.ByGroup));
        Assert.All(Enumerable.Range(0, population.Count), i => Assert.Equal(one.ReportOf(i)?.Total, all.ReportOf(i)?.Total));
    }

    [Fact]
    public void Run_PopulationAgainstADraft_EqualsTheComparisonOneByOne()
    {
        var draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json")));
        var (situations, population) = Varied.Value;
        var month = new YearMonth(2027, 3);
        var inMonth = situations.Select(s => s with { Month = month }).ToList();
        var (expected, expectedDifferences, expectedErrors) = Collect((d, e) => PolicyComparison.RunOneByOne(RuleSet.BuiltIn, draft, inMonth, d, e));
        var (compact, compactDifferences, compactErrors) = Collect((d, e) => PolicyComparison.Run(RuleSet.BuiltIn, draft, population, month, d, e));

        Assert.True(expected.Gainers > 1000, $"{expected.Gainers} gainers");
        Assert.True(expected.Errors > 100, $"{expected.Errors} errors");
        Assert.Equal(Describe(expected), Describe(compact));
        Assert.Equal(expectedErrors, compactErrors);
        Assert.Equal(expectedDifferences, compactDifferences);
    }

    [Fact]
    public void Run_PopulationOverSeveralMonths_EqualsTheOneByOneComparisonOfEachMonth()
    {
        // Months across the draft's start, a month repeated by the law (2027-06 after 2027-03) and one before
        // ND 20's rise: profiles evaluated in one month are reused in another only where the law is the same.
        var draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json")));
        var (situations, population) = Varied.Value;
        YearMonth[] months = [new(2026, 12), new(2027, 3), new(2027, 6), new(2024, 6)];
        var everyMonth = months.SelectMany(m => situations.Select(s => s with { Month = m })).ToList();
        var (expected, expectedDifferences, expectedErrors) = Collect((d, e) => PolicyComparison.RunOneByOne(RuleSet.BuiltIn, draft, everyMonth, d, e));
        var (compact, compactDifferences, compactErrors) = Collect((d, e) => PolicyComparison.Run(RuleSet.BuiltIn, draft, population, months, d, e));

        Assert.Equal(4L * situations.Count, expected.Persons + expected.Errors);
        Assert.True(expected.Gainers > 1000, $"{expected.Gainers} gainers");
        Assert.Equal(Describe(expected), Describe(compact));
        Assert.Equal(expectedErrors.Count, compactErrors.Count);

        // The same differences, in the same order, each with the month's reports (the one-by-one run numbers
        // persons across the months, the compact one within each).
        var expectedByPerson = new List<string>();
        var compactByPerson = new List<string>();
        PolicyComparison.RunOneByOne(RuleSet.BuiltIn, draft, everyMonth, d => expectedByPerson.Add((d.Index % situations.Count).ToString(CultureInfo.InvariantCulture) + Describe(d)[d.Index.ToString(CultureInfo.InvariantCulture).Length..] + " " + d.BaselineReport.Month + " " + d.ChangedReport.Month));
        PolicyComparison.Run(RuleSet.BuiltIn, draft, population, months, d => compactByPerson.Add(Describe(d) + " " + d.BaselineReport.Month + " " + d.ChangedReport.Month));
        Assert.Equal(expectedDifferences.Count, compactDifferences.Count);
        Assert.Equal(expectedByPerson, compactByPerson);
    }

    [Fact]
    public void Run_DraftAddingASupportWindowFromAMonth_EqualsTheOneByOneComparisonOfEachMonth()
    {
        // From 2027-03 the draft shortens Hanoi's support after leaving poverty from 36 to 24 months: the windows
        // the profiles count against change with the month while the baseline's law does not, so a baseline
        // profile met in 2027-02 must not be taken for one of 2027-03.
        var draft = RuleSet.BuiltIn.With(InstrumentReader.Read(
            """{"format":1,"id":"DRAFT-HN-24","kind":"draft","title":"Dự thảo","issuer":"test","jurisdiction":"VN-HN","appliesFrom":"2027-03-01","status":"provisional","provisions":[{"parameter":"health-insurance-escaped-poverty-months","from":"2027-03-01","value":24,"basis":{"article":"1"}}]}"""u8,
            "draft.json"));
        var persons = Enumerable.Range(0, 20_000).Select(i => new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 12), new Person(new LocalDate(1950 + (i % 60), 1 + (i % 12), 1))
        {
            Household = new Household { EscapedPovertyMonth = new YearMonth(2022, 1).PlusMonths(i % 60) },
            PermanentResident = true,
            Student = i % 7 == 0,
        })).ToList();
        var population = Population.Create(persons);
        YearMonth[] months = [new(2027, 1), new(2027, 2), new(2027, 3), new(2027, 4)];
        var everyMonth = months.SelectMany(m => persons.Select(s => s with { Month = m })).ToList();

        var expected = PolicyComparison.RunOneByOne(RuleSet.BuiltIn, draft, everyMonth);
        var compact = PolicyComparison.Run(RuleSet.BuiltIn, draft, population, months);
        var streamed = PolicyComparison.Run(RuleSet.BuiltIn, draft, everyMonth);

        Assert.True(expected.Losers > 100, $"{expected.Losers} losers");
        Assert.Equal(Describe(expected), Describe(compact));
        Assert.Equal(Describe(expected), Describe(streamed));
    }

    [Fact]
    public void Run_MonthGivenTwice_IsRefused()
    {
        var (_, population) = Varied.Value;
        var error = Assert.Throws<ArgumentException>(() => PolicyComparison.Run(RuleSet.BuiltIn, RuleSet.BuiltIn, population, [new YearMonth(2027, 1), new YearMonth(2027, 1)]));
        Assert.Contains("2027-01 is given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StreamOfSeveralMonthsAndBatches_EqualsTheComparisonOneByOne()
    {
        var draft = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(Law.RuleFileValidationTest.RuleFile("draft-standard-2027.json")));
        var (situations, _) = Varied.Value;
        YearMonth[] months = [new(2026, 12), new(2027, 1), new(2027, 6), new(2021, 6)];
        var stream = situations.Take(PolicyComparison.BatchSize + 20_000).Select((s, i) => s with { Month = months[i % 7 % months.Length] }).ToList();
        stream.Insert(5, stream[5] with { Person = stream[5].Person with { ChildrenUnder36Months = 300 } });
        var (expected, expectedDifferences, expectedErrors) = Collect((d, e) => PolicyComparison.RunOneByOne(RuleSet.BuiltIn, draft, stream, d, e));
        var (streamed, streamedDifferences, streamedErrors) = Collect((d, e) => PolicyComparison.Run(RuleSet.BuiltIn, draft, stream, d, e));

        Assert.True(expected.Gainers > 1000, $"{expected.Gainers} gainers");
        Assert.Equal(Describe(expected), Describe(streamed));
        Assert.Equal(expectedErrors, streamedErrors);
        Assert.Equal(expectedDifferences, streamedDifferences);
    }

    private static (ComparisonSummary Summary, List<string> Differences, List<string> Errors) Collect(
        Func<Action<PersonDifference>, Action<long, EvaluationException>, ComparisonSummary> run)
    {
        var differences = new List<string>();
        var errors = new List<string>();
        var summary = run(d => differences.Add(Describe(d)), (i, e) => errors.Add($"{i}: {e.Message}"));
        return (summary, differences, errors);
    }

    [Fact]
    public void PersonAt_EveryPerson_EqualsTheOneAdded()
    {
        var (situations, population) = Varied.Value;
        for (int i = 0; i < situations.Count; i++)
        {
            Assert.Equal(situations[i].Person, population.PersonAt(i));
            Assert.Equal(situations[i].Jurisdiction, population.JurisdictionAt(i));
        }
    }

    [Fact]
    public void AgeBands_EveryAgeOfTheBuiltInLaw_IsABreakpoint()
    {
        // The law's ages are data: every value of the age parameter is a line the engine reads a person by.
        var ages = RuleSet.BuiltIn.Instruments.SelectMany(i => i.Provisions).Where(p => p.Key.Name == "age").Select(p => (int)p.Value).Distinct().ToList();

        Assert.True(ages.Count >= 8, string.Join(", ", ages));
        Assert.All(ages, age => Assert.Contains(age, AgeBands.Of(ProfileCoverage.Of([RuleSet.BuiltIn]).YearAgeCases, RuleSet.BuiltIn).Breakpoints));
    }

    [Fact]
    public void FactBits_EveryFactOfAPerson_IsHeldByThePopulation()
    {
        // A fact added to Person or Household must be packed by the population (FactBits or a column) and
        // read by ProfileKey; this list is the reminder.
        string[] held =
        [
            "BirthDate", "DeathDate", "DeathCause", "Cremated", "PermanentResident", "Household", "Orphanhood", "InEducation",
            "HivPositive", "Disability", "DisabilityCertifiedOn", "ChildrenRaisedAlone", "WithoutSupporter", "ReceivesPension", "PensionBelowSocialPension", "ParentReceivesAllowance", "ParentDetained",
            "LivingArrangement", "EligibleForFacilityCare", "Pregnant", "ChildrenUnder36Months", "DecisionSignedOn", "EthnicMinority",
            "Student", "HasOtherHealthInsurance", "HealthInsuranceHouseholdOrder",
            "Merit", // a side column: each person with merit records is a profile of their own
            "Sex", "IncomePerPerson", // descriptive, for the distribution of a comparison: no condition reads them, the engine keeps none
            "Poverty", "Area", "ExtremelyDifficultArea", "EscapedPovertyMonth", "AverageLivingStandardFarming", "IsPoorOrNearPoor",
        ];
        var facts = typeof(Person).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Concat(typeof(Household).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => p.Name);

        Assert.Empty(facts.Except(held));
    }

    [Theory]
    [InlineData(256, 0, "ChildrenUnder36Months")]
    [InlineData(0, 300, "HealthInsuranceHouseholdOrder")]
    public void Add_CountBeyondTheCompactForm_IsRefusedByName(int childrenUnder36, int order, string name)
    {
        var person = new Person(new LocalDate(1990, 1, 1)) { ChildrenUnder36Months = childrenUnder36, HealthInsuranceHouseholdOrder = order };
        var error = Assert.Throws<ArgumentException>(() => new PopulationBuilder().Add(Jurisdiction.Vietnam, person));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Contains("person 0", error.Message, StringComparison.Ordinal);
    }

    private static string? Difference(Report expected, Report actual)
    {
        if (expected.Total != actual.Total || expected.Month != actual.Month || expected.Jurisdiction != actual.Jurisdiction)
        {
            return "totals, months or jurisdictions differ";
        }

        if (expected.Standard.Amount != actual.Standard.Amount || expected.Standard.Basis != actual.Standard.Basis)
        {
            return "standards differ";
        }

        if (expected.Entitlements.Length != actual.Entitlements.Length)
        {
            return "entitlement counts differ";
        }

        for (int k = 0; k < expected.Entitlements.Length; k++)
        {
            var (e, a) = (expected.Entitlements[k], actual.Entitlements[k]);
            if (e.Kind != a.Kind || e.Payee != a.Payee || e.Amount != a.Amount || e.Coefficient != a.Coefficient || e.Group != a.Group || !e.Basis.SequenceEqual(a.Basis))
            {
                return $"entitlement {k} differs";
            }
        }

        if (!expected.Warnings.SequenceEqual(actual.Warnings))
        {
            return "warnings differ";
        }

        var (x, y) = (expected.HealthInsurance, actual.HealthInsurance);
        if ((x is null) != (y is null)
            || (x is not null && (x.Premium != y!.Premium || x.StateShare != y.StateShare || x.StatePays != y.StatePays || x.PersonPays != y.PersonPays || !x.Basis.SequenceEqual(y.Basis))))
        {
            return "health insurance differs";
        }

        return null;
    }

    private static string Describe(ComparisonSummary s) =>
        $"{s.Persons} {s.Gainers} {s.Losers} {s.Errors} {s.BaselineTotal} {s.ChangedTotal} | {string.Join("; ", s.ByKind)} | {string.Join("; ", s.ByGroup)} | {string.Join("; ", s.ByPayee)}";

    private static string Describe(PersonDifference d) =>
        $"{d.Index} {d.Situation} {d.Difference} {string.Join("; ", d.Changes)} {string.Join("; ", d.Causes)}";
}
