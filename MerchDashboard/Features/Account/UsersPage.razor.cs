using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MerchDashboard.Features.Account;

public partial class UsersPage
{
    [Inject] private AccountCommands Accounts { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<(AppUser User, string Role)>? _users;
    private string _newUserName = "";
    private string _newDisplayName = "";
    private string _newPassword = "";
    private string _newRole = Roles.Merchandiser;

    protected override async Task OnInitializedAsync() => _users = await Accounts.ListAsync();

    private async Task ChangeRoleAsync(string userId, string role)
    {
        var result = await Accounts.SetRoleAsync(userId, role);
        Snackbar.Add(result.Succeeded ? $"{result.User!.UserName} is now {role}." : result.Error!, result.Succeeded ? Severity.Success : Severity.Error);
        _users = await Accounts.ListAsync();
    }

    private async Task CreateAsync()
    {
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
