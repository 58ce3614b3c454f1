using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests;

/// <summary>
/// The worked cases of the law reference (§8), kept as data in <c>TestData/worked-cases.jsonl</c>: each
/// line holds the case number, its legal basis, the situation in the contract's input format, and the
/// expected entitlements.
/// </summary>
public sealed record WorkedCase(string Id, string Title, string Basis, string SituationJson, ExpectedReport Expected)
{
    public override string ToString() => $"case {Id}: {Title}";

    public static IEnumerable<WorkedCase> Load(string file = "worked-cases.jsonl")
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", file);
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var expected = root.GetProperty("expected");
            yield return new WorkedCase(
                root.GetProperty("case").ToString(),
                root.GetProperty("title").GetString()!,
                root.GetProperty("basis").GetString()!,
                root.GetProperty("situation").GetRawText(),
                new ExpectedReport(
                    expected.GetProperty("total").GetInt64(),
                    expected.TryGetProperty("provisional", out var p) && p.GetBoolean(),
                    [.. expected.GetProperty("entitlements").EnumerateArray().Select(e => new ExpectedEntitlement(
                        e.GetProperty("kind").GetString()!,
                        e.TryGetProperty("payee", out var payee) ? payee.GetString()! : "beneficiary",
                        e.GetProperty("amount").GetInt64(),
                        e.TryGetProperty("group", out var g) ? g.GetString() : null))],
                    expected.TryGetProperty("healthInsurance", out var h) ? ExpectedHealthInsurance.From(h) : null));
        }
    }

    public static TheoryData<WorkedCase> All() => [.. Load()];
}

public sealed record ExpectedReport(long Total, bool Provisional, IReadOnlyList<ExpectedEntitlement> Entitlements, ExpectedHealthInsurance? HealthInsurance = null);

/// <summary>The optional <c>healthInsurance</c> of a worked case: the contract's four figures, and citations that must be among its basis.</summary>
public sealed record ExpectedHealthInsurance(long Premium, decimal StateShare, long StatePays, long PersonPays, IReadOnlyList<string> Basis)
{
    public static ExpectedHealthInsurance From(JsonElement h) => new(
        h.GetProperty("premium").GetInt64(),
        h.GetProperty("stateShare").GetDecimal(),
        h.GetProperty("statePays").GetInt64(),
        h.GetProperty("personPays").GetInt64(),
        h.TryGetProperty("basis", out var basis) ? [.. basis.EnumerateArray().Select(b => b.GetString()!)] : []);
}

public sealed record ExpectedEntitlement(string Kind, string Payee, long Amount, string? Group)
{
    public override string ToString() => $"{Kind}/{Payee}/{Group}: {Amount:#,0}";
}
