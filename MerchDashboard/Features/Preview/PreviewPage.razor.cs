using MerchDashboard.Engine.Catalog;
using MerchDashboard.Features.Serving;
using Microsoft.AspNetCore.Components;

namespace MerchDashboard.Features.Preview;

public sealed partial class PreviewPage : IDisposable
{
    private sealed record Side(int Index, string Title, string TestId, ShopperChoice Choice, ProductPagePreview? Preview);

    [Inject] private PreviewShoppers Shoppers { get; set; } = default!;
    [Inject] private ProductPagePreviewer Previewer { get; set; } = default!;
    [Inject] private StoreSnapshotService Snapshots { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter] public string? Sku { get; set; }

    private readonly ShopperChoice[] _choices = [ShopperChoice.NewVisitor, new ShopperChoice.Persona("gamer")];
    private readonly ProductPagePreview?[] _previews = new ProductPagePreview?[2];
    private ProductInfo? _product;
    private DateTime? _asOfDate;
    private bool _compare;
    private IReadOnlySet<int> _differing = new HashSet<int>();
    private IReadOnlyList<(ProductInfo Anchor, string Mode)> _curatedAnchors = [];

    private IEnumerable<Side> Sides => _compare
        ? [new(0, "Shopper A", "shopper-a", _choices[0], _previews[0]), new(1, "Shopper B", "shopper-b", _choices[1], _previews[1])]
        : [new(0, "Shopper", "shopper-a", _choices[0], _previews[0])];

    /// <summary>Noon UTC of the chosen day, so a whole-day window reads the same wherever the viewer is.</summary>
    private DateTime AsOf => (_asOfDate ?? Time.GetUtcNow().UtcDateTime).Date.AddHours(12);

    protected override void OnInitialized()
    {
        _asOfDate = Time.GetUtcNow().UtcDateTime.Date;
        if (!Shoppers.OffersPersonas)
        {
            _choices[1] = ShopperChoice.NewVisitor;
        }
        Snapshots.Replaced += OnSnapshotReplaced;
    }

    protected override void OnParametersSet()
    {
        _product = Sku is null ? null : Previewer.ProductBySku(Sku);
        Refresh();
    }

    private void Refresh()
    {
        var snapshot = Snapshots.Current;
        _curatedAnchors = [.. snapshot.Curation
            .Select(c => (Anchor: snapshot.Product(c.Key), Mode: CurationModeText.Of(c.Value.State)))
            .Where(c => c.Anchor is not null).Select(c => (c.Anchor!, c.Mode)).OrderBy(c => c.Item1.Sku, StringComparer.Ordinal)];
        for (var i = 0; i < _previews.Length; i++)
        {
            _previews[i] = _product is null || (i == 1 && !_compare) ? null
                : Previewer.Preview(_product.Id, Shoppers.Build(_choices[i], AsOf), AsOf);
        }
        _differing = _previews is [{ } a, { } b] ? PreviewComparison.DifferingPositions(a.FrequentlyBoughtWith, b.FrequentlyBoughtWith) : new HashSet<int>();
    }

    private Task<IEnumerable<ProductInfo>> SearchProductsAsync(string text, CancellationToken ct) =>
        Task.FromResult<IEnumerable<ProductInfo>>(Shoppers.SearchProducts(text));

    private void ChooseProduct(ProductInfo? product)
    {
        if (product is not null && product.Sku != Sku)
        {
            Navigation.NavigateTo($"preview/{Uri.EscapeDataString(product.Sku)}");
        }
    }

    private void ChooseDate(DateTime? date)
    {
        _asOfDate = date;
        Refresh();
    }

    private void SetCompare(bool compare)
    {
        _compare = compare;
        Refresh();
    }

    private void ChooseShopper(int side, ShopperChoice choice)
    {
        _choices[side] = choice;
        Refresh();
    }

    private void OnSnapshotReplaced(StoreSnapshot snapshot) => _ = InvokeAsync(() =>
    {
        _product = Sku is null ? null : Previewer.ProductBySku(Sku);
        Refresh();
        StateHasChanged();
    });

    public void Dispose() => Snapshots.Replaced -= OnSnapshotReplaced;
}
