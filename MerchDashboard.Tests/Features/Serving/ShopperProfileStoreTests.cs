using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Features.Preview;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Serving;

[Collection(DemoStoreGroup.Name)]
public sealed class ShopperProfileStoreTests(DemoStoreFixture demo)
{
    private static readonly DateTime AsOf = DemoStoreFixture.Today;

    private StoreSnapshot Snapshot => demo.Snapshots.Current;

    private static ShopperProfileStore StoreWithBudget(int megabytes) => new(Options.Create(new ShopperProfileOptions { MemoryBudgetMB = megabytes }));

    private List<string> Customers(int count) => [.. Snapshot.CustomerIdsByExternalId
        .Where(c => Snapshot.PurchasesByCustomer.TryGetValue(c.Value, out var lines) && lines.Count >= 2)
        .Select(c => c.Key).Order(StringComparer.Ordinal).Take(count)];

    [Fact]
    public void Find_ManyCustomers_ScoresEveryProductAsAFreshlyBuiltProfile()
    {
        var store = StoreWithBudget(64);
        var products = Snapshot.Catalog.Products.Values.ToList();

        foreach (var customer in Customers(40))
        {
            var stored = store.Find(Snapshot, customer, AsOf)!;
            var fresh = RecommendationService.CustomerProfile(Snapshot, customer, AsOf)!;

            stored.ShopperLabel.ShouldBe(fresh.ShopperLabel);
            stored.ItemWeights.ShouldBe(fresh.ItemWeights, ignoreOrder: true);
            foreach (var product in products)
            {
                stored.AffinityFor(product).ShouldBe(fresh.AffinityFor(product), $"{customer}, {product.Sku}");
                stored.ReasonFor(product).ShouldBe(fresh.ReasonFor(product));
            }
        }
    }

    [Fact]
    public void Find_SameCustomerAgain_TheProfileBuiltTheFirstTime()
    {
        var store = StoreWithBudget(64);
        var customer = Customers(1)[0];

        var first = store.Find(Snapshot, customer, AsOf);

        store.Find(Snapshot, customer, AsOf).ShouldBeSameAs(first);
        store.Find(Snapshot with { Curation = new Dictionary<int, CuratedEntry>() }, customer, AsOf)
            .ShouldBeSameAs(first, "a curation change does not touch profiles");
        store.Find(Snapshot, customer, AsOf.AddDays(1)).ShouldNotBeSameAs(first, "another as-of instant builds again");
        store.Find(Snapshot with { PurchasesByCustomer = new Dictionary<int, IReadOnlyList<MerchDashboard.Engine.Personalization.Purchase>>(Snapshot.PurchasesByCustomer) }, customer, AsOf.AddDays(1))
            .ShouldNotBeSameAs(first, "new purchases build again");
    }

    [Fact]
    public void Find_UnknownCustomer_Null()
    {
        StoreWithBudget(64).Find(Snapshot, "NOBODY-19", AsOf).ShouldBeNull();
    }

    [Fact]
    public async Task Find_EveryCustomerWithATinyBudget_HoldsNoMoreThanTheBudgetAndStillAnswersCorrectly()
    {
        var store = StoreWithBudget(1);
        var customers = Customers(int.MaxValue);
        long estimatedAll = 0;

        foreach (var customer in customers)
        {
            var profile = store.Find(Snapshot, customer, AsOf)!;
            profile.ShopperLabel.ShouldBe($"customer {customer}");
            estimatedAll += profile.EstimatedBytes;
        }
        await Task.Delay(200, TestContext.Current.CancellationToken);

        estimatedAll.ShouldBeGreaterThan(4L * 1024 * 1024, "the demo store's profiles need several times the budget");
        store.HeldBytes.ShouldBeLessThanOrEqualTo(1024L * 1024);
        store.Count.ShouldBeGreaterThan(0);
        store.Count.ShouldBeLessThan(customers.Count);
        var again = store.Find(Snapshot, customers[0], AsOf)!;
        again.ItemWeights.ShouldBe(RecommendationService.CustomerProfile(Snapshot, customers[0], AsOf)!.ItemWeights, ignoreOrder: true);
    }

    [Fact]
    public async Task Warming_NewSnapshot_BuildsEveryKnownCustomersProfileAheadOfRequests()
    {
        var store = StoreWithBudget(256);
        var customers = Customers(int.MaxValue);

        store.Find(Snapshot, customers[0], AsOf).ShouldNotBeNull();
        await store.Warming;

        store.Count.ShouldBe(Snapshot.CustomerIdsByExternalId.Count, "every known customer's profile, not only the one asked for");
        var warmed = store.Find(Snapshot, customers[^1], AsOf)!;
        store.Count.ShouldBe(Snapshot.CustomerIdsByExternalId.Count, "the last customer's profile was there already");
        var fresh = RecommendationService.CustomerProfile(Snapshot, customers[^1], AsOf)!;
        warmed.ItemWeights.ShouldBe(fresh.ItemWeights, ignoreOrder: true);
        foreach (var product in Snapshot.Catalog.Products.Values)
        {
            warmed.AffinityFor(product).ShouldBe(fresh.AffinityFor(product));
        }
    }

    [Fact]
    public async Task Warming_SmallBudget_StopsAtItsShareOfTheBudget()
    {
        var store = new ShopperProfileStore(Options.Create(new ShopperProfileOptions { MemoryBudgetMB = 1, WarmBudgetShare = 0.5 }));

        store.Find(Snapshot, Customers(1)[0], AsOf);
        await store.Warming;
        await Task.Delay(200, TestContext.Current.CancellationToken);

        store.HeldBytes.ShouldBeLessThanOrEqualTo(1024L * 1024);
        store.Count.ShouldBeLessThan(Snapshot.CustomerIdsByExternalId.Count);
    }

    [Fact]
    public async Task Warming_Off_OnlyTheAskedProfileIsBuilt()
    {
        var store = new ShopperProfileStore(Options.Create(new ShopperProfileOptions { MemoryBudgetMB = 64, WarmOnNewSnapshot = false }));

        store.Find(Snapshot, Customers(1)[0], AsOf);
        await store.Warming;

        store.Count.ShouldBe(1);
    }
}
