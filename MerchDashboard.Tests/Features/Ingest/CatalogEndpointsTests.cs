using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MerchDashboard.Data;
using MerchDashboard.Features.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Ingest;

/// <summary>Issue 15 item 3: the catalog API (ingest scope), all or nothing, served within 2 s without re-mining.</summary>
public sealed class CatalogEndpointsTests(IngestApp app) : IClassFixture<IngestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Uri Products = new("/api/v1/catalog/products", UriKind.Relative);

    private async Task<MerchDashboard.Data.Entities.Product> ProductAsync(string sku)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.Products.AsNoTracking().Include(p => p.Category).SingleAsync(p => p.Sku == sku, Ct);
    }

    private static ProductUpsertDto Dto(MerchDashboard.Data.Entities.Product p) =>
        new(p.Sku, p.Name, p.Brand, p.Category!.Code, p.Price, p.Stock, p.IsActive, p.Tags);

    [Fact]
    public async Task CatalogCalls_StorefrontKey_Forbidden()
    {
        var sku = app.Snapshot.Catalog.Products.Values.First().Sku;

        using var put = await app.Storefront.PutAsJsonAsync(Products, new ProductUpsertRequest([]), Ct);
        using var patch = await app.Storefront.PatchAsJsonAsync(new Uri($"/api/v1/catalog/products/{sku}", UriKind.Relative), new ProductPatchRequest(0, null, null), Ct);
        using var anonymous = await app.Factory.CreateClient().PutAsJsonAsync(Products, new ProductUpsertRequest([]), Ct);

        put.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        patch.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ProductAsync(sku)).Stock.ShouldNotBe(0);
    }

    [Fact]
    public async Task Put_NewChangedAndSameProducts_CountsEachAndServesTheNewOne()
    {
        var skus = app.Snapshot.Catalog.Products.Values.OrderBy(p => p.Id).Select(p => p.Sku).Take(2).ToList();
        var same = await ProductAsync(skus[0]);
        var changed = await ProductAsync(skus[1]);
        ProductUpsertDto[] batch =
        [
            Dto(same),
            Dto(changed) with { Price = changed.Price + 1.25m, Tags = ["api-tag"] },
            new("API-NEW-1", "Made by the PIM", "Acme", same.Category!.Code, 12.5m, 3, true, ["fresh"]),
        ];

        using var response = await app.Ingest.PutAsJsonAsync(Products, new ProductUpsertRequest(batch), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await response.Content.ReadFromJsonAsync<ProductUpsertResult>(Ct)).ShouldBe(new ProductUpsertResult(Created: 1, Updated: 1, Unchanged: 1));
        var updated = await ProductAsync(skus[1]);
        (updated.Price, updated.Tags.Single()).ShouldBe((changed.Price + 1.25m, "api-tag"));
        await WaitAsync(() => app.Snapshot.ProductBySku("API-NEW-1")?.Name == "Made by the PIM");
        app.Snapshot.ProductBySku(skus[1])!.Price.ShouldBe(changed.Price + 1.25m);
    }

    [Fact]
    public async Task Put_TwoBadItems_NothingWrittenEachErrorUnderItsItem()
    {
        var category = app.Snapshot.Catalog.Products.Values.First();
        var code = (await ProductAsync(category.Sku)).Category!.Code;
        ProductUpsertDto[] batch =
        [
            new("API-OK-1", "Fine", "", code, 1m, 1, true, []),
            new("API-BAD-1", "Negative", "", code, -1m, 1, true, []),
            new("API-BAD-2", "Lost", "", "no-such-category", 1m, 1, true, []),
        ];

        using var response = await app.Ingest.PutAsJsonAsync(Products, new ProductUpsertRequest(batch), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!;
        problem.Errors.Keys.ShouldBe(["products[1].price", "products[2].category"], ignoreOrder: true);
        problem.Errors["products[2].category"].ShouldHaveSingleItem().ShouldContain("'no-such-category'");
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        (await db.Products.CountAsync(p => p.Sku.StartsWith("API-OK") || p.Sku.StartsWith("API-BAD"), Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Put_AThousandProducts_AllCreated_AThousandAndOneRefused()
    {
        var code = (await ProductAsync(app.Snapshot.Catalog.Products.Values.First().Sku)).Category!.Code;
        ProductUpsertDto Item(int i) => new($"BULK-{i:D4}", $"Bulk item {i}", "Bulk", code, 1m + (i % 7), i % 5, true, []);

        using var tooMany = await app.Ingest.PutAsJsonAsync(Products, new ProductUpsertRequest([.. Enumerable.Range(0, 1_001).Select(Item)]), Ct);
        using var thousand = await app.Ingest.PutAsJsonAsync(Products, new ProductUpsertRequest([.. Enumerable.Range(0, 1_000).Select(Item)]), Ct);

        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await tooMany.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!;
        problem.Errors["products"].ShouldHaveSingleItem().ShouldContain("at most 1,000 (Ingest:MaxProductsPerCall)");
        thousand.StatusCode.ShouldBe(HttpStatusCode.OK, await thousand.Content.ReadAsStringAsync(Ct));
        (await thousand.Content.ReadFromJsonAsync<ProductUpsertResult>(Ct)).ShouldBe(new ProductUpsertResult(1_000, 0, 0));
        await WaitAsync(() => app.Snapshot.ProductBySku("BULK-0999") is not null);
    }

    [Fact]
    public async Task Patch_ServedItemOutOfStock_LeavesTheListWithinTwoSecondsWithoutMining()
    {
        var anchor = app.Snapshot.Mined.Where(m => m.Value.Count >= 3 && !app.Snapshot.Curation.ContainsKey(m.Key)).Select(m => app.Snapshot.Product(m.Key)!).First(p => p.IsAvailable);
        var served = await IngestApp.ServedSkusAsync(app.Storefront, anchor.Sku);
        served.ShouldNotBeEmpty();
        var item = served[0];
        var run = app.Snapshot.MiningRun!.Id;

        using var response = await app.Ingest.PatchAsJsonAsync(new Uri($"/api/v1/catalog/products/{item}", UriKind.Relative), new ProductPatchRequest(0, null, null), Ct);
        var clock = Stopwatch.StartNew();
        var now = served;
        while (now.Contains(item) && clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50, Ct);
            now = await IngestApp.ServedSkusAsync(app.Storefront, anchor.Sku);
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<CatalogProductDto>(Ct))!.Stock.ShouldBe(0);
        now.ShouldNotContain(item, $"still served after {clock.Elapsed.TotalSeconds:N1} s");
        app.Snapshot.MiningRun!.Id.ShouldBe(run, "no mining run was needed");
        using var back = await app.Ingest.PatchAsJsonAsync(new Uri($"/api/v1/catalog/products/{item}", UriKind.Relative), new ProductPatchRequest(50, null, true), Ct);
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
        await WaitAsync(() => app.Snapshot.ProductBySku(item)!.Stock == 50);
    }

    [Fact]
    public async Task Patch_UnknownSkuOrBadValues_404Or400AndNothingChanged()
    {
        var sku = app.Snapshot.Catalog.Products.Values.OrderBy(p => p.Id).Skip(5).First().Sku;
        var before = await ProductAsync(sku);

        using var unknown = await app.Ingest.PatchAsJsonAsync(new Uri("/api/v1/catalog/products/NO-SUCH-SKU", UriKind.Relative), new ProductPatchRequest(1, null, null), Ct);
        using var invalid = await app.Ingest.PatchAsJsonAsync(new Uri($"/api/v1/catalog/products/{sku}", UriKind.Relative), new ProductPatchRequest(-1, -2m, false), Ct);
        using var empty = await app.Ingest.PatchAsJsonAsync(new Uri($"/api/v1/catalog/products/{sku}", UriKind.Relative), new ProductPatchRequest(null, null, null), Ct);

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail.ShouldBe("No product has SKU 'NO-SUCH-SKU'.");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(Ct))!.Errors.Keys.ShouldBe(["stock", "price"], ignoreOrder: true);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var after = await ProductAsync(sku);
        (after.Stock, after.Price, after.IsActive).ShouldBe((before.Stock, before.Price, before.IsActive));
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(25);
        }
        condition().ShouldBeTrue($"not within {clock.Elapsed.TotalSeconds:N1} s");
    }
}
