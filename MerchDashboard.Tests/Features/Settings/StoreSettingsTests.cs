using MerchDashboard.Features.Store;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Settings;

public class StoreSettingsTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private StoreSettings Create(string currency = "USD", string culture = "en-US") =>
        new(_database, Options.Create(new StoreOptions { Currency = currency, Culture = culture }), TimeProvider.System);

    [Fact]
    public async Task LoadAsync_NothingSaved_UsesTheConfiguration()
    {
        var settings = Create("EUR", "de-DE");

        await settings.LoadAsync(TestContext.Current.CancellationToken);

        settings.Locale.ShouldBe(new StoreLocale("EUR", "de-DE"));
        settings.LocaleSaved.ShouldBeFalse();
        settings.Culture.CurrencyCode.ShouldBe("EUR");
        settings.IsDemoStore.ShouldBeFalse();
    }

    [Fact]
    public async Task SaveLocaleAsync_SavedLocale_WinsOverTheConfigurationAfterARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        (await Create().SaveLocaleAsync(new StoreLocale(" gbp ", "en-GB"), "admin", ct)).ShouldBeEmpty();

        var restarted = Create("USD", "en-US");
        await restarted.LoadAsync(ct);

        restarted.Locale.ShouldBe(new StoreLocale("GBP", "en-GB"));
        restarted.LocaleSaved.ShouldBeTrue();
        12.5m.ToString("C2", restarted.Culture).ShouldBe("£12.50");
    }

    [Fact]
    public async Task SaveLocaleAsync_UnknownCurrency_IsRefusedAndNothingChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = Create();
        await settings.LoadAsync(ct);

        var reasons = await settings.SaveLocaleAsync(new StoreLocale("ZZZ", "en-GB"), "admin", ct);

        reasons.ShouldHaveSingleItem().ShouldContain("'ZZZ'");
        settings.Locale.ShouldBe(StoreLocale.Default);
        var restarted = Create();
        await restarted.LoadAsync(ct);
        restarted.LocaleSaved.ShouldBeFalse();
    }

    [Fact]
    public async Task MarkDemoStoreAsync_Flag_SurvivesARestartAndCanBeCleared()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = Create();

        await settings.MarkDemoStoreAsync(true, ct);
        var restarted = Create();
        await restarted.LoadAsync(ct);
        restarted.IsDemoStore.ShouldBeTrue();
        settings.IsDemoStore.ShouldBeTrue();

        await settings.MarkDemoStoreAsync(false, ct);
        settings.IsDemoStore.ShouldBeFalse();
    }
}
