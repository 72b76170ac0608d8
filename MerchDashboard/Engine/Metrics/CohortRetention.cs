namespace MerchDashboard.Engine.Metrics;

/// <summary>Customers whose first order fell in <see cref="Month"/>; <see cref="Retention"/>[k] is the share of them with an order in month k after it.</summary>
public sealed record Cohort(DateOnly Month, int Customers, IReadOnlyList<double> Retention);

/// <summary>
/// Cohort retention: customers grouped by the calendar month (UTC) of their first order; retention in month k =
/// share of the cohort with at least one order in month k (k = 0 is the first month, so it is 1). k runs to the month
/// of the data end, which is exclusive: orders at or after it are ignored. Orders without a customer are ignored.
/// </summary>
public static class CohortRetention
{
    public static IReadOnlyList<Cohort> Compute(IReadOnlyCollection<OrderSummary> orders, DateTime dataEnd)
    {
        var slots = new Dictionary<int, int>();
        var first = new List<int>();
        var visits = new List<long>(orders.Count);
        foreach (var order in orders)
        {
            if (order is { CustomerKey: { } customer } && order.PlacedAt < dataEnd)
            {
                var month = MonthIndex(order.PlacedAt);
                if (!slots.TryGetValue(customer, out var slot))
                {
                    slot = first.Count;
                    slots[customer] = slot;
                    first.Add(month);
                }
                first[slot] = Math.Min(first[slot], month);
                visits.Add(((long)slot << 32) | (uint)month);
            }
        }
        var lastMonth = MonthIndex(dataEnd.AddTicks(-1));
        var cohortSizes = first.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var counts = cohortSizes.Keys.ToDictionary(m => m, m => new int[lastMonth - m + 1]);
        var sorted = visits.ToArray();
        Array.Sort(sorted);
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                var cohort = first[(int)(sorted[i] >> 32)];
                counts[cohort][(int)(sorted[i] & 0xFFFFFFFF) - cohort]++;
            }
        }
        return [.. cohortSizes.OrderBy(s => s.Key).Select(s =>
            new Cohort(new DateOnly(s.Key / 12, s.Key % 12 + 1, 1), s.Value, [.. counts[s.Key].Select(c => (double)c / s.Value)]))];
    }

    private static int MonthIndex(DateTime time) => time.Year * 12 + time.Month - 1;
}
