using System.Globalization;
using CsvHelper;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Seeding;

namespace MerchDashboard.Tests.Data.Seeding;

internal sealed record LineRow(string Sku, string Category, int Quantity, decimal UnitPrice, string Source);

internal sealed record OrderRow(string CustomerId, string Arm, DateTime PlacedAt, IReadOnlyList<LineRow> Lines)
{
    public decimal Revenue => Lines.Sum(l => l.Quantity * l.UnitPrice);
}

/// <summary>The experiment and basket figures the generator promises, computed independently of it from orders.</summary>
internal static class StoreStats
{
    public static readonly string[] CrossSellArms = ["cross-sell", "both"];
    public static readonly string[] PersonalizationArms = ["personalization", "both"];

    public static List<OrderRow> FromStore(SeedStore store)
    {
        var names = store.Categories.ToDictionary(c => c.Code, c => c.Name);
        var arms = store.Customers.ToDictionary(c => c.Id, c => StoreFormats.Name(c.Arm));
        return [.. store.Orders.Select(o => new OrderRow(o.CustomerId, arms[o.CustomerId], o.PlacedAt,
            [.. o.Lines.Select(l => new LineRow(l.Product.Sku, names[l.Product.CategoryCode], l.Quantity, l.UnitPrice, l.Source))]))];
    }

    public static List<OrderRow> FromFolder(string folder)
    {
        var arms = Rows(Path.Combine(folder, "customers.csv")).ToDictionary(r => r["customer_id"], r => r["arm"]);
        return [.. Rows(Path.Combine(folder, "orders.csv")).GroupBy(r => r["order_id"]).Select(g => new OrderRow(
            g.First()["customer_id"], arms[g.First()["customer_id"]],
            DateTime.Parse(g.First()["ordered_at"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            [.. g.Select(r => new LineRow(r["sku"], r["category"], int.Parse(r["quantity"], CultureInfo.InvariantCulture),
                decimal.Parse(r["unit_price"], CultureInfo.InvariantCulture), r["source"]))]))];
    }

    public static List<Dictionary<string, string>> Rows(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.Select((h, i) => (h, csv.GetField(i) ?? "")).ToDictionary(x => x.h, x => x.Item2));
        }
        return rows;
    }

    public static decimal Aov(IEnumerable<OrderRow> orders, IReadOnlyCollection<string> arms)
    {
        var selected = orders.Where(o => arms.Contains(o.Arm)).ToList();
        return selected.Sum(o => o.Revenue) / selected.Count;
    }

    /// <summary>Customers with 2+ orders / customers with 1+ order (PRODUCT.md).</summary>
    public static double RepeatRate(IEnumerable<OrderRow> orders, IReadOnlyCollection<string> arms)
    {
        var counts = orders.Where(o => arms.Contains(o.Arm)).GroupBy(o => o.CustomerId).Select(g => g.Count()).ToList();
        return (double)counts.Count(c => c >= 2) / counts.Count;
    }

    public static double OrdersPerCustomer(IEnumerable<OrderRow> orders, IReadOnlyCollection<string> arms)
    {
        var selected = orders.Where(o => arms.Contains(o.Arm)).ToList();
        return (double)selected.Count / selected.Select(o => o.CustomerId).Distinct().Count();
    }

    /// <summary>Lift of the category rule A -> C over orders: P(C | A) / P(C).</summary>
    public static double CategoryLift(IReadOnlyCollection<OrderRow> orders, string antecedent, string consequent)
    {
        bool Has(OrderRow o, string category) => o.Lines.Any(l => l.Category == category);
        var withA = orders.Count(o => Has(o, antecedent));
        var both = orders.Count(o => Has(o, antecedent) && Has(o, consequent));
        var withC = orders.Count(o => Has(o, consequent));
        return (double)both / withA / ((double)withC / orders.Count);
    }
}
