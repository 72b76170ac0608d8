using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace MerchDashboard.Features.Account;

/// <summary>
/// An administrator's actions on other accounts: disable, enable, delete, reset a password. Each changes
/// the user's security stamp, so their open sessions end at the next request and open circuits within the
/// revalidation interval; each writes an audit entry (kept when the user is deleted). The last enabled
/// administrator can be neither disabled, demoted nor deleted.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string LastAdminMessage = "This is the last enabled administrator; make someone else an administrator first.";

    public Task<AccountResult> SetDisabledAsync(string userId, bool disabled, string actor) =>
        ChangeAsync(userId, actor, disabled ? "user-disabled" : "user-enabled", async (users, user) =>
        {
            if (disabled && await IsLastEnabledAdminAsync(users, user))
            {
                return IdentityResult.Failed(new IdentityError { Description = LastAdminMessage });
            }
            user.IsDisabled = disabled;
            var updated = await users.UpdateAsync(user);
            return updated.Succeeded ? await users.UpdateSecurityStampAsync(user) : updated;
        });

    public Task<AccountResult> DeleteAsync(string userId, string actor) =>
        ChangeAsync(userId, actor, "user-deleted", async (users, user) =>
            await IsLastEnabledAdminAsync(users, user)
                ? IdentityResult.Failed(new IdentityError { Description = LastAdminMessage })
                : await users.DeleteAsync(user));

    /// <summary>Sets a new password (the password rules apply) and clears any lockout.</summary>
    public Task<AccountResult> ResetPasswordAsync(string userId, string newPassword, string actor) =>
        ChangeAsync(userId, actor, "user-password-reset", async (users, user) =>
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, newPassword);
            if (!reset.Succeeded)
            {
                return reset;
            }
            await users.ResetAccessFailedCountAsync(user);
            return await users.SetLockoutEndDateAsync(user, null);
        });

    /// <summary>Whether this user is an enabled administrator and no other enabled administrator exists.</summary>
    public static async Task<bool> IsLastEnabledAdminAsync(UserManager<AppUser> users, AppUser user) =>
        !user.IsDisabled && await users.IsInRoleAsync(user, Roles.Admin)
            && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !u.IsDisabled) == 1;

    private async Task<AccountResult> ChangeAsync(string userId, string actor, string action, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AccountResult.Fail("That user no longer exists.");
        }
        var result = await change(users, user);
        if (!result.Succeeded)
        {
            return AccountResult.Fail(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow().UtcDateTime, User = actor, Action = action, Summary = $"{action.Replace('-', ' ')}: {user.UserName}" });
        await db.SaveChangesAsync();
        return new AccountResult(true, User: user);
    }
}
