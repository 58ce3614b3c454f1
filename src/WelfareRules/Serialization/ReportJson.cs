using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Text.Json;
using WelfareRules.Legal;
using WelfareRules.Reports;

namespace WelfareRules.Serialization;

/// <summary>Writes reports in the JSON format of the command-line contract (<c>spec/cli-contract.md</c>).</summary>
public static class ReportJson
{
    /// <summary>Writes one report as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    public static void Write(Utf8JsonWriter writer, Report report)
    {
        System.ArgumentNullException.ThrowIfNull(writer);
        System.ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("jurisdiction", report.Jurisdiction.Code);
        writer.WriteString("month", YearMonthConverter.Pattern.Format(report.Month));
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
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteHealthInsurance(writer, report.HealthInsurance);
        writer.WriteNumber("total", report.Total.Value);
        writer.WriteBoolean("provisional", report.IsProvisional);
        writer.WriteStartArray("warnings");
        foreach (string warning in report.Warnings)
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

    /// <summary>Writes the <c>healthInsurance</c> block, or null when there is none.</summary>
    private static void WriteHealthInsurance(Utf8JsonWriter writer, HealthInsuranceContribution? health)
    {
        if (health is null)
        {
            writer.WriteNull("healthInsurance");
            return;
        }

        writer.WriteStartObject("healthInsurance");
        writer.WriteNumber("premium", health.Premium.Value);
        writer.WriteNumber("stateShare", health.StateShare);
        writer.WriteNumber("statePays", health.StatePays.Value);
        writer.WriteNumber("personPays", health.PersonPays.Value);
        WriteBasis(writer, health.Basis);
        writer.WriteBoolean("provisional", health.Provisional);
        writer.WriteEndObject();
    }

    /// <summary>The report as a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON.</returns>
    public static string ToJson(Report report, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a <c>basis</c> array of citations.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="basis">The citations.</param>
    public static void WriteBasis(Utf8JsonWriter writer, ImmutableArray<Citation> basis)
    {
        System.ArgumentNullException.ThrowIfNull(writer);
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

            writer.WriteString("status", citation.IsProvisional ? "provisional" : "verified");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
