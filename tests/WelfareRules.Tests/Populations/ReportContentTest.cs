using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Populations;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Populations;

public sealed class ReportContentTest
{
    private static readonly EvaluationOptions Quiet = new() { Explain = false };

    [Fact]
    public void Equals_TwoEvaluationsOfOneSituation_AreTheSameContent()
    {
        var situation = new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 3), new Person(new LocalDate(1946, 5, 20)) { WithoutSupporter = true });

        var first = RuleSet.BuiltIn.Evaluate(situation, Quiet);
        var second = RuleSet.BuiltIn.Evaluate(situation, Quiet);

        Assert.NotSame(first, second);
        Assert.True(ReportContent.Instance.Equals(first, second));
        Assert.Equal(ReportContent.Instance.GetHashCode(first), ReportContent.Instance.GetHashCode(second));
    }

    [Fact]
    public void Equals_ReportsDifferingInOneField_AreNotTheSameContent()
    {
        var law = RuleSet.BuiltIn.ForMonth(Jurisdiction.Hanoi, new YearMonth(2026, 3));
        var other = RuleSet.BuiltIn.ForMonth(Jurisdiction.Hanoi, new YearMonth(2026, 4));
        var citation = new Citation("20/2021/NĐ-CP", "6", "1", "a");
        var basis = ImmutableArray.Create(citation);
        Entitlement Allowance(decimal? coefficient = 1.5m, string? group = "K1", int? merit = null, Payee payee = Payee.Beneficiary, long amount = 975_000,
            ImmutableArray<Citation>? cited = null, EntitlementKind kind = EntitlementKind.SocialAllowance) =>
            new(kind, payee, new Dong(amount), coefficient, group, cited ?? basis) { MeritRecord = merit };
        HealthInsuranceContribution Card(decimal share = 1m, long premium = 105_300, ImmutableArray<Citation>? cited = null) => new(new Dong(premium), share, cited ?? basis);
        Report Of(ImmutableArray<Entitlement>? entitlements = null, HealthInsuranceContribution? card = null, string warning = "w", string warningVi = "w vi",
            YearMonth? month = null, Jurisdiction? where = null, AppliedStandard? standard = null) =>
            new(where ?? Jurisdiction.Hanoi, month ?? law.Month, standard ?? law.Standard!, entitlements ?? [Allowance()], [warning], [warningVi], [], card ?? Card());

        var reference = Of();
        Assert.True(ReportContent.Instance.Equals(reference, Of()));
        Report[] others =
        [
            Of([Allowance(coefficient: 2m)]),
            Of([Allowance(coefficient: 1.50m)]),
            Of([Allowance(coefficient: null)]),
            Of([Allowance(group: "K2")]),
            Of([Allowance(group: null)]),
            Of([Allowance(merit: 0)]),
            Of([Allowance(payee: Payee.Carer)]),
            Of([Allowance(amount: 975_001)]),
            Of([Allowance(kind: EntitlementKind.SocialPension)]),
            Of([Allowance(cited: [new Citation("20/2021/NĐ-CP", "6", "1", "b")])]),
            Of([Allowance(cited: [citation with { Appendix = "I" }])]),
            Of([Allowance(cited: [citation with { Row = "5" }])]),
            Of([Allowance(cited: [new Citation("20/2021/NĐ-CP", "6", "1", "a", ProvisionStatus.Provisional)])]),
            Of([Allowance(), Allowance()]),
            Of([]),
            Of(card: Card(0.7m)),
            Of(card: Card(1.0m)),
            Of(card: Card(premium: 105_301)),
            Of(card: Card(cited: [])),
            Of(warning: "v"),
            Of(warningVi: "v vi"),
            Of(month: new YearMonth(2026, 4)),
            Of(where: Jurisdiction.Vietnam),
            Of(standard: other.Standard!),
            new(Jurisdiction.Hanoi, law.Month, law.Standard!, [Allowance()], ["w"], ["w vi"], [], null),
            new(Jurisdiction.Hanoi, law.Month, law.Standard!, [Allowance()], ["w"], ["w vi"], [Explainer.Step("e", "v")], Card()),
        ];

        Assert.All(others, o => Assert.False(ReportContent.Instance.Equals(reference, o)));

        // The same entitlements in another order say something else (the report's order is the contract's).
        var two = Of([Allowance(), Allowance(group: "K2")]);
        Assert.False(ReportContent.Instance.Equals(two, Of([Allowance(group: "K2"), Allowance()])));
        Assert.True(ReportContent.Instance.Equals(two, Of([Allowance(), Allowance(group: "K2")])));
    }

    [Theory]
    [InlineData(typeof(Report), "<Serial>k__BackingField,<WarningsVi>k__BackingField,<Jurisdiction>k__BackingField,<Month>k__BackingField,<Standard>k__BackingField,<Entitlements>k__BackingField,<Warnings>k__BackingField,<Explanation>k__BackingField,<HealthInsurance>k__BackingField,<Total>k__BackingField,<MonthlyTotal>k__BackingField,<Status>k__BackingField")]
    [InlineData(typeof(Entitlement), "<Kind>k__BackingField,<Payee>k__BackingField,<Amount>k__BackingField,<Coefficient>k__BackingField,<Group>k__BackingField,<MeritRecord>k__BackingField,<Basis>k__BackingField")]
    [InlineData(typeof(HealthInsuranceContribution), "<Premium>k__BackingField,<StateShare>k__BackingField,<StatePays>k__BackingField,<PersonPays>k__BackingField,<Basis>k__BackingField")]
    public void Fields_OfWhatAReportSays_AreTheOnesReportContentCompares(Type type, string fields)
    {
        // ReportContent compares each of these (Serial, Total, MonthlyTotal and Status follow from the others); a new
        // field must join the comparison, or two reports that differ in it would be shared by the engine.
        var actual = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(fields.Split(',').Order(StringComparer.Ordinal), actual);
    }
}
