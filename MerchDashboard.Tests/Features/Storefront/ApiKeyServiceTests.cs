using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

[Collection(SharedMerchApp.Name)]
public sealed class ApiKeyServiceTests(MerchAppFixture app)
{
    private const string SomeApiPath = "/api/v1/customers/nobody/recommendations";
    private ApiKeyService Keys => app.Factory.Services.GetRequiredService<ApiKeyService>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lifecycle_CreatedUsedRevoked_ServesThenRefuses()
    {
        var created = await StorefrontClients.CreateKeyAsync(app.Factory, "lifecycle shop");
        var client = StorefrontClients.WithKey(app.Factory, created.Key);

        (await client.GetAsync(SomeApiPath, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Keys.RevokeAsync("lifecycle shop", Ct)).ShouldBeNull();
        using var refused = await client.GetAsync(SomeApiPath, Ct);

        await ShouldBeUnauthorizedProblemAsync(refused);
        (await Keys.RevokeAsync("lifecycle shop", Ct)).ShouldNotBeNull("a second revoke is refused");
        (await Keys.ListAsync(Ct)).Single(k => k.Name == "lifecycle shop").IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task Create_NewKey_IsShownOnceAndStoredAsItsSha256Only()
    {
        var created = await StorefrontClients.CreateKeyAsync(app.Factory, "hash shop");
        var secret = created.Key[created.Info.Prefix.Length..];

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var row = await db.ApiKeys.SingleAsync(k => k.Name == "hash shop", Ct);
        var stored = JsonSerializer.Serialize(row);
        var listed = JsonSerializer.Serialize(await Keys.ListAsync(Ct));

        row.Hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key))));
        created.Key.ShouldStartWith(created.Info.Prefix);
        created.Key.Length.ShouldBe(ApiKeyService.KeyPrefix.Length + 43, "256 random bits in base64url follow the prefix");
        stored.ShouldNotContain(secret);
        stored.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(created.Key)));
        listed.ShouldNotContain(secret, customMessage: "listing keys never shows them again");
    }

    [Fact]
    public async Task Create_DuplicateOrBlankName_IsRefused()
    {
        await StorefrontClients.CreateKeyAsync(app.Factory, "twice");

        (await Keys.CreateAsync("twice", "tests", Ct)).Error.ShouldNotBeNull();
        (await Keys.CreateAsync("  ", "tests", Ct)).Error.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mdk_not-a-key-at-all")]
    [InlineData("wrong-prefix")]
    public async Task Get_MissingOrUnknownKey_401ProblemDetails(string? key)
    {
        var client = key is null ? app.Anonymous() : StorefrontClients.WithKey(app.Factory, key);

        using var response = await client.GetAsync(SomeApiPath, Ct);

        await ShouldBeUnauthorizedProblemAsync(response);
    }

    [Fact]
    public async Task Get_SignedInWithCookieButNoKey_401()
    {
        var client = await app.SignedInAsync("admin");

        using var response = await client.GetAsync(SomeApiPath, Ct);

        await ShouldBeUnauthorizedProblemAsync(response);
    }

    private static async Task ShouldBeUnauthorizedProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        problem!.Status.ShouldBe(401);
        problem.Detail!.ShouldContain(ApiKeyAuthenticationHandler.HeaderName);
    }

    [Fact]
    public async Task Create_WithScopes_StoredListedAndUnknownScopeRefused()
    {
        var (created, error) = await Keys.CreateAsync("scoped shop", "tests", ["Curation", " storefront "], Ct);
        var (_, unknown) = await Keys.CreateAsync("bad scope", "tests", ["storefront", "admin"], Ct);
        var (plain, _) = await Keys.CreateAsync("plain shop", "tests", Ct);

        error.ShouldBeNull();
        created!.Info.Scopes.ShouldBe([ApiKeyScopes.Storefront, ApiKeyScopes.Curation]);
        (await Keys.ListAsync(Ct)).Single(k => k.Name == "scoped shop").Scopes.ShouldBe([ApiKeyScopes.Storefront, ApiKeyScopes.Curation]);
        unknown.ShouldBe("Unknown scope 'admin'; use one or more of storefront, ingest, curation, publishable.");
        plain!.Info.Scopes.ShouldBe([ApiKeyScopes.Storefront]);
        (await Keys.ListAsync(Ct)).ShouldNotContain(k => k.Name == "bad scope");
    }
}
