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
        var first = new Dictionary<int, int>();
        foreach (var order in orders)
        {
            if (order is { CustomerKey: { } customer } && order.PlacedAt < dataEnd)
            {
                var month = MonthIndex(order.PlacedAt);
                first[customer] = first.TryGetValue(customer, out var known) ? Math.Min(known, month) : month;
            }
        }
        var active = new HashSet<(int Customer, int Offset)>();
        foreach (var order in orders)
        {
            if (order is { CustomerKey: { } customer } && order.PlacedAt < dataEnd)
            {
                active.Add((customer, MonthIndex(order.PlacedAt) - first[customer]));
            }
        }
        var lastMonth = MonthIndex(dataEnd.AddTicks(-1));
        var sizes = first.Values.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var counts = sizes.Keys.ToDictionary(m => m, m => new int[lastMonth - m + 1]);
        foreach (var (customer, offset) in active)
        {
            counts[first[customer]][offset]++;
        }
        return [.. sizes.OrderBy(s => s.Key).Select(s =>
            new Cohort(new DateOnly(s.Key / 12, s.Key % 12 + 1, 1), s.Value, [.. counts[s.Key].Select(c => (double)c / s.Value)]))];
    }

    private static int MonthIndex(DateTime time) => time.Year * 12 + time.Month - 1;
}
