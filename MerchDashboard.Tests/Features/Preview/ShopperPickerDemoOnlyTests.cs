using Bunit;
using MerchDashboard.Features.Preview;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Preview;

/// <summary>Personas are written for the demo catalog: the picker offers them only while the demo store is loaded.</summary>
public class ShopperPickerDemoOnlyTests : MudBunitContext, IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private StoreSettings _settings = default!;
    private PreviewShoppers _shoppers = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _settings = new StoreSettings(_database, Options.Create(new StoreOptions()), TimeProvider.System);
        await _settings.LoadAsync(Xunit.TestContext.Current.CancellationToken);
        var snapshots = new StoreSnapshotService(new StoreSnapshotLoader(_database, TimeProvider.System), NullLogger<StoreSnapshotService>.Instance);
        _shoppers = new PreviewShoppers(snapshots, _database, _settings);
        Services.AddSingleton(_shoppers);
        RenderMudProviders();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _database.DisposeAsync();
    }

    [Fact]
    public void ShopperPicker_AnotherStore_OffersNoPersonas()
    {
        var picker = Render<ShopperPicker>(p => p.Add(x => x.TestId, "shopper"));

        picker.FindAll("[data-testid=shopper-kind-Persona]").ShouldBeEmpty();
        picker.FindAll("[data-testid^=shopper-persona-]").ShouldBeEmpty();
        picker.Find("[data-testid=shopper-customer]").ShouldNotBeNull();
        _shoppers.Personas.ShouldBeEmpty();
        _shoppers.Build(new ShopperChoice.Persona("gamer"), DateTime.UtcNow).Choice.ShouldBe(ShopperChoice.NewVisitor);
    }

    [Fact]
    public async Task ShopperPicker_DemoStore_OffersThePersonas()
    {
        await _settings.MarkDemoStoreAsync(true, Xunit.TestContext.Current.CancellationToken);

        var picker = Render<ShopperPicker>(p => p.Add(x => x.TestId, "shopper"));

        picker.Find("[data-testid=shopper-kind-Persona]").ShouldNotBeNull();
        picker.FindAll("[data-testid^=shopper-persona-]").Count.ShouldBe(_shoppers.Personas.Count);
        _shoppers.Personas.ShouldNotBeEmpty();
    }
}
