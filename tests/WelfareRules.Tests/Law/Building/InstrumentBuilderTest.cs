using System;
using System.IO;
using System.Linq;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Building;
using WelfareRules.Legal;
using WelfareRules.Policy;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Law.Building;

/// <summary>Instruments built in code: the same instrument as the rule file, checked the same way.</summary>
public sealed class InstrumentBuilderTest
{
    private static readonly LocalDate From = new(2027, 1, 1);

    private static string Example(string file) => RepositoryFiles.PolicyExample(file);

    /// <summary>docs/policy-example/hanoi-elderly-near-poor.json, built in code.</summary>
    private static InstrumentBuilder HanoiNearPoorElderly() =>
        new InstrumentBuilder("DRAFT-HN-NCT-2027", InstrumentKind.Draft,
                "Dự thảo: mở rộng đối tượng người cao tuổi hưởng trợ cấp xã hội hằng tháng tại Hà Nội cho mọi người từ đủ 70 tuổi thuộc hộ cận nghèo, từ 01/01/2027",
                "HĐND thành phố Hà Nội (dự thảo)", Jurisdiction.Hanoi, From, ProvisionStatus.Provisional)
            .Group("HN-DRAFT-NCT70", "HN-D70", From, "Người từ đủ 70 tuổi thuộc hộ cận nghèo", new ProvisionBasis("1", "1"),
                When.All(When.FactIn("household.poverty", "nearPoor"), When.AgeAtLeast("near-poor-elderly")),
                bands: [new Band("70-to-80", When.AgeBelow("elderly-80")), new Band("80-plus")],
                titleEnglish: "Person aged 70 or over in a near-poor household",
                combine: GroupCombine.TakesAdded)
            .Age("near-poor-elderly", From, 70, new ProvisionBasis("1", "1"))
            .Provision("coefficient", From, 1.5m, new ProvisionBasis("1", "2"), group: "HN-DRAFT-NCT70", @case: "70-to-80")
            .Provision("coefficient", From, 2.0m, new ProvisionBasis("1", "2"), group: "HN-DRAFT-NCT70", @case: "80-plus");

    [Fact]
    public void Build_HanoiNearPoorElderlyDraft_SameInstrumentAsTheFile()
    {
        var built = HanoiNearPoorElderly().Build();
        var file = InstrumentReader.ReadFile(Example("hanoi-elderly-near-poor.json"));

        Assert.Equal((file.Id, file.Kind, file.Jurisdiction, file.AppliesFrom, file.Status), (built.Id, built.Kind, built.Jurisdiction, built.AppliesFrom, built.Status));
        Assert.Equal(file.Provisions.Select(p => (p.Key.ToString(), p.From, p.Value, p.Basis)), built.Provisions.Select(p => (p.Key.ToString(), p.From, p.Value, p.Basis)));
        Assert.Equal(file.Groups.Select(g => (g.Id, g.Code, g.From, g.Basis, g.Title)), built.Groups.Select(g => (g.Id, g.Code, g.From, g.Basis, g.Title)));
    }

    [Theory]
    [InlineData(1955, 1, 975_000)]
    [InlineData(1946, 1, 1_300_000)]
    [InlineData(1958, 1, 0)]
    public void Build_HanoiNearPoorElderlyDraft_EvaluatesAsTheFile(int year, int month, long expected)
    {
        var person = new Person(new LocalDate(year, month, 1)) { Household = new Household { Poverty = Poverty.NearPoor }, ReceivesPension = true };
        var situation = new Situation(Jurisdiction.Hanoi, new YearMonth(2027, 3), person);

        var fromCode = RuleSet.BuiltIn.With(HanoiNearPoorElderly().Build()).Evaluate(situation);
        var fromFile = RuleSet.BuiltIn.With(InstrumentReader.ReadFile(Example("hanoi-elderly-near-poor.json"))).Evaluate(situation);

        Assert.Equal(expected, fromCode.AmountOf(EntitlementKind.SocialAllowance).Value);
        Assert.Equal(WelfareRules.Serialization.ReportJson.ToJson(fromFile), WelfareRules.Serialization.ReportJson.ToJson(fromCode));
    }

    [Fact]
    public void Build_SocialPensionAge70InCode_PinnedInAPolicyChange()
    {
        var draft = new InstrumentBuilder("DRAFT-70", InstrumentKind.Draft, "Dự thảo hạ tuổi hưởng trợ cấp hưu trí xã hội", "Chính phủ (dự thảo)",
                Jurisdiction.Vietnam, From, ProvisionStatus.Provisional)
            .Age("social-pension", From, 70, new ProvisionBasis("1"))
            .Build();
        var aged72 = new Situation(Jurisdiction.Vietnam, new YearMonth(2027, 3), new Person(new LocalDate(1955, 1, 15)));

        PolicyChange.On(RuleSet.BuiltIn, draft).ExpectAmount(aged72, EntitlementKind.SocialPension, new WelfareRules.Money.Dong(500_000));
    }

    [Fact]
    public void Build_UnknownFactInCondition_RefusedAsTheFileWouldBe()
    {
        var builder = new InstrumentBuilder("DRAFT-BAD", InstrumentKind.Draft, "Dự thảo", "Chính phủ", Jurisdiction.Vietnam, From, ProvisionStatus.Provisional)
            .Group("BAD-1", "B1", From, "Nhóm", new ProvisionBasis("1"), When.Fact("hivPositve", true))
            .Provision("coefficient", From, 1m, new ProvisionBasis("1"), group: "BAD-1", @case: "single");

        var refused = Assert.Throws<RuleFileException>(() => builder.Build());

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("$.groups[0].when.fact", problem.Location.Path);
        Assert.Equal("DRAFT-BAD (built in code)", problem.Location.File);
    }

    [Fact]
    public void ToJson_ReadBack_SameInstrument()
    {
        var builder = HanoiNearPoorElderly().Describe(titleEnglish: "Draft", signed: new LocalDate(2026, 11, 1), source: "in code");

        var readBack = InstrumentReader.Read(System.Text.Encoding.UTF8.GetBytes(builder.ToJson()), "draft.json");

        Assert.Equal(builder.Build().Provisions.Select(p => p.ToString()), readBack.Provisions.Select(p => p.ToString()));
        Assert.Equal(new LocalDate(2026, 11, 1), readBack.Signed);
        Assert.Contains("\"near-poor-elderly\"", builder.ToJson(), StringComparison.Ordinal);
    }
}
