using WelfareRules.Law;
using Xunit;

namespace WelfareRules.Tests.Law;

/// <summary>Jurisdiction codes: <c>VN</c> and <c>VN-</c> with one to three capitals or digits, nothing before or after.</summary>
public sealed class JurisdictionTest
{
    [Theory]
    [InlineData("VN")]
    [InlineData("VN-HN")]
    [InlineData("VN-SG")]
    [InlineData("VN-ZZ")]
    [InlineData("VN-01")]
    public void TryParse_Code_IsThatJurisdiction(string code)
    {
        Assert.True(Jurisdiction.TryParse(code, out var jurisdiction));
        Assert.Equal(code, jurisdiction.Code);
    }

    [Theory]
    [InlineData("VN-HN\n")]
    [InlineData("VN-ZZ\n")]
    [InlineData("VN\n")]
    [InlineData("\nVN-ZZ")]
    [InlineData("VN-ZZ ")]
    [InlineData("vn-zz")]
    [InlineData("VN-ABCD")]
    [InlineData("VN-")]
    [InlineData("")]
    public void TryParse_CodeWithAnythingAround_IsRefused(string code) => Assert.False(Jurisdiction.TryParse(code, out _));
}
