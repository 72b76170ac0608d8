namespace MerchDashboard.Engine.Metrics;

/// <summary>Orders containing a product (<see cref="Orders"/>) and those also containing one of its FBW items.</summary>
public sealed record AttachCount(int ProductId, long Orders, long Attached)
{
    public double Rate => Orders == 0 ? 0 : (double)Attached / Orders;

    public ProportionSample AsSample => new(Attached, Orders);
}

/// <summary>
/// Attach rate of A = orders containing A and at least one of A's current frequently-bought-with items / orders
/// containing A. Only products with a non-empty current list are anchors (a product with no list cannot be
/// attached to, and counting it would measure list coverage, not attachment). The site attach rate weights
/// anchors by their orders: Σ attached / Σ orders over all anchors.
/// </summary>
public static class AttachRates
{
    public static IReadOnlyList<AttachCount> PerProduct(IEnumerable<OrderSummary> orders, FrequentlyBoughtWith lists)
    {
        var seen = new long[lists.Anchors];
        var attached = new long[lists.Anchors];
        foreach (var order in orders)
        {
            var products = order.Products;
            foreach (var anchor in products)
            {
                if (lists.TryGetItems(anchor, out var slot, out var items))
                {
                    seen[slot]++;
                    attached[slot] += ContainsAny(products, items, anchor) ? 1 : 0;
                }
            }
        }
        return [.. Enumerable.Range(0, lists.Anchors).Where(s => seen[s] > 0)
            .Select(s => new AttachCount(lists.AnchorOfSlot(s), seen[s], attached[s]))];
    }

    /// <summary>The site attach rate as a count pair (product id 0): anchor occurrences and attached ones.</summary>
    public static AttachCount Site(IEnumerable<OrderSummary> orders, FrequentlyBoughtWith lists)
    {
        long n = 0, attached = 0;
        foreach (var order in orders)
        {
            var (orderAnchors, orderAttached) = CountOrder(order, lists);
            n += orderAnchors;
            attached += orderAttached;
        }
        return new AttachCount(0, n, attached);
    }

    public static AttachCount Site(IEnumerable<AttachCount> perProduct) =>
        perProduct.Aggregate(new AttachCount(0, 0, 0), (sum, c) => sum with { Orders = sum.Orders + c.Orders, Attached = sum.Attached + c.Attached });

    /// <summary>How many anchors an order contains and how many of them come with one of their FBW items.</summary>
    public static (int Anchors, int Attached) CountOrder(in OrderSummary order, FrequentlyBoughtWith lists)
    {
        int anchors = 0, attached = 0;
        var products = order.Products;
        foreach (var anchor in products)
        {
            if (lists.TryGetItems(anchor, out var items))
            {
                anchors++;
                attached += ContainsAny(products, items, anchor) ? 1 : 0;
            }
        }
        return (anchors, attached);
    }

    private static bool ContainsAny(ReadOnlySpan<int> products, int[] items, int anchor)
    {
        foreach (var product in products)
        {
            if (product != anchor && Array.IndexOf(items, product) >= 0)
            {
                return true;
            }
        }
        return false;
    }
}
