using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime.Text;
using WelfareRules.Law;
using WelfareRules.Serialization;

namespace WelfareRules.Cli;

/// <summary><c>welfare-rules rules</c>: the instruments and parameter values in force for a jurisdiction on a date.</summary>
internal static class RulesCommand
{
    internal static Command Build(Streams io)
    {
        var jurisdiction = Options.Text("--jurisdiction", "VN (national law), or VN- and a province code (VN-HN); default VN", "CODE");
        var on = Options.Date("--on", "The date the law is shown on");
        on.Required = true;
        var format = Options.Format(OutputFormat.Text);
        var all = new Option<bool>("--all") { Description = "List superseded instruments too (none of their provisions or groups in force on the date)" };
        var rules = Options.Rules();
        var command = new Command("rules", "The instruments in force, the groups open and closed, and every parameter value in force on a date, with citation and status")
        {
            jurisdiction, on, format, all, rules,
        };
        command.SetAction(parse => Run(parse.GetValue(jurisdiction) ?? "VN", parse.GetValue(on)!.Value, parse.GetValue(format) == OutputFormat.Json, parse.GetValue(all), parse.GetValue(rules), io.Stdout));
        return command;
    }

    private static int Run(string code, NodaTime.LocalDate on, bool json, bool all, string[]? ruleFiles, Stream stdout)
    {
        if (!Jurisdiction.TryParse(code, out var jurisdiction))
        {
            throw new UsageException($"--jurisdiction: \"{MessageText.Cut(code)}\" is not a jurisdiction code (VN, VN-HN, …)");
        }

        var rules = Program.LoadRules(ruleFiles);
        if (!rules.Knows(jurisdiction))
        {
            throw new UsageException($"--jurisdiction: no instrument applies to {jurisdiction}");
        }

        var (provisions, closed, groups, cited, instruments) = Listing.Of(rules, jurisdiction, on, all);
        if (json)
        {
            using (var writer = new Utf8JsonWriter(stdout, EvaluateCommand.Indented))
            {
                WriteJson(writer, rules, jurisdiction, on, all);
            }

            stdout.WriteByte((byte)'\n');
            return Program.Ok;
        }


        var text = new StringBuilder();
        string where = jurisdiction.VietnameseName == jurisdiction.Code ? jurisdiction.Code : $"{jurisdiction.VietnameseName} ({jurisdiction.Code})";
        text.Append(CultureInfo.InvariantCulture, $"Law in force in {jurisdiction} on {on:yyyy-MM-dd} (law version {rules.Version:yyyy-MM-dd})\nLuật có hiệu lực tại {where} ngày {on:dd/MM/yyyy} (phiên bản luật {rules.Version:yyyy-MM-dd})\n\nInstruments / Văn bản:\n");

        // Each column as wide as its longest value, the titles last.
        int instrumentWidth = Width(instruments.Select(i => i.Id));
        foreach (var i in instruments)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Pad(i.Id, instrumentWidth)} {i.Jurisdiction.Code,-6} from {i.AppliesFrom:yyyy-MM-dd}  {StatusLabel(i.Status),-27}  {(cited.Contains(i.Id) ? "" : "superseded / hết hiệu lực  ")}{i.Title}\n");
        }

        int idWidth = Width(groups.Select(g => g.Id)), codeWidth = Width(groups.Select(g => g.Code)), basisWidth = Width(groups.Select(g => g.Basis.ToString()));
        foreach (bool open in new[] { true, false })
        {
            text.Append(open ? "\nGroups open / Nhóm đối tượng đang áp dụng:\n" : "\nGroups closed / Nhóm đối tượng đã đóng:\n");
            foreach (var g in groups.Where(g => closed.Contains(g.Id) != open))
            {
                text.Append(CultureInfo.InvariantCulture, $"  {Pad(g.Id, idWidth)} {Pad(g.Code, codeWidth)} from {g.From:yyyy-MM-dd}  {Pad(g.Basis.ToString(), basisWidth)}  {(g.Rule is null ? "" : g.Rule + ": ")}{g.Title}\n");
            }
        }

        text.Append("\nParameters / Tham số:\n");
        int keyWidth = Width(provisions.Select(p => p.Key.ToString()));
        foreach (var p in provisions)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Pad(p.Key.ToString(), keyWidth)} {p.Jurisdiction.Code,-6} {Exact(p.Value),12}  from {p.From:yyyy-MM-dd}  {p.Basis}\n");
        }

        Program.Write(stdout, text.ToString());
        return Program.Ok;
    }

    /// <summary>The width of a text column: its longest value.</summary>
    private static int Width(IEnumerable<string> values) => values.Select(v => v.Length).DefaultIfEmpty(0).Max();

    /// <summary>A value padded to its column's width.</summary>
    private static string Pad(string value, int width) => value.PadRight(width);

    /// <summary>Writes the law in force on a date in the contract's format (docs/contract.md, "`rules` output"): the tool's and the server's.</summary>
    internal static void WriteJson(Utf8JsonWriter writer, RuleSet rules, Jurisdiction jurisdiction, NodaTime.LocalDate on, bool all)
    {
        var (provisions, closed, groups, cited, instruments) = Listing.Of(rules, jurisdiction, on, all);
        writer.WriteStartObject();
        writer.WriteString("jurisdiction", jurisdiction.Code);
        writer.WriteString("on", LocalDatePattern.Iso.Format(on));
        writer.WriteString("lawVersion", LocalDatePattern.Iso.Format(rules.Version));
        writer.WriteStartArray("instruments");
        foreach (var i in instruments)
        {
            writer.WriteStartObject();
            writer.WriteString("id", i.Id);
            writer.WriteString("title", i.Title);
            writer.WriteString("jurisdiction", i.Jurisdiction.Code);
            writer.WriteString("appliesFrom", LocalDatePattern.Iso.Format(i.AppliesFrom));
            writer.WriteString("status", Legal.ProvisionStatuses.ContractName(i.Status));
            writer.WriteBoolean("inForce", cited.Contains(i.Id));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("groups");
        foreach (var g in groups)
        {
            writer.WriteStartObject();
            writer.WriteString("id", g.Id);
            writer.WriteString("code", g.Code);
            if (g.Rule is { } rule)
            {
                writer.WriteString("rule", rule);
            }
            writer.WriteString("title", g.Title);
            writer.WriteString("from", LocalDatePattern.Iso.Format(g.From));
            writer.WriteBoolean("open", !closed.Contains(g.Id));
            ReportJson.WriteBasis(writer, [g.Basis]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("parameters");
        foreach (var p in provisions)
        {
            writer.WriteStartObject();
            writer.WriteString("parameter", p.Key.Name);
            if (p.Key.Group is not null)
            {
                writer.WriteString("group", p.Key.Group);
            }

            if (p.Key.Case is not null)
            {
                writer.WriteString("case", p.Key.Case);
            }

            writer.WriteString("jurisdiction", p.Jurisdiction.Code);
            writer.WriteNumber("value", p.Value);
            writer.WriteString("from", LocalDatePattern.Iso.Format(p.From));
            ReportJson.WriteBasis(writer, [p.Basis]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>What the law holds on a date: the provisions in force, the closed groups, the groups (open first), the instruments cited, and the instruments listed.</summary>
    private sealed record Listing(IReadOnlyList<Provision> Provisions, HashSet<string> Closed, List<GroupDefinition> Groups, HashSet<string> Cited, List<Instrument> Instruments)
    {
        internal static Listing Of(RuleSet rules, Jurisdiction jurisdiction, NodaTime.LocalDate on, bool all)
        {
            var provisions = rules.InForce(jurisdiction, on);
            // A group is closed when a group-open switch in force turns it off; an instrument is in force when a provision
            // or a group of it is, and superseded otherwise (listed only under --all). Both in date order.
            var closed = provisions.Where(p => p.Key.Name == "group-open" && p.Key.Group is not null && p.Value == 0).Select(p => p.Key.Group!).ToHashSet(StringComparer.Ordinal);
            var groups = rules.Groups.Where(g => jurisdiction.IsWithin(g.Jurisdiction) && g.From <= on)
                .OrderBy(g => closed.Contains(g.Id)).ThenBy(g => g.From).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();
            var cited = provisions.Select(p => p.Basis.Instrument).Concat(groups.Select(g => g.Basis.Instrument)).ToHashSet(StringComparer.Ordinal);
            var instruments = rules.Instruments.Where(i => jurisdiction.IsWithin(i.Jurisdiction) && i.AppliesFrom <= on && (all || cited.Contains(i.Id)))
                .OrderBy(i => i.AppliesFrom).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            return new Listing(provisions, closed, groups, cited, instruments);
        }
    }

    /// <summary>A grade's code with its Vietnamese label beside it: <c>verified (đã đối chiếu)</c>.</summary>
    internal static string StatusLabel(Legal.ProvisionStatus status) => Legal.ProvisionStatuses.ContractName(status) + status switch
    {
        Legal.ProvisionStatus.Verified => " (đã đối chiếu)",
        Legal.ProvisionStatus.Reported => " (nguồn thứ cấp)",
        _ => " (tạm tính)",
    };

    /// <summary>A parameter's value exactly as the law gives it: thousands grouped, every decimal kept (4.5% is 0.045).</summary>
    internal static string Exact(decimal value) =>
        value.ToString("#,0." + new string('#', 28), CultureInfo.InvariantCulture);
}
