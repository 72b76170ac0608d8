using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MerchDashboard.Features.Account;

/// <summary>
/// Sign-in, sign-out and first-admin setup are plain form posts: a cookie can only be set on an HTTP
/// response, not over the Blazor circuit. The forms carry an antiforgery token, checked here.
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

    private static async Task<IResult> LoginAsync(
        [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<AppUser> signIn)
    {
        var target = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            return Results.LocalRedirect($"~/login?error=missing&returnUrl={Uri.EscapeDataString(target)}");
        }
        var result = await signIn.PasswordSignInAsync(username.Trim(), password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Results.LocalRedirect(target);
        }
        var error = result.IsLockedOut ? "locked" : "invalid";
        return Results.LocalRedirect($"~/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
    }

    private static async Task<IResult> LogoutAsync(SignInManager<AppUser> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("~/login");
    }

    private static async Task<IResult> SetupAsync(
        [FromForm] string? username, [FromForm] string? displayName, [FromForm] string? password,
        AccountCommands accounts, SignInManager<AppUser> signIn)
    {
        var result = await accounts.CreateFirstAdminAsync(username ?? "", displayName ?? "", password ?? "");
        if (!result.Succeeded)
        {
            return Results.LocalRedirect($"~/setup?error={Uri.EscapeDataString(result.Error!)}");
        }
        await signIn.SignInAsync(result.User!, isPersistent: true);
        return Results.LocalRedirect("~/");
    }

    private static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
