using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Serving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MerchDashboard.Features.Curation;

public sealed partial class SuggestionsPage : IDisposable
{
    [Inject] private SuggestionQueries Queries { get; set; } = default!;
    [Inject] private BulkCurationCommands Bulk { get; set; } = default!;
    [Inject] private StoreSnapshotService Snapshots { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // Filters, sort and page live in the URL, so that Back from a product restores the list as it was left.
    [SupplyParameterFromQuery(Name = "q")] public string? QuerySearch { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public int? QueryCategory { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? QueryStatus { get; set; }
    [SupplyParameterFromQuery(Name = "alert")] public string? QueryAlert { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? QuerySort { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public bool QueryDescending { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? QueryPage { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private MudTable<SuggestionRow>? _table;
    private SuggestionFilter _filter = new();
    private IReadOnlyList<(int Id, string Name)> _categories = [];
    private HashSet<SuggestionRow> _selected = [];
    private bool _canCurate;
    // Bound to the table's CurrentPage: the first load already asks for the page the URL names.
    private int _currentPage;
    private bool _busy;
    private int _slots;
    private BulkResult? _bulkResult;
    private string _bulkVerb = "";

    protected override async Task OnInitializedAsync()
    {
        _filter = new SuggestionFilter(QuerySearch, QueryCategory,
            Enum.TryParse<CurationMode>(QueryStatus, ignoreCase: true, out var mode) ? mode : null,
            Enum.TryParse<AlertKind>(QueryAlert, ignoreCase: true, out var alert) ? alert : null);
        _categories = Queries.Categories();
        _slots = RecommendationService.DefaultSlotsOf(Snapshots.Current);
        // Read before the table's first load rewrites the URL (which re-supplies QueryPage without the page).
        _currentPage = QueryPage is > 1 and var page ? page - 1 : 0;
        _canCurate = await CanCurateAsync();
        Snapshots.Replaced += OnSnapshotReplaced;
    }

    private SortDirection InitialDirection(SuggestionSort sort) =>
        string.Equals(QuerySort, sort.ToString(), StringComparison.OrdinalIgnoreCase)
            ? QueryDescending ? SortDirection.Descending : SortDirection.Ascending
            : SortDirection.None;

    private Task<TableData<SuggestionRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sorted = Enum.TryParse<SuggestionSort>(state.SortLabel, out var s) && state.SortDirection != SortDirection.None;
        var sort = sorted ? s : SuggestionSort.Attention;
        var descending = state.SortDirection == SortDirection.Descending;
        var page = Queries.Page(_filter, sort, descending, state.Page, state.PageSize);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(_filter.Search) ? null : _filter.Search,
            ["category"] = _filter.CategoryId,
            ["status"] = _filter.Mode?.ToString(),
            ["alert"] = _filter.Alert?.ToString(),
            ["sort"] = sorted ? sort.ToString() : null,
            ["desc"] = sorted && descending ? true : null,
            ["page"] = state.Page > 0 ? state.Page + 1 : null,
        }), replace: true);
        return Task.FromResult(new TableData<SuggestionRow> { Items = page.Rows, TotalItems = page.TotalCount });
    }

    private Task SearchChanged(string? search) => FilterAsync(_filter with { Search = search });
    private Task CategoryChanged(int? category) => FilterAsync(_filter with { CategoryId = category });
    private Task ModeChanged(CurationMode? mode) => FilterAsync(_filter with { Mode = mode });
    private Task AlertChanged(AlertKind? alert) => FilterAsync(_filter with { Alert = alert });

    private async Task FilterAsync(SuggestionFilter filter)
    {
        _filter = filter;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task LockSelectedAsync()
    {
        if (await Dialogs.ConfirmAsync($"Lock {_selected.Count} lists?",
                "Each selected list is frozen as every shopper sees it now; its pins, adds and excludes stay as they are, and Unlock gives it back.", "Lock"))
        {
            await BulkAsync("Locked", (ids, user) => Bulk.LockAsync(ids, user));
        }
    }

    private async Task UnlockSelectedAsync()
    {
        if (await Dialogs.ConfirmAsync($"Unlock {_selected.Count} lists?",
                "Each selected list gets back its composition from before the lock: its overrides apply and its free slots follow the shopper again.", "Unlock"))
        {
            await BulkAsync("Unlocked", (ids, user) => Bulk.UnlockAsync(ids, user));
        }
    }

    private async Task BulkAsync(string verb, Func<IReadOnlyList<int>, string, Task<BulkResult>> action)
    {
        if (!await CanCurateAsync())
        {
            _bulkVerb = "Not allowed:";
            _bulkResult = new BulkResult(0, ["You may view lists but not change them."]);
            return;
        }
        _busy = true;
        var user = (await AuthState).User.Identity?.Name ?? "unknown";
        _bulkResult = await action([.. _selected.Select(r => r.Product.Id)], user);
        _bulkVerb = verb;
        _selected = [];
        _busy = false;
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    private async Task<bool> CanCurateAsync() =>
        (await Authorization.AuthorizeAsync((await AuthState).User, Policies.Curate)).Succeeded;

    private void OnSnapshotReplaced(StoreSnapshot snapshot) => _ = InvokeAsync(async () =>
    {
        _slots = RecommendationService.DefaultSlotsOf(snapshot);
        if (_table is not null && !_busy)
        {
            await _table.ReloadServerData();
        }
    });

    private static string ModeName(CurationMode mode) => mode == CurationMode.LockedTopN ? "Locked top N" : mode.ToString();

    private static Color AlertColor(AlertKind kind) => kind is AlertKind.ShortList ? Color.Default : kind is AlertKind.ExpiringSoon ? Color.Info : Color.Error;

    public void Dispose() => Snapshots.Replaced -= OnSnapshotReplaced;
}
