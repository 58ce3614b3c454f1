using System.Collections.Generic;
using System.Linq;
using WelfareRules.Law;
using WelfareRules.Legal;
using WelfareRules.Policy;

namespace WelfareRules.Cli.Reporting;

/// <summary>
/// What <c>compare --report</c>, <c>--xlsx</c> and <c>--csv</c> need beyond the summary: the distribution, the
/// provisions behind the differences (and how many persons each moved), and the difference lines for the
/// spreadsheet (up to a sheet's rows).
/// </summary>
internal sealed class ComparisonAnalysis(bool keepDifferences)
{
    /// <summary>The most difference rows a spreadsheet sheet holds (Excel's limit, less the header).</summary>
    internal const int MaxRows = 1_048_575;

    internal DistributionBuilder Distribution { get; } = new();

    /// <summary>Each provision behind a difference, with the weighted persons whose difference it is behind.</summary>
    internal Dictionary<Citation, decimal> Causes { get; } = [];

    internal List<DifferenceRow> Differences { get; } = [];

    /// <summary>Difference lines beyond <see cref="MaxRows"/>, not kept.</summary>
    internal long DifferencesLeftOut { get; private set; }

    internal void Add(PersonDifference difference, int line)
    {
        foreach (var cause in difference.Causes)
        {
            Causes[cause] = Causes.GetValueOrDefault(cause) + difference.Situation.Weight;
        }

        if (!keepDifferences)
        {
            return;
        }

        if (Differences.Count >= MaxRows)
        {
            DifferencesLeftOut++;
            return;
        }

        Differences.Add(new DifferenceRow(difference.Situation.Id, line, difference.Situation.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            difference.Situation.Commune, difference.Situation.Weight, difference.BaselineReport.Total.Value, difference.ChangedReport.Total.Value, difference.Difference.Value,
            string.Join("; ", difference.Changes.Select(c => $"{Reports.ContractNames.Of(c.Kind)} {c.Group} {c.Baseline.Value}→{c.Changed.Value}"))));
    }
}

/// <summary>One person's difference, as a spreadsheet row.</summary>
internal sealed record DifferenceRow(string? Id, int Line, string Month, string? Commune, decimal Weight, long Baseline, long Changed, long Difference, string Changes);

/// <summary>What the report says of how it was computed.</summary>
internal sealed record ComparisonSetting(string Input, IReadOnlyList<Instrument> Draft, IReadOnlyList<string> Without, int Months, string? From, string? To, string LawVersion, string ToolVersion);
