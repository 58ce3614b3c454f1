using System.Globalization;
using WelfareRules.Evaluation;
using Xunit;

namespace WelfareRules.Tests.Evaluation;

public class FormatTest
{
    [Theory]
    [InlineData("1", "100%")]
    [InlineData("0.7", "70%")]
    [InlineData("0.70", "70%")]
    [InlineData("0.045", "4.5%")]
    [InlineData("0.0450", "4.5%")]
    [InlineData("0", "0%")]
    [InlineData("0.00", "0%")]
    [InlineData("1.5", "150%")]
    [InlineData("0.001", "0.1%")]
    [InlineData("-0.25", "-25%")]
    [InlineData("0.3333333333333333333333333333", "33.33333333333333333333333333%")]
    [InlineData("0.0000000000000000000000000001", "0.00000000000000000000000001%")]
    [InlineData("792281625142643375935439503.35", "79228162514264337593543950335%")]
    public void Percent_Share_ExactDigitsWithoutTrailingZeros(string share, string expected)
    {
        decimal value = decimal.Parse(share, CultureInfo.InvariantCulture);

        Assert.Equal(expected, Format.Percent(value));
        // The same as the custom format it replaces.
        Assert.Equal((value * 100m).ToString("0.############################", CultureInfo.InvariantCulture) + "%", Format.Percent(value));
    }

    [Theory]
    [InlineData("1234567.5", "1,234,567.5")]
    [InlineData("0.0000001", "0.0000001")]
    [InlineData("2530000", "2,530,000")]
    public void Number_Value_GroupedWithEveryDecimal(string text, string expected) =>
        Assert.Equal(expected, Format.Number(decimal.Parse(text, CultureInfo.InvariantCulture)));
}
