using System;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Law.Conditions;
using WelfareRules.Reports;
using WelfareRules.Tests.Populations;
using Xunit;

namespace WelfareRules.Tests.Reports;

/// <summary>Vietnamese explanations and warnings written as a Vietnamese reader expects: names, not the contract's codes.</summary>
public sealed class VietnameseExplanationTest
{
    [Fact]
    public void ExplanationVi_VariedPopulation_NamesNoCodeOfTheContract()
    {
        // The contract's spellings of every choice value and entitlement kind, and the province codes: none may stand
        // in a Vietnamese step or warning (English ones keep them). Codes shorter than five letters (poor, mild) are
        // Vietnamese-free English words that a step never writes on its own either, but could be part of a name.
        string[] codes =
        [
            .. new[] { "orphanhood", "disability", "livingArrangement", "deathCause", "household.poverty", "household.area" }
                .SelectMany(name => FactCatalog.TryGet(name, out var fact) ? fact.Values : [])
                .Where(v => v.Length >= 5 && v != "alone"),
            .. Enum.GetValues<EntitlementKind>().Select(ContractNames.Of),
            .. Enum.GetValues<MeritCategory>().Select(WelfareRules.Serialization.ContractEnum<MeritCategory>.Spell),
            "VN-HN",
        ];
        int steps = 0;

        // Every person in each month the population is made for (the law of 2021 to 2027, Hanoi's from 2026), merit
        // records included.
        foreach (var situation in VariedPopulation.Create(1_000, 41).SelectMany(s => VariedPopulation.Months.Select(m => s with { Month = m })))
        {
            Report report;
            try
            {
                report = RuleSet.BuiltIn.Evaluate(situation);
            }
            catch (EvaluationException)
            {
                continue;
            }

            foreach (string text in report.Explanation.Select(s => s.ToVietnameseString()).Concat(report.WarningsVi))
            {
                steps++;
                var code = codes.FirstOrDefault(c => text.Contains(c, StringComparison.Ordinal));
                Assert.True(code is null, $"\"{code}\" in: {text}");
            }
        }

        Assert.True(steps > 20_000, $"{steps} steps");
    }

    [Fact]
    public void ExplanationVi_OrphanInHanoi_NamesTheCaseTheCityAndTheShare()
    {
        var situation = new Situation(Jurisdiction.Hanoi, new YearMonth(2026, 3), new Person(new LocalDate(2020, 1, 10)) { Orphanhood = Orphanhood.BothParentsDead });

        var steps = RuleSet.BuiltIn.Evaluate(situation).Explanation.Select(s => s.ToVietnameseString()).ToList();

        Assert.Contains(steps, s => s.StartsWith("Mức chuẩn tháng 2026-03: 650.000 đồng theo mức chuẩn của Hà Nội", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("hoàn cảnh không có nguồn nuôi dưỡng: mồ côi cả cha và mẹ", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.StartsWith("Bảo hiểm y tế: nhà nước đóng, hỗ trợ 100% mức đóng (tối đa 100%)", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("[khoản 1 Điều 5 Nghị định 20/2021/NĐ-CP", StringComparison.Ordinal));
    }

    [Fact]
    public void VietnameseName_EveryKindAndTheBuiltInJurisdictions_AreWords()
    {
        var names = Enum.GetValues<EntitlementKind>().Select(ContractNames.VietnameseName).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.DoesNotContain('-', n));
        Assert.Equal("Hà Nội", Jurisdiction.Hanoi.VietnameseName);
        Assert.Equal("Việt Nam", Jurisdiction.Vietnam.VietnameseName);
        Assert.Equal("VN-ZZ", Jurisdiction.Parse("VN-ZZ").VietnameseName);
    }

    [Fact]
    public void ValuesVi_EveryChoiceFact_HasALabelForEveryValue()
    {
        foreach (var name in FactCatalog.Names)
        {
            Assert.True(FactCatalog.TryGet(name, out var fact));
            if (fact.Type == FactType.Choice)
            {
                Assert.Equal(fact.Values.Length, fact.ValuesVi.Length);
                Assert.All(fact.ValuesVi, label => Assert.False(string.IsNullOrWhiteSpace(label)));
            }
        }

        foreach (var fact in FactCatalog.MeritFacts.Values.Where(f => f.Type == FactType.Choice))
        {
            Assert.Equal(fact.Values.Length, fact.ValuesVi.Length);
        }
    }
}
