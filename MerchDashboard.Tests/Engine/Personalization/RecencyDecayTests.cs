using MerchDashboard.Engine.Personalization;
using static MerchDashboard.Tests.Engine.Personalization.PersonalizationFixtures;

namespace MerchDashboard.Tests.Engine.Personalization;

public class RecencyDecayTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(90, 0.5)]
    [InlineData(180, 0.25)]
    [InlineData(45, 0.7071067811865476)]
    public void Weight_AgeInDays_HalvesEveryHalfLife(double ageDays, double expected) =>
        RecencyDecay.Weight(AsOf.AddDays(-ageDays), AsOf, 90).ShouldBe(expected, 1e-12);

    [Fact]
    public void Weight_PurchaseAfterAsOf_IsZero() =>
        RecencyDecay.Weight(AsOf.AddSeconds(1), AsOf).ShouldBe(0);
}
