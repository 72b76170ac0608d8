using System.Globalization;
using MerchDashboard.Data.Seeding;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Cli.Simulation;

public sealed class ShopperBehaviourTests
{
    private static readonly ShopperBehaviour Model = ShopperBehaviour.Build(new SeedSettings());

    [Fact]
    public void Build_DefaultSeed_SameProductsAndCustomersAsTheCommittedDemoStore()
    {
        var rows = File.ReadLines(Path.Combine(RepositoryPaths.SeedData, "products.csv")).Skip(1).Select(SkuAndPrice).ToList();

        rows.Count.ShouldBeGreaterThan(500);
        foreach (var (sku, price) in rows)
        {
            Model.Product(sku).ShouldNotBeNull(sku);
            Model.Product(sku)!.Price.ShouldBe(price, sku);
        }
        Model.Customers.Count.ShouldBe(SeedSettings.DefaultCustomers);
        Model.Customers.Select(c => c.CustomerId).ShouldBe(Enumerable.Range(1, SeedSettings.DefaultCustomers).Select(i => $"C{i:000000}"));
    }

    [Fact]
    public void Fit_UsualCompanionBeatsFittingComplementBeatsUnrelated()
    {
        var laptop = Model.Product("LAP-0001")!;
        var cases = Enumerable.Range(1, 30).Select(i => Model.Product($"LCS-{i:0000}")).OfType<SeedProduct>().ToList();
        var fits = cases.Select(c => Model.Fit(laptop, c)).ToList();

        fits.ShouldContain(1.0, "a laptop has usual cases");
        fits.ShouldAllBe(f => f == 1.0 || f == 0.6 || f == 0.1);
        Model.Fit(laptop, Model.Product("BRD-0001")).ShouldBe(0.03, "a board game does not go with a laptop");
        Model.Fit(laptop, laptop).ShouldBe(0);
        Model.Fit(laptop, null).ShouldBe(0);
    }

    [Fact]
    public void Chances_FollowTheDocumentedFormula()
    {
        Model.ClickChance(1, 1).ShouldBe(ShopperBehaviour.ClickBase + ShopperBehaviour.ClickFit + ShopperBehaviour.ClickTaste, 1e-12);
        Model.ClickChance(0.6, 0).ShouldBe(0.02 + 0.25 * 0.6, 1e-12);
        Model.CartChance(1, 1).ShouldBe(0.85, 1e-12);
        Model.CartChance(0.03, 0).ShouldBe(0.15 + 0.55 * 0.03, 1e-12);
    }

    [Fact]
    public void Browse_ManyDraws_FavouriteDepartmentNearItsShare()
    {
        var rng = new Random(7);
        var shopper = Model.Customers[0];
        const int draws = 20_000;

        var favourite = Enumerable.Range(0, draws).Count(_ => Model.DepartmentOf(Model.Browse(rng, shopper)) == shopper.FavoriteDepartment);

        // 45% chosen directly plus the mix's share of the department: clearly above the share alone, never all.
        ((double)favourite / draws).ShouldBeInRange(ShopperBehaviour.FavoriteDepartmentShare, 0.9);
    }

    private static (string Sku, decimal Price) SkuAndPrice(string line)
    {
        var sku = line[..line.IndexOf(',', StringComparison.Ordinal)];
        var fields = line.Split(',');
        // name may hold commas (quoted); price is the fourth field from the end: price,stock,active,tags.
        return (sku, decimal.Parse(fields[^4], CultureInfo.InvariantCulture));
    }
}
