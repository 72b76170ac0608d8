using System.Globalization;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Seeding;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Data.Seeding;

/// <summary>The committed demo store in seed-data/: reproducible, as large as promised, with the effects and problems its README describes.</summary>
public class SeedDataTests
{
    private static readonly DateTime DemoToday = new(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Lazy<List<OrderRow>> Orders = new(() => StoreStats.FromFolder(RepositoryPaths.SeedData));

    private static DateTime? Time(string text) =>
        text.Length == 0 ? null : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    private static List<Dictionary<string, string>> Rows(string file) => StoreStats.Rows(Path.Combine(RepositoryPaths.SeedData, file));

    [Fact]
    public async Task SeedData_IsWhatGenerateSeedWritesWithTheDefaults()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        await StoreWriter.WriteAsync(StoreGenerator.Generate(new SeedSettings()), folder.Path, ct);

        foreach (var file in Directory.GetFiles(folder.Path).Select(Path.GetFileName))
        {
            var committed = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedData, file!), ct);
            var generated = await File.ReadAllBytesAsync(folder.File(file!), ct);
            committed.AsSpan().SequenceEqual(generated).ShouldBeTrue($"seed-data/{file} differs from generate-seed's output; regenerate it");
        }
    }

    [Fact]
    public void SeedData_Size_MatchesTheReadme()
    {
        Rows(StoreFiles.ProductsFile).Count.ShouldBeGreaterThanOrEqualTo(600);
        Rows(StoreFiles.CategoriesFile).Count(c => c["parent_code"].Length > 0).ShouldBeGreaterThanOrEqualTo(15);
        Rows(StoreFiles.CustomersFile).Count.ShouldBeGreaterThanOrEqualTo(8_000);
        Orders.Value.Count.ShouldBeGreaterThanOrEqualTo(40_000);
        Orders.Value.Min(o => o.PlacedAt).ShouldBeGreaterThanOrEqualTo(new DateTime(2024, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        Orders.Value.Max(o => o.PlacedAt).ShouldBeLessThan(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        new FileInfo(Path.Combine(RepositoryPaths.SeedData, StoreFiles.OrdersFile)).Length.ShouldBeLessThan(15_000_000);
    }

    [Fact]
    public void SeedData_Arms_ShowTheBuiltInEffects()
    {
        var orders = Orders.Value;

        var crossSellUplift = StoreStats.Aov(orders, ["cross-sell"]) / StoreStats.Aov(orders, ["control"]);
        crossSellUplift.ShouldBeInRange(1.08m, 1.15m);
        (StoreStats.Aov(orders, ["both"]) / StoreStats.Aov(orders, ["personalization"])).ShouldBeGreaterThan(1.05m);
        StoreStats.RepeatRate(orders, ["personalization"]).ShouldBeGreaterThan(StoreStats.RepeatRate(orders, ["control"]) + 0.05);
        (StoreStats.OrdersPerCustomer(orders, ["personalization"]) / StoreStats.OrdersPerCustomer(orders, ["control"])).ShouldBeGreaterThan(1.2);
        StoreStats.CategoryLift(orders, "Cameras", "Memory cards").ShouldBeGreaterThan(3);
    }

    [Fact]
    public void SeedData_December_IsThePeakMonth()
    {
        var byMonth = Orders.Value.GroupBy(o => (o.PlacedAt.Year, o.PlacedAt.Month)).ToDictionary(g => g.Key, g => g.Count());

        byMonth[(2025, 12)].ShouldBe(byMonth.Values.Max());
        byMonth[(2025, 12)].ShouldBeGreaterThan(byMonth[(2025, 10)] * 3 / 2);
    }

    [Fact]
    public void SeedData_PlantedProblems_AreInPlace()
    {
        var products = Rows(StoreFiles.ProductsFile).ToDictionary(p => p["sku"]);
        var lists = Rows(StoreFiles.CuratedListsFile).ToDictionary(l => l["anchor_sku"]);
        var overrides = Rows(StoreFiles.CuratedOverridesFile);
        var pins = overrides.Where(o => o["kind"] == "pin").ToList();

        pins.ShouldContain(p => products[p["sku"]]["stock"] == "0" && products[p["sku"]]["active"] == "true", "a pinned item is out of stock");
        pins.ShouldContain(p => products[p["sku"]]["active"] == "false", "a pinned item is discontinued");
        var expiries = overrides.Select(o => Time(o["expires_at"])).ToList();
        expiries.ShouldContain(t => t > DemoToday && t <= DemoToday.AddDays(7), "an override expires within the week");
        overrides.Select(o => Time(o["starts_at"])).ShouldContain(t => t > DemoToday, "an override is scheduled");
        lists.Values.ShouldContain(l => l["mode"] == "locked-top-n" && l["locked_top_n"] == "2");

        var toyCar = lists.Values.Single(l => l["mode"] == "locked" && products[l["anchor_sku"]]["category_code"] == "rc-cars")["anchor_sku"];
        var firstPin = pins.Single(p => p["anchor_sku"] == toyCar && p["position"] == "1");
        products[firstPin["sku"]]["category_code"].ShouldBe("batteries");

        var drifted = lists.Values.Single(l => l["mode"] == "locked" && l["anchor_sku"] != toyCar)["anchor_sku"];
        var locked = pins.Where(p => p["anchor_sku"] == drifted).Select(p => p["sku"]).ToHashSet();
        double ShareWithLockedItem(DateTime from, DateTime to)
        {
            var withAnchor = Orders.Value.Where(o => o.PlacedAt >= from && o.PlacedAt < to && o.Lines.Any(l => l.Sku == drifted)).ToList();
            return (double)withAnchor.Count(o => o.Lines.Any(l => locked.Contains(l.Sku))) / withAnchor.Count;
        }
        ShareWithLockedItem(new DateTime(2024, 11, 1), new DateTime(2025, 3, 1)).ShouldBeGreaterThan(0.25);
        ShareWithLockedItem(new DateTime(2025, 11, 1), new DateTime(2026, 11, 1)).ShouldBeLessThan(0.05);
    }
}
