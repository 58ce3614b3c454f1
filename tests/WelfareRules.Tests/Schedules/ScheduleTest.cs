using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Reports;
using WelfareRules.Schedules;
using Xunit;

namespace WelfareRules.Tests.Schedules;

public sealed class ScheduleTest
{
    // Worked case 27: certificate issued 20/06/2024, decision signed 05/08/2024 (ND 20 Art 8 k1 đ; ND 76/2024).
    private static readonly Person Case27 = new(new LocalDate(1984, 1, 1))
    {
        Disability = Disability.EspeciallySevere,
        DisabilityCertifiedOn = new LocalDate(2024, 6, 20),
        DecisionSignedOn = new LocalDate(2024, 8, 5),
        LivingArrangement = LivingArrangement.Alone,
    };

    [Fact]
    public void Build_WorkedCase27_FirstPaymentWithArrears2720000()
    {
        var paid = new Dictionary<YearMonth, Dong> { [new YearMonth(2024, 6)] = Dong.Zero, [new YearMonth(2024, 7)] = Dong.Zero };
        var schedule = Schedule.Build(RuleSet.BuiltIn, Jurisdiction.Vietnam, Case27, new YearMonth(2024, 5), new YearMonth(2024, 8), paid);

        Assert.Equal([0L, 720000L, 1000000L, 1000000L], schedule.Months.Select(m => m.Due.Value).ToArray());
        Assert.Equal(2720000, schedule.TotalOwed.Value);
        Assert.Equal(ArrearsReason.DecisionSignedLate, schedule.Months[1].Reason);
        Assert.Equal(ArrearsReason.DecisionSignedLate, schedule.Months[2].Reason);
    }

    [Fact]
    public void Build_WorkedCase28_PaidForTheMonthOfDeathNothingAfter()
    {
        var person = new Person(new LocalDate(1980, 1, 1)) { Disability = Disability.Severe, DeathDate = new LocalDate(2024, 10, 15) };
        var schedule = Schedule.Build(RuleSet.BuiltIn, Jurisdiction.Vietnam, person, new YearMonth(2024, 9), new YearMonth(2024, 12));
        Assert.Equal([750000L, 750000L, 0L, 0L], schedule.Months.Select(m => m.Report.AmountOf(EntitlementKind.SocialAllowance).Value).ToArray());
        Assert.True(schedule.Months[1].Report.AmountOf(EntitlementKind.FuneralSupport) > Dong.Zero);
    }

    [Fact]
    public void Build_AcrossRuleChangesAndBirthdays_EachMonthItsOwnLaw()
    {
        // An orphan turning 4 in October 2024, across the July 2024 standard change.
        var orphan = new Person(new LocalDate(2020, 10, 15)) { Orphanhood = Orphanhood.BothParentsDead };
        var schedule = Schedule.Build(RuleSet.BuiltIn, Jurisdiction.Vietnam, orphan, new YearMonth(2024, 6), new YearMonth(2024, 10));
        Assert.Equal([900000L, 1250000L, 1250000L, 1250000L, 750000L], schedule.Months.Select(m => m.Due.Value).ToArray());
    }

    [Fact]
    public void Build_RetroactiveProvisionalStandard_ArrearsNameTheInstrument()
    {
        // ND 335/2026 (reported): signed 21/08/2026, applied from 01/07/2026; July paid at the old 500,000 basis.
        var person = new Person(new LocalDate(1986, 1, 1)) { Disability = Disability.Severe };
        var paid = new Dictionary<YearMonth, Dong> { [new YearMonth(2026, 7)] = new Dong(750000) };
        var month = Assert.Single(Schedule.Build(RuleSet.BuiltIn, Jurisdiction.Vietnam, person, new YearMonth(2026, 7), new YearMonth(2026, 7), paid).Months);
        Assert.Equal(60000, month.Owed.Value);
        Assert.Equal(ArrearsReason.RetroactiveRule, month.Reason);
        Assert.Contains("335/2026/NĐ-CP", month.ReasonDetail, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleCommand_WithPaidFile_ReportsOwedPerMonth()
    {
        string folder = Directory.CreateTempSubdirectory("schedule-").FullName;
        try
        {
            string input = Path.Combine(folder, "p.json");
            File.WriteAllText(input, """{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"1984-01-01","disability":"especiallySevere","disabilityCertifiedOn":"2024-06-20","decisionSignedOn":"2024-08-05","livingArrangement":"alone"}}""");
            string paid = Path.Combine(folder, "paid.json");
            File.WriteAllText(paid, """{"2024-06": 0, "2024-07": 0}""");
            var (exit, stdout, stderr) = CliRunner.Run("schedule", "--input", input, "--from", "2024-06", "--to", "2024-08", "--paid", paid);
            Assert.True(exit == 0, stderr);
            var root = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal(2720000, root.GetProperty("totalOwed").GetInt64());
            Assert.Equal("decision-signed-late", root.GetProperty("months")[0].GetProperty("reason").GetString());
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
