namespace MerchDashboard.Data.Seeding;

/// <summary>
/// Generates the demo store from <see cref="SeedSettings"/>: the same settings give the same store, byte
/// for byte once written. Structure comes from <see cref="Random"/> seeded with the seed; names, emails
/// and cities from Bogus with the same seed.
/// </summary>
public static class StoreGenerator
{
    /// <summary>Most orders a customer can be asked to place on average; beyond it the buying model cannot deliver.</summary>
    public const int MaxOrdersPerCustomer = 6;

    public static SeedStore Generate(SeedSettings settings, IProgress<double>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Orders, settings.Customers);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Orders, (long)settings.Customers * MaxOrdersPerCustomer);

        var rng = new Random(settings.Seed);
        var categories = CatalogGenerator.Categories();
        var (products, planted) = PlantedProblems.Apply(CatalogGenerator.Products(rng, settings), settings);
        var plan = ComplementPlan.Build(rng, products, settings, planted.UsualPairs);
        var shoppers = CustomerGenerator.Generate(rng, settings);
        var orders = OrderGenerator.Generate(rng, shoppers, products, plan, settings, progress);
        var (lists, overrides) = new CurationGenerator(products, plan, planted, settings).Generate();
        return new SeedStore(categories, products, [.. shoppers.Select(s => s.Profile.Customer)], orders,
            CurationGenerator.Rules, lists, overrides);
    }
}
