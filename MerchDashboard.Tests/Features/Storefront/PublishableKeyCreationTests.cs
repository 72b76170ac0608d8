using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;

namespace MerchDashboard.Tests.Features.Storefront;

public sealed class PublishableKeyCreationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_PublishableWithOrigins_StoredNormalizedAndListed()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var keys = new ApiKeyService(database, TimeProvider.System);

        var (created, error) = await keys.CreateAsync("web", "tests", [ApiKeyScopes.Publishable], ["HTTPS://Shop.Example:443/", "https://shop.example", "http://localhost:8080"], Ct);

        error.ShouldBeNull();
        created!.Info.AllowedOrigins.ShouldBe(["https://shop.example", "http://localhost:8080"]);
        (await keys.ListAsync(Ct)).Single().AllowedOrigins.ShouldBe(["https://shop.example", "http://localhost:8080"]);
        (await keys.PublishableOriginsAsync(Ct)).ShouldBe(["https://shop.example", "http://localhost:8080"], ignoreOrder: true);
        await keys.RevokeAsync("web", Ct);
        (await keys.PublishableOriginsAsync(Ct)).ShouldBeEmpty("a revoked key's origins are no longer answered in preflights");
    }

    public static TheoryData<string[], string[], string> Refused() => new()
    {
        { ["publishable"], [], "needs the origins" },
        { ["publishable", "storefront"], ["https://shop.example"], "holds no other scope" },
        { ["storefront"], ["https://shop.example"], "only to publishable keys" },
        { ["publishable"], ["https://shop.example/products"], "more than an origin" },
        { ["publishable"], ["https://shop.example", "shop.example"], "Origin 2" },
        { ["publishable"], ["ftp://shop.example"], "not a web origin" },
        { ["publishable"], [.. Enumerable.Range(1, 11).Select(i => $"https://shop{i}.example")], "at most 10" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Create_BadScopesOrOrigins_RefusedWithReasonAndNothingStored(string[] scopes, string[] origins, string reason)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var keys = new ApiKeyService(database, TimeProvider.System);

        var (created, error) = await keys.CreateAsync("web", "tests", scopes, origins, Ct);

        created.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
        (await keys.ListAsync(Ct)).ShouldBeEmpty();
    }
}
