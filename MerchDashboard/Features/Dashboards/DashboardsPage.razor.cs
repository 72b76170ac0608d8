using MerchDashboard.Features.Serving;
using Microsoft.AspNetCore.Components;

namespace MerchDashboard.Features.Dashboards;

/// <summary>
/// The strategy dashboards: one filter for every tab, kept in the page and mirrored in the URL query
/// (<c>from</c>, <c>to</c>, <c>category</c>, <c>arm</c>, <c>tab</c>); only the visible tab is computed.
/// </summary>
public partial class DashboardsPage
{
    private static readonly string[] TabNames = ["cross-sell", "personalization", "comparison"];

    [Inject] private DashboardQueries Queries { get; set; } = default!;
    [Inject] private StoreSnapshotService Snapshots { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] public string? FromQuery { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToQuery { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public int? CategoryQuery { get; set; }
    [SupplyParameterFromQuery(Name = "arm")] public string? ArmQuery { get; set; }
    [SupplyParameterFromQuery(Name = "tab")] public string? TabQuery { get; set; }

    private OrderFacts? _facts;
    private DashboardFilter? _filter;
    private int _tab;
    private CrossSellFigures? _crossSell;
    private PersonalizationFigures? _personalization;
    private ComparisonFigures? _comparison;
    private int _generation;
    private bool _anySelected = true;

    protected override async Task OnInitializedAsync()
    {
        Queries.Store.Changed += OnStoreChanged;
        _tab = Math.Max(0, Array.IndexOf(TabNames, TabQuery));
        _facts = await Queries.FactsAsync();
        var defaults = _facts.DefaultFilter(DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime));
        var from = DashboardFilter.ParseDate(FromQuery) ?? defaults.From;
        var to = DashboardFilter.ParseDate(ToQuery) ?? defaults.To;
        _filter = new DashboardFilter(from, to < from ? from : to,
            _facts.Categories.Any(c => c.Id == CategoryQuery) ? CategoryQuery : null, DashboardFilter.ParseArm(ArmQuery));
        await ComputeAsync();
    }

    private async Task OnFilterChangedAsync(DashboardFilter filter)
    {
        _filter = filter;
        (_crossSell, _personalization, _comparison) = (null, null, null);
        ReflectInUrl();
        await ComputeAsync();
    }

    private async Task OnTabChangedAsync(int tab)
    {
        _tab = tab;
        ReflectInUrl();
        await ComputeAsync();
    }

    private async Task ComputeAsync()
    {
        if (_facts is not { } facts || _filter is not { } filter || facts.Orders.Count == 0)
        {
            return;
        }
        _anySelected = facts.Any(filter);
        if (!_anySelected)
        {
            return;
        }
        var generation = ++_generation;
        switch (_tab)
        {
            case 0 when _crossSell is null:
                var crossSell = await Queries.CrossSellAsync(facts, filter);
                _crossSell = generation == _generation ? crossSell : _crossSell;
                break;
            case 1 when _personalization is null:
                var personalization = await Queries.PersonalizationAsync(facts, filter);
                if (generation == _generation)
                {
                    _personalization = personalization;
                    StateHasChanged();
                    var clv = await Queries.ClvAsync(facts, filter);
                    _personalization = generation == _generation ? personalization with { Clv = clv } : _personalization;
                }
                break;
            case 2 when _comparison is null:
                var comparison = await Queries.ComparisonAsync(facts, filter);
                _comparison = generation == _generation ? comparison : _comparison;
                break;
        }
    }

    private void ReflectInUrl()
    {
        if (_filter is not { } filter)
        {
            return;
        }
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = DashboardFilter.Format(filter.From),
            ["to"] = DashboardFilter.Format(filter.To),
            ["category"] = filter.CategoryId,
            ["arm"] = filter.Arm?.ToString(),
            ["tab"] = _tab == 0 ? null : TabNames[_tab],
        }), replace: true);
    }

    private string ProductName(int productId) => Snapshots.Current.Product(productId) is { } product ? $"{product.Name} ({product.Sku})" : $"product #{productId}";

    private string CustomerName(int customerKey) => _facts?.CustomerNames.GetValueOrDefault(customerKey) ?? $"customer #{customerKey}";

    private void OnStoreChanged() => _ = InvokeAsync(async () =>
    {
        _facts = await Queries.FactsAsync();
        (_crossSell, _personalization, _comparison) = (null, null, null);
        await ComputeAsync();
        StateHasChanged();
    });

    public void Dispose()
    {
        Queries.Store.Changed -= OnStoreChanged;
        GC.SuppressFinalize(this);
    }
}
