using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Curation;

[Collection(SharedMerchApp.Name)]
public sealed class CurationEndpointsTests(MerchAppFixture app)
{
    private StoreSnapshot Snapshot => app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_CurationKey_ModeVersionAsETagAndTheAnonymousList()
    {
        var client = await ClientAsync("curation get", ApiKeyScopes.Curation);
        var sku = UncuratedSku();

        using var response = await client.GetAsync(new Uri($"/api/v1/lists/{sku}", UriKind.Relative), Ct);
        var list = await response.Content.ReadFromJsonAsync<CuratedListDto>(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldBe("\"0\"");
        list!.Sku.ShouldBe(sku);
        list.Mode.ShouldBe("auto");
        list.Version.ShouldBe(0);
        list.Overrides.ShouldBeEmpty();
        list.LockedSlots.ShouldBe(0);
        var served = app.Factory.Services.GetRequiredService<RecommendationService>()
            .Compose(Snapshot.ProductBySku(sku)!.Id, null, DateTime.UtcNow, list.Items.Count);
        list.Items.Select(i => i.Sku).ShouldBe(served.Slots.Select(s => s.Product.Sku));
        list.Items.ShouldAllBe(i => !i.Locked);
    }

    [Fact]
    public async Task PutOverridesLockUnlockRevert_WithIfMatch_EachSavedAuditedAsTheKeyAndUnlockRestoresTheList()
    {
        var client = await ClientAsync("curation bot", ApiKeyScopes.Curation);
        var sku = UncuratedSku();
        var before = await GetAsync(client, sku);
        var pinned = before.Items[^1].Sku;
        var excluded = before.Items[0].Sku;

        var put = await SendAsync(client, HttpMethod.Put, $"/api/v1/lists/{sku}/overrides", "\"0\"", new ReplaceOverridesRequest(
            [new OverrideDto("pin", pinned, 1, null, null, "hero item"), new OverrideDto("exclude", excluded, null, null, null, "substitute")]));
        var curated = await GetAsync(client, sku);
        var locked = await SendAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/lock", "\"1\"", new LockRequest(2));
        var unlocked = await SendAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/unlock", "\"2\"", null);
        var reverted = await SendAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/revert", "\"3\"", null);

        put.Mode.ShouldBe("curated");
        put.Overrides.Select(o => (o.Kind, o.Sku, o.Position, o.Note)).ShouldBe([("pin", pinned, (int?)1, "hero item"), ("exclude", excluded, null, "substitute")]);
        put.Items[0].Sku.ShouldBe(pinned);
        put.Items.ShouldNotContain(i => i.Sku == excluded);
        locked.Mode.ShouldBe("locked-top-n");
        locked.LockedSlots.ShouldBe(2);
        locked.Locked.Select(l => l.Sku).ShouldBe(curated.Items.Take(2).Select(i => i.Sku));
        locked.Items.Select(i => i.Locked).ShouldBe(curated.Items.Select((_, i) => i < 2));
        locked.Overrides.ShouldBe(put.Overrides);
        unlocked.Mode.ShouldBe("curated");
        unlocked.Overrides.ShouldBe(put.Overrides);
        unlocked.Items.Select(i => i.Sku).ShouldBe(curated.Items.Select(i => i.Sku));
        reverted.Mode.ShouldBe("auto");
        reverted.Overrides.ShouldBeEmpty();
        reverted.Version.ShouldBe(4);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var anchorId = Snapshot.ProductBySku(sku)!.Id;
        var audit = await db.AuditEntries.Where(a => a.AnchorProductId == anchorId).OrderBy(a => a.Id).ToListAsync(Ct);
        audit.Select(a => a.Action).ShouldBe(["ReplaceOverrides", "LockList", "UnlockList", "RevertToAuto"]);
        audit.ShouldAllBe(a => a.User == "curation bot");
    }

    [Fact]
    public async Task Get_AfterAChange_TheSameBytesAsTheChangesAnswer()
    {
        var client = await ClientAsync("curation bytes", ApiKeyScopes.Curation);
        var sku = UncuratedSku();

        using var locked = await RawAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/lock", "\"0\"", new LockRequest(2));
        var answered = await locked.Content.ReadAsStringAsync(Ct);
        var read = await client.GetStringAsync(new Uri($"/api/v1/lists/{sku}", UriKind.Relative), Ct);

        locked.StatusCode.ShouldBe(HttpStatusCode.OK, answered);
        // Kept JSON and a change's answer are written with the API's JSON options alike (escaping included).
        read.ShouldBe(answered);
    }

    [Fact]
    public async Task Lock_EmptyBody_LocksTheWholeList()
    {
        var client = await ClientAsync("curation whole", ApiKeyScopes.Curation);
        var sku = UncuratedSku();
        var before = await GetAsync(client, sku);

        var locked = await SendAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/lock", "\"0\"", null);

        locked.Mode.ShouldBe("locked");
        locked.LockedSlots.ShouldBe(before.Items.Count);
        locked.Items.Select(i => i.Sku).ShouldBe(before.Items.Select(i => i.Sku));
        locked.Items.ShouldAllBe(i => i.Locked);
    }

    [Fact]
    public async Task Change_StaleOrMissingIfMatch_412Or428AndNothingSaved()
    {
        var client = await ClientAsync("curation stale", ApiKeyScopes.Curation);
        var sku = UncuratedSku();
        await SendAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/lock", "\"0\"", new LockRequest(1));

        using var stale = await RawAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/unlock", "\"0\"", null);
        using var missing = await RawAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/unlock", null, null);

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Headers.ETag!.Tag.ShouldBe("\"1\"");
        (await stale.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail!.ShouldContain("now at version 1");
        missing.StatusCode.ShouldBe((HttpStatusCode)428);
        (await missing.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Title.ShouldBe("If-Match is required");
        (await GetAsync(client, sku)).Mode.ShouldBe("locked-top-n");
    }

    [Fact]
    public async Task Change_ListSavedByAnotherInstance_412WithItsVersionAndGetThenShowsItsState()
    {
        var client = await ClientAsync("curation behind", ApiKeyScopes.Curation);
        var sku = UncuratedSku();
        var before = await GetAsync(client, sku);
        var excluded = Snapshot.ProductBySku(before.Items[0].Sku)!.Id;
        // Another instance's save: straight into the database, without this instance's change notice.
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            db.CuratedLists.Add(new CuratedList
            {
                AnchorProductId = Snapshot.ProductBySku(sku)!.Id, Mode = ListMode.Curated, Note = "elsewhere", Version = 1,
                UpdatedAt = DateTime.UtcNow, UpdatedBy = "other instance",
                Overrides = [new CurationOverride { Kind = OverrideKind.Exclude, ProductId = excluded, Note = "out of season", CreatedBy = "other instance" }],
            });
            await db.SaveChangesAsync(Ct);
        }

        using var stale = await RawAsync(client, HttpMethod.Post, $"/api/v1/lists/{sku}/lock", "\"0\"", new LockRequest(1));
        var after = await GetAsync(client, sku);

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Headers.ETag!.Tag.ShouldBe("\"1\"");
        after.Version.ShouldBe(1);
        after.Mode.ShouldBe("curated");
        after.Note.ShouldBe("elsewhere");
        after.Overrides.Select(o => (o.Kind, o.Sku, o.Note)).ShouldBe([("exclude", before.Items[0].Sku, "out of season")]);
        after.Items.ShouldNotContain(i => i.Sku == before.Items[0].Sku);
    }

    [Fact]
    public async Task Put_InvalidOverride_400NamingTheEntryAndNothingSaved()
    {
        var client = await ClientAsync("curation invalid", ApiKeyScopes.Curation);
        var sku = UncuratedSku();
        var item = (await GetAsync(client, sku)).Items[0].Sku;

        using var beyond = await RawAsync(client, HttpMethod.Put, $"/api/v1/lists/{sku}/overrides", "\"0\"",
            new ReplaceOverridesRequest([new OverrideDto("pin", item, 99, null, null, null)]));
        using var unknown = await RawAsync(client, HttpMethod.Put, $"/api/v1/lists/{sku}/overrides", "\"0\"",
            new ReplaceOverridesRequest([new OverrideDto("exclude", item, null, null, null, "why"), new OverrideDto("add", "NO-SUCH", null, null, null, null)]));

        beyond.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await beyond.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail!.ShouldStartWith("overrides[0]: This list has");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail.ShouldBe("overrides[1].sku: there is no product with SKU 'NO-SUCH'.");
        (await GetAsync(client, sku)).Version.ShouldBe(0);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/lock")]
    public async Task Curation_StorefrontKey_403ProblemDetails(string method, string suffix)
    {
        var storefront = await StorefrontClients.NewKeyClientAsync(app.Factory, $"storefront only {method}");

        using var response = await RawAsync(storefront, new HttpMethod(method), $"/api/v1/lists/{UncuratedSku()}{suffix}", "\"0\"", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail!.ShouldContain("storefront");
    }

    [Fact]
    public async Task FrequentlyBoughtWith_CurationOnlyKey_403AndStorefrontKeyStill200()
    {
        var curation = await ClientAsync("curation no storefront", ApiKeyScopes.Curation);
        var both = await ClientAsync("storefront and curation", ApiKeyScopes.Storefront, ApiKeyScopes.Curation);
        var url = new Uri($"/api/v1/products/{UncuratedSku()}/frequently-bought-with", UriKind.Relative);

        using var refused = await curation.GetAsync(url, Ct);
        using var served = await both.GetAsync(url, Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApiDocument_IntegersAreIntegersOnly()
    {
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var (schema, property) in new[] { ("FrequentlyBoughtWithDto", "lockedSlots"), ("SlotDto", "slot"), ("CuratedListDto", "version"), ("LockRequest", "topN") })
        {
            var type = schemas.GetProperty(schema).GetProperty("properties").GetProperty(property).GetProperty("type");
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
            types.ShouldContain("integer", $"{schema}.{property}");
            types.ShouldNotContain("string", $"{schema}.{property}");
        }
    }

    private async Task<HttpClient> ClientAsync(string name, params string[] scopes)
    {
        var (created, error) = await app.Factory.Services.GetRequiredService<ApiKeyService>().CreateAsync(name, "tests", scopes, Ct);
        error.ShouldBeNull();
        return StorefrontClients.WithKey(app.Factory, created!.Key);
    }

    /// <summary>A product with at least four mined items whose list nobody has touched (each test takes a fresh one).</summary>
    private string UncuratedSku()
    {
        var id = Snapshot.Mined.Where(m => m.Value.Count >= 4 && !Snapshot.Curation.ContainsKey(m.Key)).Select(m => m.Key).Order().First(Taken.Add);
        return Snapshot.Product(id)!.Sku;
    }

    private static readonly HashSet<int> Taken = [];

    private static async Task<CuratedListDto> GetAsync(HttpClient client, string sku) =>
        (await client.GetFromJsonAsync<CuratedListDto>(new Uri($"/api/v1/lists/{sku}", UriKind.Relative), Ct))!;

    private static async Task<CuratedListDto> SendAsync(HttpClient client, HttpMethod method, string path, string? ifMatch, object? body)
    {
        using var response = await RawAsync(client, method, path, ifMatch, body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<CuratedListDto>(Ct))!;
    }

    private static Task<HttpResponseMessage> RawAsync(HttpClient client, HttpMethod method, string path, string? ifMatch, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }
        return client.SendAsync(request, Ct);
    }
}
