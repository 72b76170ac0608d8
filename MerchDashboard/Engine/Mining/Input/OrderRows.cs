using System.Globalization;

namespace MerchDashboard.Engine.Mining.Input;

/// <summary>Turns the rows of an orders CSV into baskets, validating each field it uses.</summary>
internal sealed class OrderRows(string fileName, OrderLayout layout)
{
    private readonly Dictionary<string, List<string>> _baskets = new(StringComparer.Ordinal);
    private readonly List<List<string>> _basketsInOrder = [];
    private readonly List<InputProblem> _problems = [];
    private int _basket, _item, _quantity, _price, _customer;
    private long _rows, _cancellations, _nonPositiveQuantities, _nonPositivePrices, _withoutCustomer;

    public IReadOnlyList<InputProblem> Problems => _problems;

    public InputProblem? ReadHeader(string[] header)
    {
        var columns = header.Select((name, index) => (name: name.Trim(), index))
            .GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
        var missing = layout.Header.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new InputProblem(fileName, 1, missing[0],
                $"required column '{string.Join("', '", missing)}' is missing from the header; expected {string.Join(",", layout.Header)}, found {string.Join(",", header)}");
        }
        (_basket, _item, _quantity, _price, _customer) =
            (columns[layout.Basket], columns[layout.Item], columns[layout.Quantity], columns[layout.Price], columns[layout.Customer]);
        return null;
    }

    public void Add(string[] record, long line)
    {
        _rows++;
        var basket = Field(record, _basket);
        if (basket.Length == 0)
        {
            Problem(line, layout.Basket, "is empty; every row needs an order id");
            return;
        }
        if (basket[0] == 'C')
        {
            _cancellations++;
            return;
        }
        var item = Field(record, _item);
        if (item.Length == 0)
        {
            Problem(line, layout.Item, "is empty; every row needs an item");
            return;
        }
        var quantity = Number(record, _quantity, line, layout.Quantity);
        var price = Number(record, _price, line, layout.Price);
        if (quantity is null || price is null)
        {
            return;
        }
        if (quantity <= 0)
        {
            _nonPositiveQuantities++;
            return;
        }
        if (price <= 0)
        {
            _nonPositivePrices++;
            return;
        }
        if (Field(record, _customer).Length == 0)
        {
            _withoutCustomer++;
        }
        if (!_baskets.TryGetValue(basket, out var items))
        {
            _baskets[basket] = items = [];
            _basketsInOrder.Add(items);
        }
        items.Add(item);
    }

    public BasketReadResult Finish()
    {
        var report = new ReadReport(_rows, _cancellations, _nonPositiveQuantities, _nonPositivePrices, _withoutCustomer);
        if (_problems.Count > 0)
        {
            return BasketReadResult.Failed(_problems, report);
        }
        var encoder = new BasketEncoder();
        foreach (var items in _basketsInOrder)
        {
            foreach (var item in items)
            {
                encoder.AddItem(item);
            }
            encoder.EndBasket();
        }
        return new BasketReadResult(encoder.Build(), [], report);
    }

    private static string Field(string[] record, int index) => index < record.Length ? record[index].Trim() : "";

    private decimal? Number(string[] record, int index, long line, string column)
    {
        var text = Field(record, index);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Problem(line, column, text.Length == 0 ? "is empty; expected a number" : $"'{text}' is not a number (use a dot for decimals, no currency sign)");
        return null;
    }

    private void Problem(long line, string field, string message) => _problems.Add(new InputProblem(fileName, line, field, message));
}
