using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using NodaTime.Text;
using WelfareRules.Benefits.PovertyStandard;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Money;
using WelfareRules.Serialization;

namespace WelfareRules.Cli;

/// <summary><c>welfare-rules classify</c>: a household's class under the national multidimensional poverty standard.</summary>
internal static class ClassifyCommand
{
    internal static Command Build(Streams io)
    {
        var area = Options.Choice<Area?>("--area", "Where the household lives", [("rural", Area.Rural), ("urban", Area.Urban)]);
        area.Required = true;
        var income = Options.Text("--income", "Income per person per month, whole đồng", "N");
        income.Required = true;
        var deprivations = Options.Text("--deprivations", "The number of basic social service indicators the household lacks", "N");
        deprivations.Required = true;
        var on = Options.Date("--on", "The date of the classification");
        on.Required = true;
        var format = Options.Format(OutputFormat.Json);
        var rules = Options.Rules();
        var command = new Command("classify", "A household's class under the national poverty standard (07/2021/NĐ-CP; 2027-2030 provisional): poor, nearPoor, averageLivingStandard or none")
        {
            area, income, deprivations, on, format, rules,
        };
        command.SetAction(parse => Run(
            parse.GetValue(area)!.Value,
            Whole(parse.GetValue(income)!, "--income"),
            (int)System.Math.Min(Whole(parse.GetValue(deprivations)!, "--deprivations"), int.MaxValue),
            parse.GetValue(on)!.Value,
            parse.GetValue(format) != OutputFormat.Text,
            parse.GetValue(rules),
            io));
        return command;
    }

    private static int Run(Area area, long income, int deprivations, NodaTime.LocalDate on, bool json, string[]? ruleFiles, Streams io)
    {
        var (stdout, stderr) = (io.Stdout, io.Stderr);
        PovertyClassification result;
        try
        {
            result = PovertyClassifier.Classify(Program.LoadRules(ruleFiles), area, new Dong(income), deprivations, on);
        }
        catch (EvaluationException failed)
        {
            stderr.WriteLine("welfare-rules: " + failed.Message);
            return Program.Failure;
        }

        if (json)
        {
            using var writer = new Utf8JsonWriter(stdout, EvaluateCommand.Indented);
            writer.WriteStartObject();
            writer.WriteString("on", LocalDatePattern.Iso.Format(result.On));
            writer.WriteString("area", area == Area.Rural ? "rural" : "urban");
            writer.WriteNumber("income", result.IncomePerPerson.Value);
            writer.WriteNumber("deprivations", result.Deprivations);
            writer.WriteString("class", Spell(result.Class));
            writer.WriteNumber("povertyLine", result.PovertyLine.Value);
            writer.WriteNumber("averageLivingStandardLine", result.AverageLivingStandardLine.Value);
            writer.WriteNumber("deprivationThreshold", result.DeprivationThreshold);
            ReportJson.WriteBasis(writer, result.Basis);
            writer.WriteBoolean("provisional", result.Provisional);
            writer.WriteEndObject();
            writer.Flush();
            Program.Write(stdout, "\n");
        }
        else
        {
            var vi = Vietnamese.Numbers;
            string nl = System.Environment.NewLine;
            Program.Write(stdout, string.Create(CultureInfo.InvariantCulture,
                $"{Spell(result.Class)} ({area.ToString().ToLowerInvariant()}, {LocalDatePattern.Iso.Format(result.On)}): income {result.IncomePerPerson} per person per month, {result.Deprivations} deprivation(s); poverty line {result.PovertyLine}, average living standard up to {result.AverageLivingStandardLine}, poor from {result.DeprivationThreshold} deprivations{nl}"
                + $"{Spell(result.Class)} = {Vietnamese.Class(result.Class)} ({(area == Area.Rural ? "nông thôn" : "thành thị")}, {result.On.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}): thu nhập {result.IncomePerPerson.ToString("N", vi)} đồng/người/tháng, thiếu hụt {result.Deprivations} chỉ số; chuẩn nghèo {result.PovertyLine.ToString("N", vi)} đồng, mức sống trung bình đến {result.AverageLivingStandardLine.ToString("N", vi)} đồng, nghèo từ {result.DeprivationThreshold} chỉ số thiếu hụt{nl}"
                + $"basis / căn cứ: {string.Join("; ", result.Basis)}{nl}{(result.Provisional ? "* provisional: the classification rule is not verified against the legal text" + nl + "  tạm tính: quy tắc phân loại chưa được đối chiếu với văn bản" + nl : "")}"));
        }

        return Program.Ok;
    }

    /// <summary>Vietnamese labels and numbers (invariant globalization: the separators are set here, not read from a culture).</summary>
    internal static class Vietnamese
    {
        internal static readonly NumberFormatInfo Numbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberDecimalDigits = 0 };

        internal static string Class(LivingStandard value) => value switch
        {
            LivingStandard.Poor => "hộ nghèo",
            LivingStandard.NearPoor => "hộ cận nghèo",
            LivingStandard.AverageLivingStandard => "hộ có mức sống trung bình",
            _ => "không thuộc diện nào",
        };
    }

    private static string Spell(LivingStandard value) => value switch
    {
        LivingStandard.Poor => "poor",
        LivingStandard.NearPoor => "nearPoor",
        LivingStandard.AverageLivingStandard => "averageLivingStandard",
        _ => "none",
    };

    private static long Whole(string text, string option) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new UsageException($"{option}: \"{text}\" is not a whole number of 0 or more");
}
