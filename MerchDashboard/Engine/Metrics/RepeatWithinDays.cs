namespace MerchDashboard.Engine.Metrics;

/// <summary>
/// The 90-day repeat rate per arm. A customer is eligible when their first order (the earliest placed before the
/// exclusive data end) is at least 90 days before the data end, i.e. first + 90 days ≤ end, so the whole window
/// is observed; they repeat when another order is placed in (first, first + 90 days] (a second order at the very same
/// instant counts too). The customer's arm is the arm of their first order. Rate = repeaters / eligible customers.
/// </summary>
public static class RepeatWithinDays
{
    public static IReadOnlyDictionary<Arm, ProportionSample> PerArm(IEnumerable<OrderSummary> orders, DateTime dataEnd, int days = 90)
    {
        var window = TimeSpan.FromDays(days);
        var firstTwo = new Dictionary<int, (DateTime First, Arm Arm, DateTime Second)>();
        foreach (var order in orders)
        {
            if (order is not { CustomerKey: { } customer } || order.PlacedAt >= dataEnd)
            {
                continue;
            }
            if (!firstTwo.TryGetValue(customer, out var known))
            {
                firstTwo[customer] = (order.PlacedAt, order.Arm, DateTime.MaxValue);
            }
            else if (order.PlacedAt < known.First)
            {
                firstTwo[customer] = (order.PlacedAt, order.Arm, known.First);
            }
            else if (order.PlacedAt < known.Second)
            {
                firstTwo[customer] = known with { Second = order.PlacedAt };
            }
        }
        var result = Enum.GetValues<Arm>().ToDictionary(a => a, _ => (Eligible: 0L, Repeaters: 0L));
        foreach (var (first, arm, second) in firstTwo.Values)
        {
            if (first + window <= dataEnd)
            {
                var (eligible, repeaters) = result[arm];
                result[arm] = (eligible + 1, repeaters + (second - first <= window ? 1 : 0));
            }
        }
        return result.ToDictionary(r => r.Key, r => new ProportionSample(r.Value.Repeaters, r.Value.Eligible));
    }
}
