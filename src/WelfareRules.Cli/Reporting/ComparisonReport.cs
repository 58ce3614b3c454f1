using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using WelfareRules.Legal;
using WelfareRules.Money;
using WelfareRules.Policy;
using WelfareRules.Reports;

namespace WelfareRules.Cli.Reporting;

/// <summary>
/// <c>compare --report report.html</c>: one self-contained HTML file (no script, font or stylesheet from
/// elsewhere; charts as inline SVG), in Vietnamese with English, that a department can attach to a submission:
/// the draft and its citations, the cost by month and year, by benefit and group, the gainers and losers, the
/// distribution, the provisional grades it rests on, and how it was computed.
/// </summary>
internal static class ComparisonReport
{
    /// <summary>Numbers written the Vietnamese way (1.234.567), without depending on the machine's culture data.</summary>
    private static readonly NumberFormatInfo Vi = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberDecimalDigits = 0 };

    internal static string Render(ComparisonSummary summary, ComparisonDistribution distribution, ComparisonAnalysis analysis, ComparisonSetting setting)
    {
        var html = new StringBuilder();
        string title = setting.Draft.Count > 0
            ? string.Join(", ", setting.Draft.Select(d => d.Id))
            : "Không áp dụng " + string.Join(", ", setting.Without);
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Đánh giá tác động: ").Append(E(title)).Append(" / Impact of a change</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<h1>Đánh giá chi phí và tác động chính sách <span class=\"en\">Cost and impact of a policy change</span></h1>\n");

        // The change.
        html.Append("<section><h2>Nội dung thay đổi <span class=\"en\">The change</span></h2>\n<ul>\n");
        foreach (var draft in setting.Draft)
        {
            html.Append("<li><strong>").Append(E(draft.Id)).Append("</strong>: ").Append(E(draft.Title))
                .Append(draft.TitleEnglish is { } en ? " <span class=\"en\">" + E(en) + "</span>" : "")
                .Append(" — áp dụng từ <span class=\"en\">applies from</span> ").Append(draft.AppliesFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture))
                .Append(", ").Append(Grade(draft.Status)).Append("</li>\n");
        }

        foreach (string without in setting.Without)
        {
            html.Append("<li>So với pháp luật khi chưa có <span class=\"en\">against the law without</span> <strong>").Append(E(without)).Append("</strong></li>\n");
        }

        html.Append("</ul>\n</section>\n");

        // The cost.
        int months = Math.Max(1, setting.Months);
        var monthly = Divide(summary.Difference, months);
        html.Append("<section><h2>Chi phí <span class=\"en\">Cost</span></h2>\n<table class=\"figures\">\n")
            .Append(Row("Chi phí tăng thêm mỗi tháng", "Additional cost a month", Money(monthly)))
            .Append(Row("Ước tính cả năm (12 tháng)", "For a year (12 months)", Money(Divide(summary.Difference, months) * 12)));
        if (months > 1)
        {
            html.Append(Row($"Tổng {months} tháng ({setting.From} – {setting.To})", $"Over the {months} months", Money(summary.Difference.Value)));
        }

        html.Append(Row("Chi phí theo pháp luật hiện hành" + (months > 1 ? $" ({months} tháng)" : " (tháng)"), "Cost under the baseline", Money(summary.BaselineTotal.Value)))
            .Append(Row("Chi phí theo dự thảo" + (months > 1 ? $" ({months} tháng)" : " (tháng)"), "Cost under the change", Money(summary.ChangedTotal.Value)))
            .Append(Row("Số người được hưởng lợi", "People who gain", Persons(summary.WeightedGainers)))
            .Append(Row("Số người bị giảm", "People who lose", Persons(summary.WeightedLosers)))
            .Append(Row("Số người không đổi", "People unchanged", Persons(summary.WeightedPersons - summary.WeightedGainers - summary.WeightedLosers)))
            .Append("</table>\n");
        if (months > 1)
        {
            html.Append("<p class=\"note\">Số người tính theo lượt người-tháng. <span class=\"en\">Persons are counted once a month (person-months).</span></p>\n");
        }

        html.Append("</section>\n");

        // Gainers and losers.
        html.Append("<section><h2>Người được lợi và bị thiệt <span class=\"en\">Gainers and losers</span></h2>\n");
        string[] bandVi = ["Tăng trên 5%", "Tăng đến 5%", "Không đổi", "Giảm đến 5%", "Giảm trên 5%"];
        string[] bandEn = ["up more than 5%", "up to 5%", "unchanged", "down up to 5%", "down more than 5%"];
        string[] bandColor = ["#1b7837", "#7fbf7b", "#bdbdbd", "#f1a340", "#b35806"];
        html.Append(Bars("gainers-losers", "Số người theo mức thay đổi / People by band of change",
            distribution.ByChange.Select((l, i) => (bandVi[i] + " / " + bandEn[i], l.Persons, bandColor[i])).ToList(), v => Persons(v)));
        html.Append(Table(distribution.ByChange.Select((l, i) => (l, bandVi[i] + " <span class=\"en\">" + bandEn[i] + "</span>"))));
        html.Append("</section>\n");

        // By benefit, group and payee.
        html.Append("<section><h2>Theo khoản trợ cấp <span class=\"en\">By benefit</span></h2>\n");
        html.Append(Bars("by-kind", "Chi phí tăng thêm theo khoản / Additional cost by benefit",
            summary.ByKind.Where(t => t.Difference != Dong.Zero).Select(t => (KindLabel(t.Key).Split(" / ")[0], (decimal)t.Difference.Value, t.Difference.Value >= 0 ? "#2166ac" : "#b2182b")).ToList(), Money));
        html.Append(Totals(summary.ByKind, KindLabel)).Append("</section>\n");
        html.Append("<section><h2>Theo nhóm đối tượng <span class=\"en\">By group</span></h2>\n").Append(Totals(summary.ByGroup, k => E(k))).Append("</section>\n");
        html.Append("<section><h2>Theo người nhận <span class=\"en\">By payee</span></h2>\n").Append(Totals(summary.ByPayee, k => k == "carer" ? "Người chăm sóc <span class=\"en\">carer</span>" : "Đối tượng <span class=\"en\">beneficiary</span>")).Append("</section>\n");

        // Distribution.
        html.Append("<section><h2>Phân bố <span class=\"en\">Distribution</span></h2>\n");
        html.Append("<h3>Theo nhóm tuổi <span class=\"en\">By age band</span></h3>\n").Append(Table(distribution.ByAgeBand.Select(l => (l, E(l.Key)))));
        html.Append("<h3>Theo giới tính <span class=\"en\">By sex</span></h3>\n").Append(Table(distribution.BySex.Select(l => (l, SexLabel(l.Key)))));
        html.Append("<h3>Theo phân loại hộ <span class=\"en\">By poverty class</span></h3>\n").Append(Table(distribution.ByPoverty.Select(l => (l, PovertyLabel(l.Key)))));
        if (!distribution.ByCommune.IsEmpty)
        {
            html.Append("<h3>Theo xã, phường <span class=\"en\">By commune</span></h3>\n").Append(Table(distribution.ByCommune.Select(l => (l, E(l.Key)))));
        }

        if (!distribution.ByDecile.IsEmpty)
        {
            html.Append("<h3>Theo nhóm thập phân thu nhập <span class=\"en\">By decile of baseline income</span></h3>\n")
                .Append(Bars("by-decile", "Chi phí tăng thêm theo thập phân / Additional cost by decile",
                    distribution.ByDecile.Select(l => ("Nhóm " + l.Key + " / decile " + l.Key, (decimal)l.Difference.Value, "#2166ac")).ToList(), Money))
                .Append(Table(distribution.ByDecile.Select(l => (l, "Nhóm <span class=\"en\">decile</span> " + E(l.Key)))))
                .Append("<p class=\"note\">Thu nhập cơ sở = thu nhập bình quân đầu người của hộ + trợ cấp hằng tháng theo pháp luật hiện hành; mỗi nhóm gồm khoảng một phần mười số người (có trọng số) có thông tin thu nhập (")
                .Append(Persons(distribution.PersonsWithIncome)).Append(" người). <span class=\"en\">Baseline income = household income per person + the person's recurring entitlements under the baseline; deciles fixed on the baseline, each about a tenth of the weighted persons with an income.</span></p>\n");
        }

        html.Append("</section>\n");

        // The law it rests on.
        html.Append("<section><h2>Căn cứ và mức độ xác minh <span class=\"en\">The provisions behind the differences, and their grades</span></h2>\n<table>\n<thead><tr><th>Căn cứ <span class=\"en\">Provision</span></th><th>Mức độ <span class=\"en\">Grade</span></th><th class=\"num\">Số người <span class=\"en\">People</span></th></tr></thead>\n<tbody>\n");
        foreach (var (citation, people) in analysis.Causes.OrderBy(c => c.Key.Status == ProvisionStatus.Verified).ThenByDescending(c => c.Value))
        {
            html.Append("<tr class=\"").Append(citation.Status.ContractName()).Append("\"><td>").Append(E(citation.ToVietnameseString())).Append("<br><span class=\"en\">").Append(E(citation.ToString()))
                .Append("</span></td><td>").Append(Grade(citation.Status)).Append("</td><td class=\"num\">").Append(Persons(people)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        int weak = analysis.Causes.Keys.Count(c => c.Status == ProvisionStatus.Provisional);
        if (weak > 0)
        {
            html.Append("<p class=\"warning\">").Append(weak.ToString(CultureInfo.InvariantCulture))
                .Append(" căn cứ chưa được xác minh: số liệu dựa vào chúng có thể thay đổi. <span class=\"en\">")
                .Append(weak.ToString(CultureInfo.InvariantCulture)).Append(" provision(s) are provisional: figures resting on them may change.</span></p>\n");
        }

        html.Append("</section>\n");

        // How it was computed.
        html.Append("<section><h2>Phương pháp <span class=\"en\">How it was computed</span></h2>\n<table class=\"figures\">\n")
            .Append(Row("Dữ liệu dân cư", "Population", E(setting.Input)))
            .Append(Row("Số bản ghi", "Records", summary.Persons.ToString("N0", Vi) + (summary.IsWeighted ? "" : " (trọng số 1 / weight 1)")))
            .Append(Row("Số người có trọng số", "Weighted persons", Persons(summary.WeightedPersons)))
            .Append(Row("Số lỗi", "Errors", summary.Errors.ToString("N0", Vi)))
            .Append(Row("Tháng", "Months", months > 1 ? $"{setting.From} – {setting.To} ({months})" : setting.From ?? "tháng của từng bản ghi / each record's month"))
            .Append(Row("Phiên bản pháp luật", "Law version", E(setting.LawVersion)))
            .Append(Row("Công cụ", "Tool", "welfare-rules " + E(setting.ToolVersion)))
            .Append("</table>\n<p class=\"note\">Chi phí gồm mọi khoản trợ cấp và phần ngân sách nhà nước đóng, hỗ trợ bảo hiểm y tế. <span class=\"en\">Cost: every entitlement and the state's share of health-insurance premiums; amounts in đồng, written the Vietnamese way (1.000 = one thousand).</span></p>\n</section>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private const string Css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1a1a1a;background:#fff}
        main{max-width:980px;margin:0 auto;padding:24px}
        h1{font-size:1.6rem;margin:0 0 16px}h2{font-size:1.25rem;border-bottom:2px solid #2166ac;padding-bottom:4px;margin-top:32px}h3{font-size:1.05rem}
        .en{color:#555;font-weight:normal;font-size:.9em}h1 .en,h2 .en,h3 .en{display:block}
        table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.92rem}th,td{border:1px solid #d0d0d0;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f2f5f9}td:first-child{min-width:180px}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        table.figures td:first-child{width:55%}tr.provisional td{background:#fff4e5}tr.reported td{background:#f5f9ff}
        .note{color:#444;font-size:.9rem}.warning{background:#fff4e5;border-left:4px solid #f1a340;padding:8px}
        svg{max-width:100%;height:auto;margin:8px 0}svg text{font-family:inherit;font-size:12px}
        @media print{main{padding:0}h2{break-after:avoid}table,svg{break-inside:avoid}}
        """;

    private static string Row(string vietnamese, string english, string value) =>
        $"<tr><td>{E(vietnamese)} <span class=\"en\">{E(english)}</span></td><td class=\"num\">{value}</td></tr>\n";

    private static string Table(IEnumerable<(DistributionLine Line, string Label)> lines)
    {
        var html = new StringBuilder("<table>\n<thead><tr><th></th><th class=\"num\">Số người <span class=\"en\">People</span></th><th class=\"num\">Hiện hành <span class=\"en\">Baseline</span></th><th class=\"num\">Dự thảo <span class=\"en\">Change</span></th><th class=\"num\">Chênh lệch <span class=\"en\">Difference</span></th><th class=\"num\">Được lợi <span class=\"en\">Gain</span></th><th class=\"num\">Bị thiệt <span class=\"en\">Lose</span></th></tr></thead>\n<tbody>\n");
        foreach (var (l, label) in lines)
        {
            html.Append("<tr><td>").Append(label).Append("</td><td class=\"num\">").Append(Persons(l.Persons)).Append("</td><td class=\"num\">").Append(Money(l.Baseline.Value))
                .Append("</td><td class=\"num\">").Append(Money(l.Changed.Value)).Append("</td><td class=\"num\">").Append(Money(l.Difference.Value))
                .Append("</td><td class=\"num\">").Append(Persons(l.Gainers)).Append("</td><td class=\"num\">").Append(Persons(l.Losers)).Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Totals(IEnumerable<ComparisonTotal> totals, Func<string, string> label)
    {
        var html = new StringBuilder("<table>\n<thead><tr><th></th><th class=\"num\">Số người <span class=\"en\">People</span></th><th class=\"num\">Hiện hành <span class=\"en\">Baseline</span></th><th class=\"num\">Dự thảo <span class=\"en\">Change</span></th><th class=\"num\">Chênh lệch <span class=\"en\">Difference</span></th></tr></thead>\n<tbody>\n");
        foreach (var t in totals)
        {
            html.Append("<tr><td>").Append(label(t.Key)).Append("</td><td class=\"num\">").Append(Persons(t.WeightedPersons)).Append("</td><td class=\"num\">").Append(Money(t.Baseline.Value))
                .Append("</td><td class=\"num\">").Append(Money(t.Changed.Value)).Append("</td><td class=\"num\">").Append(Money(t.Difference.Value)).Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>A horizontal bar chart as inline SVG, bars from a zero line (negative values to its left).</summary>
    private static string Bars(string id, string title, IReadOnlyList<(string Label, decimal Value, string Color)> bars, Func<decimal, string> format)
    {
        if (bars.Count == 0)
        {
            return "";
        }

        const int width = 900, labelWidth = 260, valueWidth = 150, rowHeight = 28, top = 28;
        int plot = width - labelWidth - valueWidth;
        decimal max = bars.Max(b => Math.Abs(b.Value));
        bool negatives = bars.Any(b => b.Value < 0);
        decimal scale = max == 0 ? 0 : (negatives ? plot / 2m : plot) / max;
        int zero = labelWidth + (negatives ? plot / 2 : 0);
        int height = top + (bars.Count * rowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" role=\"img\" aria-label=\"{E(title)}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">\n")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"16\" font-weight=\"bold\">{E(title)}</text>\n")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"{zero}\" y1=\"{top - 4}\" x2=\"{zero}\" y2=\"{height - 4}\" stroke=\"#888\"/>\n");
        for (int i = 0; i < bars.Count; i++)
        {
            var (label, value, color) = bars[i];
            int y = top + (i * rowHeight);
            int length = (int)Math.Round(Math.Abs(value) * scale);
            int x = value < 0 ? zero - length : zero;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{E(label)}</text>\n")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y + 4}\" width=\"{Math.Max(length, 1)}\" height=\"{rowHeight - 8}\" fill=\"{color}\"><title>{E(label)}: {format(value)}</title></rect>\n")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{width - valueWidth + 8}\" y=\"{y + 17}\">{format(value)}</text>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string KindLabel(string kind) =>
        (kind == Report.HealthInsuranceKey ? "Ngân sách đóng, hỗ trợ bảo hiểm y tế"
            : ContractNames.TryParse(kind, out var known) ? Capitalised(ContractNames.VietnameseName(known)) : kind) + " / " + kind;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string SexLabel(string sex) => sex switch
    {
        "female" => "Nữ <span class=\"en\">female</span>",
        "male" => "Nam <span class=\"en\">male</span>",
        _ => "Không rõ <span class=\"en\">not given</span>",
    };

    private static string PovertyLabel(string poverty)
    {
        var value = poverty switch { "poor" => Facts.Poverty.Poor, "nearPoor" => Facts.Poverty.NearPoor, _ => Facts.Poverty.None };
        string english = value switch { Facts.Poverty.Poor => "poor", Facts.Poverty.NearPoor => "near-poor", _ => "neither" };
        return Capitalised(Law.Conditions.FactValueNames.Poverty[(int)value]) + " <span class=\"en\">" + english + "</span>";
    }

    private static string Grade(ProvisionStatus status) => status switch
    {
        ProvisionStatus.Verified => "đã đối chiếu văn bản <span class=\"en\">verified</span>",
        ProvisionStatus.Reported => "theo nguồn thứ cấp <span class=\"en\">reported</span>",
        _ => "<strong>chưa xác minh</strong> <span class=\"en\">provisional</span>",
    };

    private static long Divide(Dong amount, int months) => (long)Math.Round((decimal)amount.Value / months, MidpointRounding.AwayFromZero);

    private static string Money(long amount) => amount.ToString("N0", Vi) + " đ";

    private static string Money(decimal amount) => Money((long)Math.Round(amount, MidpointRounding.AwayFromZero));

    private static string Persons(decimal persons) => Math.Round(persons, 0, MidpointRounding.AwayFromZero).ToString("N0", Vi);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
