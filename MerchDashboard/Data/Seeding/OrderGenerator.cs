namespace MerchDashboard.Data.Seeding;

/// <summary>
/// Plans every shopper's purchases over the window (first purchase, then repeats at their rate until
/// they drop out), scales the rates until the store has the requested number of orders and drops
/// surplus repeat purchases at random, then fills the orders in time order.
/// </summary>
internal static class OrderGenerator
{
    /// <summary>Even the most loyal shopper buys at most about once a fortnight on average: a store of consumers, not resellers.</summary>
    public const double MaxRatePerDay = 1 / 14.0;

    public static IReadOnlyList<SeedOrder> Generate(
        Random rng, IReadOnlyList<(ShopperProfile Profile, DateTime FirstOrder)> shoppers,
        IReadOnlyList<SeedProduct> products, ComplementPlan plan, SeedSettings settings, IProgress<double>? progress = null)
    {
        var purchases = PlanPurchases(shoppers, settings);
        var builder = new BasketBuilder(rng, products, plan);
        var histories = shoppers.Select(_ => new ShopperHistory(CatalogBlueprint.Departments.Length)).ToArray();
        var orders = new List<SeedOrder>(purchases.Count);
        foreach (var (shopper, at) in purchases)
        {
            var profile = shoppers[shopper].Profile;
            var history = histories[shopper];
            var lines = builder.Build(profile, history, at);
            orders.Add(new SeedOrder($"O{orders.Count + 1:0000000}", profile.Customer.Id, at, lines));
            foreach (var line in lines)
            {
                history.Bought.Add(line.Product.Index);
                history.DepartmentCounts[BasketBuilder.DepartmentIndex(DepartmentOf(line.Product))]++;
            }
            history.Orders++;
            if (orders.Count % 4096 == 0)
            {
                progress?.Report((double)orders.Count / purchases.Count);
            }
        }
        return orders;
    }

    private static string DepartmentOf(SeedProduct product) =>
        Array.Find(CatalogBlueprint.Categories, c => c.Code == product.CategoryCode)!.Department;

    /// <summary>Exactly <see cref="SeedSettings.Orders"/> purchases, every shopper's first included, in time order.</summary>
    internal static List<(int Shopper, DateTime At)> PlanPurchases(
        IReadOnlyList<(ShopperProfile Profile, DateTime FirstOrder)> shoppers, SeedSettings settings)
    {
        var scale = 1.0;
        for (var attempt = 1; ; attempt++)
        {
            var rng = new Random(unchecked(settings.Seed + 104_729 * attempt));
            var purchases = Simulate(rng, shoppers, scale, settings);
            if (purchases.Count >= settings.Orders)
            {
                return Trim(rng, purchases, shoppers.Count, settings.Orders);
            }
            if (attempt == 12)
            {
                throw new ArgumentException($"{settings.Customers:N0} customers cannot place {settings.Orders:N0} orders in the window; ask for fewer orders per customer");
            }
            var repeats = purchases.Count - shoppers.Count;
            scale *= Math.Clamp(1.15 * (settings.Orders - shoppers.Count) / Math.Max(1, repeats), 1.1, 4);
        }
    }

    private static List<(int Shopper, DateTime At)> Simulate(
        Random rng, IReadOnlyList<(ShopperProfile Profile, DateTime FirstOrder)> shoppers, double scale, SeedSettings settings)
    {
        var purchases = new List<(int, DateTime)>();
        for (var i = 0; i < shoppers.Count; i++)
        {
            var (profile, at) = shoppers[i];
            purchases.Add((i, at));
            while (!rng.Chance(profile.Dropout) && PurchaseTimeline.Next(rng, at, Math.Min(profile.RatePerDay * scale, MaxRatePerDay), settings) is { } next)
            {
                purchases.Add((i, next));
                at = next;
            }
        }
        return purchases;
    }

    /// <summary>Drops surplus repeat purchases at random (first purchases stay) and sorts by time.</summary>
    private static List<(int Shopper, DateTime At)> Trim(Random rng, List<(int Shopper, DateTime At)> purchases, int shoppers, int wanted)
    {
        var firsts = new bool[shoppers];
        var repeats = new List<int>();
        for (var i = 0; i < purchases.Count; i++)
        {
            if (firsts[purchases[i].Shopper])
            {
                repeats.Add(i);
            }
            firsts[purchases[i].Shopper] = true;
        }
        rng.Shuffle(repeats);
        var dropped = repeats.Take(purchases.Count - wanted).ToHashSet();
        return [.. purchases.Where((_, i) => !dropped.Contains(i)).OrderBy(p => p.At).ThenBy(p => p.Shopper)];
    }
}
