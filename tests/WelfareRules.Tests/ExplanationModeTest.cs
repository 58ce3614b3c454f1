using System.Collections.Generic;
using System.Linq;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Reports;
using Xunit;

namespace WelfareRules.Tests;

/// <summary>
/// Turning the explanation off only drops the explanation: the figures, their citations and the warnings
/// are the same, for every kind of person the population generator makes.
/// </summary>
public sealed class ExplanationModeTest
{
    private static readonly EvaluationOptions Quiet = new() { Explain = false };

    public static TheoryData<string, string> Months() => new()
    {
        { "VN", "2021-07" },
        { "VN", "2024-09" },
        { "VN", "2025-08" },
        { "VN-HN", "2025-07" },
        { "VN-HN", "2026-01" },
    };

    [Theory]
    [MemberData(nameof(Months))]
    public void Evaluate_WithoutExplanation_GivesTheSameFiguresCitationsAndWarnings(string jurisdiction, string month)
    {
        var rules = RuleSet.BuiltIn;
        int explained = 0;
        foreach (var situation in PopulationGenerator.Generate(2000, 20240901, Jurisdiction.Parse(jurisdiction), TestDates.Month(month)))
        {
            var full = rules.Evaluate(situation);
            var quiet = rules.Evaluate(situation, Quiet);

            Assert.Equal(Describe(full), Describe(quiet));
            Assert.Empty(quiet.Explanation);
            Assert.NotEmpty(full.Explanation);
            explained++;
        }

        Assert.Equal(2000, explained);
    }

    [Fact]
    public void Evaluate_SameSituationTwice_GivesEqualReports()
    {
        // The month's law is read once and shared: a second evaluation reads the cache and must agree.
        var rules = RuleSet.BuiltIn;
        foreach (var situation in PopulationGenerator.Generate(500, 7, Jurisdiction.Hanoi, new YearMonth(2026, 1)))
        {
            var first = rules.Evaluate(situation);
            rules.Evaluate(situation with { Month = new YearMonth(2025, 12) });
            var second = rules.Evaluate(situation);

            Assert.Equal(Describe(first), Describe(second));
            Assert.Equal(first.Explanation.Select(s => s.ToString()), second.Explanation.Select(s => s.ToString()));
        }
    }

    /// <summary>Everything in a report but the explanation, as text.</summary>
    private static List<string> Describe(Report report)
    {
        var lines = new List<string> { $"{report.Jurisdiction} {report.Month} standard {report.Standard.Amount} total {report.Total} provisional {report.IsProvisional}" };
        lines.AddRange(report.Entitlements.Select(e =>
            $"{e.Kind} {e.Payee} {e.Amount} {e.Coefficient} {e.Group} [{string.Join("; ", e.Basis)}]"));
        if (report.HealthInsurance is { } hi)
        {
            lines.Add($"{hi} [{string.Join("; ", hi.Basis)}]");
        }

        lines.AddRange(report.Warnings.Select(w => "warning: " + w));
        return lines;
    }
}
