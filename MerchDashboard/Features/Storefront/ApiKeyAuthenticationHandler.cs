using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Authenticates storefront requests by their <c>X-Api-Key</c> header. A key served from the cache of valid
/// keys costs no database work; any other key from an address that used up its failed attempts
/// (<see cref="FailedKeyAttempts"/>) is refused with 429 without a lookup.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys, FailedKeyAttempts failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "api_key_id";
    private const string ThrottledItem = "merch.api-key-throttled";
    private const string RefusedOriginItem = "merch.api-key-refused-origin";

    // One principal per cached key, shared by its requests (nothing in the pipeline changes it): claims are not rebuilt per request.
    private static readonly ConditionalWeakTable<ApiKeyInfo, ClaimsPrincipal> Principals = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }
        var presented = values[0]!;
        var key = keys.TryCached(presented);
        if (key is null)
        {
            var address = FailedKeyAttempts.AddressOf(Context);
            using var attempt = failures.TryBegin(address);
            if (attempt is null)
            {
                Context.Items[ThrottledItem] = true;
                return AuthenticateResult.Fail("Too many failed API key attempts from this address.");
            }
            key = await keys.ValidateAsync(presented, Context.RequestAborted);
            if (key is null)
            {
                failures.Record(address);
                return AuthenticateResult.Fail("The API key is not valid or was revoked.");
            }
        }
        if (key.IsPublishable && AllowedOrigins.OfRequest(Request) is var origin && (origin is null || !key.AllowedOrigins.Contains(origin)))
        {
            Context.Items[RefusedOriginItem] = origin ?? "";
            return AuthenticateResult.Fail("This publishable key is not allowed from the request's origin.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(Principals.GetValue(key, PrincipalOf), SchemeName));
    }

    private static ClaimsPrincipal PrincipalOf(ApiKeyInfo key) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, key.Name), new Claim(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
         .. key.Scopes.Select(scope => new Claim(ApiKeyScopes.ClaimType, scope))],
        SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(ThrottledItem))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(failures.Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await Results.Problem(
                title: "Too many failed API key attempts",
                detail: "This address sent too many invalid API keys; retry after the time in the Retry-After header with a valid key.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(Context);
            return;
        }
        if (Context.Items.TryGetValue(RefusedOriginItem, out var refused) && refused is string origin)
        {
            await RefuseOriginAsync(origin);
            return;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            title: "A valid API key is required",
            detail: $"Send the storefront's key in the {HeaderName} header; an administrator creates keys on the API keys page or with the api-key verb.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scopes = string.Join(", ", Context.User.FindAll(ApiKeyScopes.ClaimType).Select(c => c.Value));
        await Results.Problem(
            title: "This API key's scopes do not allow this call",
            detail: $"The key has the scopes: {scopes}. An administrator creates a key with the needed scope on the API keys page or with api-key create --scope.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }

    private async Task RefuseOriginAsync(string origin)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var detail = origin.Length == 0
            ? "A publishable key is accepted only from the web pages of its allowed origins, and this request names no origin (Origin or Referer header)."
            : $"This publishable key is not allowed from {Hosting.ApiProblemMiddleware.Quote(origin)}; an administrator adds the shop's origin to a publishable key on the API keys page or with api-key create --origin.";
        await Results.Problem(title: "Origin not allowed for this key", detail: detail, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }
}
