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
        using (var reader = ParquetFiles.ParquetPopulation.IsParquet(input) ? ParquetFiles.ParquetPopulation.OpenAsLines(input) : new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
        {
            foreach (var item in SituationReader.ReadLines(reader, input, month))
            {
                if (item.Situation is not { } situation)
                {
                    // A line that is not a situation keeps its place in the list, with nothing paid and why.
                    rows.Add(("", item.Line, Failed(item.Line, item.Id, "", item.Error!.Message)));
                    continue;
                }

                Report report;
                try
                {
                    report = rules.Evaluate(situation, options with { Explain = false });
                }
                catch (EvaluationException failed)
                {
                    rows.Add((situation.Commune ?? "", item.Line, Failed(item.Line, situation.Id, situation.Commune ?? "", failed.Message)));
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
                    row["error"] = null;
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

        // With a byte-order mark, so that a spreadsheet reads the Vietnamese as UTF-8.
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(true));
    }

    /// <summary>A row for a situation that could not be read or evaluated: in its place, nothing paid, the error given.</summary>
    private static Dictionary<string, object?> Failed(int line, string? id, string commune, string error)
    {
        var row = new Dictionary<string, object?> { ["commune"] = commune, ["line"] = line, ["id"] = id, ["jurisdiction"] = null, ["month"] = null, ["payee"] = null };
        foreach (var kind in Kinds)
        {
            row[ContractNames.Of(kind)] = 0L;
        }

        row["total"] = 0L;
        row["provisional"] = false;
        row["error"] = error;
        return row;
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
        int errors = all.Count(r => r["error"] is not null);
        total["error"] = errors == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{errors} situation(s) not paid: see their rows");
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
        // A text that a spreadsheet would read as a formula is written as text.
        if (value is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
