using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Seeding;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Data.Seeding;

public class StoreGeneratorTests
{
    private static readonly SeedSettings Small = new() { Seed = 7, Customers = 150, Orders = 600 };
    private static readonly Lazy<SeedStore> SmallStore = new(() => StoreGenerator.Generate(Small));
    private static readonly Lazy<SeedStore> MediumStore = new(() => StoreGenerator.Generate(new SeedSettings { Seed = 11, Customers = 2_000, Orders = 9_000 }));

    private static readonly string[] Files =
    [
        StoreFiles.CategoriesFile, StoreFiles.ProductsFile, StoreFiles.CustomersFile, StoreFiles.OrdersFile,
        StoreFiles.ComplementRulesFile, StoreFiles.CuratedListsFile, StoreFiles.CuratedOverridesFile,
    ];

    [Fact]
    public async Task Generate_SameSettingsTwice_WritesIdenticalFiles()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        await StoreWriter.WriteAsync(StoreGenerator.Generate(Small), first.Path, TestContext.Current.CancellationToken);
        await StoreWriter.WriteAsync(StoreGenerator.Generate(Small), second.Path, TestContext.Current.CancellationToken);

        foreach (var file in Files)
        {
            var bytes = await File.ReadAllBytesAsync(first.File(file), TestContext.Current.CancellationToken);
            bytes.Length.ShouldBeGreaterThan(0);
            bytes.ShouldBe(await File.ReadAllBytesAsync(second.File(file), TestContext.Current.CancellationToken), file);
        }
    }

    [Fact]
    public async Task Generate_DifferentSeed_WritesDifferentOrdersAndCustomers()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        await StoreWriter.WriteAsync(StoreGenerator.Generate(Small), first.Path, TestContext.Current.CancellationToken);
        await StoreWriter.WriteAsync(StoreGenerator.Generate(Small with { Seed = 8 }), second.Path, TestContext.Current.CancellationToken);

        foreach (var file in new[] { StoreFiles.OrdersFile, StoreFiles.CustomersFile, StoreFiles.ProductsFile })
        {
            (await File.ReadAllTextAsync(first.File(file), TestContext.Current.CancellationToken))
                .ShouldNotBe(await File.ReadAllTextAsync(second.File(file), TestContext.Current.CancellationToken), file);
        }
    }

    [Fact]
    public void Generate_SmallStore_HasTheRequestedSizeAndWellFormedOrders()
    {
        var store = SmallStore.Value;

        store.Customers.Count.ShouldBe(Small.Customers);
        store.Orders.Count.ShouldBe(Small.Orders);
        store.Orders.Select(o => o.Id).Distinct().Count().ShouldBe(Small.Orders);
        store.Orders.Select(o => o.CustomerId).Distinct().Count().ShouldBe(Small.Customers, "every customer orders at least once");
        store.Orders.ShouldAllBe(o => o.Lines.Count >= 1 && o.Lines.Count <= BasketBuilder.MaxLines);
        store.Orders.ShouldAllBe(o => o.PlacedAt >= Small.Start && o.PlacedAt < Small.End);
        store.Orders.Select(o => o.PlacedAt).ShouldBeInOrder(SortDirection.Ascending);
        store.Orders.SelectMany(o => o.Lines).ShouldAllBe(l => l.Quantity >= 1 && l.UnitPrice > 0 && l.UnitPrice <= l.Product.Price);
        store.Orders.ShouldAllBe(o => o.Lines.Select(l => l.Product.Sku).Distinct().Count() == o.Lines.Count);
    }

    [Fact]
    public void Generate_Catalog_IsLargeWithPricesEndingIn99Or49()
    {
        var store = SmallStore.Value;
        var leaves = store.Categories.Where(c => c.ParentCode is not null).ToList();

        store.Products.Count.ShouldBeGreaterThanOrEqualTo(600);
        leaves.Count.ShouldBeGreaterThanOrEqualTo(15);
        store.Products.Select(p => p.Sku).Distinct().Count().ShouldBe(store.Products.Count);
        store.Products.Select(p => p.Name).Distinct().Count().ShouldBe(store.Products.Count);
        store.Products.ShouldAllBe(p => p.Price % 1 == 0.99m || p.Price % 1 == 0.49m);
        store.Products.ShouldContain(p => !p.Active);
        store.Products.ShouldContain(p => p.Active && p.Stock == 0);
        store.Products.Where(p => p.CategoryCode is "rc-cars" or "battery-toys").ShouldAllBe(p => p.Tags.Contains("needs-batteries"));
    }

    [Fact]
    public void Generate_Products_SellOnlyWhileOnSale()
    {
        var lines = MediumStore.Value.Orders.SelectMany(o => o.Lines.Select(l => (o.PlacedAt, l.Product)));

        lines.ShouldAllBe(x => x.Product.SellsAt(x.PlacedAt));
        MediumStore.Value.Products.Where(p => !p.Active).ShouldAllBe(p => p.SellsUntil != null, "a discontinued product stops selling");
    }

    [Fact]
    public void Generate_Orders_HoldTwoOfACategoryOnlyWhereSeveralAreNormal()
    {
        var several = CatalogBlueprint.Categories.Where(c => c.MultiplesOk).Select(c => c.Code).ToHashSet();

        var repeated = MediumStore.Value.Orders
            .SelectMany(o => o.Lines.GroupBy(l => l.Product.CategoryCode).Where(g => g.Count() > 1).Select(g => g.Key))
            .Distinct().ToList();

        repeated.ShouldNotBeEmpty("games, ink and batteries do come in twos");
        repeated.ShouldAllBe(code => several.Contains(code));
    }

    [Theory]
    [InlineData("Cameras", "Memory cards")]
    [InlineData("Laptops", "Laptop cases")]
    [InlineData("Smartphones", "Phone cases")]
    [InlineData("Printers", "Ink & toner")]
    [InlineData("RC cars", "Batteries")]
    [InlineData("Battery-powered toys", "Batteries")]
    [InlineData("Consoles", "Controllers")]
    public void Generate_ComplementaryCategories_AreBoughtTogetherWithLiftAboveThree(string antecedent, string consequent)
    {
        StoreStats.CategoryLift(StoreStats.FromStore(MediumStore.Value), antecedent, consequent).ShouldBeGreaterThan(3);
    }

    [Fact]
    public void Generate_UnrelatedCategories_HaveNoLift()
    {
        StoreStats.CategoryLift(StoreStats.FromStore(MediumStore.Value), "Laptops", "Board games").ShouldBeLessThan(1.5);
    }

    [Fact]
    public void Generate_Arms_SplitCustomersEvenly()
    {
        foreach (var arm in Enum.GetValues<ExperimentArm>())
        {
            (MediumStore.Value.Customers.Count(c => c.Arm == arm) / (double)MediumStore.Value.Customers.Count).ShouldBeInRange(0.22, 0.28, arm.ToString());
        }
    }

    [Fact]
    public void Generate_CrossSellArms_HaveHigherAovAndTheOnlyCrossSellLines()
    {
        var orders = StoreStats.FromStore(MediumStore.Value);

        var crossSell = StoreStats.Aov(orders, StoreStats.CrossSellArms);
        var others = StoreStats.Aov(orders, ["control", "personalization"]);

        crossSell.ShouldBeGreaterThan(others * 1.04m);
        orders.Where(o => o.Lines.Any(l => l.Source == "cross-sell")).ShouldAllBe(o => StoreStats.CrossSellArms.Contains(o.Arm));
        orders.Where(o => o.Lines.Any(l => l.Source == "personalized")).ShouldAllBe(o => StoreStats.PersonalizationArms.Contains(o.Arm));
    }

    [Fact]
    public void Generate_PersonalizationArms_ComeBackMoreOften()
    {
        var orders = StoreStats.FromStore(MediumStore.Value);
        string[] others = ["control", "cross-sell"];

        StoreStats.RepeatRate(orders, StoreStats.PersonalizationArms).ShouldBeGreaterThan(StoreStats.RepeatRate(orders, others) + 0.04);
        StoreStats.OrdersPerCustomer(orders, StoreStats.PersonalizationArms).ShouldBeGreaterThan(StoreStats.OrdersPerCustomer(orders, others) * 1.15);
    }

    [Fact]
    public async Task Generate_SmallStore_ImportsIntoSqliteWithMatchingCounts()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = SmallStore.Value;
        using var folder = new TempFolder();
        await StoreWriter.WriteAsync(store, folder.Path, ct);
        await using var database = await SqliteTestDatabase.CreateAsync();

        var report = await database.CreateImporter().ImportAsync(StoreFiles.FromFolder(folder.Path), ct: ct);

        report.Problems.ShouldBeEmpty();
        report.Succeeded.ShouldBeTrue();
        report.Added.ShouldBe(new ImportCounts(
            store.Categories.Count, store.Products.Count, store.Customers.Count, store.Orders.Count,
            store.Orders.Sum(o => o.Lines.Count), store.Rules.Count, store.Lists.Count, store.Overrides.Count,
            store.Orders.SelectMany(o => o.Lines).Sum(l => l.Quantity * l.UnitPrice)));
        await using var db = database.CreateDbContext();
        db.Orders.Count().ShouldBe(store.Orders.Count);
        db.OrderLines.Count().ShouldBe(store.Orders.Sum(o => o.Lines.Count));
        db.CurationOverrides.Count().ShouldBe(store.Overrides.Count);
    }
}
