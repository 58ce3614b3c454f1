using System.Collections.Generic;
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
    private static readonly HashSet<string> ValueOptions = ["--area", "--income", "--deprivations", "--on", "--format", "--rules"];

    internal static int Run(string[] args, Stream stdout, TextWriter stderr)
    {
        var line = new CommandLine(args, ValueOptions, new HashSet<string>());
        var area = line.Required("--area") switch
        {
            "rural" => Area.Rural,
            "urban" => Area.Urban,
            var other => throw new UsageException($"--area: \"{other}\" is not rural or urban"),
        };
        long income = Whole(line.Required("--income"), "--income");
        int deprivations = (int)System.Math.Min(Whole(line.Required("--deprivations"), "--deprivations"), int.MaxValue);
        string onText = line.Required("--on");
        var on = LocalDatePattern.Iso.Parse(onText);
        if (!on.Success)
        {
            throw new UsageException($"--on: \"{onText}\" is not a date (yyyy-MM-dd)");
        }

        bool json = (line.Value("--format") ?? "json") switch
        {
            "json" => true,
            "text" => false,
            var other => throw new UsageException($"--format: \"{other}\" is not json or text"),
        };

        PovertyClassification result;
        try
        {
            result = PovertyClassifier.Classify(Program.LoadRules(line), area, new Dong(income), deprivations, on.Value);
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
            Program.Write(stdout, string.Create(CultureInfo.InvariantCulture,
                $"{Spell(result.Class)} ({area.ToString().ToLowerInvariant()}, {LocalDatePattern.Iso.Format(result.On)}): income {result.IncomePerPerson} per person per month, {result.Deprivations} deprivation(s); poverty line {result.PovertyLine}, average living standard up to {result.AverageLivingStandardLine}, poor from {result.DeprivationThreshold} deprivations{System.Environment.NewLine}basis: {string.Join("; ", result.Basis)}{System.Environment.NewLine}{(result.Provisional ? "* provisional: the classification rule is not verified against the legal text" + System.Environment.NewLine : "")}"));
        }

        return Program.Ok;
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
