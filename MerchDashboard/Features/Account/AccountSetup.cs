using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Account;

public static class AccountSetup
{
    /// <summary>ASP.NET Core Identity on the app's database, cookie sign-in and the role policies.</summary>
    public static IServiceCollection AddMerchAccounts(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization(Policies.Configure);
        services.AddMerchIdentityStores().AddSignInManager().AddDefaultTokenProviders();
        // Every request checks the cookie's security stamp, so a role change, disabling or reset applies at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddSingleton<SignInGuard>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "merch.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        return services;
    }

    /// <summary>Users and roles in the app's database, without the web parts (the command line uses this alone).</summary>
    public static IdentityBuilder AddMerchIdentityStores(this IServiceCollection services)
    {
        // Identity's stores take a scoped context; everything else uses the factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        var builder = services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // A disabled account counts as unconfirmed: EnabledUserConfirmation makes sign-in refuse it.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddScoped<IUserConfirmation<AppUser>, EnabledUserConfirmation>();
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.AccountLockoutThreshold;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.AccountLockout;
        });
        services.AddSingleton<AccountCommands>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<AccountInitializer>();
        services.AddOptions<DemoAccountOptions>().BindConfiguration(DemoAccountOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoAccountOptions>, DemoAccountOptionsValidator>();
        return builder;
    }
}
