using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>A lock's frozen slots for tests: the items at slots 1..n, each with the same source.</summary>
public static class FrozenSlots
{
    public static IReadOnlyList<FrozenSlot> Of(IEnumerable<int> productIds, SlotSource source = SlotSource.Pinned) =>
        [.. productIds.Select((id, i) => new FrozenSlot(id, i + 1, source))];
}
