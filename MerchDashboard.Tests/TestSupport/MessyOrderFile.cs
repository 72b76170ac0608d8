using System.Globalization;
using System.Text;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>
/// A generic-layout orders file with every kind of mess the cleaning handles, reproducible by seed, for comparing two
/// readers of the same file: returns linked to an earlier or a later order, to an unknown order, inside their own
/// order, unlinked with or without a customer; orders whose lines are not contiguous; the same product twice in an
/// order; SKUs in two letter cases; fee lines; zero prices; customers with orders placed at the same minute.
/// </summary>
public static class MessyOrderFile
{
    public const string Header = "order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category,source,original_order_id";
    private static readonly decimal[] Prices = [0m, 1.5m, 2.25m, 10m, 3.3333m, 0.10m];
    private static readonly string[] Categories = ["Toys", "toys", "Batteries", "", "Garden tools"];
    private static readonly string[] Sources = ["", "organic", "cross-sell", "personalized"];

    private sealed record Line(string OrderId, string Customer, DateTime At, string Sku, int Quantity, decimal Price, string Name, string Category, string Source, string Linked);

    /// <summary>The file's rows (header first); <paramref name="orders"/> sales orders, each of 1 to <paramref name="maxLines"/> lines, plus returns.</summary>
    public static string Create(int seed, int orders, int maxLines)
    {
        var random = new Random(seed);
        var skus = Enumerable.Range(1, 40).Select(i => $"SKU-{i:00}{(i % 7 == 0 ? "A" : "")}").ToArray();
        var customers = Enumerable.Range(1, Math.Max(2, orders / 6)).Select(i => $"C{i}").ToArray();
        var start = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var sales = new List<List<Line>>();
        for (var o = 0; o < orders; o++)
        {
            var customer = random.Next(8) == 0 ? "" : customers[random.Next(customers.Length)];
            var at = start.AddMinutes(random.Next(orders / 2 + 1) * 30);
            var id = $"S{o + 1}";
            var lines = new List<Line>();
            for (var n = random.Next(1, maxLines + 1); n > 0; n--)
            {
                var sku = skus[random.Next(skus.Length)];
                sku = sku.EndsWith('A') && random.Next(3) == 0 ? sku.ToLowerInvariant() : sku;
                var (code, name) = random.Next(20) switch
                {
                    0 => ("POST", "Postage"),
                    1 => ($"GIFT-{random.Next(3)}", "Discount"),
                    _ => (sku, random.Next(4) == 0 ? "" : $"Product {sku.ToUpperInvariant()}"),
                };
                lines.Add(new Line(id, customer, at, code, random.Next(1, 6), Prices[random.Next(Prices.Length)], name,
                    Categories[random.Next(Categories.Length)], Sources[random.Next(Sources.Length)], ""));
            }
            sales.Add(lines);
        }
        var returns = new List<List<Line>>();
        for (var r = 0; r < orders / 2; r++)
        {
            var of = sales[random.Next(sales.Count)];
            var bought = of.Where(l => l.Quantity > 0).ElementAt(random.Next(of.Count(l => l.Quantity > 0)));
            var quantity = -random.Next(1, bought.Quantity + 3);
            var line = random.Next(6) switch
            {
                0 => bought with { Quantity = quantity },
                1 => bought with { OrderId = $"R{r + 1}", At = bought.At.AddMinutes(random.Next(-60, 600)), Quantity = quantity, Linked = bought.OrderId },
                2 => bought with { OrderId = $"R{r + 1}", At = bought.At.AddMinutes(random.Next(0, 600)), Quantity = quantity, Linked = "S-GONE" },
                3 => bought with { OrderId = $"R{r + 1}", Customer = "", Quantity = quantity },
                4 => bought with { OrderId = $"R{r + 1}", Sku = skus[random.Next(skus.Length)], Quantity = quantity, At = bought.At.AddMinutes(random.Next(-30, 900)) },
                _ => bought with { OrderId = $"R{r + 1}", At = bought.At.AddMinutes(random.Next(-30, 900)), Quantity = quantity },
            };
            if (line.OrderId == bought.OrderId)
            {
                of.Add(line);
            }
            else
            {
                returns.Add([line]);
            }
        }
        return Write(Interleave(random, [.. sales, .. returns]));
    }

    /// <summary>Orders mostly in order and mostly contiguous, but some shuffled in and some lines pushed later among other orders.</summary>
    private static List<Line> Interleave(Random random, List<List<Line>> orders)
    {
        for (var i = orders.Count - 1; i > 0; i--)
        {
            if (random.Next(3) == 0)
            {
                var j = random.Next(i + 1);
                (orders[i], orders[j]) = (orders[j], orders[i]);
            }
        }
        var rows = orders.SelectMany(o => o).ToList();
        for (var k = rows.Count / 10; k > 0; k--)
        {
            var from = random.Next(rows.Count);
            var row = rows[from];
            rows.RemoveAt(from);
            rows.Insert(Math.Min(rows.Count, from + random.Next(1, 40)), row);
        }
        return rows;
    }

    private static string Write(List<Line> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var l in rows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{l.OrderId},{l.Customer},{l.At:yyyy-MM-ddTHH:mm:ssZ},{l.Sku},{l.Quantity},{l.Price.ToString(CultureInfo.InvariantCulture)},{l.Name},{l.Category},{l.Source},{l.Linked}\n");
        }
        return text.ToString();
    }
}
