using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace MerchDashboard.Features.Storefront;

/// <summary>
/// Authorization's evaluator, with a short path for the API key policies (the API key scheme alone, claim requirements
/// only): the key handler authenticates directly, without the authentication service's per-request handler resolution,
/// claims transformation and principal copy, and a verified key's principal, shared by its requests, gets each policy's
/// answer once (claim requirements read nothing else). A failed authentication is answered as the framework's evaluator
/// answers it, and authorizing it is the framework's, so challenges, 401, 403 and the key handler's 429 are as before. Every other policy (the pages' cookie
/// policies) is the framework's <see cref="PolicyEvaluator"/> unchanged. The general path was a measured share of an
/// API request (docs/benchmarks.md).
/// </summary>
public sealed class ApiKeyPolicyEvaluator(ApiKeyService keys, FailedKeyAttempts failures) : IPolicyEvaluator
{
    private static readonly ConditionalWeakTable<AuthorizationPolicy, StrongBox<bool>> ApiKeyOnly = new();
    private static readonly ConditionalWeakTable<ClaimsPrincipal, ConcurrentDictionary<AuthorizationPolicy, PolicyAuthorizationResult>> Answers = new();

    public async Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsApiKeyOnly(policy))
        {
            return await Framework(context).AuthenticateAsync(policy, context);
        }
        var handler = new ApiKeyAuthenticationHandler(keys, failures);
        await handler.InitializeAsync(ApiKeyAuthenticationHandler.Scheme, context);
        var result = await handler.AuthenticateAsync();
        if (!result.Succeeded)
        {
            // As the framework's evaluator answers a failed scheme; the challenge then runs the key handler's own answer.
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            return AuthenticateResult.NoResult();
        }
        context.User = result.Principal;
        return result;
    }

    public async Task<PolicyAuthorizationResult> AuthorizeAsync(AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource)
    {
        ArgumentNullException.ThrowIfNull(authenticationResult);
        ArgumentNullException.ThrowIfNull(context);
        if (!IsApiKeyOnly(policy) || !authenticationResult.Succeeded || !ReferenceEquals(context.User, authenticationResult.Principal))
        {
            return await Framework(context).AuthorizeAsync(policy, authenticationResult, context, resource);
        }
        var answers = Answers.GetValue(context.User, _ => new ConcurrentDictionary<AuthorizationPolicy, PolicyAuthorizationResult>());
        if (answers.TryGetValue(policy, out var answer))
        {
            return answer;
        }
        answer = await Framework(context).AuthorizeAsync(policy, authenticationResult, context, resource);
        answers.TryAdd(policy, answer);
        return answer;
    }

    private static bool IsApiKeyOnly(AuthorizationPolicy policy) => ApiKeyOnly.GetValue(policy, p => new StrongBox<bool>(
        p.AuthenticationSchemes is [ApiKeyAuthenticationHandler.SchemeName] && p.Requirements.All(r => r is ClaimsAuthorizationRequirement))).Value;

    private static PolicyEvaluator Framework(HttpContext context) => context.RequestServices.GetRequiredService<PolicyEvaluator>();
}
