using System.Globalization;
using System.Text;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// An Online-Retail-layout orders file with a real store's mess, reproducible by seed, and the figures the
/// cleaning must arrive at, counted while the rows are written (not by running the cleaner): long baskets,
/// full and partial cancellations (netted against the customer's order placed a minute before), cancellations
/// with nothing to net against, fee and postage lines, zero-price adjustment lines, wholesale orders of
/// 700-1,110 distinct lines without a customer, SKUs written in two letter cases, no categories.
/// </summary>
public sealed class MessyRetailStore
{
    public const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    /// <summary>Fee codes with their descriptions as the UCI file writes them; M and D are caught by their names.</summary>
    private static readonly (string Code, string Name)[] FeeCodes =
    [
        ("POST", "POSTAGE"), ("DOT", "DOTCOM POSTAGE"), ("C2", "CARRIAGE"), ("M", "Manual"), ("D", "Discount"),
        ("BANK CHARGES", "Bank Charges"), ("AMAZONFEE", "AMAZON FEE"), ("CRUK", "CRUK Commission"),
    ];
    private const int Products = 1_300, Customers = 300, Invoices = 600, Wholesale = 2, CaseVariants = 25;

    public string Csv { get; }
    public int Orders { get; private set; }
    public int FullyCancelledOrders { get; private set; }
    public int LargeOrders { get; } = Wholesale;
    public int CancellationRowsNetted { get; private set; }
    public int CancellationRowsUnmatched { get; private set; }
    public int FeeRows { get; private set; }
    public decimal FeeAmount { get; private set; }
    public int ZeroPriceRows { get; private set; }
    public int SkuSpellings { get; private set; }
    public decimal NetRevenue { get; private set; }
    public long NetUnits { get; private set; }
    public int LongestBasket { get; private set; }
    public IReadOnlySet<string> FeeCodesUsed => _feeCodesUsed;

    /// <summary>Net quantity of each (invoice, upper-case SKU) after cancellations; absent when nothing is left.</summary>
    public IReadOnlyDictionary<(string Invoice, string Sku), int> NetQuantities => _net;

    private readonly Dictionary<(string, string), int> _net = [];
    private readonly HashSet<string> _feeCodesUsed = new(StringComparer.Ordinal);
    private readonly StringBuilder _out = new();
    private readonly Random _random;
    private readonly decimal[] _prices;
    private readonly HashSet<string> _variantsWritten = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);

    public MessyRetailStore(int seed)
    {
        _random = new Random(seed);
        _prices = [.. Enumerable.Range(0, Products).Select(_ => Math.Round(0.29m + (decimal)_random.NextDouble() * 12m, 2))];
        _out.Append(Header).Append('\n');
        var start = new DateTime(2010, 12, 1, 8, 0, 0);
        var wholesaleAt = new HashSet<int> { Invoices / 3, 2 * Invoices / 3 };
        for (var k = 0; k < Invoices; k++)
        {
            var at = start.AddMinutes(3 * k);
            var invoice = (536365 + k).ToString(CultureInfo.InvariantCulture);
            if (wholesaleAt.Contains(k))
            {
                WriteOrder(invoice, at, "", 700 + _random.Next(411));
                continue;
            }
            var customer = _random.Next(5) == 0 ? "" : (12346 + _random.Next(Customers)).ToString(CultureInfo.InvariantCulture);
            var size = _random.Next(10) == 0 ? 40 + _random.Next(41) : 1 + _random.Next(20);
            var lines = WriteOrder(invoice, at, customer, size);
            if (_random.Next(3) == 0)
            {
                WriteFee(invoice, at, customer);
            }
            if (_random.Next(12) == 0)
            {
                WriteZeroPrice(invoice, at, customer);
            }
            if (customer.Length > 0 && _random.Next(8) == 0)
            {
                Cancel(invoice, at.AddMinutes(1), customer, lines, full: _random.Next(3) == 0);
            }
            else if (_random.Next(25) == 0)
            {
                WriteUnmatchedCancellation(invoice, at.AddMinutes(1), customer);
            }
        }
        Csv = _out.ToString();
        NetRevenue = _net.Sum(p => p.Value * _prices[Index(p.Key.Item2)]);
        NetUnits = _net.Values.Sum();
    }

    private List<(string Sku, int Quantity)> WriteOrder(string invoice, DateTime at, string customer, int size)
    {
        var items = new HashSet<int>();
        while (items.Count < size)
        {
            items.Add(size > 100 ? _random.Next(Products) : (int)(Products * Math.Pow(_random.NextDouble(), 2)));
        }
        var lines = new List<(string, int)>();
        foreach (var item in items)
        {
            var quantity = 1 + _random.Next(12);
            var sku = Sku(item);
            Row(invoice, Spelling(sku), $"ITEM {item}", quantity, at, _prices[item], customer);
            _net[(invoice, sku)] = quantity;
            lines.Add((sku, quantity));
        }
        Orders++;
        LongestBasket = Math.Max(LongestBasket, size);
        return lines;
    }

    private void Cancel(string invoice, DateTime at, string customer, List<(string Sku, int Quantity)> lines, bool full)
    {
        var cancelled = full ? lines : [lines[_random.Next(lines.Count)]];
        foreach (var (sku, quantity) in cancelled)
        {
            var undo = full ? quantity : 1 + _random.Next(quantity);
            Row("C" + invoice, sku, "CANCELLED", -undo, at, _prices[Index(sku)], customer);
            CancellationRowsNetted++;
            if ((_net[(invoice, sku)] -= undo) == 0)
            {
                _net.Remove((invoice, sku));
            }
        }
        if (full || (lines.Count == 1 && !_net.ContainsKey((invoice, lines[0].Sku))))
        {
            FullyCancelledOrders++;
            Orders--;
        }
    }

    /// <summary>A cancellation without a customer, or of a product the customer never bought before: nothing to net against.</summary>
    private void WriteUnmatchedCancellation(string invoice, DateTime at, string customer)
    {
        var never = $"{99000 + _random.Next(900)}";
        Row("C" + invoice, customer.Length == 0 ? Sku(_random.Next(Products)) : never, "CANCELLED", -(1 + _random.Next(3)), at, 1.25m, customer);
        CancellationRowsUnmatched++;
    }

    private void WriteFee(string invoice, DateTime at, string customer)
    {
        var (code, name) = FeeCodes[_random.Next(FeeCodes.Length)];
        var price = Math.Round(1m + (decimal)_random.NextDouble() * 40m, 2);
        Row(invoice, code, name, 1, at, price, customer);
        FeeRows++;
        FeeAmount += price;
        _feeCodesUsed.Add(code);
    }

    private void WriteZeroPrice(string invoice, DateTime at, string customer)
    {
        Row(invoice, Sku(_random.Next(Products)), "damaged", 1 + _random.Next(5), at, 0m, customer);
        ZeroPriceRows++;
    }

    /// <summary>The first <see cref="CaseVariants"/> products have a letter suffix; after their first upper-case row, some rows spell it in lower case.</summary>
    private string Spelling(string sku)
    {
        if (!char.IsLetter(sku[^1]) || !_seen.Contains(sku) || _random.Next(3) != 0)
        {
            _seen.Add(sku);
            return sku;
        }
        var lower = sku.ToLowerInvariant();
        if (_variantsWritten.Add(lower))
        {
            SkuSpellings++;
        }
        return lower;
    }

    private static string Sku(int item) => item < CaseVariants ? $"{85000 + item}A" : (20000 + item).ToString(CultureInfo.InvariantCulture);

    private static int Index(string sku) => sku.EndsWith('A') ? int.Parse(sku[..^1], CultureInfo.InvariantCulture) - 85000 : int.Parse(sku, CultureInfo.InvariantCulture) - 20000;

    private void Row(string invoice, string sku, string description, int quantity, DateTime at, decimal price, string customer) =>
        _out.Append(CultureInfo.InvariantCulture, $"{invoice},{sku},{description},{quantity},{at:M/d/yyyy H:mm},{price:0.00},{customer},United Kingdom\n");
}
