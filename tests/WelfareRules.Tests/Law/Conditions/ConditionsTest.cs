using System;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Law.Conditions;

/// <summary>
/// Groups stated by conditions in a rule file: the vocabulary read and checked when the file is loaded (file, line, JSON
/// path), evaluated and explained in both languages, and a draft that adds a group with an age of its own.
/// </summary>
public sealed class ConditionsTest
{
    private static readonly Jurisdiction Zz = Jurisdiction.Parse("VN-ZZ");

    /// <summary>A made-up province whose one group is stated by <paramref name="when"/>, with an age of its own (70).</summary>
    private static string Province(string when, string extraProvisions = "") => $$"""
        {
          "format": 1, "id": "01/2027/NQ-HĐND-ZZ", "kind": "resolution", "title": "Nghị quyết mẫu (tỉnh giả định)",
          "issuer": "HĐND tỉnh ZZ (giả định)", "jurisdiction": "VN-ZZ", "appliesFrom": "2027-01-01", "status": "verified",
          "groups": [
            { "id": "ZZ-70", "code": "ZZ70", "from": "2027-01-01", "title": "Người từ đủ 70 tuổi thuộc hộ cận nghèo",
              "titleEn": "Aged 70 or over in a near-poor household", "basis": { "article": "3" },
              "when": {{when}} }
          ],
          "provisions": [
            { "parameter": "standard", "from": "2027-01-01", "value": 600000, "basis": { "article": "2" } },
            { "parameter": "age", "case": "zz-elderly", "from": "2027-01-01", "value": 70, "basis": { "article": "3", "clause": "1" } },
            { "parameter": "coefficient", "group": "ZZ-70", "case": "single", "from": "2027-01-01", "value": 1.5, "basis": { "article": "3", "clause": "2" } }{{extraProvisions}}
          ]
        }
        """;

    private const string Valid = """{ "all": [ { "fact": "household.poverty", "in": ["nearPoor"] }, { "age": { "atLeast": "zz-elderly" }, "basis": { "article": "3", "clause": "1" } } ] }""";

    private static Instrument Read(string json) => InstrumentReader.Read(Encoding.UTF8.GetBytes(json), "zz.json");

    private static Report Evaluate(RuleSet rules, int birthYear, Poverty poverty) =>
        rules.Evaluate(new Situation(Zz, new YearMonth(2027, 3), new Person(new LocalDate(birthYear, 1, 1)) { Household = new Household { Poverty = poverty } }));

    [Fact]
    public void Evaluate_GroupStatedByConditions_PaysAndExplainsEachCondition()
    {
        var rules = RuleSet.BuiltIn.With(Read(Province(Valid)));

        var report = Evaluate(rules, 1955, Poverty.NearPoor);

        var allowance = Assert.Single(report.Entitlements);
        Assert.Equal(("ZZ-70", 900_000L), (allowance.Group, allowance.Amount.Value));
        var step = Assert.Single(report.Explanation, s => s.English.StartsWith("ZZ70", StringComparison.Ordinal));
        Assert.Contains("household: nearPoor", step.English, StringComparison.Ordinal);
        Assert.Contains("aged 72, at least 70", step.English, StringComparison.Ordinal);
        Assert.Contains("72 tuổi, từ đủ 70 tuổi", step.Vietnamese, StringComparison.Ordinal);
        Assert.Contains(step.Basis, c => c.Instrument == "01/2027/NQ-HĐND-ZZ" && c.Article == "3" && c.Clause == "1");
    }

    [Fact]
    public void Evaluate_OneConditionUnderTwoLaws_ExplainsEachLawsAge()
    {
        // The same instrument (the same condition objects) in two rule sets, one raising the age to 71 from February:
        // a person of 72 meets both, and each explanation names its own law's age, however often either is asked (a
        // condition keeps the notes it made by the month's law).
        var province = Read(Province(Valid));
        var draft = Read("""
            {
              "format": 1, "id": "DRAFT-ZZ-71", "kind": "draft", "title": "Dự thảo (giả định)", "issuer": "HĐND tỉnh ZZ (giả định)",
              "jurisdiction": "VN-ZZ", "appliesFrom": "2027-02-01", "status": "provisional",
              "provisions": [ { "parameter": "age", "case": "zz-elderly", "from": "2027-02-01", "value": 71, "basis": { "article": "1" } } ]
            }
            """);
        var seventy = RuleSet.BuiltIn.With(province);
        var seventyOne = RuleSet.BuiltIn.With(province).With(draft);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            foreach (var (rules, age) in new[] { (seventy, "70"), (seventyOne, "71") })
            {
                var step = Assert.Single(Evaluate(rules, 1955, Poverty.NearPoor).Explanation, s => s.English.StartsWith("ZZ70", StringComparison.Ordinal));
                Assert.Contains("aged 72, at least " + age, step.English, StringComparison.Ordinal);
                Assert.Contains("72 tuổi, từ đủ " + age + " tuổi", step.Vietnamese, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(1958, Poverty.NearPoor)]
    [InlineData(1955, Poverty.None)]
    public void Evaluate_ConditionNotMet_NoAllowance(int birthYear, Poverty poverty)
    {
        var rules = RuleSet.BuiltIn.With(Read(Province(Valid)));

        Assert.Empty(Evaluate(rules, birthYear, poverty).Entitlements);
    }

    [Theory]
    [InlineData("""{ "fact": "hivPositve", "is": true }""", "$.groups[0].when.fact", "unknown fact \"hivPositve\"")]
    [InlineData("""{ "fact": "hivPositive", "is": "yes" }""", "$.groups[0].when.is", "is true or false")]
    [InlineData("""{ "fact": "household.poverty", "in": ["veryPoor"] }""", "$.groups[0].when.in[0]", "is not one of none, poor, nearPoor")]
    [InlineData("""{ "fact": "household.poverty", "notin": ["poor"] }""", "$.groups[0].when.notin", "unknown property \"notin\"")]
    [InlineData("""{ "fact": "childrenUnder36Months", "atLeast": "two" }""", "$.groups[0].when.atLeast", "a whole number")]
    [InlineData("""{ "age": { "over": "zz-elderly" } }""", "$.groups[0].when.age.over", "unknown property \"over\"")]
    [InlineData("""{ "date": "decisionSignedOn", "relation": "soon" }""", "$.groups[0].when.relation", "one of present, absent")]
    [InlineData("""{ "all": [ { "fact": "pregnant", "is": true } ], "any": [] }""", "$.groups[0].when", "only one of all, any")]
    [InlineData("""{ "children": { "where": { "date": "deathDate", "relation": "absent" } } }""", "$.groups[0].when.children.where.date", "reads only the child's age and inEducation")]
    [InlineData("\"hivPositive == true\"", "$.groups[0].when", "a condition is an object")]
    [InlineData("""{ "fact": "merit.rate", "atLeast": 21 }""", "$.groups[0].when.fact", "is a fact of a merit record")]
    [InlineData("""{ "merit": { "where": { "fact": "merit.category", "in": ["hero"] } } }""", "$.groups[0].when.merit.where.in[0]", "is not one of pre-1945-activist")]
    [InlineData("""{ "merit": { "where": { "merit": { "where": { "fact": "merit.livesAlone", "is": true } } } } }""", "$.groups[0].when.merit.where.merit", "merit conditions do not nest")]
    [InlineData("""{ "merit": { "atLeast": 1 } }""", "$.groups[0].when.merit", "\"where\": a condition over each merit record")]
    public void Read_BadCondition_RefusedWithLineAndPath(string when, string path, string message)
    {
        var refused = Assert.Throws<RuleFileException>(() => Read(Province(when)));

        var problem = Assert.Single(refused.Problems, p => p.Location.Path == path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal("zz.json", problem.Location.File);
        Assert.True(problem.Location.Line > 1);
    }

    [Fact]
    public void Evaluate_ProvinceGroupReadingMeritRecords_PaysMeritPersonsOnly()
    {
        // A province's own group for its war invalids at 61% or more, by file alone.
        var rules = RuleSet.BuiltIn.With(Read(Province("""{ "merit": { "where": { "all": [ { "fact": "merit.category", "in": ["war-invalid", "b-war-invalid"] }, { "fact": "merit.rate", "atLeast": 61 } ] } } }""")));
        var invalid = new Person(new LocalDate(1950, 1, 1)) { Merit = [new MeritRecord(MeritCategory.WarInvalid) { Rate = 65 }] };
        var lighter = invalid with { Merit = [new MeritRecord(MeritCategory.WarInvalid) { Rate = 41 }] };

        var paid = rules.Evaluate(new Situation(Zz, new YearMonth(2027, 3), invalid));

        Assert.Equal(900_000, paid.AmountOf(EntitlementKind.SocialAllowance).Value);
        Assert.Contains(paid.Explanation, s => s.English.Contains("1 qualifying merit record(s)", StringComparison.Ordinal));
        Assert.Equal(0, rules.Evaluate(new Situation(Zz, new YearMonth(2027, 3), lighter)).AmountOf(EntitlementKind.SocialAllowance).Value);
    }

    [Fact]
    public void With_PersonGroupNamingAMeritGroup_RefusedAsMetByARecordNotAPerson()
    {
        var instrument = Read(Province("""{ "inGroup": "MERIT-II" }"""));

        var refused = Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(instrument));

        Assert.Contains(refused.Problems, p => p.Message.Contains("met by a merit record, not a person", StringComparison.Ordinal));
    }

    [Fact]
    public void With_MeritAmountForAGroupThatIsNotAMeritGroup_Refused()
    {
        var instrument = Read(Province(Valid, """, { "parameter": "merit-amount", "group": "ZZ-70", "case": "single", "from": "2027-01-01", "value": 100000, "basis": { "article": "4" } }"""));

        var refused = Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(instrument));

        Assert.Contains(refused.Problems, p => p.Message.Contains("is not a merit group", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ConditionsNestedTooDeep_Refused()
    {
        string when = string.Concat(Enumerable.Repeat("""{ "not": """, 20)) + """{ "fact": "pregnant", "is": true }""" + new string('}', 20);

        var refused = Assert.Throws<RuleFileException>(() => Read(Province(when)));

        Assert.Contains(refused.Problems, p => p.Message.Contains("nest deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void With_ConditionNamesAnAgeNoInstrumentGives_RefusedWhole()
    {
        var instrument = Read(Province("""{ "age": { "atLeast": "zz-toddler" } }"""));

        var refused = Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(instrument));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("$.groups[0].when", problem.Location.Path);
        Assert.Contains("age[zz-toddler]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AgeNotWholeOrOutOfRange_Refused()
    {
        const string Ages = """
            ,
            { "parameter": "age", "case": "zz-half", "from": "2027-01-01", "value": 70.5, "basis": { "article": "3" } },
            { "parameter": "age", "case": "zz-old", "from": "2027-01-01", "value": 200, "basis": { "article": "3" } }
            """;
        var refused = Assert.Throws<RuleFileException>(() => Read(Province(Valid, Ages)));

        Assert.Contains(refused.Problems, p => p.Message.Contains("not a whole number of years", StringComparison.Ordinal));
        Assert.Contains(refused.Problems, p => p.Message.Contains("out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void PolicyChange_HanoiElderlyNearPoorDraft_PaysNearPoor72AndCostsIt()
    {
        // docs/policy-example/hanoi-elderly-near-poor.json: Hanoi's elderly group widened to every near-poor person aged 70 or more.
        var draft = InstrumentReader.ReadFile(Docs("policy-example", "hanoi-elderly-near-poor.json"));
        var change = PolicyChange.On(RuleSet.BuiltIn, draft);
        var nearPoor72 = new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 3),
            new Person(new LocalDate(1955, 1, 1)) { Household = new Household { Poverty = Poverty.NearPoor }, ReceivesPension = true });
        var nearPoor81 = new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 3),
            new Person(new LocalDate(1946, 1, 1)) { Household = new Household { Poverty = Poverty.NearPoor }, ReceivesPension = true });

        change.ExpectAmount(nearPoor72, EntitlementKind.SocialAllowance, new WelfareRules.Money.Dong(975_000));
        change.ExpectAmount(nearPoor81, EntitlementKind.SocialAllowance, new WelfareRules.Money.Dong(1_300_000));
        // The allowances, and the health insurance the 72-year-old now gets whole from the state (social assistance,
        // 100% of 113,850) instead of the near-poor 70% (79,695); the 81-year-old's card was already state-paid (survivor, 80+).
        change.ExpectCostDifference([nearPoor72, nearPoor81], new WelfareRules.Money.Dong(975_000 + 1_300_000 + (113_850 - 79_695)));
    }

    private static string Docs(params string[] parts) => RepositoryFiles.Docs(parts);

    [Fact]
    public void With_InGroupNamesAGroupNoInstrumentDefines_Refused()
    {
        var instrument = Read(Province("""{ "inGroup": "ZZ-NOWHERE" }"""));

        var refused = Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(instrument));

        Assert.Contains(refused.Problems, p => p.Location.Path == "$.groups[0].when" && p.Message.Contains("ZZ-NOWHERE", StringComparison.Ordinal));
    }

    [Fact]
    public void With_GroupsNamingEachOther_RefusedAsACycle()
    {
        // ZZ-70 is in ZZ-71 when it is in ZZ-70: never decided, refused rather than run forever.
        const string Other = """
            ,
            { "parameter": "coefficient", "group": "ZZ-71", "case": "single", "from": "2027-01-01", "value": 1.0, "basis": { "article": "4" } }
            """;
        const string Cycle = """
                  "when": { "inGroup": "ZZ-71" } },
                { "id": "ZZ-71", "code": "ZZ71", "from": "2027-01-01", "title": "Nhóm khác", "basis": { "article": "4" }, "when": { "inGroup": "ZZ-70" } }
              ],
            """;
        string json = Province("""{ "inGroup": "ZZ-71" }""", Other);
        int at = json.IndexOf("\"when\": { \"inGroup\": \"ZZ-71\" } }", StringComparison.Ordinal);
        int end = json.IndexOf("],", at, StringComparison.Ordinal) + 2;
        json = json[..at] + Cycle.TrimStart() + json[end..];

        var refused = Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(Read(json)));

        Assert.Contains(refused.Problems, p => p.Message.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_GroupInAnotherGroupsBand_FollowsThatGroup()
    {
        // A province's group for K1 orphans under 4 only (ND 20's K1, band under-4).
        var rules = RuleSet.BuiltIn.With(Read(Province("""{ "inGroup": "ND20-5-1", "band": "under-4" }""")));
        var orphan = new Person(new LocalDate(2024, 6, 1)) { Orphanhood = Orphanhood.BothParentsDead };

        var report = rules.Evaluate(new Situation(Zz, new YearMonth(2027, 3), orphan));
        var older = rules.Evaluate(new Situation(Zz, new YearMonth(2027, 3), orphan with { BirthDate = new LocalDate(2020, 6, 1) }));

        // Met (though K1's own 2.5 is higher and alone is paid: ND 20 Art 6 k2), and not met at 6.
        Assert.Contains(report.Explanation, s => s.English.StartsWith("ZZ70", StringComparison.Ordinal) && s.English.Contains("in K1 (ND20-5-1), under-4", StringComparison.Ordinal));
        Assert.DoesNotContain(older.Explanation, s => s.English.StartsWith("ZZ70", StringComparison.Ordinal));
    }
}
