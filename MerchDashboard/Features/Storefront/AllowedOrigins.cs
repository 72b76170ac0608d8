namespace MerchDashboard.Features.Storefront;

/// <summary>
/// The web origins a publishable key is accepted from, in the browser's form <c>scheme://host[:port]</c>: lower
/// case, default port omitted, no path. Requests are matched by their <c>Origin</c> header, else by the origin
/// of their <c>Referer</c> (browsers omit <c>Origin</c> on same-origin GETs).
/// </summary>
public static class AllowedOrigins
{
    public const string RefererHeader = "Referer";

    /// <summary>The normalized origin, or an error naming what is wrong with <paramref name="text"/>.</summary>
    public static (string? Origin, string? Error) Normalize(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, $"'{trimmed}' is not a web origin; write it as https://shop.example (scheme, host and optional port).");
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return (null, $"'{trimmed}' has more than an origin; keep only the scheme, host and port ({uri.GetLeftPart(UriPartial.Authority)}).");
        }
        return (uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), null);
    }

    /// <summary>Every origin normalized and de-duplicated, or the first error with its position.</summary>
    public static (IReadOnlyList<string> Origins, string? Error) NormalizeAll(IEnumerable<string> texts, int maxOrigins)
    {
        var origins = new List<string>();
        var position = 0;
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            position++;
            var (origin, error) = Normalize(text);
            if (error is not null)
            {
                return ([], $"Origin {position}: {error}");
            }
            if (!origins.Contains(origin!))
            {
                origins.Add(origin!);
            }
        }
        return origins.Count > maxOrigins
            ? ([], $"{origins.Count} origins given; a publishable key allows at most {maxOrigins} (PublishableKeys:MaxOrigins).")
            : (origins, null);
    }

    public static string Format(IEnumerable<string> origins) => string.Join(' ', origins);

    public static IReadOnlyList<string> Parse(string? stored) =>
        (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The origin a browser request came from: its Origin header, else its Referer's origin; null when neither is usable.</summary>
    public static string? OfRequest(HttpRequest request)
    {
        if (request.Headers.Origin is [{ Length: > 0 } origin])
        {
            return Normalize(origin).Origin;
        }
        return request.Headers[RefererHeader] is [{ Length: > 0 } referer] && Uri.TryCreate(referer, UriKind.Absolute, out var uri)
            ? Normalize(uri.GetLeftPart(UriPartial.Authority)).Origin
            : null;
    }
}
