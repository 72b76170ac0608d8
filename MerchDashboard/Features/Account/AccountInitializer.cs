using System.Security.Cryptography;
using MerchDashboard.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Account;

/// <summary>
/// Ensures the four roles exist, and in Development with the demo store loaded, one demo account per
/// role. No password is committed: they come from configuration or are generated on the spot.
/// </summary>
public sealed class AccountInitializer(
    IServiceScopeFactory scopes,
    AccountCommands accounts,
    IHostEnvironment environment,
    IOptions<DatabaseOptions> database,
    IOptions<DemoAccountOptions> demo,
    IOptions<IdentityOptions> identity,
    ILogger<AccountInitializer> logger)
{
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> DemoUsers =
    [
        ("admin", "Alex Admin", Roles.Admin),
        ("merch", "Morgan Merchandiser", Roles.Merchandiser),
        ("manager", "Marion Manager", Roles.Manager),
        ("staff", "Sam Staff", Roles.Staff),
    ];

    public const string PasswordsFile = "demo-accounts.txt";

    public async Task InitializeAsync(bool demoStoreLoaded)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }
        }
        if (demoStoreLoaded && environment.IsDevelopment() && !await accounts.AnyUsersAsync())
        {
            await CreateDemoAccountsAsync();
        }
    }

    private async Task CreateDemoAccountsAsync()
    {
        var lines = new List<string> { "Demo accounts (Development only). Sign in at /login.", "" };
        foreach (var (userName, displayName, role) in DemoUsers)
        {
            var password = string.IsNullOrEmpty(demo.Value.Password) ? GeneratePassword(identity.Value.Password) : demo.Value.Password;
            var result = await accounts.CreateUserAsync(userName, displayName, password, role);
            if (!result.Succeeded)
            {
                logger.LogWarning("Demo account {User} was not created: {Error}", userName, result.Error);
                continue;
            }
            lines.Add($"{role,-13} user: {userName,-8} password: {password}");
        }
        var folder = Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, PasswordsFile);
        await DataFolderPermissions.WriteOwnerOnlyAsync(file, lines);
        logger.LogWarning("Demo accounts created (Development only); user names and passwords are in {File}:{NewLine}{Accounts}",
            file, Environment.NewLine, string.Join(Environment.NewLine, lines.Skip(2)));
    }

    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>
    /// A random password that passes the configured rules: a draw lacking a required kind of character (a digit,
    /// say, which 14 random letters and digits miss about one time in eleven) is drawn again.
    /// </summary>
    internal static string GeneratePassword(PasswordOptions rules)
    {
        while (true)
        {
            var password = "Demo-" + RandomNumberGenerator.GetString(PasswordAlphabet, Math.Max(14, rules.RequiredLength));
            if (!DemoAccountOptionsValidator.Missing(password, rules).Any())
            {
                return password;
            }
        }
    }
}
