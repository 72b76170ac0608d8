using MerchDashboard.Data.Import;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Mining;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MerchDashboard.Features.Data;

public sealed partial class DataPage : IDisposable
{
    private static readonly (string File, string Label)[] Exports =
    [
        ("curated-lists.csv", "Curated lists"),
        ("curated-overrides.csv", "Curated overrides"),
        ("final-lists.csv", "Final lists of every product"),
        ("audit-log.csv", "Audit log"),
    ];

    [Inject] private MiningJob Mining { get; set; } = default!;
    [Inject] private StoreResetCommands Reset { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private MiningStatus? _mining;
    private bool _resetting;
    private ImportProgress? _resetProgress;

    protected override void OnInitialized()
    {
        _mining = Mining.Status.Running ? Mining.Status : null;
        Mining.StatusChanged += OnMiningChanged;
    }

    private void OnMiningChanged(MiningStatus status)
    {
        _mining = status;
        _ = InvokeAsync(StateHasChanged);
    }

    private Task ImportedAsync(ImportReport report)
    {
        _mining = Mining.Status;
        return Task.CompletedTask;
    }

    private async Task ResetAsync()
    {
        var user = (await Auth).User;
        if (!(await Authorization.AuthorizeAsync(user, Policies.Administer)).Succeeded)
        {
            return;
        }
        var dialog = await Dialogs.ShowAsync<ResetStoreDialog>("Restore the demo store?");
        if (await dialog.Result is not { Canceled: false })
        {
            return;
        }
        _resetting = true;
        StateHasChanged();
        var progress = new Progress<ImportProgress>(p =>
        {
            _resetProgress = p;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            var result = await Task.Run(() => Reset.ResetAsync(user.Identity?.Name ?? "", progress, CancellationToken.None));
            Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Error);
        }
        finally
        {
            _resetting = false;
            _resetProgress = null;
        }
    }

    public void Dispose() => Mining.StatusChanged -= OnMiningChanged;
}
