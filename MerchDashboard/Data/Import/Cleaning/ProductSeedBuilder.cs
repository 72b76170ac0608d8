namespace MerchDashboard.Data.Import.Cleaning;

/// <summary>What the order lines of one SKU say about it: its first name and category and its most common price (ties: the first met).</summary>
internal sealed class ProductSeedBuilder(string sku, long firstLine)
{
    private readonly Dictionary<decimal, int> _prices = [];
    private readonly List<decimal> _pricesInOrder = [];
    private string _name = "", _category = "";

    public void Add(OrderRow row)
    {
        if (_prices.TryGetValue(row.UnitPrice, out var count))
        {
            _prices[row.UnitPrice] = count + 1;
        }
        else
        {
            _prices[row.UnitPrice] = 1;
            _pricesInOrder.Add(row.UnitPrice);
        }
        _name = _name.Length == 0 ? row.ProductName : _name;
        _category = _category.Length == 0 ? row.Category : _category;
    }

    public ProductSeed Build()
    {
        var best = _pricesInOrder[0];
        foreach (var price in _pricesInOrder)
        {
            if (_prices[price] > _prices[best])
            {
                best = price;
            }
        }
        return new ProductSeed(sku, _name, _category, best, firstLine);
    }
}
