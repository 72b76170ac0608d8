using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MerchDashboard.Features.Suggestions;

public sealed partial class SuggestionsPage : IDisposable
{
    [Inject] private SuggestionQueries Queries { get; set; } = default!;
    [Inject] private BulkCurationCommands Bulk { get; set; } = default!;
    [Inject] private StoreSnapshotService Snapshots { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private MudTable<SuggestionRow>? _table;
    private SuggestionFilter _filter = new();
    private IReadOnlyList<(int Id, string Name)> _categories = [];
    private HashSet<SuggestionRow> _selected = [];
    private bool _canCurate;
    private bool _busy;
    private int _slots;
    private BulkResult? _bulkResult;
    private string _bulkVerb = "";

    protected override async Task OnInitializedAsync()
    {
        _categories = Queries.Categories();
        _slots = SuggestionQueries.SlotsFor(Snapshots.Current);
        _canCurate = await CanCurateAsync();
        Snapshots.Replaced += OnSnapshotReplaced;
    }

    private Task<TableData<SuggestionRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var sort = Enum.TryParse<SuggestionSort>(state.SortLabel, out var s) && state.SortDirection != SortDirection.None ? s : SuggestionSort.Attention;
        var page = Queries.Page(_filter, sort, state.SortDirection == SortDirection.Descending, state.Page, state.PageSize);
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
        _slots = SuggestionQueries.SlotsFor(snapshot);
        if (_table is not null && !_busy)
        {
            await _table.ReloadServerData();
        }
    });

    private static string ModeName(CurationMode mode) => mode == CurationMode.LockedTopN ? "Locked top N" : mode.ToString();

    private static Color AlertColor(AlertKind kind) => kind is AlertKind.ShortList ? Color.Default : kind is AlertKind.ExpiringSoon ? Color.Info : Color.Error;

    public void Dispose() => Snapshots.Replaced -= OnSnapshotReplaced;
}
