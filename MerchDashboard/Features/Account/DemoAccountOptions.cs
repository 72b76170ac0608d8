using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Account;

public sealed class DemoAccountOptions
{
    public const string Section = "DemoAccounts";

    /// <summary>The password of every demo account; when empty, each gets a random one, logged and written to the data folder.</summary>
    public string? Password { get; set; }
}

/// <summary>
/// A configured demo password must pass the same rules as every account's password (<see cref="IdentityOptions.Password"/>):
/// checked at start-up, so a weak one stops the app with its key named instead of leaving it without demo accounts.
/// </summary>
public sealed class DemoAccountOptionsValidator(IOptions<IdentityOptions> identity) : IValidateOptions<DemoAccountOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoAccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Password))
        {
            return ValidateOptionsResult.Success;
        }
        var missing = Missing(options.Password, identity.Value.Password).ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{DemoAccountOptions.Section}:{nameof(DemoAccountOptions.Password)} needs {string.Join(", ", missing)} "
                + "like every account's password (or leave it empty for random ones).");
    }

    internal static IEnumerable<string> Missing(string password, PasswordOptions rules)
    {
        if (password.Length < rules.RequiredLength)
        {
            yield return $"at least {rules.RequiredLength} characters";
        }
        if (rules.RequireDigit && !password.Any(char.IsAsciiDigit))
        {
            yield return "a digit";
        }
        if (rules.RequireLowercase && !password.Any(char.IsAsciiLetterLower))
        {
            yield return "a lowercase letter";
        }
        if (rules.RequireUppercase && !password.Any(char.IsAsciiLetterUpper))
        {
            yield return "an uppercase letter";
        }
        if (rules.RequireNonAlphanumeric && password.All(char.IsAsciiLetterOrDigit))
        {
            yield return "a character that is neither a letter nor a digit";
        }
        if (password.Distinct().Count() < rules.RequiredUniqueChars)
        {
            yield return $"{rules.RequiredUniqueChars} different characters";
        }
    }
}
