using MerchDashboard.Engine.Metrics;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Features.Dashboards;

namespace MerchDashboard.Cli;

/// <summary>
/// A generated store for <c>bench --dashboards</c>, in memory: baskets from <see cref="SyntheticBasketGenerator"/>,
/// prices 5–500, products in 40 leaf categories under 8 departments, customers in four arms (id mod 4) with
/// log-normal buying rates (personalization arms 30% higher) and at least one order each, orders spread over two
/// years after each customer's first order, and in the cross-sell arms 15% of the add-on lines sold by the
/// cross-sell widget. Each product's list is its planted partner and five random products.
/// </summary>
public sealed class DashboardBenchData
{
    public static readonly DateTime Start = new(2024, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    public const int Days = 730;
    private const int Leaves = 40;
    private const int Departments = 8;

    public required OrderSummary[] Orders { get; init; }
    public required Dictionary<int, (int Leaf, int? Department)> ProductCategories { get; init; }
    public required List<CategoryOption> Categories { get; init; }
    public required FrequentlyBoughtWith Lists { get; init; }

    public static DashboardBenchData Generate(int orders, int products, int customers, int seed)
    {
        var random = new Random(seed);
        var baskets = new SyntheticBasketGenerator(products, seed);
        var prices = Enumerable.Range(0, products).Select(_ => Math.Round(5 + (decimal)random.NextDouble() * 495, 2)).ToArray();
        var counts = OrdersPerCustomer(random, orders, customers);
        var result = new OrderSummary[orders];
        Span<int> basket = stackalloc int[SyntheticBasketGenerator.MaxBasketSize];
        var next = 0;
        for (var customer = 0; customer < customers; customer++)
        {
            var arm = (Arm)(customer % 4);
            var first = random.NextDouble() * Days * 0.9;
            for (var k = 0; k < counts[customer]; k++)
            {
                var day = k == 0 ? first : first + random.NextDouble() * (Days - first);
                var length = baskets.NextBasket(basket);
                decimal revenue = 0, crossSell = 0;
                var units = 0;
                for (var i = 0; i < length; i++)
                {
                    var quantity = random.Next(10) == 0 ? 2 : 1;
                    var line = quantity * prices[basket[i]];
                    revenue += line;
                    units += quantity;
                    crossSell += i > 0 && arm is Arm.CrossSell or Arm.Both && random.NextDouble() < 0.15 ? line : 0;
                }
                result[next] = new OrderSummary(next + 1, customer + 1, Start.AddDays(day), arm, revenue, units, crossSell,
                    [.. basket[..length].ToArray().Select(p => p + 1)]);
                next++;
            }
        }
        return new DashboardBenchData
        {
            Orders = result,
            ProductCategories = Enumerable.Range(1, products).ToDictionary(p => p, p => (Leaf(p), (int?)Department(p))),
            Categories = [.. Enumerable.Range(0, Departments).Select(d => new CategoryOption(-1 - d, $"Department {d}", null)),
                .. Enumerable.Range(0, Leaves).Select(l => new CategoryOption(-100 - l, $"Leaf {l}", -1 - l % Departments))],
            Lists = BuildLists(baskets, random, products),
        };
    }

    private static int Leaf(int product) => -100 - product % Leaves;

    private static int Department(int product) => -1 - product % Leaves % Departments;

    /// <summary>One order each, the rest shared out by log-normal weights.</summary>
    private static int[] OrdersPerCustomer(Random random, int orders, int customers)
    {
        var weights = Enumerable.Range(0, customers)
            .Select(c => Math.Exp(Normal(random)) * ((Arm)(c % 4) is Arm.Personalization or Arm.Both ? 1.3 : 1)).ToArray();
        var total = weights.Sum();
        var counts = weights.Select(w => 1 + (int)((orders - customers) * w / total)).ToArray();
        for (var (missing, c) = (orders - counts.Sum(), 0); missing > 0; missing--, c = (c + 1) % customers)
        {
            counts[c]++;
        }
        return counts;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static FrequentlyBoughtWith BuildLists(SyntheticBasketGenerator baskets, Random random, int products)
    {
        var partner = new Dictionary<int, int>();
        foreach (var (a, b) in baskets.PlantedPairs)
        {
            (partner[a], partner[b]) = (b, a);
        }
        return new FrequentlyBoughtWith(Enumerable.Range(0, products).Select(p => KeyValuePair.Create(p + 1,
            (partner.TryGetValue(p, out var q) ? [q + 1] : Enumerable.Empty<int>()).Concat(Enumerable.Range(0, 5).Select(_ => random.Next(products) + 1)))));
    }
}
