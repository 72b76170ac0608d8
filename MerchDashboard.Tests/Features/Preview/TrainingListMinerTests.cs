using MerchDashboard.Engine.Mining;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Preview;

namespace MerchDashboard.Tests.Features.Preview;

public class TrainingListMinerTests
{
    private static readonly DateTime Day = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);

    private static readonly MiningSettings Everything = new() { MinCount = 1, MinConfidence = 0, MinLift = 0, MaxLength = 2, ListSize = 10 };

    [Fact]
    public void Baskets_LinesSharingCustomerAndTime_AreOneOrder()
    {
        Purchase[] lines =
        [
            new(1, 9, Day, 1), new(2, 9, Day, 1), new(1, 10, Day, 2),
            new(1, 9, Day.AddDays(3), 1), new(2, 11, Day, 1),
        ];

        var baskets = TrainingListMiner.Baskets(lines);

        // (1, Day) = {9, 10}; (1, Day+3) = {9}; (2, Day) = {9, 11}.
        baskets.BasketCount.ShouldBe(3);
        baskets.Ids.ShouldBe([9, 10, 11]);
        baskets.ItemSupportCount(baskets.ItemOf(9)).ShouldBe(3);
    }

    [Fact]
    public void Mine_TwoDigitIds_MapBackToProductIds()
    {
        Purchase[] lines = [new(1, 9, Day, 1), new(1, 10, Day, 1), new(2, 9, Day, 1), new(2, 12, Day, 1), new(3, 10, Day, 1)];

        var lists = TrainingListMiner.Mine(lines, Everything, cancellationToken: TestContext.Current.CancellationToken);

        lists[9].ShouldBe([10, 12], ignoreOrder: true);
        lists[10].ShouldBe([9]);
        lists[12].ShouldBe([9]);
    }

    [Fact]
    public void Mine_OnTheTrainingPart_NeverSuggestsAPairSeenOnlyInHeldOutOrders()
    {
        // Every customer buys {1, 2} first and {1, 3} last: the pair 1-3 exists only in held-out orders.
        var lines = Enumerable.Range(1, 30).SelectMany(c => new Purchase[]
        {
            new(c, 1, Day, 1), new(c, 2, Day, 1), new(c, 1, Day.AddDays(5), 1), new(c, 3, Day.AddDays(5), 1),
        }).ToList();
        var split = HoldoutSplit.Create(lines);

        var lists = TrainingListMiner.Mine(split.Training, Everything, cancellationToken: TestContext.Current.CancellationToken);

        split.HeldOut.Count.ShouldBe(30);
        lists[1].ShouldBe([2]);
        lists.ShouldNotContainKey(3);
        TrainingListMiner.Mine(lines, Everything, cancellationToken: TestContext.Current.CancellationToken)[1].ShouldContain(3);
    }

    [Fact]
    public void Recommender_SeveralItems_MergesByBestRankThenId()
    {
        var recommend = TrainingListMiner.Recommender(new Dictionary<int, int[]> { [1] = [5, 6, 8], [2] = [7, 6] });

        recommend([1, 2]).ShouldBe([5, 7, 6, 8]);
        recommend([2]).ShouldBe([7, 6]);
        recommend([99]).ShouldBeEmpty();
        recommend([]).ShouldBeEmpty();
    }
}
