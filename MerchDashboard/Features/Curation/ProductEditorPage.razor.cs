using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Serving;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MerchDashboard.Features.Curation;

/// <summary>
/// One product's list: what shoppers see, why, and the merchandiser's controls. Every change names the
/// version it was made on; the page re-reads the list whenever the snapshot is replaced (another session's change).
/// </summary>
public sealed partial class ProductEditorPage : IDisposable
{
    [Parameter] public string Sku { get; set; } = "";

    [Inject] private StoreSnapshotService Snapshots { get; set; } = default!;
    [Inject] private CurationCommands Commands { get; set; } = default!;
    [Inject] private CurationHistoryQueries History { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private StoreSnapshot _snapshot = StoreSnapshot.Empty;
    private ProductInfo? _anchor;
    private string _categoryName = "";
    private VersionedList? _list;
    private CurationState? _state;
    private ComposedList? _composed;
    private readonly EditorUndoHistory _undo = new();
    private IReadOnlyList<CurationAlert> _alerts = [];
    private IReadOnlyList<HistoryEntry> _history = [];
    private List<BreadcrumbItem> _crumbs = [];
    private int _slots;
    private bool _canCurate;
    private string? _conflict;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        _canCurate = await CanCurateAsync();
        Snapshots.Replaced -= OnSnapshotReplaced;
        Snapshots.Replaced += OnSnapshotReplaced;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _snapshot = Snapshots.Current;
        _anchor = _snapshot.ProductBySku(Sku);
        _crumbs = [new("Suggestions", "suggestions"), new(Sku, null, disabled: true)];
        if (_anchor is null)
        {
            return;
        }
        _categoryName = _snapshot.Catalog.CategoryName(_anchor.CategoryId);
        _list = await Commands.GetAsync(_anchor.Id);
        _history = await History.ForAnchorAsync(_anchor.Id);
        Recompose();
    }

    private void Recompose()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        _slots = RecommendationService.DefaultSlotsOf(_snapshot);
        _state = ListStates.ToEngine(_list!.State);
        _composed = _snapshot.Compose(_anchor!.Id, now, _slots, curation: _state);
        _alerts = CurationAlerts.For(_snapshot, _state, _composed, _slots, now);
    }

    private async Task ChangeAsync(CurationChange change) => await ApplyAsync(change);

    /// <summary>Saves a change made here; true when saved (the editor's own changes can be undone).</summary>
    private async Task<bool> ApplyAsync(CurationChange change)
    {
        var before = _list?.State;
        var saved = await SaveAsync(change);
        if (saved && before is not null && _history.Count > 0)
        {
            _undo.Record(before, _list!.State, _history[0].Summary);
        }
        return saved;
    }

    private Task<bool> LockAsync(int? topN) =>
        ApplyAsync(ListStates.LockAsShown(_snapshot, _anchor!.Id, _list!.State, Time.GetUtcNow().UtcDateTime, _slots, topN));

    private async Task UndoAsync()
    {
        if (_undo.NextUndo is { } step && await SaveAsync(new CurationChange.Restore(step.Before, $"Undid: {step.Summary}")))
        {
            _undo.Undone();
        }
    }

    private async Task RedoAsync()
    {
        if (_undo.NextRedo is { } step && await SaveAsync(new CurationChange.Restore(step.After, $"Redid: {step.Summary}")))
        {
            _undo.Redone();
        }
    }

    private async Task RestoreAsync(HistoryEntry entry) =>
        await ApplyAsync(new CurationChange.Restore(entry.After!, $"Restored the list as it was after \"{entry.Summary}\" ({entry.At:MMM d, yyyy HH:mm} UTC)"));

    private ComposedList PreviewOf(ListState state) =>
        _snapshot.Compose(_anchor!.Id, Time.GetUtcNow().UtcDateTime, _slots, curation: ListStates.ToEngine(state));

    private async Task<bool> SaveAsync(CurationChange change)
    {
        if (_anchor is null || _list is null)
        {
            return false;
        }
        if (!await CanCurateAsync())
        {
            _error = "You may view this list but not change it.";
            return false;
        }
        var user = (await AuthState).User.Identity?.Name ?? "unknown";
        var result = await Commands.ApplyAsync(_anchor.Id, _list.Version, change, user, slots: _slots);
        _list = result.Current;
        _conflict = result.Conflict ? result.Error : null;
        _error = result is { Succeeded: false, Conflict: false } ? result.Error : null;
        if (result.Succeeded)
        {
            Snackbar.Add("Saved: the list below is what shoppers see now.", Severity.Success);
        }
        _snapshot = Snapshots.Current;
        _history = await History.ForAnchorAsync(_anchor.Id);
        Recompose();
        // The change may come from a child's delegate (not an EventCallback), which re-renders only the child.
        StateHasChanged();
        return result.Succeeded;
    }

    private List<ProductInfo> SearchProducts(string? text)
    {
        var products = _snapshot.Catalog.Products.Values.Where(p => p.Id != _anchor?.Id);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            products = products.Where(p => p.Sku.Contains(term, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        return products.OrderBy(p => p.Name, StringComparer.CurrentCulture).Take(20).ToList();
    }

    private async Task<bool> CanCurateAsync() =>
        (await Authorization.AuthorizeAsync((await AuthState).User, Policies.Curate)).Succeeded;

    private void OnSnapshotReplaced(StoreSnapshot snapshot) => _ = InvokeAsync(async () =>
    {
        await ReloadAsync();
        StateHasChanged();
    });

    public void Dispose() => Snapshots.Replaced -= OnSnapshotReplaced;
}
