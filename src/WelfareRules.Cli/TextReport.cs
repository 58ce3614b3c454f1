using System;
using System.Globalization;
using System.Linq;
using System.Text;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Cli;

/// <summary>The readable form of a report (<c>--format text</c>).</summary>
internal static class TextReport
{
    internal static string Render(Report report, Evaluation.ExplanationLanguages languages = Evaluation.ExplanationLanguages.Both)
    {
        var text = new StringBuilder();
        string nl = Environment.NewLine;
        text.Append(CultureInfo.InvariantCulture, $"{report.Jurisdiction} {report.Month:yyyy-MM}: standard {Amount(report.Standard.Amount.Value)} VND ({report.Standard.Basis}){nl}");
        text.Append(CultureInfo.InvariantCulture, $"{"kind",-24}{"payee",-13}{"group",-12}{"coefficient",12}{"amount",14}{nl}");
        foreach (var e in report.Entitlements)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{ContractNames.Of(e.Kind),-24}{ContractNames.Of(e.Payee),-13}{e.Group ?? "",-12}{e.Coefficient?.ToString(CultureInfo.InvariantCulture) ?? "",12}{Amount(e.Amount.Value),14}{Mark(e.Status)}{nl}");
        }

        text.Append(CultureInfo.InvariantCulture, $"{"total",-61}{Amount(report.Total.Value),14}{nl}");
        text.Append(CultureInfo.InvariantCulture, $"{"monthly total (recurring)",-61}{Amount(report.MonthlyTotal.Value),14}{nl}");
        if (report.HealthInsurance is { } health)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"health insurance: premium {Amount(health.Premium.Value)}, state share {Evaluation.Format.Percent(health.StateShare)}, state pays {Amount(health.StatePays.Value)}, person pays {Amount(health.PersonPays.Value)}{Mark(health.Status)}{nl}");
        }

        for (int i = 0; i < report.Warnings.Length; i++)
        {
            text.Append("* ").Append(report.Warnings[i]).Append(nl);
            if (i < report.WarningsVi.Length)
            {
                text.Append("  ").Append(report.WarningsVi[i]).Append(nl);
            }
        }

        if (report.Entitlements.Any(e => e.Status == ProvisionStatus.Reported) || report.HealthInsurance?.Status == ProvisionStatus.Reported)
        {
            text.Append("~ reported: rests on law known from secondary sources quoting the instrument; its text was not seen").Append(nl)
                .Append("  theo nguồn thứ cấp: dựa trên quy định được nguồn thứ cấp trích dẫn; chưa đối chiếu văn bản").Append(nl);
        }

        bool english = languages.HasFlag(Evaluation.ExplanationLanguages.English), vietnamese = languages.HasFlag(Evaluation.ExplanationLanguages.Vietnamese);
        if (!report.Explanation.IsEmpty && (english || vietnamese))
        {
            text.Append(nl).Append(english && vietnamese ? "Explanation / Giải thích:" : english ? "Explanation:" : "Giải thích:").Append(nl);
            foreach (var (step, i) in report.Explanation.Select((s, i) => (s, i + 1)))
            {
                text.Append(CultureInfo.InvariantCulture, $"{i,3}. {(english ? step.ToString() : step.ToVietnameseString())}{nl}");
                if (english && vietnamese)
                {
                    text.Append(CultureInfo.InvariantCulture, $"     {step.ToVietnameseString()}{nl}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The mark after a figure: <c>*</c> for provisional law, <c>~</c> for reported law, nothing for verified law.</summary>
    private static string Mark(ProvisionStatus status) => status switch
    {
        ProvisionStatus.Provisional => " *",
        ProvisionStatus.Reported => " ~",
        _ => "",
    };

    private static string Amount(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
