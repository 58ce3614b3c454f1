using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Policy;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Policy;

/// <summary>The drafts of docs/policy-example that change who is eligible, by file alone: through the tool and pinned in code.</summary>
public sealed class DraftsAsDataTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-drafts").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Example(string file) => RepositoryFiles.PolicyExample(file);

    private static readonly Situation Aged72NoPension = new(Jurisdiction.Vietnam, new YearMonth(2027, 3), new Person(new LocalDate(1955, 1, 15)));

    [Fact]
    public void EvaluateCommand_SocialPensionAge70_PaysA72YearOldWithoutPension()
    {
        string input = Path.Combine(folder, "p72.json");
        File.WriteAllText(input, """{"jurisdiction":"VN","month":"2027-03","person":{"birthDate":"1955-01-15"}}""");

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input, "--rules", Example("social-pension-age-70.json"));

        Assert.True(exit == 0, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        var pension = Assert.Single(report.GetProperty("entitlements").EnumerateArray());
        Assert.Equal("social-pension", pension.GetProperty("kind").GetString());
        Assert.Equal(500_000, pension.GetProperty("amount").GetInt64());
        // The figure rests on the draft's age: provisional, and cited.
        Assert.Equal("provisional", pension.GetProperty("status").GetString());
        Assert.Contains(pension.GetProperty("basis").EnumerateArray(), b => b.GetProperty("instrument").GetString() == "DRAFT-HTXH-70-2027");

        var (_, without, _) = CliRunner.Run("evaluate", "--input", input);
        Assert.Empty(JsonDocument.Parse(without).RootElement.GetProperty("entitlements").EnumerateArray());
    }

    [Fact]
    public void PolicyChange_SocialPensionAge70_PaysFromTheDraftsMonthOnly()
    {
        var change = PolicyChange.On(RuleSet.BuiltIn, InstrumentReader.ReadFile(Example("social-pension-age-70.json")));

        change.ExpectAmount(Aged72NoPension, EntitlementKind.SocialPension, new Dong(500_000));
        change.ExpectUnchanged(Aged72NoPension with { Month = new YearMonth(2026, 12) });
        // 75 and over were already paid; under 70 still are not.
        change.ExpectUnchanged(Aged72NoPension with { Person = new Person(new LocalDate(1950, 1, 15)) });
        change.ExpectUnchanged(Aged72NoPension with { Person = new Person(new LocalDate(1958, 1, 15)) });
    }

    [Fact]
    public void CompareCommand_SocialPensionAge70_CostsTheNewRecipients()
    {
        string input = Path.Combine(folder, "people.jsonl");
        File.WriteAllLines(input,
        [
            """{"jurisdiction":"VN","month":"2027-03","person":{"birthDate":"1955-01-15"}}""",
            """{"jurisdiction":"VN","month":"2027-03","person":{"birthDate":"1956-06-01","receivesPension":true}}""",
            """{"jurisdiction":"VN","month":"2027-03","person":{"birthDate":"1949-01-01"}}""",
        ]);

        var (exit, stdout, stderr) = CliRunner.Run("compare", "--rules", Example("social-pension-age-70.json"), "--input", input, "--format", "json");

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var difference = Assert.Single(lines, l => l.TryGetProperty("index", out _));
        Assert.Equal(0, difference.GetProperty("index").GetInt64());
        var summary = Assert.Single(lines, l => l.TryGetProperty("summary", out _)).GetProperty("summary");
        // 500,000 a month, and the state-paid card of a social-pension recipient instead of none (113,850).
        Assert.Equal(500_000 + 113_850, summary.GetProperty("difference").GetInt64());
        Assert.Equal(1, summary.GetProperty("gainers").GetInt64());
    }

    [Fact]
    public void EvaluateCommand_ProvinceOwnGroup_PaysItsChildrenOnItsOwnStandard()
    {
        // docs/policy-example/province-own-group.json: a made-up province VN-ZZ with its own standard (600,000) and its
        // own group (children under 16 one of whose parents is on the monthly allowance while the other is in prison, 1.5).
        string input = Path.Combine(folder, "zz.jsonl");
        File.WriteAllLines(input,
        [
            """{"jurisdiction":"VN-ZZ","month":"2027-03","person":{"birthDate":"2015-05-05","parentReceivesAllowance":true,"parentDetained":true}}""",
            """{"jurisdiction":"VN-ZZ","month":"2027-03","person":{"birthDate":"2015-05-05","parentReceivesAllowance":true}}""",
            """{"jurisdiction":"VN-ZZ","month":"2027-03","person":{"birthDate":"2010-05-05","parentReceivesAllowance":true,"parentDetained":true}}""",
        ]);

        var (exit, stdout, stderr) = CliRunner.Run("evaluate", "--input", input, "--rules", Example("province-own-group.json"));

        Assert.True(exit == 0, stderr);
        var totals = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("total").GetInt64()).ToList();
        // 1.5 × 600,000; one parent only: nothing; aged 16 in 2026-05, past the month of the birthday: nothing.
        Assert.Equal([900_000L, 0L, 0L], totals);
    }

    [Fact]
    public void PolicyChange_ProvinceOwnGroup_CostsItsChildren()
    {
        var draft = InstrumentReader.ReadFile(Example("province-own-group.json"));
        var zz = Jurisdiction.Parse("VN-ZZ");
        var child = new Situation(zz, new YearMonth(2027, 3), new Person(new LocalDate(2015, 5, 5)) { ParentReceivesAllowance = true, ParentDetained = true });
        var rules = RuleSet.BuiltIn.With(draft);

        var report = rules.Evaluate(child);

        Assert.Equal(900_000, report.AmountOf(EntitlementKind.SocialAllowance).Value);
        Assert.Contains(report.Explanation, s => s.English.Contains("a parent on the monthly allowance: yes", StringComparison.Ordinal)
            && s.Vietnamese.Contains("có cha hoặc mẹ đang chấp hành án phạt tù", StringComparison.Ordinal));
        // Before the draft applies, the province is unknown to the built-in law.
        Assert.Throws<WelfareRules.Evaluation.EvaluationException>(() => RuleSet.BuiltIn.Evaluate(child));
    }

    [Fact]
    public void Build_ChildAgeRaisedTo18_AllowanceFosterSupportAndFacilityFollowTogether()
    {
        // Care support (Art 20 k1) and institutional care (Art 24 k1) read the groups of Art 5 in the month's law:
        // a draft that moves the child age moves all three together.
        var from = new LocalDate(2027, 1, 1);
        var draft = new WelfareRules.Law.Building.InstrumentBuilder("DRAFT-CHILD-18", InstrumentKind.Draft, "Dự thảo nâng tuổi trẻ em lên 18",
                "Chính phủ (dự thảo)", Jurisdiction.Vietnam, from, WelfareRules.Legal.ProvisionStatus.Provisional)
            .Age("child", from, 18, new WelfareRules.Law.Building.ProvisionBasis("1"))
            .Build();
        var rules = RuleSet.BuiltIn.With(draft);
        var orphan17 = new Person(new LocalDate(2010, 1, 1)) { Orphanhood = Orphanhood.BothParentsDead };
        var month = new YearMonth(2027, 3);

        var fostered = rules.Evaluate(new Situation(Jurisdiction.Vietnam, month, orphan17 with { LivingArrangement = LivingArrangement.FosterCare }));
        var inFacility = rules.Evaluate(new Situation(Jurisdiction.Vietnam, month, orphan17 with { LivingArrangement = LivingArrangement.Facility }));
        var before = RuleSet.BuiltIn.Evaluate(new Situation(Jurisdiction.Vietnam, month, orphan17 with { LivingArrangement = LivingArrangement.FosterCare }));

        // 1.5 × 540,000 (335/2026/NĐ-CP, provisional) to the child and to the carer; 4.0 × 540,000 in a facility.
        Assert.Equal(810_000, fostered.AmountOf(EntitlementKind.SocialAllowance).Value);
        Assert.Equal(810_000, fostered.AmountOf(EntitlementKind.CarerSupport).Value);
        Assert.Equal(2_160_000, inFacility.AmountOf(EntitlementKind.InstitutionalCare).Value);
        Assert.Contains(fostered.Entitlements.Single(e => e.Kind == EntitlementKind.SocialAllowance).Basis, c => c.Instrument == "DRAFT-CHILD-18");
        Assert.Empty(before.Entitlements);
    }
}
