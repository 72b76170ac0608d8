using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MerchDashboard.Features.Curation;

/// <summary>
/// The merchandiser's controls for one list. What was typed (item, slot, dates, note) is cleared only once
/// the change is saved, so a refusal or a conflict with another session's edit loses nothing.
/// </summary>
public sealed partial class ListActionsPanel
{
    [Parameter, EditorRequired] public ListState State { get; set; } = default!;
    /// <summary>The list size K: slots and N are limited to it.</summary>
    [Parameter, EditorRequired] public int Slots { get; set; }
    [Parameter, EditorRequired] public Func<string?, IEnumerable<ProductInfo>> Search { get; set; } = default!;
    /// <summary>Saves a change; true when it was saved.</summary>
    [Parameter, EditorRequired] public Func<CurationChange, Task<bool>> Apply { get; set; } = default!;
    /// <summary>Locks the list as shown now: all of it (null) or the top N.</summary>
    [Parameter, EditorRequired] public Func<int?, Task<bool>> Lock { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private ProductInfo? _item;
    private int? _position;
    private DateTime? _startsOn;
    private DateTime? _lastDay;
    private string _note = "";
    private int _topN = 2;
    private string _listNote = "";
    private ListState? _shownState;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shownState, State))
        {
            _listNote = State.Note;
            _shownState = State;
            if (State.LockedTopN is { } n)
            {
                _topN = n;
            }
        }
    }

    private bool PositionFits => _position is { } p && p >= 1 && p <= Slots;

    private Task<IEnumerable<ProductInfo>> SearchAsync(string? text, CancellationToken ct) => Task.FromResult(Search(text));

    private static string ItemLabel(ProductInfo? p) => p is null ? "" : p.IsAvailable ? $"{p.Name} ({p.Sku})" : $"{p.Name} ({p.Sku}) – {Unavailability(p)}";

    private static string Unavailability(ProductInfo p) => WarningLog.Unavailability(p);

    private DateTime? Starts => _startsOn is { } d ? DateTime.SpecifyKind(d.Date, DateTimeKind.Utc) : null;
    private DateTime? Expires => _lastDay is { } d ? DateTime.SpecifyKind(d.Date.AddDays(1), DateTimeKind.Utc) : null;

    private Task PinAsync() => DoneAsync(new CurationChange.Pin(_item!.Id, _position!.Value, Starts, Expires, _note));
    private Task AddAsync() => DoneAsync(new CurationChange.Add(_item!.Id, Starts, Expires, _note));
    private Task ExcludeAsync() => DoneAsync(new CurationChange.Exclude(_item!.Id, _note, Starts, Expires));

    private async Task RevertAsync()
    {
        if (await Dialogs.ConfirmAsync("Revert to automatic?",
                "Every pin, add and exclude of this list is removed and any lock is lifted; the list is composed automatically again. History keeps the change, so it can be restored.",
                "Revert"))
        {
            await Apply(new CurationChange.RevertToAuto());
        }
    }

    private async Task DoneAsync(CurationChange change)
    {
        if (await Apply(change))
        {
            _item = null;
            _note = "";
        }
    }
}
