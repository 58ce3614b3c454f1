using WelfareRules.Legal;
using Xunit;

namespace WelfareRules.Tests.Legal;

public sealed class CitationTest
{
    [Theory]
    [InlineData("20/2021/NĐ-CP", "khoản 2 Điều 4 Nghị định 20/2021/NĐ-CP")]
    [InlineData("63/2025/NQ-HĐND", "khoản 2 Điều 4 Nghị quyết 63/2025/NQ-HĐND")]
    [InlineData("02/2022/TT-BLĐTBXH", "khoản 2 Điều 4 Thông tư 02/2022/TT-BLĐTBXH")]
    [InlineData("01/2020/TTLT-BTC-BLĐTBXH", "khoản 2 Điều 4 Thông tư liên tịch 01/2020/TTLT-BTC-BLĐTBXH")]
    [InlineData("12/2024/QĐ-TTg", "khoản 2 Điều 4 Quyết định 12/2024/QĐ-TTg")]
    [InlineData("41/2024/QH15", "khoản 2 Điều 4 41/2024/QH15")]
    [InlineData("02/2020/UBTVQH14", "khoản 2 Điều 4 02/2020/UBTVQH14")]
    [InlineData("DRAFT-HN-2027", "khoản 2 Điều 4 DRAFT-HN-2027")]
    public void ToVietnameseString_Instrument_NamesItsTypeWhereTheNumberSaysIt(string instrument, string expected)
    {
        var citation = new Citation(instrument, "4", "2");

        Assert.Equal(expected, citation.ToVietnameseString());
        Assert.Equal(instrument + " Art 4 k2", citation.ToString());
    }

    [Fact]
    public void ProvisionalWarning_Vietnamese_NamesTheInstrumentsType()
    {
        var warning = ProvisionalWarning.For(new Citation("09/2021/NQ-HĐND", "?", status: ProvisionStatus.Provisional));

        Assert.StartsWith("quy định chưa xác minh: Điều ? Nghị quyết 09/2021/NQ-HĐND chưa được đối chiếu", warning.TextVi, System.StringComparison.Ordinal);
        Assert.Contains("provisional law: 09/2021/NQ-HĐND (Art ?)", warning.Text, System.StringComparison.Ordinal);
    }
}
