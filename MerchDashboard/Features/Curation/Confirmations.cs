using MudBlazor;

namespace MerchDashboard.Features.Curation;

/// <summary>Asks before a change that is hard to take back (revert, bulk lock, delete, revoke).</summary>
public static class Confirmations
{
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string yes) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Cancel") == true;
}
