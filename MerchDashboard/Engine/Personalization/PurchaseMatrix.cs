namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// The binary customer × product matrix of a purchase history in both compressed-row orientations
/// (items of each customer, customers of each item), over dense indices.
/// </summary>
internal sealed class PurchaseMatrix
{
    private readonly int[] customerOffsets;
    private readonly int[] customerItems;
    private readonly int[] itemOffsets;
    private readonly int[] itemCustomers;

    private PurchaseMatrix(int[] productIds, int[] customerOffsets, int[] customerItems, int[] itemOffsets, int[] itemCustomers)
    {
        ProductIds = productIds;
        this.customerOffsets = customerOffsets;
        this.customerItems = customerItems;
        this.itemOffsets = itemOffsets;
        this.itemCustomers = itemCustomers;
        CustomerCounts = new int[productIds.Length];
        for (var i = 0; i < productIds.Length; i++)
        {
            CustomerCounts[i] = itemOffsets[i + 1] - itemOffsets[i];
        }
    }

    public int ProductCount => ProductIds.Length;

    /// <summary>Product id of each dense product index.</summary>
    public int[] ProductIds { get; }

    /// <summary>n_i: distinct customers of each dense product index.</summary>
    public int[] CustomerCounts { get; }

    public ReadOnlySpan<int> ItemsOf(int customer) =>
        customerItems.AsSpan(customerOffsets[customer], customerOffsets[customer + 1] - customerOffsets[customer]);

    public ReadOnlySpan<int> CustomersOf(int item) =>
        itemCustomers.AsSpan(itemOffsets[item], itemOffsets[item + 1] - itemOffsets[item]);

    public static PurchaseMatrix Create(IReadOnlyList<Purchase> purchases, CancellationToken cancellationToken)
    {
        var productIndex = new Dictionary<int, int>();
        var customerIndex = new Dictionary<int, int>();
        var cells = new long[purchases.Count];
        for (var k = 0; k < cells.Length; k++)
        {
            if ((k & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var purchase = purchases[k];
            var product = IndexOf(productIndex, purchase.ProductId);
            var customer = IndexOf(customerIndex, purchase.CustomerKey);
            cells[k] = ((long)customer << 32) | (uint)product;
        }

        Array.Sort(cells);
        cancellationToken.ThrowIfCancellationRequested();
        var distinct = Deduplicate(cells);

        var productIds = new int[productIndex.Count];
        foreach (var (id, index) in productIndex)
        {
            productIds[index] = id;
        }

        var customerOffsets = new int[customerIndex.Count + 1];
        var customerItems = new int[distinct];
        var itemOffsets = new int[productIds.Length + 1];
        for (var k = 0; k < distinct; k++)
        {
            customerOffsets[(int)(cells[k] >> 32) + 1]++;
            customerItems[k] = (int)(cells[k] & 0xFFFFFFFF);
            itemOffsets[customerItems[k] + 1]++;
        }

        PrefixSum(customerOffsets);
        PrefixSum(itemOffsets);
        var itemCustomers = new int[distinct];
        var cursor = itemOffsets[..^1];
        for (var k = 0; k < distinct; k++)
        {
            itemCustomers[cursor[customerItems[k]]++] = (int)(cells[k] >> 32);
        }

        return new PurchaseMatrix(productIds, customerOffsets, customerItems, itemOffsets, itemCustomers);
    }

    private static int IndexOf(Dictionary<int, int> index, int key)
    {
        if (!index.TryGetValue(key, out var value))
        {
            value = index.Count;
            index[key] = value;
        }

        return value;
    }

    private static int Deduplicate(long[] sorted)
    {
        var count = 0;
        for (var k = 0; k < sorted.Length; k++)
        {
            if (count == 0 || sorted[k] != sorted[count - 1])
            {
                sorted[count++] = sorted[k];
            }
        }

        return count;
    }

    private static void PrefixSum(int[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            values[i] += values[i - 1];
        }
    }
}
