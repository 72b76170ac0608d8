namespace MerchDashboard.Data.Seeding;

/// <summary>
/// Catalog facts planted for the curation alerts to find: the best-selling printer's usual original ink
/// is sold out (stock 0), and a battery that fits the best-selling battery toy was discontinued three
/// months before the end of the history. Both are pinned in curated lists (<see cref="CurationGenerator"/>).
/// </summary>
internal sealed record PlantedProblems(SeedProduct Printer, SeedProduct SoldOutInk, SeedProduct Toy, SeedProduct DiscontinuedBattery)
{
    /// <summary>Both pinned items were what buyers of their anchor usually took.</summary>
    public IEnumerable<(SeedProduct Anchor, SeedProduct Item)> UsualPairs => [(Printer, SoldOutInk), (Toy, DiscontinuedBattery)];

    public static (IReadOnlyList<SeedProduct> Products, PlantedProblems Planted) Apply(IReadOnlyList<SeedProduct> products, SeedSettings settings)
    {
        var list = products.ToList();
        var printer = Top(list, "printers");
        var ink = Fitting(list, "ink-toner", printer).First();
        list[ink.Index] = ink = ink with { Stock = 0 };

        var toy = Top(list, "battery-toys");
        var batteries = Fitting(list, "batteries", toy).ToList();
        var battery = batteries.Count > 1 ? batteries[1] : batteries[0];
        list[battery.Index] = battery = battery with { Active = false, Stock = 12, SellsFrom = null, SellsUntil = settings.End.AddMonths(-3) };
        return (list, new PlantedProblems(printer, ink, toy, battery));
    }

    /// <summary>The category's best seller among products fit to show (sold all along, active, in stock).</summary>
    public static SeedProduct Top(IEnumerable<SeedProduct> products, string category, int skip = 0) =>
        products.Where(p => p.CategoryCode == category && ComplementPlan.IsShowcase(p)).OrderByDescending(p => p.Popularity).Skip(skip).First();

    /// <summary>Products of the category that fit the anchor, showcase ones first, then by popularity.</summary>
    private static IEnumerable<SeedProduct> Fitting(IEnumerable<SeedProduct> products, string category, SeedProduct anchor) =>
        products.Where(p => p.CategoryCode == category && p.Fit == anchor.Fit)
            .OrderByDescending(ComplementPlan.IsShowcase).ThenByDescending(p => p.Popularity);
}
