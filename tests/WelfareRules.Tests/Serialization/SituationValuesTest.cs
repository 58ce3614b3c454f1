using System.Linq;
using System.Text;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Populations;
using WelfareRules.Serialization;
using WelfareRules.Tests.Populations;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>
/// A situation's values as read (<see cref="SituationReader.Read"/>): one instance refilled line after line gives each
/// line's own situation, and the packed form the population engine and the profile keys read equals its situation's.
/// </summary>
public sealed class SituationValuesTest
{
    [Fact]
    public void Read_EachLineIntoTheSameValues_GivesTheSituationOfThatLineAlone()
    {
        // Lines of every shape in turn (ids, weights, children, merit records, households or none), each read into the
        // same instance: nothing of the line before may stay.
        string[] lines = [.. Lines()];
        var shared = new SituationValues();
        foreach (string line in lines.Concat(lines.Reverse()))
        {
            SituationReader.Read(Encoding.UTF8.GetBytes(line), "input", 1, null, shared);
            var alone = new SituationValues();
            SituationReader.Read(Encoding.UTF8.GetBytes(line), "input", 1, null, alone);

            Assert.Equal(SituationLines.Json(alone.ToSituation()), SituationLines.Json(shared.ToSituation()));
            Assert.Equal(line, SituationLines.Json(shared.ToSituation()));
        }
    }

    [Fact]
    public void Pack_OfEveryLine_IsThePackOfItsSituationsPerson()
    {
        var values = new SituationValues();
        int index = 0;
        foreach (string line in Lines())
        {
            SituationReader.Read(Encoding.UTF8.GetBytes(line), "input", 1, null, values);
            var person = values.ToSituation().Person;
            if (person.ChildrenRaisedAlone.Length > FactBits.MaxChildrenRaisedAlone)
            {
                continue;
            }

            Assert.Equal(PopulationBuilder.Pack(person, 3, index), values.Pack(3, index));
            index++;
        }

        Assert.True(index > 1_000, $"{index} lines packed");
    }

    [Theory]
    [InlineData("\"household\":{\"poverty\":\"x\"},\"childrenRaisedAlone\":[null]", "$.person.household.poverty")]
    [InlineData("\"household\":{\"incomePerPerson\":-1},\"childrenRaisedAlone\":[null]", "$.person.household.incomePerPerson")]
    [InlineData("\"childrenRaisedAlone\":[{}],\"merit\":[null]", "$.person.childrenRaisedAlone[0].birthDate")]
    [InlineData("\"merit\":[null],\"deathCause\":\"x\"", "$.person.merit[0]")]
    [InlineData("\"deathCause\":\"x\",\"sex\":\"x\"", "$.person.deathCause")]
    [InlineData("\"sex\":\"x\",\"orphanhood\":\"x\"", "$.person.sex")]
    [InlineData("\"orphanhood\":\"x\",\"disability\":\"x\"", "$.person.orphanhood")]
    [InlineData("\"disability\":\"x\",\"livingArrangement\":\"x\"", "$.person.disability")]
    [InlineData("\"livingArrangement\":\"x\",\"childrenUnder36Months\":-1", "$.person.livingArrangement")]
    [InlineData("\"childrenUnder36Months\":-1,\"healthInsuranceHouseholdOrder\":-1", "$.person.childrenUnder36Months")]
    [InlineData("\"healthInsuranceHouseholdOrder\":-1", "$.person.healthInsuranceHouseholdOrder")]
    public void Read_TwoBadValues_NamesTheOneTheContractChecksFirst(string facts, string path)
    {
        // The person's values are checked in the contract's order (household, children, merit records, then the facts
        // as the person lists them, then weight and commune): of two bad values the first is named, as before values
        // were read apart from the situation. Each line is also bad in its weight and commune, checked last.
        string line = "{\"jurisdiction\":\"VN\",\"month\":\"2026-03\",\"weight\":-1,\"commune\":\"\",\"person\":{\"birthDate\":\"1950-01-01\"," + facts + "}}";
        var read = Assert.Throws<SituationFormatException>(() => SituationReader.Read(Encoding.UTF8.GetBytes(line), "f.jsonl", 7, null, new SituationValues()));
        var parsed = Assert.Throws<SituationFormatException>(() => SituationReader.Parse(Encoding.UTF8.GetBytes(line), "f.jsonl", 7));

        Assert.Equal(path, read.Path);
        Assert.Equal(parsed.Message, read.Message);
        Assert.StartsWith("f.jsonl line 7: " + path, read.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"weight\":-1,\"commune\":\"\"", "$.weight")]
    [InlineData("\"commune\":\"\"", "$.commune")]
    public void Read_BadWeightOrCommune_NamesItAfterThePersonsValues(string fields, string path)
    {
        string line = "{\"jurisdiction\":\"VN\",\"month\":\"2026-03\"," + fields + ",\"person\":{\"birthDate\":\"1950-01-01\"}}";
        var read = Assert.Throws<SituationFormatException>(() => SituationReader.Read(Encoding.UTF8.GetBytes(line), "f.jsonl", 1, null, new SituationValues()));

        Assert.Equal(path, read.Path);
    }

    /// <summary>Varied situations as lines, some with an id, weight and commune, a death before birth, or a certificate.</summary>
    private static System.Collections.Generic.IEnumerable<string> Lines() =>
        VariedPopulation.Create(1_500, 5).Select((s, i) => (i % 4) switch
        {
            0 => s with { Id = "p" + i, Weight = i, Commune = "00" + i },
            1 => s with { Person = s.Person with { DeathDate = s.Person.BirthDate.PlusDays(-3), DisabilityCertifiedOn = new LocalDate(2020, 1, 1) } },
            2 => s with { Person = s.Person with { Household = Household.Default, Sex = Sex.Female } },
            _ => s,
        })
        .Append(new Situation(Jurisdiction.Vietnam, new YearMonth(2026, 4), new Person(new LocalDate(1960, 5, 6))))
        .Select(SituationLines.Json)
        .Where(Readable);

    /// <summary>Whether the contract reads the line (the varied population holds merit records it refuses, a revolution-helper without an award).</summary>
    internal static bool Readable(string line)
    {
        try
        {
            SituationReader.Parse(line);
            return true;
        }
        catch (SituationFormatException)
        {
            return false;
        }
    }
}
