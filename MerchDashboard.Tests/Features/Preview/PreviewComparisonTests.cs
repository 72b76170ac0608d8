using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Preview;

namespace MerchDashboard.Tests.Features.Preview;

public class PreviewComparisonTests
{
    private static ComposedList List(params int[] productIds) => new(1, CurationMode.Auto, null, "r", DateTime.UnixEpoch,
        [.. productIds.Select((id, i) => new Slot(i + 1, new ProductInfo(id, $"P{id}", $"Product {id}", "", 1, null, 1m, 1, true, new HashSet<string>()),
            SlotSource.Mined, false, "", null))], []);

    [Fact]
    public void DifferingPositions_SwappedAndMissingSlots_AreReported()
    {
        PreviewComparison.DifferingPositions(List(1, 2, 3, 4), List(1, 3, 2)).ShouldBe([2, 3, 4], ignoreOrder: true);
        PreviewComparison.DifferingPositions(List(1, 2), List(1, 2)).ShouldBeEmpty();
        PreviewComparison.DifferingPositions(List(), List(5)).ShouldBe([1]);
    }

    [Fact]
    public void DifferingPositions_IsSymmetric()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var a = Enumerable.Range(0, random.Next(7)).Select(_ => random.Next(5)).ToArray();
            var b = Enumerable.Range(0, random.Next(7)).Select(_ => random.Next(5)).ToArray();
            var expected = Enumerable.Range(1, Math.Max(a.Length, b.Length)).Where(p => p > a.Length || p > b.Length || a[p - 1] != b[p - 1]);
            PreviewComparison.DifferingPositions(List(a), List(b)).ShouldBe(expected, ignoreOrder: true);
            PreviewComparison.DifferingPositions(List(b), List(a)).ShouldBe(expected, ignoreOrder: true);
        }
    }
}
