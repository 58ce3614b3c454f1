using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Reports;

/// <summary><c>total</c> is every entitlement of the month; <c>monthlyTotal</c> the recurring ones only.</summary>
public sealed class ReportTotalsTest
{
    [Fact]
    public void Total_MonthOfDeath_IncludesFuneralSupportMonthlyTotalDoesNot()
    {
        // A K6 beneficiary (severe, 40) who dies in 2024-09: the allowance of the month and the funeral support (ND 20 Art 11).
        var person = new Person(new LocalDate(1984, 1, 1)) { Disability = Disability.Severe, DeathDate = new LocalDate(2024, 9, 10) };

        var report = RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, new YearMonth(2024, 9), person));

        Assert.Equal(750_000 + 10_000_000, report.Total.Value);
        Assert.Equal(750_000, report.MonthlyTotal.Value);
        using var json = JsonDocument.Parse(ReportJson.ToJson(report));
        Assert.Equal(10_750_000, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(750_000, json.RootElement.GetProperty("monthlyTotal").GetInt64());
    }

    [Fact]
    public void Total_OrdinaryMonth_EqualsMonthlyTotal()
    {
        var person = new Person(new LocalDate(1984, 1, 1)) { Disability = Disability.Severe };

        var report = RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, new YearMonth(2024, 9), person));

        Assert.Equal(report.Total, report.MonthlyTotal);
    }
}
