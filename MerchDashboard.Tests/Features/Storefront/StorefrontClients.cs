using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>API keys made through the app's own service, and clients that send them.</summary>
public static class StorefrontClients
{
    public static async Task<CreatedApiKey> CreateKeyAsync(MerchAppFactory factory, string name)
    {
        var (created, error) = await factory.Services.GetRequiredService<ApiKeyService>().CreateAsync(name, "tests");
        error.ShouldBeNull();
        return created!;
    }

    public static HttpClient WithKey(MerchAppFactory factory, string key)
    {
        var client = MerchAppFixture.NewClient(factory);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    public static async Task<HttpClient> NewKeyClientAsync(MerchAppFactory factory, string name) =>
        WithKey(factory, (await CreateKeyAsync(factory, name)).Key);
}
