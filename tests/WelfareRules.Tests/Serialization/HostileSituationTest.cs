using System;
using System.Globalization;
using System.Text;
using WelfareRules.Law;
using WelfareRules.Serialization;
using Xunit;

namespace WelfareRules.Tests.Serialization;

/// <summary>Impossible values, duplicate keys and hostile text in a situation are refused with a clear, safe message.</summary>
public sealed class HostileSituationTest
{
    private static SituationFormatException Refused(string json) =>
        Assert.Throws<SituationFormatException>(() => SituationReader.Parse(Encoding.UTF8.GetBytes(json), "s.json"));

    [Theory]
    [InlineData("-2020-01-10", "$.person.birthDate")]
    [InlineData("0000-01-10", "$.person.birthDate")]
    [InlineData("1899-12-31", "$.person.birthDate")]
    [InlineData("0001-01-01", "$.person.birthDate")]
    public void Parse_DateBefore1900_RefusedShowingTheYearAsWritten(string date, string path)
    {
        var error = Refused($$$"""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"{{{date}}}"}}""");
        Assert.Equal(path, error.Path);
        Assert.Contains($"\"{date}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-2024-08")]
    [InlineData("0000-08")]
    [InlineData("1899-12")]
    public void Parse_MonthBefore1900_Refused(string month)
    {
        var error = Refused($$$"""{"jurisdiction":"VN","month":"{{{month}}}","person":{"birthDate":"2015-01-01"}}""");
        Assert.Equal("$.month", error.Path);
        Assert.Contains($"\"{month}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Year1900_Accepted()
    {
        var situation = SituationReader.Parse("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"1900-01-01"}}""");
        Assert.Equal(1900, situation.Person.BirthDate.Year);
    }

    [Theory]
    [InlineData("""{"jurisdiction":"VN","jurisdiction":"VN-HN","month":"2024-08","person":{"birthDate":"2015-01-01"}}""", "$.jurisdiction")]
    [InlineData("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","birthDate":"2016-01-01"}}""", "$.person.birthDate")]
    [InlineData("""{"jurisdiction":"VN","month":"2024-08","person":{"birthDate":"2015-01-01","household":{"poverty":"poor","poverty":"none"}}}""", "$.person.household.poverty")]
    public void Parse_DuplicateKey_RefusedWithItsPath(string json, string path)
    {
        var error = Refused(json);
        Assert.Equal(path, error.Path);
        Assert.Contains("duplicate", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_FieldNameWithNewlineAndEscape_MessageHasNoControlCharacter()
    {
        var error = Refused("{\"jurisdiction\":\"VN\",\"month\":\"2024-08\",\"person\":{\"birthDate\":\"2015-01-01\"},\"x\\nwelfare-rules: forged \\u001b[31m\":1}");
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains("\\u000a", error.Message, StringComparison.Ordinal);
        Assert.Contains("\\u001b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VeryLongValue_IsCutInTheMessage()
    {
        string jurisdiction = new('Z', 100_000);
        var error = Refused($$$"""{"jurisdiction":"{{{jurisdiction}}}","month":"2024-08","person":{"birthDate":"2015-01-01"}}""");
        Assert.True(error.Message.Length < 400, error.Message.Length.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("…", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    public void Parse_Utf16ByteOrderMark_RefusedAsNotUtf8(byte[] mark)
    {
        byte[] utf16 = [.. mark, .. Encoding.Unicode.GetBytes("""{"jurisdiction":"VN"}""")];
        var error = Assert.Throws<SituationFormatException>(() => SituationReader.Parse(utf16, "s.json"));
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_UnderGermanCulture_AreCultureInvariant()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // The tests run with invariant globalization; a culture with German separators is made by hand.
            var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberGroupSeparator = ".";
            german.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = german;
            string below = System.IO.File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "vn-zz-below-national.json"));
            var refused = Assert.Throws<RuleFileException>(() => RuleSet.BuiltIn.With(InstrumentReader.Read(Encoding.UTF8.GetBytes(below), "below.json")));
            Assert.DoesNotContain("0.000", refused.Message, StringComparison.Ordinal);
            Assert.Contains("0,000", refused.Message, StringComparison.Ordinal);

            var negative = Assert.Throws<RuleFileException>(() => InstrumentReader.Read(Encoding.UTF8.GetBytes(Law.RuleFileBoundsTest.Draft(
                """{ "parameter": "coefficient", "group": "ND20-5-5a", "case": "60-to-80", "from": "2027-01-01", "value": -1.5, "basis": { "article": "1" } }""")), "d.json"));
            Assert.Contains("-1.5 is negative", negative.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
