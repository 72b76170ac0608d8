using MerchDashboard.Features.Preview;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Preview;

/// <summary>The demo store, imported and mined once for every preview test class that joins this group.</summary>
[CollectionDefinition(Name)]
public sealed class DemoStoreGroup : ICollectionFixture<DemoStoreFixture>
{
    public const string Name = "Demo store (preview)";
}

/// <summary>The preview's services over the demo store fixture's snapshot.</summary>
public sealed class PreviewServices(DemoStoreFixture store)
{
    public static readonly DateTime AsOf = DemoStoreFixture.Today;

    public DemoStoreFixture Store { get; } = store;
    public PreviewShoppers Shoppers { get; } = new(store.Snapshots, store.Database, store.StoreSettings);
    public ProductPagePreviewer Previewer { get; } = new(store.Snapshots, store.Recommendations);

    public int ProductId(string sku) => Store.Snapshots.Current.ProductIdsBySku[sku];
}
