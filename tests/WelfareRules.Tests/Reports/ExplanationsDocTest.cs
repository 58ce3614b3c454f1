using System;
using System.IO;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests.Reports;

/// <summary>The examples of docs/explanations-and-citations.md.</summary>
public sealed class ExplanationsDocTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("welfare-explanations").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Situation Orphan(Jurisdiction jurisdiction, int year, int month) =>
        new(jurisdiction, new YearMonth(year, month), new Person(new LocalDate(2020, 1, 10)) { Orphanhood = Orphanhood.BothParentsDead });

    [Fact]
    public void Citation_ReadsInEnglishAndVietnamese()
    {
        var citation = new Citation("20/2021/NĐ-CP", "6", "1", "đ");
        Assert.Equal("20/2021/NĐ-CP Art 6 k1 đ", citation.ToString());
        Assert.Equal("điểm đ khoản 1 Điều 6 Nghị định 20/2021/NĐ-CP", citation.ToVietnameseString());
        var provisional = new Citation("09/2021/NQ-HĐND", "?", status: ProvisionStatus.Provisional);
        Assert.Equal("09/2021/NQ-HĐND Art ? [provisional]", provisional.ToString());
        Assert.Equal("Điều ? Nghị quyết 09/2021/NQ-HĐND [chưa xác minh]", provisional.ToVietnameseString());
    }

    [Fact]
    public void Explanation_OfTheOrphan_IsThePagesSteps()
    {
        var report = RuleSet.BuiltIn.Evaluate(Orphan(Jurisdiction.Vietnam, 2023, 3));
        Assert.Equal("Standard (mức chuẩn trợ giúp xã hội) in 2023-03: 360,000 VND, the national standard [20/2021/NĐ-CP Art 4 k2]", report.Explanation[0].ToString());
        Assert.Equal("K1 (ND20-5-1): Child under 16 with no source of nurture; orphanhood: bothParentsDead; aged 3, under 16 (counted to the month of the birthday); aged 3, under 4; coefficient 2.5 × standard 360,000 = 900,000 [20/2021/NĐ-CP Art 5 k1; 20/2021/NĐ-CP Art 6 k1 a]", report.Explanation[1].ToString());
        Assert.Equal("Mức chuẩn trợ giúp xã hội tháng 2023-03: 360.000 đồng (mức chuẩn quốc gia) [khoản 2 Điều 4 Nghị định 20/2021/NĐ-CP]", report.Explanation[0].ToVietnameseString());
        Assert.Equal("K1 (ND20-5-1): Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng; hoàn cảnh không có nguồn nuôi dưỡng: mồ côi cả cha và mẹ; 3 tuổi, dưới 16 tuổi (tính đến hết tháng sinh nhật); 3 tuổi, dưới 4 tuổi; hệ số 2,5 × mức chuẩn 360.000 = 900.000 [khoản 1 Điều 5 Nghị định 20/2021/NĐ-CP; điểm a khoản 1 Điều 6 Nghị định 20/2021/NĐ-CP]", report.Explanation[1].ToVietnameseString());
    }

    [Fact]
    public void Explanation_Off_SameFiguresNoSteps()
    {
        var situation = Orphan(Jurisdiction.Vietnam, 2023, 3);
        var full = RuleSet.BuiltIn.Evaluate(situation);
        var bare = RuleSet.BuiltIn.Evaluate(situation, EvaluationOptions.Default with { Explain = false });
        Assert.Empty(bare.Explanation);
        Assert.Equal(full.Total, bare.Total);
        Assert.Equal(full.Entitlements.SelectMany(e => e.Basis), bare.Entitlements.SelectMany(e => e.Basis));
    }

    [Fact]
    public void Provisional_HanoiMarch2022_IsFlaggedWarnedAndRefusedWhenStrict()
    {
        var situation = Orphan(Jurisdiction.Hanoi, 2022, 3);
        var report = RuleSet.BuiltIn.Evaluate(situation);
        var allowance = Assert.Single(report.Entitlements, e => e.Kind == EntitlementKind.SocialAllowance);
        Assert.Equal(new Dong(1_100_000), allowance.Amount);
        Assert.True(allowance.Provisional);
        Assert.True(report.IsProvisional);
        Assert.Equal("provisional law: 09/2021/NQ-HĐND (Art ?) is not verified against the legal text or its sources (assumed, inferred, conflicting or a draft); figures that depend on it may change. Why: Amount reported in the press [S]. The application date 2022-01-01 is from memory [M/U], and the article number has not been seen: a dated value whose date is unsure is provisional. From 2024-07-01 the national 500,000 (76/2024/NĐ-CP) is higher and applies instead (20/2021/NĐ-CP Art 4 k3).", Assert.Single(report.Warnings));
        Assert.Equal("quy định chưa xác minh: Điều ? Nghị quyết 09/2021/NQ-HĐND chưa được đối chiếu với văn bản hoặc nguồn (giả định, suy luận, mâu thuẫn hoặc dự thảo); số liệu dựa vào quy định này có thể thay đổi", Assert.Single(report.WarningsVi));
        Assert.Equal(ProvisionStatus.Provisional, report.Status);

        var refused = Assert.Throws<EvaluationException>(() => RuleSet.BuiltIn.Evaluate(situation, EvaluationOptions.Default with { Strict = true }));
        Assert.Equal(EvaluationError.ProvisionalLaw, refused.Error);
        Assert.Contains("09/2021/NQ-HĐND", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provisional_TextReportAndStrictExitCode()
    {
        var input = Path.Combine(folder, "hn.json");
        File.WriteAllText(input, """{ "jurisdiction": "VN-HN", "month": "2022-03", "person": { "birthDate": "2020-01-10", "orphanhood": "bothParentsDead" } }""");
        var (exit, stdout, _) = CliRunner.Run("evaluate", "--input", input, "--format", "text");
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n');
        Assert.Equal("VN-HN 2022-03: standard 440,000 VND (09/2021/NQ-HĐND Art ? [provisional])", lines[0]);
        Assert.Equal("social-allowance        beneficiary  ND20-5-1             2.5     1,100,000 *", lines[2]);
        Assert.Equal("total                                                             1,100,000", lines[3]);

        var (strictExit, _, stderr) = CliRunner.Run("evaluate", "--input", input, "--strict");
        Assert.Equal(1, strictExit);
        Assert.Contains("provisional", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Verified_SameWithOrWithoutStrict()
    {
        // 2023: the standard and the coefficient were seen in the text; without a health-insurance block (its base salary is reported).
        var situation = Orphan(Jurisdiction.Vietnam, 2023, 3);
        situation = situation with { Person = situation.Person with { HasOtherHealthInsurance = true } };
        var report = RuleSet.BuiltIn.Evaluate(situation);
        Assert.Equal(ProvisionStatus.Verified, report.Status);
        Assert.Equal(report.Total, RuleSet.BuiltIn.Evaluate(situation, EvaluationOptions.Default with { Strict = true }).Total);
    }
}
