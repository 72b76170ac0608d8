using Bunit;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Store;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Settings;

public sealed class StoreSettingsPageTests : MudBunitContext, IAsyncLifetime
{
    private SqliteTestDatabase _database = default!;
    private StoreSettings _settings = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        _settings = new StoreSettings(_database, Options.Create(new StoreOptions()), TimeProvider.System);
        await _settings.LoadAsync(Xunit.TestContext.Current.CancellationToken);
        Services.AddSingleton(_settings);
        this.AddAuthorization().SetAuthorized("admin").SetPolicies(Policies.Administer);
        RenderMudProviders();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Save_Pounds_ShowsTheExampleAndStoresTheLocale()
    {
        var page = Render<StoreSettingsPage>();
        page.Find("[data-testid=store-locale-origin]").TextContent.ShouldContain("From the configuration (USD, en-US)");

        var inputs = page.FindAll("input");
        inputs[0].Input("GBP");
        page.FindAll("input")[1].Input("en-GB");

        page.Find("[data-testid=store-locale-example]").TextContent.ShouldBe("Amounts will read £1,234.50 on 30/11/2026.");
        await page.Find("[data-testid=store-locale-save]").ClickAsync(new());

        _settings.Locale.ShouldBe(new StoreLocale("GBP", "en-GB"));
        await using var db = _database.CreateDbContext();
        (await db.AppSettings.SingleAsync(s => s.Key == StoreSettings.LocaleKey, Xunit.TestContext.Current.CancellationToken)).UpdatedBy.ShouldBe("admin");
    }

    [Fact]
    public async Task Save_UnknownCurrency_SaysWhyAndSavesNothing()
    {
        var page = Render<StoreSettingsPage>();

        page.FindAll("input")[0].Input("PND");
        page.FindAll("[data-testid=store-locale-example]").ShouldBeEmpty();
        await page.Find("[data-testid=store-locale-save]").ClickAsync(new());

        page.Find("[data-testid=store-locale-error]").TextContent.ShouldContain("'PND' is not an ISO 4217 currency code");
        _settings.LocaleSaved.ShouldBeFalse();
        _settings.Locale.ShouldBe(StoreLocale.Default);
    }
}
