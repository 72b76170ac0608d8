using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Connections.Features;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Authenticates storefront requests by their <c>X-Api-Key</c> header. A key served from the cache of valid
/// keys costs no database work, and a connection that sends the key it sent before costs no hashing either
/// (<see cref="ApiKeyService.TryCached(string, IDictionary{object, object})"/>); any other key from an address that used up
/// its failed attempts (<see cref="FailedKeyAttempts"/>) is refused with 429 without a lookup. A plain
/// <see cref="IAuthenticationHandler"/> rather than an <c>AuthenticationHandler&lt;T&gt;</c>: that base class creates a
/// logger (under the logger factory's lock) and reads its options for every request, a measured share of the
/// storefront's request time (docs/benchmarks.md).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(ApiKeyService keys, FailedKeyAttempts failures) : IAuthenticationHandler
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "api_key_id";
    private const string ThrottledItem = "merch.api-key-throttled";
    private const string RefusedOriginItem = "merch.api-key-refused-origin";

    /// <summary>The scheme, for callers that run the handler directly (<see cref="ApiKeyPolicyEvaluator"/>).</summary>
    public static readonly AuthenticationScheme Scheme = new(SchemeName, displayName: null, typeof(ApiKeyAuthenticationHandler));

    // One principal and result per cached key, shared by its requests (nothing in the pipeline changes them): claims are not rebuilt per request.
    private static readonly ConditionalWeakTable<ApiKeyInfo, AuthenticateResult> Successes = new();

    private HttpContext _context = null!;
    private Task<AuthenticateResult>? _result;

    private HttpRequest Request => _context.Request;

    private HttpResponse Response => _context.Response;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        return Task.CompletedTask;
    }

    /// <summary>Authenticates once per request: the authorization of each policy asks again.</summary>
    public Task<AuthenticateResult> AuthenticateAsync() => _result ??= HandleAuthenticateAsync();

    public Task ChallengeAsync(AuthenticationProperties? properties) => HandleChallengeAsync();

    public Task ForbidAsync(AuthenticationProperties? properties) => HandleForbiddenAsync();

    private async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = values[0]!;
        var key = keys.TryCached(presented, _context.Features.Get<IConnectionItemsFeature>()?.Items);
        if (key is null)
        {
            var address = FailedKeyAttempts.AddressOf(_context);
            using var attempt = failures.TryBegin(address);
            if (attempt is null)
            {
                _context.Items[ThrottledItem] = true;
                return AuthenticateResult.Fail("Too many failed API key attempts from this address.");
            }
            key = await keys.ValidateAsync(presented, _context.RequestAborted);
            if (key is null)
            {
                failures.Record(address);
                return AuthenticateResult.Fail("The API key is not valid or was revoked.");
            }
        }
        if (key.IsPublishable && AllowedOrigins.OfRequest(Request) is var origin && (origin is null || !key.AllowedOrigins.Contains(origin)))
        {
            _context.Items[RefusedOriginItem] = origin ?? "";
            return AuthenticateResult.Fail("This publishable key is not allowed from the request's origin.");
        }
        return Successes.GetValue(key, k => AuthenticateResult.Success(new AuthenticationTicket(PrincipalOf(k), SchemeName)));
    }

    private static ClaimsPrincipal PrincipalOf(ApiKeyInfo key) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, key.Name), new Claim(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
         .. key.Scopes.Select(scope => new Claim(ApiKeyScopes.ClaimType, scope))],
        SchemeName));

    private async Task HandleChallengeAsync()
    {
        if (_context.Items.ContainsKey(ThrottledItem))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(failures.Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await Results.Problem(
                title: "Too many failed API key attempts",
                detail: "This address sent too many invalid API keys; retry after the time in the Retry-After header with a valid key.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(_context);
            return;
        }
        if (_context.Items.TryGetValue(RefusedOriginItem, out var refused) && refused is string origin)
        {
            await RefuseOriginAsync(origin);
            return;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            title: "A valid API key is required",
            detail: $"Send the storefront's key in the {HeaderName} header; an administrator creates keys on the API keys page or with the api-key verb.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(_context);
    }

    private async Task HandleForbiddenAsync()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scopes = string.Join(", ", _context.User.FindAll(ApiKeyScopes.ClaimType).Select(c => c.Value));
        await Results.Problem(
            title: "This API key's scopes do not allow this call",
            detail: $"The key has the scopes: {scopes}. An administrator creates a key with the needed scope on the API keys page or with api-key create --scope.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(_context);
    }

    private async Task RefuseOriginAsync(string origin)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var detail = origin.Length == 0
            ? "A publishable key is accepted only from the web pages of its allowed origins, and this request names no origin (Origin or Referer header)."
            : $"This publishable key is not allowed from {Hosting.ApiProblemMiddleware.Quote(origin)}; an administrator adds the shop's origin to a publishable key on the API keys page or with api-key create --origin.";
        await Results.Problem(title: "Origin not allowed for this key", detail: detail, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(_context);
    }
}
