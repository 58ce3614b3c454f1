using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MiniExcelLibs;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Law;
using WelfareRules.Reports;
using WelfareRules.Serialization;

namespace WelfareRules.Cli.Reporting;

/// <summary>
/// <c>evaluate --payment-list FILE</c>: the month's payment list (danh sách chi trả) — one row per beneficiary and
/// payee with the amounts by kind, grouped by commune, with each commune's total and the grand total — as a
/// spreadsheet (<c>.xlsx</c>) or CSV (any other name).
/// </summary>
internal static class PaymentList
{
    private static readonly EntitlementKind[] Kinds = Enum.GetValues<EntitlementKind>();

    internal static void Write(string path, string input, RuleSet rules, YearMonth? month, EvaluationOptions options)
    {
        var rows = new List<(string Commune, int Line, Dictionary<string, object?> Row)>();
        using (var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
        {
            foreach (var item in SituationReader.ReadLines(reader, input, month))
            {
                if (item.Situation is not { } situation)
                {
                    // A bad line is reported by the evaluation itself; it has no place in the list.
                    continue;
                }

                Report report;
                try
                {
                    report = rules.Evaluate(situation, options with { Explain = false });
                }
                catch (EvaluationException)
                {
                    continue;
                }

                foreach (var payee in report.Entitlements.Select(e => e.Payee).Distinct())
                {
                    var row = new Dictionary<string, object?>
                    {
                        ["commune"] = situation.Commune ?? "",
                        ["line"] = item.Line,
                        ["id"] = situation.Id,
                        ["jurisdiction"] = situation.Jurisdiction.Code,
                        ["month"] = situation.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                        ["payee"] = ContractNames.Of(payee),
                    };
                    long total = 0;
                    foreach (var kind in Kinds)
                    {
                        long amount = report.Entitlements.Where(e => e.Payee == payee && e.Kind == kind).Sum(e => e.Amount.Value);
                        row[ContractNames.Of(kind)] = amount;
                        total += amount;
                    }

                    row["total"] = total;
                    row["provisional"] = report.Entitlements.Any(e => e.Payee == payee && e.Provisional);
                    rows.Add((situation.Commune ?? "", item.Line, row));
                }
            }
        }

        // Grouped by commune, in input order within each, each commune closed by its total; the grand total last.
        var list = new List<Dictionary<string, object?>>();
        foreach (var commune in rows.GroupBy(r => r.Commune).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            list.AddRange(commune.OrderBy(r => r.Line).Select(r => r.Row));
            list.Add(Total(commune.Select(r => r.Row), commune.Key, "commune total / tổng xã, phường"));
        }

        list.Add(Total(rows.Select(r => r.Row), "", "grand total / tổng cộng"));
        if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            MiniExcel.SaveAs(path, new Dictionary<string, object> { ["Danh sách chi trả - Payments"] = list }, overwriteFile: true);
            return;
        }

        var text = new StringBuilder();
        var columns = list[0].Keys.ToList();
        text.Append(string.Join(",", columns)).Append('\n');
        foreach (var row in list)
        {
            text.Append(string.Join(",", columns.Select(c => Csv(row.GetValueOrDefault(c))))).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static Dictionary<string, object?> Total(IEnumerable<Dictionary<string, object?>> rows, string commune, string label)
    {
        var total = new Dictionary<string, object?> { ["commune"] = commune, ["line"] = null, ["id"] = label, ["jurisdiction"] = null, ["month"] = null, ["payee"] = null };
        var all = rows.ToList();
        foreach (var kind in Kinds)
        {
            total[ContractNames.Of(kind)] = all.Sum(r => (long)r[ContractNames.Of(kind)]!);
        }

        total["total"] = all.Sum(r => (long)r["total"]!);
        total["provisional"] = all.Any(r => (bool)r["provisional"]!);
        return total;
    }

    private static string Csv(object? value)
    {
        string text = value switch
        {
            null => "",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
