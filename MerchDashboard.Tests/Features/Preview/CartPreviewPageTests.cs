using Bunit;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Features.Preview;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MerchDashboard.Tests.Features.Preview;

[Collection(DemoStoreGroup.Name)]
public class CartPreviewPageTests : MudBunitContext
{
    private readonly PreviewServices _store;

    public CartPreviewPageTests(DemoStoreFixture demo)
    {
        _store = new PreviewServices(demo);
        Services.AddSingleton(demo.Snapshots);
        Services.AddSingleton(_store.Shoppers);
        Services.AddSingleton<TimeProvider>(new FixedTime(PreviewServices.AsOf));
        RenderMudProviders();
    }

    private ProductInfo Product(string sku) => _store.Store.Snapshots.Current.ProductBySku(sku)!;

    private static async Task AddAsync(IRenderedComponent<CartPreviewPage> page, ProductInfo product)
    {
        var adder = page.FindComponents<MudAutocomplete<ProductInfo>>()[0];
        await page.InvokeAsync(() => adder.Instance.ValueChanged.InvokeAsync(product));
    }

    private static string[] Skus(IRenderedComponent<CartPreviewPage> page, string side) =>
        [.. page.FindAll($"[data-testid={side}] [data-testid^=cart-slot-][data-product]").Select(e => e.GetAttribute("data-product")!)];

    [Fact]
    public async Task CartPreview_AddCarThenPhoneCase_BatteriesStayFirstAndThePhoneCaseGetsComplements()
    {
        var page = Render<CartPreviewPage>();
        page.Find("[data-testid=cart-empty]").TextContent.ShouldContain("empty");
        page.FindAll("[data-testid=cart-anonymous] [data-testid=cart-list-empty]").ShouldHaveSingleItem();

        await AddAsync(page, Product("RCC-0029"));

        var carOnly = Skus(page, "cart-anonymous");
        carOnly.Take(2).ShouldBe(["BAT-0014", "BAT-0007"]);
        page.Find("[data-testid=cart-anonymous] [data-testid=cart-slot-1]").TextContent.ShouldContain("Locked");
        page.FindAll("[data-testid=cart-item]").Select(e => e.GetAttribute("data-product")).ShouldBe(["RCC-0029"]);

        await AddAsync(page, Product("PCS-0001"));

        var both = Skus(page, "cart-anonymous");
        both.ShouldNotBe(carOnly);
        both.Take(2).ShouldBe(["BAT-0014", "BAT-0007"]);
        page.FindAll("[data-testid=cart-anonymous] [data-testid=cart-slot-for]").ShouldContain(e => e.TextContent.Contains(Product("PCS-0001").Name));
        Skus(page, "cart-shopper-list").Take(2).ShouldBe(["BAT-0014", "BAT-0007"]);
    }

    [Fact]
    public async Task CartPreview_ChooseCustomerAndPastOrder_TheCartBecomesThatOrder()
    {
        var snapshot = _store.Store.Snapshots.Current;
        var customer = snapshot.CustomerIdsByExternalId.OrderBy(c => c.Key, StringComparer.Ordinal).First(c => snapshot.PurchasesByCustomer.TryGetValue(c.Value, out var p)
            && p.Where(l => l.At <= PreviewServices.AsOf).GroupBy(l => l.At).Any(g => g.Select(l => l.ProductId).Distinct().Count() >= 2)).Key;
        var page = Render<CartPreviewPage>();
        var picker = page.FindComponent<ShopperPicker>();

        await page.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new ShopperChoice.Customer(customer, "Test customer")));

        page.Find("[data-testid=cart-shopper-summary]").TextContent.ShouldContain(customer);
        var orders = CartPreview.PastOrders(snapshot, customer, PreviewServices.AsOf);
        page.FindAll("[data-testid=past-order]").Count.ShouldBe(orders.Count);
        page.FindAll("[data-testid=past-order]")[0].Click();

        page.FindAll("[data-testid=cart-item]").Select(e => e.GetAttribute("data-product")).ShouldBe(orders[0].Products.Select(p => p.Sku));
        var expected = CartPreview.Compose(snapshot, orders[0].Products, shopper: null, PreviewServices.AsOf);
        Skus(page, "cart-anonymous").ShouldBe(expected.Slots.Select(s => s.Product.Sku));
    }

    [Fact]
    public async Task CartPreview_EmptyTheCart_EmptiesTheLists()
    {
        var page = Render<CartPreviewPage>();
        await AddAsync(page, Product("LAP-0017"));
        Skus(page, "cart-anonymous").ShouldNotBeEmpty();

        page.Find("[data-testid=cart-clear]").Click();

        page.FindAll("[data-testid=cart-item]").ShouldBeEmpty();
        Skus(page, "cart-anonymous").ShouldBeEmpty();
    }

    private sealed class FixedTime(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
    }
}
