using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MiniExcelLibs;
using WelfareRules.Policy;

namespace WelfareRules.Cli.Reporting;

/// <summary>
/// <c>compare --xlsx FILE</c> and <c>--csv FOLDER</c>: the comparison's tables as a spreadsheet (MiniExcel) or as
/// CSV files: the summary, the totals by kind, group and payee, the distribution, and each person's difference.
/// </summary>
internal static class ComparisonSheets
{
    internal static void WriteXlsx(string path, ComparisonSummary summary, ComparisonDistribution distribution, ComparisonAnalysis analysis, ComparisonSetting setting)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp - Summary"] = Summary(summary, analysis, setting),
            ["Theo khoản - Totals"] = Totals(summary),
            ["Phân bố - Distribution"] = Distribution(distribution),
            ["Chênh lệch - Differences"] = Differences(analysis),
        };
        MiniExcel.SaveAs(path, sheets, overwriteFile: true);
    }

    internal static void WriteCsv(string folder, ComparisonSummary summary, ComparisonDistribution distribution, ComparisonAnalysis analysis, ComparisonSetting setting)
    {
        Directory.CreateDirectory(folder);
        Csv(Path.Combine(folder, "summary.csv"), Summary(summary, analysis, setting));
        Csv(Path.Combine(folder, "totals.csv"), Totals(summary));
        Csv(Path.Combine(folder, "distribution.csv"), Distribution(distribution));
        Csv(Path.Combine(folder, "differences.csv"), Differences(analysis));
    }

    private static List<Dictionary<string, object?>> Summary(ComparisonSummary summary, ComparisonAnalysis analysis, ComparisonSetting setting)
    {
        var rows = new List<Dictionary<string, object?>>();
        void Add(string key, object? value) => rows.Add(new() { ["key"] = key, ["value"] = value });
        Add("input", setting.Input);
        Add("draft", string.Join("; ", setting.Draft.Select(d => d.Id)));
        Add("baselineWithout", string.Join("; ", setting.Without));
        Add("months", setting.Months);
        Add("from", setting.From);
        Add("to", setting.To);
        Add("lawVersion", setting.LawVersion);
        Add("toolVersion", setting.ToolVersion);
        Add("records", summary.Persons);
        Add("weightedPersons", summary.WeightedPersons);
        Add("gainers", summary.WeightedGainers);
        Add("losers", summary.WeightedLosers);
        Add("errors", summary.Errors);
        Add("baseline", summary.BaselineTotal.Value);
        Add("changed", summary.ChangedTotal.Value);
        Add("difference", summary.Difference.Value);
        Add("differenceLinesLeftOut", analysis.DifferencesLeftOut);
        return rows;
    }

    private static List<Dictionary<string, object?>> Totals(ComparisonSummary summary) =>
    [
        .. new[] { ("kind", summary.ByKind), ("group", summary.ByGroup), ("payee", summary.ByPayee) }.SelectMany(by => by.Item2.Select(t => new Dictionary<string, object?>
        {
            ["by"] = by.Item1,
            ["key"] = t.Key,
            ["persons"] = t.WeightedPersons,
            ["records"] = t.Persons,
            ["baseline"] = t.Baseline.Value,
            ["changed"] = t.Changed.Value,
            ["difference"] = t.Difference.Value,
        })),
    ];

    private static List<Dictionary<string, object?>> Distribution(ComparisonDistribution distribution) =>
    [
        .. new[]
        {
            ("change", distribution.ByChange), ("age", distribution.ByAgeBand), ("sex", distribution.BySex),
            ("poverty", distribution.ByPoverty), ("commune", distribution.ByCommune), ("decile", distribution.ByDecile),
        }.SelectMany(by => by.Item2.Select(l => new Dictionary<string, object?>
        {
            ["by"] = by.Item1,
            ["key"] = l.Key,
            ["persons"] = l.Persons,
            ["baseline"] = l.Baseline.Value,
            ["changed"] = l.Changed.Value,
            ["difference"] = l.Difference.Value,
            ["gainers"] = l.Gainers,
            ["losers"] = l.Losers,
        })),
    ];

    private static List<Dictionary<string, object?>> Differences(ComparisonAnalysis analysis)
    {
        var rows = analysis.Differences.Select(d => new Dictionary<string, object?>
        {
            ["id"] = d.Id,
            ["line"] = d.Line,
            ["month"] = d.Month,
            ["commune"] = d.Commune,
            ["weight"] = d.Weight,
            ["baseline"] = d.Baseline,
            ["changed"] = d.Changed,
            ["difference"] = d.Difference,
            ["changes"] = d.Changes,
        }).ToList();
        if (rows.Count == 0)
        {
            // A sheet with its header, so the columns are named even when nobody's entitlements differ.
            rows.Add(new() { ["id"] = null, ["line"] = null, ["month"] = null, ["commune"] = null, ["weight"] = null, ["baseline"] = null, ["changed"] = null, ["difference"] = null, ["changes"] = null });
        }

        return rows;
    }

    private static void Csv(string path, List<Dictionary<string, object?>> rows)
    {
        var text = new StringBuilder();
        if (rows.Count > 0)
        {
            text.Append(string.Join(",", rows[0].Keys.Select(Field))).Append('\n');
            foreach (var row in rows.Where(r => r.Values.Any(v => v is not null)))
            {
                text.Append(string.Join(",", row.Values.Select(v => v switch
                {
                    null => "",
                    decimal d => d.ToString(CultureInfo.InvariantCulture),
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    _ => Text(v.ToString() ?? ""),
                }))).Append('\n');
            }
        }

        // With a byte-order mark, so that a spreadsheet reads the Vietnamese as UTF-8.
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(true));
    }

    /// <summary>A text field: one a spreadsheet would read as a formula is written as text.</summary>
    private static string Text(string value) => Field(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value);

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"" : value;
}
