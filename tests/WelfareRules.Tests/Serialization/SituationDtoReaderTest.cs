using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Policy;
using WelfareRules.Serialization;
using WelfareRules.Tests.Populations;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>
/// The fast reader of a situation's JSON against System.Text.Json: wherever it gives a DTO, System.Text.Json gives an
/// equal one, over generated lines and their mutations; and it reads the common lines itself.
/// </summary>
public sealed class SituationDtoReaderTest
{
    private static readonly string[] Tokens =
    [
        "", "\"", "{", "}", "[", "]", ",", ":", "0", "-", "x", "null", "\\", " ", "true", "false", "1.5", "1e2", "-1", "2147483648",
        "9223372036854775808", "\"2024-02-30\"", "\"1899-12-31\"", "\"2024-1-05\"", "\"\\u0032024-01-05\"", "\"Birthdate\"", "\"birthDate\"",
        "\"id\"", "\"merit\"", "\"jurisdiction\"", "\"VN-HN\"", "\"\\u0069d\"", "/* */", "\uFEFF", "\u00e9",
    ];

    [Fact]
    public void TryRead_GeneratedAndMutatedLines_GivesWhatSystemTextJsonGivesOrNothing()
    {
        var random = new Random(4_242);
        var bases = VariedPopulation.Create(2_000, 42).Select(s => (random.Next(3)) switch
            {
                0 => s with { Id = "p-" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture), Weight = random.Next(1, 50), Commune = "00" + random.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                1 => s with { Person = s.Person with { Sex = Sex.Female, Household = s.Person.Household with { IncomePerPerson = random.Next(5_000_000) } } },
                _ => s,
            })
            .Select(SituationLines.Json).ToArray();

        int read = 0, mutatedRead = 0, mutations = 0;
        foreach (string line in bases)
        {
            read += Check(line) ? 1 : 0;
            for (int m = 0; m < 20; m++)
            {
                mutations++;
                mutatedRead += Check(JsonMutation.Mutate(line, random, Tokens)) ? 1 : 0;
            }
        }

        // Every line without merit records is read by the fast reader; many mutations too (those still valid).
        Assert.Equal(bases.Count(l => !l.Contains("\"merit\"", StringComparison.Ordinal)), read);
        Assert.True(mutatedRead > mutations / 50, $"{mutatedRead} of {mutations} mutated lines read");
    }

    [Theory]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01"},"jurisdiction":"VN-HN"}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","unknown":1}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","cremated":"true"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","childrenUnder36Months":1.0}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01"}} {}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","merit":[{"category":"war-invalid","rate":41}]}}""")]
    [InlineData("""null""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01"},}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01" , }}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","childrenRaisedAlone":[{"birthDate":"2020-01-01"},]}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","childrenUnder36Months":01}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","weight":1.,"person":{"birthDate":"1950-01-01"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","weight":-,"person":{"birthDate":"1950-01-01"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","cremated":truex}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","cremated":nul}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","childrenUnder36Months":2x}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01"}}/**/""")]
    [InlineData("""{"jurisdiction":"VN" "month":"2026-03","person":{"birthDate":"1950-01-01"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01"}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01"}}x""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01",,"sex":"male"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","childrenRaisedAlone":[,]}}""")]
    [InlineData("{\"jurisdiction\":\"VN\",\"month\":\"2026-03\",\"person\":{\"birthDate\":\"1950-01-01\",\"sex\":\"ma\u0001le\"}}")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-1-01"}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","person":{"birthDate":"1950-01-01","household":{"incomePerPerson":9223372036854775808}}}""")]
    public void TryRead_LineSystemTextJsonMustJudge_GivesNothing(string line)
    {
        Assert.Null(SituationDtoReader.TryRead(Encoding.UTF8.GetBytes(line)));
    }

    [Theory]
    [InlineData(" { \"jurisdiction\" : \"VN\" ,\"month\":\"2026-03\",\r\n\"person\":\t{\"birthDate\":\"1950-01-01\" , \"childrenRaisedAlone\" : [ { \"birthDate\" : \"2020-01-01\" } , null ] } } ")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","weight":2.50,"id":"Nguyễn Văn A","person":{"birthDate":"1950-01-01","childrenUnder36Months":-0,"household":{"incomePerPerson":-3}}}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","weight":0,"person":{"birthDate":"1950-01-01","childrenRaisedAlone":[],"household":{}}}""")]
    [InlineData("""{"jurisdiction":null,"month":null,"id":null,"person":{"birthDate":null,"sex":null,"cremated":null,"household":null,"childrenRaisedAlone":null}}""")]
    [InlineData("""{"person":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"jurisdiction":"VN","month":"2026-03","weight":1e2,"person":{"birthDate":"1950-01-01"}}""")]
    [InlineData("""{"jurisdiction":"\u0056N","month":"2026-03","person":{"birthDate":"1950-01-01"}}""")]
    public void TryRead_WhiteSpaceEscapesNullsAndNumbers_GivesWhatSystemTextJsonGives(string line)
    {
        Assert.True(Check(line), line);
    }

    [Fact]
    public void TryRead_LineAfterAFullerOne_KeepsNothingOfIt()
    {
        // Each line is read into the thread's same instances: nothing of the line before may stay in them.
        const string Full = """{"id":"a","jurisdiction":"VN-HN","month":"2026-03","weight":2,"commune":"00001","person":{"birthDate":"1950-01-01","deathDate":"2026-02-01","sex":"female","household":{"poverty":"poor","area":"rural","incomePerPerson":5},"disability":"severe","receivesPension":true}}""";
        const string Bare = """{"jurisdiction":"VN","month":"2026-04","person":{"birthDate":"1960-05-06"}}""";
        Assert.True(Check(Full));
        Assert.True(Check(Bare));
        var bare = SituationReader.Parse(Bare, "input");
        Assert.Equal(new Situation(Jurisdiction.Vietnam, new YearMonth(2026, 4), new Person(new LocalDate(1960, 5, 6))), bare);
    }

    [Theory]
    [InlineData(typeof(SituationDto))]
    [InlineData(typeof(PersonDto))]
    [InlineData(typeof(HouseholdDto))]
    public void Clear_EveryPropertySet_LeavesEveryPropertyNull(Type type)
    {
        // A property added to a DTO and forgotten in its Clear would carry one line's value into the next.
        var dto = Activator.CreateInstance(type)!;
        var properties = type.GetProperties();
        foreach (var property in properties)
        {
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(dto, kind.IsValueType ? Activator.CreateInstance(kind) : kind == typeof(string) ? "x" : Activator.CreateInstance(kind));
            Assert.NotNull(property.GetValue(dto));
        }

        type.GetMethod("Clear", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.Invoke(dto, null);
        Assert.All(properties, property => Assert.Null(property.GetValue(dto)));
    }

    /// <summary>Whether the fast reader read the line; fails when it gives what System.Text.Json does not.</summary>
    private static bool Check(string line)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(line);
        return JsonMutation.ReadAlike(utf8, SituationDtoReader.TryRead(utf8), WelfareJsonContext.Default.SituationDto);
    }
}
