using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace MerchDashboard.Features.Rules;

public sealed partial class CategoryPairingsPanel
{
    [Inject] private CategoryPairingCommands Commands { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private IReadOnlyList<CategoryPairingRow>? _rows;
    private string? _error;
    private string? _saved;

    private bool CanEdit { get; set; }

    protected override async Task OnInitializedAsync()
    {
        CanEdit = (await Authorization.AuthorizeAsync((await AuthState).User, Policies.Curate)).Succeeded;
        _rows = await Commands.ListAsync();
    }

    private async Task SetAsync(CategoryPairingRow row, CategoryPairing pairing)
    {
        // Checked again on every save: the role may have changed since the page opened.
        var principal = (await AuthState).User;
        if (!(await Authorization.AuthorizeAsync(principal, Policies.Curate)).Succeeded)
        {
            (_error, _saved) = ("Only merchandisers may change how a category's items relate.", null);
            return;
        }
        var result = await Commands.SetAsync(row.CategoryId, pairing, principal.Identity?.Name ?? "unknown");
        _error = result.Error;
        _saved = result.Succeeded ? $"Items of {row.Name}: {CategoryPairingCommands.Label(pairing)}. Every list applies it now." : null;
        _rows = await Commands.ListAsync();
    }
}
