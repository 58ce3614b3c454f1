using System;
using System.IO;
using NodaTime;
using WelfareRules.Facts;
using WelfareRules.Law;
using WelfareRules.Serialization;
using Xunit;
using static WelfareRules.Tests.TestDates;

namespace WelfareRules.Tests.Facts;

/// <summary>Misuse of the library's API is refused where it enters, with the argument named.</summary>
public sealed class ApiMisuseTest
{
    private static readonly Person Child = new(Date("2015-01-01")) { Orphanhood = Orphanhood.Abandoned };

    [Fact]
    public void Situation_NullArguments_ThrowArgumentNull()
    {
        Assert.Equal("Person", Assert.Throws<ArgumentNullException>(() => new Situation(Jurisdiction.Vietnam, Month("2024-08"), null!)).ParamName);
        Assert.Equal("Jurisdiction", Assert.Throws<ArgumentNullException>(() => new Situation(null!, Month("2024-08"), Child)).ParamName);
        var situation = new Situation(Jurisdiction.Vietnam, Month("2024-08"), Child);
        Assert.Throws<ArgumentNullException>(() => situation with { Person = null! });
    }

    [Fact]
    public void Library_NullArguments_ThrowArgumentNullNotNullReference()
    {
        Assert.Throws<ArgumentNullException>(() => RuleSet.BuiltIn.Evaluate(null!));
        Assert.Throws<ArgumentNullException>(() => RuleSet.BuiltIn.With(null!));
        Assert.Throws<ArgumentNullException>(() => RuleSet.Create(null!));
        Assert.Throws<ArgumentNullException>(() => new JsonLinesReader(null!));
        Assert.Throws<ArgumentNullException>(() => SituationReader.ReadLines(null!, "s"));
        Assert.Throws<ArgumentNullException>(() => JsonLinesEvaluator.Evaluate(RuleSet.BuiltIn, null!, Stream.Null, TextWriter.Null));
    }

    [Fact]
    public void Person_UndefinedEnumValue_Refused()
    {
        Assert.Equal("Orphanhood", Assert.Throws<ArgumentOutOfRangeException>(() => Child with { Orphanhood = (Orphanhood)77 }).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Child with { Disability = (Disability)(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Household { Poverty = (Poverty)9 });
    }

    [Fact]
    public void Facts_DefaultDateOrMonth_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Person(default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Situation(Jurisdiction.Vietnam, default, Child));
        Assert.Throws<ArgumentOutOfRangeException>(() => Child with { DeathDate = default(LocalDate) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RaisedChild(default));
    }

    [Fact]
    public void Facts_NonIsoCalendar_RefusedWithAClearMessage()
    {
        var julian = new LocalDate(2015, 1, 1, CalendarSystem.Julian);
        var error = Assert.Throws<ArgumentException>(() => new Person(julian));
        Assert.Contains("ISO calendar", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Situation(Jurisdiction.Vietnam, new YearMonth(2024, 8, CalendarSystem.Julian), Child));
    }
}
