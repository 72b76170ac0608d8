using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace MerchDashboard.Features.Account;

public sealed record AccountResult(bool Succeeded, string? Error = null, AppUser? User = null)
{
    public static AccountResult Fail(string error) => new(false, error);
}

/// <summary>Creating users and setting their roles, through a fresh scope per operation (the circuit is long-lived).</summary>
public sealed class AccountCommands(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly SemaphoreSlim SetupGate = new(1, 1);

    public async Task<bool> AnyUsersAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return users.Users.Any();
    }

    /// <summary>The one-time setup: only while the database has no users at all.</summary>
    public async Task<AccountResult> CreateFirstAdminAsync(string userName, string displayName, string password)
    {
        await SetupGate.WaitAsync();
        try
        {
            if (await AnyUsersAsync())
            {
                return AccountResult.Fail("An administrator already exists; sign in instead.");
            }
            return await CreateUserAsync(userName, displayName, password, Roles.Admin);
        }
        finally
        {
            SetupGate.Release();
        }
    }

    public async Task<AccountResult> CreateUserAsync(string userName, string displayName, string password, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return AccountResult.Fail($"Unknown role '{role}'.");
        }
        if (string.IsNullOrWhiteSpace(userName))
        {
            return AccountResult.Fail("A user name is required.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName.Trim() : displayName.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountResult.Fail(string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? new AccountResult(true, User: user) : AccountResult.Fail(string.Join(" ", added.Errors.Select(e => e.Description)));
    }

    public async Task<AccountResult> SetRoleAsync(string userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return AccountResult.Fail($"Unknown role '{role}'.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("That user no longer exists.");
        }
        var current = await users.GetRolesAsync(user);
        if (role != Roles.Admin && await UserAdministration.IsLastEnabledAdminAsync(users, user))
        {
            return AccountResult.Fail(UserAdministration.LastAdminMessage);
        }
        await users.RemoveFromRolesAsync(user, current);
        var result = await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? new AccountResult(true, User: user) : AccountResult.Fail(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Every user with their role, for the admin page.</summary>
    public async Task<IReadOnlyList<(AppUser User, string Role)>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = new List<(AppUser, string)>();
        foreach (var user in users.Users.OrderBy(u => u.UserName).ToList())
        {
            var roles = await users.GetRolesAsync(user);
            result.Add((user, roles.FirstOrDefault() ?? ""));
        }
        return result;
    }
}
