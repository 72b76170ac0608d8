using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace MerchDashboard.Features.Account;

/// <summary>Who is acting, for audit entries, and the server-side policy check every data-changing action makes.</summary>
public static class SignedInUser
{
    /// <summary>The name audit entries record: the Identity user name the app signed in with.</summary>
    public static string AuditName(this ClaimsPrincipal user) => user.Identity?.Name ?? "";

    /// <summary>
    /// The signed-in user if they satisfy the policy now, else null. Hiding a button is not enough: a
    /// circuit lives for hours and roles change, so handlers check again before they write.
    /// </summary>
    public static async Task<ClaimsPrincipal?> AllowedAsync(this IAuthorizationService authorization, Task<AuthenticationState> state, string policy)
    {
        var user = (await state).User;
        return (await authorization.AuthorizeAsync(user, policy)).Succeeded ? user : null;
    }
}
