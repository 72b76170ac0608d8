using Microsoft.AspNetCore.Authorization;

namespace MerchDashboard.Features.Account;

/// <summary>The four roles and what each may do, as named authorization policies checked on the server.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Merchandiser = "Merchandiser";
    public const string Manager = "Manager";
    public const string Staff = "Staff";

    public static readonly IReadOnlyList<string> All = [Admin, Merchandiser, Manager, Staff];

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Admin] = "Users, roles, API keys, imports and settings; everything else too",
        [Merchandiser] = "Curates frequently-bought-with lists and complement rules",
        [Manager] = "Reads the strategy dashboards",
        [Staff] = "Previews product pages as a shopper",
    };
}

public static class Policies
{
    /// <summary>Read the suggestion lists and the editor (without edit controls).</summary>
    public const string ViewSuggestions = nameof(ViewSuggestions);
    /// <summary>Change curated lists and complement rules.</summary>
    public const string Curate = nameof(Curate);
    public const string ViewDashboards = nameof(ViewDashboards);
    public const string Preview = nameof(Preview);
    /// <summary>Users, API keys, imports, settings.</summary>
    public const string Administer = nameof(Administer);
    /// <summary>Create, start, pause and stop experiments, and read their results.</summary>
    public const string ManageExperiments = nameof(ManageExperiments);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(ViewSuggestions, p => p.RequireRole(Roles.All));
        options.AddPolicy(Curate, p => p.RequireRole(Roles.Admin, Roles.Merchandiser));
        options.AddPolicy(ViewDashboards, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Merchandiser));
        options.AddPolicy(Preview, p => p.RequireRole(Roles.All));
        options.AddPolicy(Administer, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(ManageExperiments, p => p.RequireRole(Roles.Admin, Roles.Manager));
    }
}
