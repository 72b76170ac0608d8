namespace MerchDashboard.Engine.Clv;

/// <summary>
/// Builds calibration summaries from transactions, with the BG/NBD conventions of the lifetimes library:
/// a customer's purchases on the same day are one transaction whose amount is their sum; transactions after
/// the calibration end are ignored, and so are customers whose first purchase comes after it.
/// </summary>
public static class RfmSummarizer
{
    public static IReadOnlyList<CustomerRfm> Summarize(IEnumerable<ClvTransaction> transactions, DateOnly calibrationEnd, ClvPeriod period)
    {
        var sorted = transactions.Where(t => t.Date <= calibrationEnd).ToArray();
        Array.Sort(sorted, static (x, y) => x.CustomerKey != y.CustomerKey
            ? x.CustomerKey.CompareTo(y.CustomerKey)
            : x.Date.CompareTo(y.Date));
        var result = new List<CustomerRfm>();
        var start = 0;
        while (start < sorted.Length)
        {
            var end = start;
            while (end < sorted.Length && sorted[end].CustomerKey == sorted[start].CustomerKey)
            {
                end++;
            }
            result.Add(SummarizeCustomer(sorted.AsSpan(start, end - start), calibrationEnd, period));
            start = end;
        }
        return result;
    }

    private static CustomerRfm SummarizeCustomer(ReadOnlySpan<ClvTransaction> purchases, DateOnly calibrationEnd, ClvPeriod period)
    {
        var first = purchases[0].Date;
        var last = first;
        var repeats = 0;
        var repeatAmount = 0.0;
        foreach (var purchase in purchases)
        {
            if (purchase.Date == first)
            {
                continue;
            }
            if (purchase.Date != last)
            {
                repeats++;
                last = purchase.Date;
            }
            repeatAmount += purchase.Amount;
        }
        return new CustomerRfm(
            purchases[0].CustomerKey,
            repeats,
            period.FromDays(last.DayNumber - first.DayNumber),
            period.FromDays(calibrationEnd.DayNumber - first.DayNumber),
            repeats == 0 ? 0 : repeatAmount / repeats);
    }
}
