using MerchDashboard.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace MerchDashboard.Tests.Features.Account;

public class DemoPasswordTests
{
    [Fact]
    public void GeneratePassword_ThousandDraws_EveryOnePassesTheIdentityRules()
    {
        // The app's rules: Identity's defaults (digit, lower, upper) with 10 characters and no symbol required.
        // The former generator (base64 of 9 random bytes) lacked a digit about one time in twelve, so a first start
        // could leave a role without its demo account.
        var rules = new PasswordOptions { RequiredLength = 10, RequireNonAlphanumeric = false };
        var stricter = new PasswordOptions { RequiredLength = 20, RequireNonAlphanumeric = true, RequiredUniqueChars = 8 };

        for (var i = 0; i < 1000; i++)
        {
            DemoAccountOptionsValidator.Missing(AccountInitializer.GeneratePassword(rules), rules).ShouldBeEmpty();
            DemoAccountOptionsValidator.Missing(AccountInitializer.GeneratePassword(stricter), stricter).ShouldBeEmpty();
        }
        AccountInitializer.GeneratePassword(stricter).Length.ShouldBeGreaterThanOrEqualTo(20);
    }
}
