using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace MerchDashboard.Features.Account;

/// <summary>
/// Sign-in, sign-out and first-admin setup are plain form posts: a cookie can only be set on an HTTP
/// response, not over the Blazor circuit. Each checks the form's antiforgery token itself and answers a
/// missing or stale one with a redirect back to the form, never an error page.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();
        group.MapPost("/login", LoginAsync);
        group.MapPost("/logout", LogoutAsync);
        group.MapPost("/setup", SetupAsync);
        return app;
    }

    private static async Task<RedirectHttpResult> LoginAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, SignInGuard guard, TimeProvider time)
    {
        var form = await ValidFormAsync(http, antiforgery);
        var target = SafeReturnUrl(form?["returnUrl"]);
        RedirectHttpResult BackToForm(string error) => TypedResults.LocalRedirect($"~/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
        if (form is null)
        {
            return BackToForm("expired");
        }
        var address = SignInGuard.AddressOf(http);
        if (guard.IsThrottled(address))
        {
            return BackToForm("throttled");
        }
        string? userName = form["username"], password = form["password"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return BackToForm("missing");
        }
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || !await PasswordSignInAsync(http, signIn, guard, user, password))
        {
            if (user is null)
            {
                // The same work as a wrong password, so the answer's timing does not tell that the account is missing.
                _dummyHash ??= users.PasswordHasher.HashPassword(new AppUser(), "no account has this password");
                users.PasswordHasher.VerifyHashedPassword(new AppUser(), _dummyHash, password);
            }
            guard.RecordFailure(address);
            return BackToForm("invalid");
        }
        user.LastSignInAt = time.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
        guard.TrustBrowser(http, user.Id);
        return TypedResults.LocalRedirect(target);
    }

    /// <summary>Identity's sign-in with lockout; from a browser this user signed in from before, the lockout neither counts nor applies.</summary>
    private static async Task<bool> PasswordSignInAsync(HttpContext http, SignInManager<AppUser> signIn, SignInGuard guard, AppUser user, string password)
    {
        if (!guard.IsTrustedBrowser(http, user.Id))
        {
            return (await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true)).Succeeded;
        }
        var users = signIn.UserManager;
        if (!await signIn.CanSignInAsync(user) || !await users.CheckPasswordAsync(user, password))
        {
            return false;
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await signIn.SignInAsync(user, isPersistent: true);
        return true;
    }

    private static async Task<RedirectHttpResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn)
    {
        if (await ValidFormAsync(http, antiforgery) is null)
        {
            // Another site's form cannot sign the user out; our own page always sends the token.
            return TypedResults.LocalRedirect("~/");
        }
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("~/login");
    }

    private static async Task<RedirectHttpResult> SetupAsync(HttpContext http, IAntiforgery antiforgery, AccountCommands accounts, SignInManager<AppUser> signIn)
    {
        var form = await ValidFormAsync(http, antiforgery);
        if (form is null)
        {
            return TypedResults.LocalRedirect($"~/setup?error={Uri.EscapeDataString("The form expired; please try again.")}");
        }
        var result = await accounts.CreateFirstAdminAsync(form["username"].ToString(), form["displayName"].ToString(), form["password"].ToString());
        if (!result.Succeeded)
        {
            return TypedResults.LocalRedirect($"~/setup?error={Uri.EscapeDataString(result.Error!)}");
        }
        await signIn.SignInAsync(result.User!, isPersistent: true);
        return TypedResults.LocalRedirect("~/");
    }

    /// <summary>The posted form if it is a form and carries a valid antiforgery token, else null.</summary>
    private static async Task<IFormCollection?> ValidFormAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }
        try
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return await antiforgery.IsRequestValidAsync(http) ? form : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    private static string? _dummyHash;

    /// <summary>A local path to return to after sign-in, else the home page: never another host, never control characters.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2048 && returnUrl.StartsWith('/')
            && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? returnUrl
            : "/";
}
