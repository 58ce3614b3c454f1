using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using WelfareRules.Benefits.Emergency;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Money;
using WelfareRules.Policy;
using WelfareRules.Reports;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>
/// The library's output does not depend on the current culture: the JSON reports, explanations, warnings, error
/// messages and <c>ToString</c> texts of every worked case and of refused input are the same under cultures with
/// other decimal and group separators, signs and date patterns as under the invariant culture.
/// </summary>
public sealed class MessageCultureTest
{
    /// <summary>
    /// Cultures made by hand (the tests run with invariant globalization, so named cultures may not exist): German
    /// separators and dates, French spaces and minus sign, and Indian grouping with unusual signs and separators.
    /// </summary>
    private static IEnumerable<(string Name, CultureInfo Culture)> Cultures()
    {
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        german.NumberFormat.CurrencyDecimalSeparator = ",";
        german.NumberFormat.CurrencyGroupSeparator = ".";
        german.NumberFormat.PercentDecimalSeparator = ",";
        german.NumberFormat.PercentGroupSeparator = ".";
        german.DateTimeFormat.DateSeparator = ".";
        german.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        german.DateTimeFormat.LongDatePattern = "dddd, d. MMMM yyyy";
        german.DateTimeFormat.YearMonthPattern = "MMMM yyyy";
        yield return ("German-like", german);

        var french = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        french.NumberFormat.NumberDecimalSeparator = ",";
        french.NumberFormat.NumberGroupSeparator = "\u202F";
        french.NumberFormat.NegativeSign = "\u2212";
        french.NumberFormat.PercentSymbol = "\u00A0%";
        french.DateTimeFormat.DateSeparator = "/";
        french.DateTimeFormat.ShortDatePattern = "dd/MM/yyyy";
        french.DateTimeFormat.TimeSeparator = "h";
        yield return ("French-like", french);

        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = "·";
        odd.NumberFormat.NumberGroupSeparator = "'";
        odd.NumberFormat.NumberGroupSizes = [3, 2];
        odd.NumberFormat.NegativeSign = "~";
        odd.NumberFormat.PositiveSign = "±";
        odd.DateTimeFormat.DateSeparator = "_";
        odd.DateTimeFormat.ShortDatePattern = "yyyy_MM_dd";
        odd.DateTimeFormat.YearMonthPattern = "yyyy_MM";
        yield return ("odd", odd);
    }

    [Fact]
    public void Evaluate_UnderCulturesWithOtherSeparatorsAndDatePatterns_GivesTheInvariantTexts()
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            Use(CultureInfo.InvariantCulture);
            var expected = Transcript();
            Assert.True(expected.Count > 100, $"only {expected.Count} texts");
            foreach (var (name, other) in Cultures())
            {
                Use(other);
                // The culture does change how the runtime formats: the comparison below is not vacuous.
                Assert.NotEqual(1234567.5m.ToString(CultureInfo.InvariantCulture), 1234567.5m.ToString(CultureInfo.CurrentCulture));
                var actual = Transcript();
                Assert.Equal(expected.Count, actual.Count);
                for (int i = 0; i < expected.Count; i++)
                {
                    Assert.True(expected[i] == actual[i], $"{name}: text {i} differs:\ninvariant: {expected[i]}\n{name}: {actual[i]}");
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static void Use(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Every text the library gives for the worked cases and for refused input, in a fixed order.</summary>
    private static List<string> Transcript()
    {
        var texts = new List<string>();
        var cases = WorkedCase.Load().ToList();
        foreach (var @case in cases)
        {
            var situation = SituationReader.Parse(@case.SituationJson, "case " + @case.Id);
            var report = RuleSet.BuiltIn.Evaluate(situation);
            AddReport(texts, report);
        }

        // The streaming path, with a line that is not a situation and a month before the encoded law (2021-07).
        var lines = new StringBuilder();
        foreach (var @case in cases)
        {
            lines.Append(@case.SituationJson).Append('\n');
        }

        lines.Append("""{"jurisdiction":"VN","month":"2024-13","person":{"birthDate":"2015-01-01"}}""").Append('\n');
        lines.Append("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","disability":7.5}}""").Append('\n');
        lines.Append("""{"jurisdiction":"VN","month":"2021-06","person":{"birthDate":"1935-01-01"}}""").Append('\n');
        using (var output = new MemoryStream())
        {
            var errors = new StringWriter(CultureInfo.InvariantCulture);
            var summary = JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, new StringReader(lines.ToString()), output, errors, new JsonLinesOptions { Source = "cases.jsonl", MaxDegreeOfParallelism = 1 });
            Assert.Equal(2, summary.BadLines);
            Assert.Equal(1, summary.Failures);
            texts.Add(Encoding.UTF8.GetString(output.ToArray()));
            texts.Add(errors.ToString());
        }

        // A bad situation, an evaluation refused, a rule file refused.
        texts.Add(Assert.Throws<SituationFormatException>(() => SituationReader.Parse("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"0001-01-01"}}""", "bad.json")).Message);
        var early = new Situation(Jurisdiction.Vietnam, new YearMonth(2021, 6), new Person(new LocalDate(1935, 1, 1)));
        texts.Add(Assert.Throws<EvaluationException>(() => RuleSet.BuiltIn.Evaluate(early)).Message);
        string below = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "vn-zz-below-national.json"));
        texts.Add(Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(InstrumentReader.Read(Encoding.UTF8.GetBytes(below), "below.json"))).Message);
        texts.Add(Assert.Throws<RuleFileException>(() => InstrumentReader.Read(Encoding.UTF8.GetBytes(Law.RuleFileBoundsTest.Draft(
            """{ "parameter": "coefficient", "group": "ND20-5-5a", "case": "60-to-80", "from": "2027-01-01", "value": -1.5, "basis": { "article": "1" } }""")), "d.json")).Message);

        // A policy expectation that fails, with its amounts and month.
        var first = SituationReader.Parse(cases[0].SituationJson, "case");
        texts.Add(Assert.Throws<PolicyExpectationException>(() => PolicyChange.Between(RuleSet.BuiltIn, RuleSet.BuiltIn).ExpectTotal(first, new Dong(1234567))).Message);

        // Emergency assistance (kilograms of rice are decimals) and every provision of the law (values are decimals).
        var award = EmergencyAssistance.Compute(RuleSet.BuiltIn, new EmergencyEvent(Jurisdiction.Vietnam, new LocalDate(2025, 1, 20), EmergencySupport.TetFood) { People = 5 });
        texts.Add(award.ToString());
        texts.AddRange(award.Warnings);
        texts.AddRange(award.Explanation.Select(s => s.ToString() + " | " + s.ToVietnameseString()));
        texts.AddRange(RuleSet.BuiltIn.Instruments.SelectMany(i => i.Provisions).Select(p => p.ToString()));
        return texts;
    }

    private static void AddReport(List<string> texts, Report report)
    {
        texts.Add(ReportJson.ToJson(report, indented: true));
        texts.AddRange(report.Explanation.Select(s => s.ToString() + " | " + s.ToVietnameseString()));
        texts.AddRange(report.Warnings);
        texts.AddRange(report.WarningsVi);
        texts.AddRange(report.Entitlements.Select(e => e.ToString()));
        texts.Add(report.HealthInsurance?.ToString() ?? "no health insurance");
    }
}
