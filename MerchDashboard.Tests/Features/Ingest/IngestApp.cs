using System.Net.Http.Json;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Ingest;

/// <summary>
/// The app on the test host over its own demo store (these tests change the catalog and add orders), with the
/// mining policy out of reach so that only what a test does happens; an ingest client and a storefront client.
/// </summary>
public sealed class IngestApp : IAsyncLifetime
{
    public MerchAppFactory Factory { get; } = new()
    {
        Settings =
        {
            ["StorefrontApi:PermitLimit"] = "100000",
            ["Pipeline:MineAfterOrders"] = "10000000",
            ["Pipeline:MineEveryMinutes"] = "10080",
        },
    };

    public HttpClient Ingest { get; private set; } = null!;
    public HttpClient Storefront { get; private set; } = null!;

    public StoreSnapshot Snapshot => Factory.Services.GetRequiredService<StoreSnapshotService>().Current;

    public async ValueTask InitializeAsync()
    {
        var keys = Factory.Services.GetRequiredService<ApiKeyService>();
        var (ingest, error) = await keys.CreateAsync("shop system", "tests", [ApiKeyScopes.Ingest]);
        error.ShouldBeNull();
        Ingest = StorefrontClients.WithKey(Factory, ingest!.Key);
        Storefront = await StorefrontClients.NewKeyClientAsync(Factory, "storefront");
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    public static async Task<IReadOnlyList<string>> ServedSkusAsync(HttpClient storefront, string sku)
    {
        var body = await storefront.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/v1/products/{sku}/frequently-bought-with", UriKind.Relative));
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()!)];
    }
}
