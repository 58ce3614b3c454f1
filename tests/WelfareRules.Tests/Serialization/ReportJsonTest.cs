using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Policy;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>
/// <see cref="ReportJson"/> writes pre-encoded names and composes explanation steps in a buffer; its bytes
/// must be those of the plain writing (<see cref="Plain"/>, the code it replaced), on every writer.
/// </summary>
public sealed class ReportJsonTest
{
    private static readonly JsonWriterOptions[] Writers =
    [
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true },
        new(),
    ];

    public static TheoryData<string, int, string> Populations() => new()
    {
        { "VN", 2024, "2024-08" },
        { "VN-HN", 2026, "2026-08" },
        { "VN-HN", 2025, "2025-07" },
        { "VN", 2023, "2022-01" },
    };

    [Theory]
    [MemberData(nameof(Populations))]
    public void Write_GeneratedPopulation_SameBytesAsThePlainWriting(string jurisdiction, int seed, string month)
    {
        var when = TestDates.Month(month);
        foreach (var situation in PopulationGenerator.Generate(1500, (ulong)seed, Jurisdiction.Parse(jurisdiction), when))
        {
            foreach (var options in new[] { EvaluationOptions.Default, new EvaluationOptions { Strict = false, Explain = false } })
            {
                Report report;
                try
                {
                    report = RuleSet.BuiltIn.Evaluate(situation, options);
                }
                catch (EvaluationException)
                {
                    continue;
                }

                foreach (var writer in Writers)
                {
                    Assert.Equal(Plain.ToJson(report, writer), Written(report, writer));
                }
            }
        }
    }

    [Fact]
    public void Write_SameReportOnManyThreads_SameBytes()
    {
        var reports = PopulationGenerator.Generate(400, 5, Jurisdiction.Parse("VN-HN"), TestDates.Month("2026-08"))
            .Select(s => RuleSet.BuiltIn.Evaluate(s)).ToList();
        var expected = reports.Select(r => Plain.ToJson(r, Writers[0])).ToList();
        System.Threading.Tasks.Parallel.For(0, reports.Count * 4, i => Assert.Equal(expected[i % reports.Count], Written(reports[i % reports.Count], Writers[0])));
    }

    [Fact]
    public void Write_StepsWithCharactersToEscape_SameBytesAsThePlainWriting()
    {
        // The compact writer puts a step's JSON string together from its text's and its citations' escaped bytes, and
        // copies a warning's: quotes, backslashes, control characters, HTML-sensitive and non-BMP characters in either
        // part must come out as the writer escapes the whole.
        var evaluated = RuleSet.BuiltIn.Evaluate(PopulationGenerator.Generate(1, 3, Jurisdiction.Hanoi, TestDates.Month("2026-08")).First());
        var odd = new Citation("1/2026/NQ-\"HĐND\"", "4\\b", "k<2>", "đ\u0001");
        var lone = new Citation("2/2026/NQ-HĐND", "5\uD800", "x\uDC00y");
        string[] texts = ["say \"aged 72\"", "a\\b\tc\nd", "<tag> & 'quote'", "mức chuẩn 650.000 đồng", "emoji \U0001F600 end", "", "\u007f\u2028", "lone \uD800 high", "lone \uDC00", "end \uD83D"];
        var steps = texts.SelectMany(t => new[]
        {
            new ExplanationStep(t, t + " (vi)", []),
            new ExplanationStep(t, t, [odd]),
            new ExplanationStep(t, t, [odd, evaluated.Standard.Basis]),
            new ExplanationStep(t, t, [lone, odd]),
        }).ToImmutableArray();
        var report = new Report(evaluated.Jurisdiction, evaluated.Month, evaluated.Standard, evaluated.Entitlements, [.. texts], [.. texts.Reverse()], steps, evaluated.HealthInsurance);

        foreach (var writer in Writers)
        {
            // Twice: the second writing reads the steps' bytes from the cache.
            Assert.Equal(Plain.ToJson(report, writer), Written(report, writer));
            Assert.Equal(Plain.ToJson(report, writer), Written(report, writer));
        }
    }

    private static string Written(Report report, JsonWriterOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            ReportJson.Write(writer, report);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The straightforward writing, kept as the reference.</summary>
    private static class Plain
    {
        internal static string ToJson(Report report, JsonWriterOptions options)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                Write(writer, report);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void Write(Utf8JsonWriter writer, Report report)
        {
            writer.WriteStartObject();
            writer.WriteString("jurisdiction", report.Jurisdiction.Code);
            writer.WriteString("month", NodaTime.Text.YearMonthPattern.Iso.Format(report.Month));
            writer.WriteStartObject("standard");
            writer.WriteNumber("amount", report.Standard.Amount.Value);
            WriteBasis(writer, [report.Standard.Basis]);
            writer.WriteEndObject();
            writer.WriteStartArray("entitlements");
            foreach (var entitlement in report.Entitlements)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", ContractNames.Of(entitlement.Kind));
                writer.WriteString("payee", ContractNames.Of(entitlement.Payee));
                writer.WriteNumber("amount", entitlement.Amount.Value);
                if (entitlement.Coefficient is { } coefficient)
                {
                    writer.WriteNumber("coefficient", coefficient);
                }

                if (entitlement.Group is { } group)
                {
                    writer.WriteString("group", group);
                }

                WriteBasis(writer, entitlement.Basis);
                writer.WriteBoolean("provisional", entitlement.Provisional);
                writer.WriteString("status", entitlement.Status.ContractName());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            var health = report.HealthInsurance;
            if (health is null)
            {
                writer.WriteNull("healthInsurance");
            }
            else
            {
                writer.WriteStartObject("healthInsurance");
                writer.WriteNumber("premium", health.Premium.Value);
                writer.WriteNumber("stateShare", health.StateShare);
                writer.WriteNumber("statePays", health.StatePays.Value);
                writer.WriteNumber("personPays", health.PersonPays.Value);
                WriteBasis(writer, health.Basis);
                writer.WriteBoolean("provisional", health.Provisional);
                writer.WriteString("status", health.Status.ContractName());
                writer.WriteEndObject();
            }

            writer.WriteNumber("total", report.Total.Value);
            writer.WriteNumber("monthlyTotal", report.MonthlyTotal.Value);
            writer.WriteBoolean("provisional", report.IsProvisional);
            writer.WriteString("status", report.Status.ContractName());
            writer.WriteStartArray("warnings");
            foreach (string warning in report.Warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("warningsVi");
            foreach (string warning in report.WarningsVi)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("explanation");
            foreach (var step in report.Explanation)
            {
                writer.WriteStringValue(step.ToString());
            }

            writer.WriteEndArray();
            writer.WriteStartArray("explanationVi");
            foreach (var step in report.Explanation)
            {
                writer.WriteStringValue(step.ToVietnameseString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        private static void WriteBasis(Utf8JsonWriter writer, ImmutableArray<Citation> basis)
        {
            writer.WriteStartArray("basis");
            foreach (var citation in basis)
            {
                writer.WriteStartObject();
                writer.WriteString("instrument", citation.Instrument);
                writer.WriteString("article", citation.Article);
                if (citation.Clause is not null)
                {
                    writer.WriteString("clause", citation.Clause);
                }

                if (citation.Point is not null)
                {
                    writer.WriteString("point", citation.Point);
                }

                writer.WriteString("status", citation.Status.ContractName());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }
}
