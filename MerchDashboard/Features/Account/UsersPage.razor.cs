using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MerchDashboard.Features.Account;

public partial class UsersPage
{
    [Inject] private AccountCommands Accounts { get; set; } = default!;
    [Inject] private UserAdministration Administration { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<(AppUser User, string Role)>? _users;
    private string _newUserName = "";
    private string _newDisplayName = "";
    private string _newPassword = "";
    private string _newRole = Roles.Merchandiser;
    private string? _confirmDelete;
    private string? _resetUserId;
    private string _resetPassword = "";

    protected override async Task OnInitializedAsync() => _users = await Accounts.ListAsync();

    /// <summary>The acting administrator's name for the audit log, or null (with a message) if they no longer are one.</summary>
    private async Task<string?> ActorAsync()
    {
        if (await Authorization.AllowedAsync(Auth, Policies.Administer) is { } user)
        {
            return user.AuditName();
        }
        Snackbar.Add("Only an administrator can manage users.", Severity.Error);
        return null;
    }

    private async Task ChangeRoleAsync(string userId, string role)
    {
        if (await ActorAsync() is null)
        {
            return;
        }
        var result = await Accounts.SetRoleAsync(userId, role);
        await ReportAsync(result, $"{result.User?.UserName} is now {role}.");
    }

    private async Task SetDisabledAsync(string userId, bool disabled)
    {
        if (await ActorAsync() is not { } actor)
        {
            return;
        }
        var result = await Administration.SetDisabledAsync(userId, disabled, actor);
        await ReportAsync(result, $"{result.User?.UserName} is {(disabled ? "disabled" : "enabled")}.");
    }

    private async Task DeleteAsync(string userId)
    {
        _confirmDelete = null;
        if (await ActorAsync() is not { } actor)
        {
            return;
        }
        var result = await Administration.DeleteAsync(userId, actor);
        await ReportAsync(result, $"{result.User?.UserName} was deleted; their audit entries stay.");
    }

    private async Task ResetPasswordAsync()
    {
        if (_resetUserId is null || await ActorAsync() is not { } actor)
        {
            return;
        }
        var result = await Administration.ResetPasswordAsync(_resetUserId, _resetPassword, actor);
        if (result.Succeeded)
        {
            _resetPassword = "";
        }
        await ReportAsync(result, $"{result.User?.UserName} has a new password; their open sessions end.");
    }

    private async Task CreateAsync()
    {
        if (await ActorAsync() is null)
        {
            return;
        }
        var result = await Accounts.CreateUserAsync(_newUserName, _newDisplayName, _newPassword, _newRole);
        if (result.Succeeded)
        {
            _newUserName = _newDisplayName = _newPassword = "";
        }
        await ReportAsync(result, $"{result.User?.UserName} added as {_newRole}.");
    }

    private async Task ReportAsync(AccountResult result, string success)
    {
        Snackbar.Add(result.Succeeded ? success : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        _users = await Accounts.ListAsync();
    }
}
