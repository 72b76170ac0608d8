using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Tests.Engine.Mining;

public class MiningSettingsTests
{
    [Theory]
    [InlineData(0.3, 10, 3)]
    [InlineData(0.1, 3, 1)]
    [InlineData(0.2, 10, 2)]
    [InlineData(0.7, 10, 7)]
    [InlineData(0.07, 100, 7)]
    [InlineData(0.0001, 1_000_000, 100)]
    [InlineData(0.25, 10, 3)]
    [InlineData(1.0, 7, 7)]
    [InlineData(0.001, 10, 1)]
    public void MinCountFor_Support_IsCeilingOfSupportTimesN(double support, int n, int expected)
    {
        new MiningSettings { MinSupport = support }.MinCountFor(n).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, null, 1)]
    [InlineData(null, 0, 1)]
    [InlineData(null, 5, 5)]
    [InlineData(0.3, 5, 5)]
    [InlineData(0.6, 5, 6)]
    public void MinCountFor_CountAndSupport_TakesTheStricter(double? support, int? count, int expected)
    {
        new MiningSettings { MinSupport = support, MinCount = count }.MinCountFor(10).ShouldBe(expected);
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        new MiningSettings().Validate().ShouldBeEmpty();
        new MiningSettings { MinSupport = 1, MinCount = 0, MinConfidence = 1, MinLift = 0, MaxLength = 5, ListSize = 20 }.Validate().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0.0, "support")]
    [InlineData(1.5, "support")]
    [InlineData(-0.1, "support")]
    [InlineData(double.NaN, "support")]
    public void Validate_SupportOutsideZeroToOne_SaysWhy(double support, string word)
    {
        new MiningSettings { MinSupport = support }.Validate().ShouldHaveSingleItem().ShouldContain(word);
    }

    [Fact]
    public void Validate_EachBadValue_GivesItsOwnReason()
    {
        var reasons = new MiningSettings
        {
            MinCount = -1, MinConfidence = 1.2, MinLift = -1, MaxLength = 1, ListSize = 21, ScorePriorCount = double.NaN,
        }.Validate();

        reasons.Count.ShouldBe(6);
        reasons.ShouldContain(r => r.Contains("count", StringComparison.Ordinal));
        reasons.ShouldContain(r => r.Contains("confidence", StringComparison.Ordinal));
        reasons.ShouldContain(r => r.Contains("lift", StringComparison.Ordinal));
        reasons.ShouldContain(r => r.Contains("maximum length", StringComparison.Ordinal));
        reasons.ShouldContain(r => r.Contains("list size", StringComparison.Ordinal));
        reasons.ShouldContain(r => r.Contains("prior", StringComparison.Ordinal));
        new MiningSettings { MaxLength = 11, ListSize = 0, MinConfidence = -0.01 }.Validate().Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    [InlineData(-1, false)]
    public void Validate_MaxLength_AcceptsTwoToTenOrZeroForNoLimit(int maxLength, bool valid)
    {
        new MiningSettings { MaxLength = maxLength }.Validate().Count.ShouldBe(valid ? 0 : 1);
    }

    [Fact]
    public void Mines_NoLengthLimit_MinesEveryLength()
    {
        new MiningSettings { MaxLength = 0 }.Mines(1_000).ShouldBeTrue();
        new MiningSettings { MaxLength = 3 }.Mines(3).ShouldBeTrue();
        new MiningSettings { MaxLength = 3 }.Mines(4).ShouldBeFalse();
    }

    [Fact]
    public void Keeps_ConfidenceExactlyAtThreshold_IsKept()
    {
        // 0.7 x 10 computes as 7.000000000000001: a naive comparison would drop 7 of 10.
        var settings = new MiningSettings { MinConfidence = 0.7 };

        settings.Keeps(RuleStatistics.From(7, 10, 20, 100)).ShouldBeTrue();
        settings.Keeps(RuleStatistics.From(6, 10, 20, 100)).ShouldBeFalse();
    }

    [Fact]
    public void Keeps_LiftAtAndBelowThreshold_KeepsOnlyAtOrAbove()
    {
        var settings = new MiningSettings { MinLift = 2 };

        settings.Keeps(RuleStatistics.From(4, 10, 20, 100)).ShouldBeTrue();
        settings.Keeps(RuleStatistics.From(3, 10, 20, 100)).ShouldBeFalse();
    }
}
