using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MerchDashboard.Features.Preview;

public sealed partial class CartPreviewPage : IDisposable
{
    [Inject] private PreviewShoppers Shoppers { get; set; } = default!;
    [Inject] private StoreSnapshotService Snapshots { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private readonly List<ProductInfo> _cart = [];
    private MudAutocomplete<ProductInfo>? _adder;
    private ShopperChoice _choice = new ShopperChoice.Persona("gamer");
    private PreviewShopper? _shopper;
    private CartComposition? _anonymous;
    private CartComposition? _personal;
    private IReadOnlySet<int> _differing = new HashSet<int>();
    private IReadOnlyDictionary<int, string> _cartNames = new Dictionary<int, string>();
    private IReadOnlyList<PastOrder> _pastOrders = [];

    /// <summary>Noon UTC today, as the product page preview defaults to.</summary>
    private DateTime AsOf => Time.GetUtcNow().UtcDateTime.Date.AddHours(12);

    protected override void OnInitialized()
    {
        Snapshots.Replaced += OnSnapshotReplaced;
        Refresh();
    }

    private void Refresh()
    {
        var snapshot = Snapshots.Current;
        _shopper = Shoppers.Build(_choice, AsOf);
        _pastOrders = _choice is ShopperChoice.Customer customer ? CartPreview.PastOrders(snapshot, customer.ExternalId, AsOf) : [];
        _cartNames = _cart.ToDictionary(p => p.Id, p => p.Name);
        _anonymous = CartPreview.Compose(snapshot, _cart, shopper: null, AsOf);
        _personal = CartPreview.Compose(snapshot, _cart, _shopper, AsOf);
        _differing = CartPreview.DifferingPositions(_anonymous, _personal);
    }

    private Task<IEnumerable<ProductInfo>> SearchProductsAsync(string text, CancellationToken ct) =>
        Task.FromResult<IEnumerable<ProductInfo>>(Shoppers.SearchProducts(text));

    private async Task AddAsync(ProductInfo? product)
    {
        if (product is not null && _cart.All(p => p.Id != product.Id))
        {
            _cart.Add(product);
            Refresh();
        }
        if (_adder is not null)
        {
            await _adder.ClearAsync();
        }
    }

    private void Remove(ProductInfo product)
    {
        _cart.RemoveAll(p => p.Id == product.Id);
        Refresh();
    }

    private void Clear()
    {
        _cart.Clear();
        Refresh();
    }

    private void UseOrder(PastOrder order)
    {
        _cart.Clear();
        _cart.AddRange(order.Products);
        Refresh();
    }

    private void ChooseShopper(ShopperChoice choice)
    {
        _choice = choice;
        Refresh();
    }

    private void OnSnapshotReplaced(StoreSnapshot snapshot) => _ = InvokeAsync(() =>
    {
        var current = snapshot.Catalog.Products;
        _cart.RemoveAll(p => !current.ContainsKey(p.Id));
        for (var i = 0; i < _cart.Count; i++)
        {
            _cart[i] = current[_cart[i].Id];
        }
        Refresh();
        StateHasChanged();
    });

    public void Dispose() => Snapshots.Replaced -= OnSnapshotReplaced;
}
