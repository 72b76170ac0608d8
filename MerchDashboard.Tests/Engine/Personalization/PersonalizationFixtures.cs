using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Tests.Engine.Personalization;

/// <summary>Small hand-made catalogs and histories shared by the personalization tests.</summary>
internal static class PersonalizationFixtures
{
    public static readonly DateTime AsOf = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public static ProductInfo Product(
        int id, int categoryId, string brand = "", decimal price = 10m, int stock = 5, bool active = true, string[]? tags = null, string? name = null) =>
        new(id, $"SKU-{id:D4}", name ?? $"Product {id}", brand, categoryId, null, price, stock, active,
            new HashSet<string>(tags ?? [], StringComparer.Ordinal));

    public static Purchase Bought(int customer, int product, DateTime? at = null, int quantity = 1) =>
        new(customer, product, at ?? AsOf, quantity);

    /// <summary>
    /// Customers 1 {A,B}, 2 {A,B,C}, 3 {A,C}, 4 {B}, 5 {D}, with customer 1 buying A twice (binary vectors ignore it).
    /// A=1 laptop, B=2 laptop bag (same brand), C=3 mouse, D=4 batteries (consumable).
    /// </summary>
    public static IReadOnlyList<Purchase> TinyHistory { get; } =
    [
        Bought(1, 1), Bought(1, 2), Bought(1, 1, AsOf.AddDays(-3)),
        Bought(2, 1), Bought(2, 2), Bought(2, 3),
        Bought(3, 1), Bought(3, 3),
        Bought(4, 2),
        Bought(5, 4),
    ];

    public static CatalogIndex TinyCatalog { get; } = CatalogIndex.Create(
        [
            Product(1, 10, "Kestrel", 999m, name: "Kestrel 14\" Ultrabook"),
            Product(2, 20, "Kestrel", 49m, name: "Kestrel sleeve"),
            Product(3, 30, "Vole", 25m, name: "Vole mouse"),
            Product(4, 40, "Volt", 5m, tags: ["consumable"], name: "AA batteries 4-pack"),
        ],
        new Dictionary<int, string> { [10] = "Laptops", [20] = "Laptop bags", [30] = "Mice", [40] = "Batteries" });

    public static PersonalizationModel TinyModel { get; } = PersonalizationModel.Train(TinyHistory, TinyCatalog);

    /// <summary>Random histories for invariant tests: customers buy 1–6 of the products, popular ones more often.</summary>
    public static List<Purchase> RandomHistory(Random random, int customers, int products)
    {
        var history = new List<Purchase>();
        for (var c = 0; c < customers; c++)
        {
            var items = random.Next(1, 7);
            for (var k = 0; k < items; k++)
            {
                var product = (int)(products * Math.Pow(random.NextDouble(), 2)) + 1;
                history.Add(Bought(c, product, AsOf.AddDays(-random.Next(0, 400))));
            }
        }

        return history;
    }
}
