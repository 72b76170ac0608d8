using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.DemoShop;

/// <summary>What the demo shop's product page shows.</summary>
public sealed record DemoShopPageModel(
    ProductInfo Product, string CategoryName, string? DepartmentName, IReadOnlyList<ProductInfo> MoreInCategory,
    DemoShopKeyInfo Key, string ApiBase, bool OriginAllowed, int ListLength, EventsReceived Events);

public sealed record ReceivedEvent(string Type, string Sku, int Slot, DateTime At);

/// <summary>The events the demo shop's key has delivered: the count and the latest few.</summary>
public sealed record EventsReceived(int Count, IReadOnlyList<ReceivedEvent> Latest);

/// <summary>
/// <c>/demo-shop/{sku}</c>: a product page of the demo store that embeds the storefront widget with the app's own
/// publishable key, open to anyone while the demo store is loaded (404 otherwise), with the events that key delivered.
/// </summary>
public static class DemoShopEndpoints
{
    public static IServiceCollection AddDemoShop(this IServiceCollection services)
    {
        services.AddOptions<DemoShopOptions>().BindConfiguration(DemoShopOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DemoShopKey>();
        return services;
    }

    public static WebApplication MapDemoShop(this WebApplication app)
    {
        var shop = app.MapGroup("/demo-shop").AllowAnonymous().ExcludeFromDescription();
        shop.MapGet("", Landing);
        shop.MapGet("/events-received", Received);
        shop.MapGet("/images/{sku}.svg", (string sku, StoreSettings settings, StoreSnapshotService snapshots) =>
            settings.IsDemoStore && snapshots.Current.ProductBySku(sku) is { } product
                ? Results.Text(DemoProductImage.Svg(product), "image/svg+xml")
                : Results.NotFound());
        shop.MapGet("/{sku}", ProductPage);
        return app;
    }

    private static Results<RedirectHttpResult, NotFound> Landing(StoreSettings settings, StoreSnapshotService snapshots)
    {
        var catalog = snapshots.Current.Catalog;
        var first = catalog.StoreBestSellers.Select(id => catalog.Products[id]).FirstOrDefault(p => p.IsAvailable);
        return settings.IsDemoStore && first is not null ? TypedResults.Redirect($"/demo-shop/{Uri.EscapeDataString(first.Sku)}") : TypedResults.NotFound();
    }

    private static async Task<Results<RazorComponentResult<DemoShopPage>, NotFound>> ProductPage(
        string sku, HttpContext http, StoreSettings settings, StoreSnapshotService snapshots, DemoShopKey demoKey,
        IDbContextFactory<AppDbContext> dbFactory, IOptions<DemoShopOptions> options, CancellationToken ct)
    {
        var snapshot = snapshots.Current;
        if (!settings.IsDemoStore || snapshot.ProductBySku(sku) is not { } product)
        {
            return TypedResults.NotFound();
        }
        var origin = $"{http.Request.Scheme}://{http.Request.Host}".ToLowerInvariant();
        var key = await demoKey.GetAsync(origin, ct);
        var catalog = snapshot.Catalog;
        var more = catalog.BestSellers.GetValueOrDefault(product.CategoryId, []).Select(id => catalog.Products[id])
            .Where(p => p.IsAvailable && p.Id != product.Id).Take(4).ToList();
        var model = new DemoShopPageModel(product, catalog.CategoryName(product.CategoryId),
            product.DepartmentId is { } department ? catalog.CategoryName(department) : null, more, key, origin,
            key.Origins.Contains(origin), options.Value.ListLength, await ReceivedAsync(dbFactory, key.Id, options.Value.LatestEventsShown, ct));
        return new RazorComponentResult<DemoShopPage>(new { Model = model });
    }

    private static async Task<Results<Ok<EventsReceived>, NotFound>> Received(
        StoreSettings settings, DemoShopKey demoKey, HttpContext http, IDbContextFactory<AppDbContext> dbFactory, IOptions<DemoShopOptions> options, CancellationToken ct)
    {
        if (!settings.IsDemoStore)
        {
            return TypedResults.NotFound();
        }
        var key = await demoKey.GetAsync($"{http.Request.Scheme}://{http.Request.Host}".ToLowerInvariant(), ct);
        return TypedResults.Ok(await ReceivedAsync(dbFactory, key.Id, options.Value.LatestEventsShown, ct));
    }

    private static async Task<EventsReceived> ReceivedAsync(IDbContextFactory<AppDbContext> dbFactory, int keyId, int latest, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var events = db.StorefrontEvents.AsNoTracking().Where(e => e.ApiKeyId == keyId);
        var count = await events.CountAsync(ct);
        var rows = await events.OrderByDescending(e => e.Id).Take(latest)
            .Join(db.Products, e => e.ProductId, p => p.Id, (e, p) => new { e.Type, p.Sku, e.Slot, e.At }).ToListAsync(ct);
        return new EventsReceived(count, [.. rows.Select(r => new ReceivedEvent(TypeName(r.Type), r.Sku, r.Slot, DateTime.SpecifyKind(r.At, DateTimeKind.Utc)))]);
    }

    private static string TypeName(StorefrontEventType type) =>
        Storefront.EventEndpoints.Types.First(t => t.Value == type).Key;
}
