using MerchDashboard.Features.Account;

namespace MerchDashboard.Tests.Features.Account;

/// <summary>A routable page and who may open it: a policy name, or one of the two sentinels.</summary>
public sealed record PageAccess(string Route, string Policy);

/// <summary>
/// Every page of the app and the policy that guards it, as data: a new page adds one row (the coverage
/// test fails until it does). Route parameters are filled with a real value from the demo store.
/// </summary>
public static class PageAccessMatrix
{
    public const string Public = "(anyone)";
    public const string SignedIn = "(signed in)";

    public static readonly IReadOnlyList<PageAccess> Pages =
    [
        new("/", SignedIn),
        new("/admin/users", Policies.Administer),
        new("/admin/api-keys", Policies.Administer),
        new("/admin/mining", Policies.Administer),
        new("/admin/store", Policies.Administer),
        new("/suggestions", Policies.ViewSuggestions),
        new("/suggestions/{Sku}", Policies.ViewSuggestions),
        new("/rules", Policies.Curate),
        new("/dashboards", Policies.ViewDashboards),
        new("/experiments", Policies.ManageExperiments),
        new("/preview", Policies.Preview),
        new("/preview/{Sku}", Policies.Preview),
        new("/preview/evaluation", Policies.Preview),
        new("/preview/cart", Policies.Preview),
        new("/data", Policies.Administer),
        new("/login", Public),
        new("/denied", Public),
        new("/not-found", Public),
    ];

    /// <summary>Pages the matrix does not request: /setup redirects once a user exists, /Error is the exception handler's.</summary>
    public static readonly IReadOnlySet<string> NotRequested = new HashSet<string>(StringComparer.Ordinal) { "/setup", "/Error" };

    public static readonly IReadOnlyList<string> DemoUsers = ["admin", "merch", "manager", "staff"];

    /// <summary>Written out by hand, not read from Roles.cs, so a policy change there must be deliberate.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedUsers = new Dictionary<string, string[]>
    {
        [SignedIn] = ["admin", "merch", "manager", "staff"],
        [Policies.ViewSuggestions] = ["admin", "merch", "manager", "staff"],
        [Policies.Curate] = ["admin", "merch"],
        [Policies.ViewDashboards] = ["admin", "merch", "manager"],
        [Policies.Preview] = ["admin", "merch", "manager", "staff"],
        [Policies.Administer] = ["admin"],
        [Policies.ManageExperiments] = ["admin", "manager"],
    };

    /// <summary>Each page against anonymous (null) and every demo user.</summary>
    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var page in Pages)
        {
            data.Add(page.Route, null);
            foreach (var user in DemoUsers)
            {
                data.Add(page.Route, user);
            }
        }
        return data;
    }
}
