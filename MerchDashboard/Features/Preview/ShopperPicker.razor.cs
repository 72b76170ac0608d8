using MerchDashboard.Engine.Catalog;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MerchDashboard.Features.Preview;

public partial class ShopperPicker
{
    private enum Kind
    {
        Persona,
        Customer,
        HandPicked,
    }

    private static readonly (Kind Kind, string Text)[] Kinds = [(Kind.Persona, "Persona"), (Kind.Customer, "Customer"), (Kind.HandPicked, "Hand-built")];

    [Inject] private PreviewShoppers Shoppers { get; set; } = default!;

    [Parameter] public ShopperChoice Value { get; set; } = ShopperChoice.NewVisitor;
    [Parameter] public EventCallback<ShopperChoice> ValueChanged { get; set; }
    [Parameter] public string Title { get; set; } = "Shopper";
    [Parameter] public string TestId { get; set; } = "shopper";

    private Kind _kind = Kind.Persona;
    private readonly List<ProductInfo> _picked = [];
    private MudAutocomplete<ProductInfo>? _handPicker;

    protected override void OnParametersSet()
    {
        _kind = Value switch
        {
            ShopperChoice.Customer => Kind.Customer,
            ShopperChoice.HandPicked => Kind.HandPicked,
            _ when _kind == Kind.Persona && !Shoppers.OffersPersonas => Kind.Customer,
            _ => _kind,
        };
    }

    private Task ChooseAsync(ShopperChoice choice) => ValueChanged.InvokeAsync(choice);

    private async Task<IEnumerable<CustomerOption>> SearchCustomersAsync(string text, CancellationToken ct) =>
        await Shoppers.SearchCustomersAsync(text, ct);

    private Task<IEnumerable<ProductInfo>> SearchProductsAsync(string text, CancellationToken ct) =>
        Task.FromResult<IEnumerable<ProductInfo>>(Shoppers.SearchProducts(text));

    private Task ChooseCustomerAsync(CustomerOption? customer) =>
        customer is null ? Task.CompletedTask : ChooseAsync(new ShopperChoice.Customer(customer.ExternalId, customer.Name));

    private async Task AddPickedAsync(ProductInfo? product)
    {
        if (product is null || _picked.Any(p => p.Id == product.Id))
        {
            return;
        }
        _picked.Add(product);
        if (_handPicker is not null)
        {
            // Ready for the next pick: the chosen product shows as a chip below.
            await _handPicker.ClearAsync();
        }
        await ChooseAsync(new ShopperChoice.HandPicked([.. _picked.Select(p => p.Id)]));
    }

    private Task RemovePickedAsync(ProductInfo product)
    {
        _picked.RemoveAll(p => p.Id == product.Id);
        return ChooseAsync(new ShopperChoice.HandPicked([.. _picked.Select(p => p.Id)]));
    }
}
