namespace MerchDashboard.Features.Storefront;

/// <summary>
/// What a key may do (PRODUCT.md "Key scopes"): <c>storefront</c> reads lists, bundles and recommendations
/// and posts events (the default, and what keys made before scopes are); <c>ingest</c> writes the catalog
/// and orders; <c>curation</c> reads and changes curated lists; <c>publishable</c> lives in shoppers' browsers:
/// it reads product lists and bundles and posts events, only from its allowed origins, rate limited per visitor,
/// never naming a customer (<see cref="PublishableKeyMiddleware"/>). Each scope is a claim on the key's identity and an authorization policy of the same name.
/// </summary>
public static class ApiKeyScopes
{
    public const string Storefront = "storefront";
    public const string Ingest = "ingest";
    public const string Curation = "curation";
    public const string Publishable = "publishable";
    public const string ClaimType = "api_scope";

    public static IReadOnlyList<string> All { get; } = [Storefront, Ingest, Curation, Publishable];

    /// <summary>Policy that admits a key holding any of <paramref name="scopes"/>.</summary>
    public static string PolicyFor(params string[] scopes) => "ApiScope:" + string.Join('|', scopes);

    /// <summary>Parses a comma-separated list; empty means the default, <see cref="Storefront"/>.</summary>
    public static (IReadOnlyList<string> Scopes, string? Error) Parse(string? text)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (names.Count == 0)
        {
            return ([Storefront], null);
        }
        var unknown = names.Where(n => !All.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            return ([], $"Unknown scope {string.Join(", ", unknown.Select(u => $"'{u}'"))}; use one or more of {string.Join(", ", All)}.");
        }
        return ([.. All.Where(names.Contains)], null);
    }

    public static string Format(IEnumerable<string> scopes) => string.Join(',', scopes);
}
