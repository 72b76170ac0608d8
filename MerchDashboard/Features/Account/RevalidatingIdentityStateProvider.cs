using System.Security.Claims;
using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Account;

/// <summary>
/// A circuit outlives the request that opened it, so its user is checked again every
/// <see cref="AccountOptions.RevalidationInterval"/>: a deleted or disabled user, or one whose security
/// stamp changed (a role change or a password reset), is signed out of the circuit, which removes every
/// page and control their old role allowed. They sign in again to get the new role.
/// </summary>
public sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<AccountOptions> accounts, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => accounts.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        AsyncServiceScope scope;
        try
        {
            scope = scopes.CreateAsyncScope();
        }
        catch (ObjectDisposedException)
        {
            // The host is shutting down and its circuits end with it: nothing is left to protect.
            return true;
        }
        await using (scope)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            return await IsStillValidAsync(users, identity.Value, authenticationState.User);
        }
    }

    public static async Task<bool> IsStillValidAsync(UserManager<AppUser> users, IdentityOptions options, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
