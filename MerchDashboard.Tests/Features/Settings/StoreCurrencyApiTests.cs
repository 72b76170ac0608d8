using System.Net.Http.Json;
using System.Text.Json;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using MerchDashboard.Tests.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Settings;

/// <summary>The request culture end to end: the storefront API names the store currency the admin saved.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class StoreCurrencyApiTests(MerchAppFixture app)
{
    [Fact]
    public async Task Recommendations_SavedStoreCurrency_NamedOnTheResponse()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = app.Factory.Services.GetRequiredService<StoreSettings>();
        var snapshot = app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current;
        var customer = snapshot.CustomerIdsByExternalId.Keys.Order(StringComparer.Ordinal).First();
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "currency check");
        var before = settings.Locale;
        try
        {
            (await Currency(client, customer, ct)).ShouldBe(before.Currency);

            (await settings.SaveLocaleAsync(new StoreLocale("GBP", "en-GB"), "test", ct)).ShouldBeEmpty();

            (await Currency(client, customer, ct)).ShouldBe("GBP");
        }
        finally
        {
            await settings.SaveLocaleAsync(before, "test", CancellationToken.None);
        }
    }

    private static async Task<string?> Currency(HttpClient client, string customer, CancellationToken ct)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customer}/recommendations?limit=3", ct);
        return body.GetProperty("currency").GetString();
    }
}
