using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Experiments;

public sealed class ArmSharesTests
{
    [Fact]
    public void Parse_ValidLayout_ArmsInOrderAndFormatsBack()
    {
        var (shares, error) = ArmShares.Parse(" control=40 , both=60");

        error.ShouldBeNull();
        shares.ShouldBe([new ArmShare(Arm.Control, 40), new ArmShare(Arm.Both, 60)]);
        ArmShares.Format(shares).ShouldBe("control=40,both=60");
    }

    [Theory]
    [InlineData("control=50,both=40", "add up to 90%")]
    [InlineData("control=50,both=50,both=0", "listed twice")]
    [InlineData("cross-sell=50,both=50", "must include control")]
    [InlineData("control=100", "at least two arms")]
    [InlineData("control=50,banner=50", "'banner=50' is not ARM=PERCENT")]
    [InlineData("control=50,both=fifty", "whole percentage")]
    [InlineData("control=0,both=100", "between 1% and 100%")]
    [InlineData("", "at least two arms")]
    public void Parse_InvalidLayout_ErrorNamesTheProblem(string text, string expected)
    {
        var (shares, error) = ArmShares.Parse(text);

        shares.ShouldBeEmpty();
        error.ShouldNotBeNull().ShouldContain(expected);
    }
}
