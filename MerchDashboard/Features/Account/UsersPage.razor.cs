using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MerchDashboard.Features.Account;

public partial class UsersPage
{
    [Inject] private AccountCommands Accounts { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<(AppUser User, string Role)>? _users;
    private string _newUserName = "";
    private string _newDisplayName = "";
    private string _newPassword = "";
    private string _newRole = Roles.Merchandiser;

    protected override async Task OnInitializedAsync() => _users = await Accounts.ListAsync();

    private async Task<bool> AllowedAsync()
    {
        if (await Authorization.AllowedAsync(Auth, Policies.Administer) is not null)
        {
            return true;
        }
        Snackbar.Add("Only an administrator can manage users.", Severity.Error);
        return false;
    }

    private async Task ChangeRoleAsync(string userId, string role)
    {
        if (!await AllowedAsync())
        {
            return;
        }
        var result = await Accounts.SetRoleAsync(userId, role);
        Snackbar.Add(result.Succeeded ? $"{result.User!.UserName} is now {role}." : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        _users = await Accounts.ListAsync();
    }

    private async Task CreateAsync()
    {
        if (!await AllowedAsync())
        {
            return;
        }
        var result = await Accounts.CreateUserAsync(_newUserName, _newDisplayName, _newPassword, _newRole);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error!, Severity.Error);
            return;
        }
        Snackbar.Add($"{result.User!.UserName} added as {_newRole}.", Severity.Success);
        _newUserName = _newDisplayName = _newPassword = "";
        _users = await Accounts.ListAsync();
    }
}
