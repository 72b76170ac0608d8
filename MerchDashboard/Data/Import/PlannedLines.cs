using System.Collections;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import.Cleaning;

namespace MerchDashboard.Data.Import;

/// <summary>
/// The order lines an import will write, kept as the cleaned orders they come from (which cleaning needs in memory
/// anyway) and turned into <see cref="OrderLine"/> rows only while the writer enumerates them: no second copy of
/// every line waits for the write. Ids are reserved when an order is added, so every enumeration yields the same rows.
/// </summary>
internal sealed class PlannedLines : IReadOnlyCollection<OrderLine>
{
    private readonly List<(long FirstLineId, Order Order, CleanOrder Clean, int[] ProductIds)> _orders = [];

    public int Count { get; private set; }

    /// <summary>Adds the lines of <paramref name="clean"/>, stored as <paramref name="order"/>, with ids from <paramref name="firstLineId"/> on.</summary>
    public void Add(long firstLineId, Order order, CleanOrder clean, int[] productIds)
    {
        _orders.Add((firstLineId, order, clean, productIds));
        Count += clean.Lines.Count;
    }

    public IEnumerator<OrderLine> GetEnumerator()
    {
        foreach (var (firstLineId, order, clean, productIds) in _orders)
        {
            for (var i = 0; i < clean.Lines.Count; i++)
            {
                var line = clean.Lines[i];
                yield return new OrderLine
                {
                    Id = firstLineId + i, OrderId = order.Id, ProductId = productIds[i], Quantity = line.Quantity, UnitPrice = line.UnitPrice, Source = line.Source,
                };
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
