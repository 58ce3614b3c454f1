using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using WelfareRules.Evaluation;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Populations;

public sealed class ProfileReportsTest
{
    private static readonly EvaluationOptions Quiet = new() { Explain = false };
    private static readonly YearMonth Month = new(2027, 3);

    [Fact]
    public void TryWrite_SecondPersonOfAProfile_WritesTheFirstsReportWithItsOwnId()
    {
        var reports = new ProfileReports(RuleSet.BuiltIn, Quiet);
        // Two 80-year-olds without a supporter, birthdays outside the month: one profile.
        var first = Elder(new LocalDate(1946, 5, 20)) with { Id = "a" };
        var second = Elder(new LocalDate(1946, 11, 2)) with { Id = "\"b\" Nguyễn" };

        Assert.True(reports.TryWrite(first, new ArrayBufferWriter<byte>(), Writer()));
        var output = new ArrayBufferWriter<byte>();
        Assert.True(reports.TryWrite(second, output, Writer()));

        Assert.Equal(Alone(second), Encoding.UTF8.GetString(output.WrittenSpan));
        Assert.Contains("\"social-pension\"", Alone(second), System.StringComparison.Ordinal);
    }

    [Fact]
    public void TryWrite_ChildWhoseBirthdayPassesTheCalendarsLastYear_WritesWhatTheSinglePersonPathGives()
    {
        // The last month the calendar holds, a child born in 9990: "under 16" is read without a date past 9999.
        var reports = new ProfileReports(RuleSet.BuiltIn, Quiet);
        var parent = new Situation(Jurisdiction.Vietnam, new YearMonth(9999, 6), new Person(new LocalDate(9960, 1, 1))
        {
            ChildrenRaisedAlone = [new RaisedChild(new LocalDate(9990, 3, 1))],
        });

        var output = new ArrayBufferWriter<byte>();
        Assert.True(reports.TryWrite(parent, output, Writer()));
        Assert.Equal(Alone(parent), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void TryWrite_PersonWithMeritRecords_IsLeftToTheSinglePersonPath()
    {
        var reports = new ProfileReports(RuleSet.BuiltIn, Quiet);
        var veteran = Elder(new LocalDate(1950, 1, 1)) with
        {
            Person = Elder(new LocalDate(1950, 1, 1)).Person with { Merit = [new MeritRecord(MeritCategory.WarInvalid) { Rate = 41 }] },
        };

        Assert.False(reports.TryWrite(veteran, new ArrayBufferWriter<byte>(), Writer()));
    }

    [Fact]
    public void TryWrite_ProfileWhoseEvaluationFails_IsLeftToTheSinglePersonPathEveryTime()
    {
        var reports = new ProfileReports(RuleSet.BuiltIn, Quiet);
        var nowhere = new Situation(Jurisdiction.Parse("VN-ZZ"), Month, new Person(new LocalDate(1946, 5, 20)));

        Assert.False(reports.TryWrite(nowhere, new ArrayBufferWriter<byte>(), Writer()));
        Assert.False(reports.TryWrite(nowhere with { Id = "again" }, new ArrayBufferWriter<byte>(), Writer()));
    }

    [Fact]
    public void TryWrite_PersonsOfAOneJurisdictionPopulation_WriteWhatEachOwnSituationGives()
    {
        // Persons of one jurisdiction keyed from the population's columns: each line what the person's situation gives
        // alone, with its id, and the profiles met through the situations serve the columns' persons (one key).
        var situations = VariedPopulation.Create(1_500, 11).Where(s => s.Jurisdiction == Jurisdiction.Hanoi).ToList();
        var population = Population.Create(situations);
        var reports = new ProfileReports(RuleSet.BuiltIn, Quiet);
        int keyed = 0;
        for (int i = 0; i < population.Count; i++)
        {
            string id = "p" + i;
            var output = new ArrayBufferWriter<byte>();
            if (reports.TryWrite(population, i, Month, id, output, Writer()))
            {
                keyed++;
                Assert.Equal(Alone(population.SituationAt(i, Month) with { Id = id }), Encoding.UTF8.GetString(output.WrittenSpan));
                var again = new ArrayBufferWriter<byte>();
                Assert.True(reports.TryWrite(population.SituationAt(i, Month) with { Id = id }, again, Writer()));
                Assert.Equal(output.WrittenSpan.ToArray(), again.WrittenSpan.ToArray());
            }
        }

        // Persons with merit records, and those who cannot be evaluated, are left to the single-person path.
        Assert.InRange(keyed, population.Count * 3 / 4, population.Count - 1);
    }

    [Fact]
    public void TryWrite_ValuesAsRead_WriteWhatTheirSituationGivesAndShareItsKey()
    {
        // Each line keyed from its values as read (no situation made for a profile met before): the line its situation
        // gives alone, and the profile the same as its situation's (a second reading by situation is served, and
        // the other way round).
        var reports = new ProfileReports(RuleSet.BuiltIn, Quiet);
        var values = new SituationValues();
        int keyed = 0, left = 0;
        foreach (var (situation, i) in VariedPopulation.Create(1_500, 17).Select((s, i) => (s with { Id = "p" + i }, i)))
        {
            if (!Tests.Serialization.SituationValuesTest.Readable(SituationLines.Json(situation)))
            {
                continue;
            }

            SituationReader.Read(Encoding.UTF8.GetBytes(SituationLines.Json(situation)), "input", 1, null, values);
            var output = new ArrayBufferWriter<byte>();
            bool byValues = i % 2 == 0 ? reports.TryWrite(values, output, Writer()) : reports.TryWrite(situation, output, Writer());
            int kept = reports.LinesKept;
            var again = new ArrayBufferWriter<byte>();
            bool bySituation = i % 2 == 0 ? reports.TryWrite(situation, again, Writer()) : reports.TryWrite(values, again, Writer());
            Assert.Equal(byValues, bySituation);

            // The second reading found the line the first kept: the same key, not a finer one that evaluates again.
            Assert.Equal(kept, reports.LinesKept);
            if (byValues)
            {
                keyed++;
                Assert.Equal(Alone(situation), Encoding.UTF8.GetString(output.WrittenSpan));
                Assert.Equal(output.WrittenSpan.ToArray(), again.WrittenSpan.ToArray());
            }
            else
            {
                left++;
            }
        }

        Assert.True(keyed > 1_000 && left > 0, $"{keyed} keyed, {left} left to the single-person path");
    }

    [Theory]
    [InlineData(2025, 1)]
    [InlineData(2026, 7)]
    [InlineData(2027, 3)]
    public void TryWrite_ProfilesTheLawDecidesAlike_ShareOneEvaluationAndWriteWhatEachSituationGives(int year, int monthOfYear)
    {
        // Profiles not met before are signed by what the month's law decides of them: one evaluation serves every
        // profile decided alike, and each line is still what the person's situation gives alone.
        var month = new YearMonth(year, monthOfYear);
        var reports = new ProfileReports(RuleSet.BuiltIn, Quiet);
        var situations = VariedPopulation.Create(8_000, 23).Concat(DecidedProfilesTest.IndependentFacts(1_000, 29))
            .Select((s, i) => s with { Month = month, Id = "p" + i });
        int keyed = 0;
        var contents = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var situation in situations)
        {
            var output = new ArrayBufferWriter<byte>();
            if (reports.TryWrite(situation, output, Writer()))
            {
                keyed++;
                Assert.Equal(Alone(situation), Encoding.UTF8.GetString(output.WrittenSpan));
                contents.Add(Alone(situation with { Id = null }));
            }
        }

        // Each distinct line's bytes counted once, however many profiles and signatures give it.
        Assert.Equal(contents.Sum(c => (long)Encoding.UTF8.GetByteCount(c)), reports.BytesKept);
        Assert.True(keyed > 7_000, $"{keyed} keyed");
        Assert.True(reports.Evaluated * 3 < reports.LinesKept * 2, $"{reports.Evaluated} evaluations for {reports.LinesKept} profiles");
    }

    [Fact]
    public void TryWrite_PersonOfAPopulationOfTwoJurisdictions_IsLeftToItsSituation()
    {
        var population = Population.Create([Elder(new LocalDate(1946, 5, 20)), Elder(new LocalDate(1946, 5, 20)) with { Jurisdiction = Jurisdiction.Vietnam }]);

        Assert.False(new ProfileReports(RuleSet.BuiltIn, Quiet).TryWrite(population, 0, Month, null, new ArrayBufferWriter<byte>(), Writer()));
    }

    private static Situation Elder(LocalDate birth) => new(Jurisdiction.Hanoi, Month, new Person(birth) { WithoutSupporter = true });

    private static Utf8JsonWriter Writer() => new(new ArrayBufferWriter<byte>(), new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Alone(Situation situation)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ReportJson.Write(writer, RuleSet.BuiltIn.Evaluate(situation, Quiet), situation.Id, Quiet.Languages);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
