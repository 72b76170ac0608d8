using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MerchDashboard.Hosting;

/// <summary>
/// Bound from <c>ReverseProxy</c>: which proxies' <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// headers are believed. Behind a TLS-terminating proxy they make the request https (so cookies are
/// <c>Secure</c> and redirects stay on https) and give the client's address to per-address limits. With
/// both lists empty only a proxy on the same machine (loopback) is believed; headers from any other
/// address are ignored, so a client cannot forge its address or scheme.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are unwrapped.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ReverseProxy:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }

    public void ApplyTo(ForwardedHeadersOptions forwarded)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = ForwardLimit;
        if (KnownProxies.Count + KnownNetworks.Count == 0)
        {
            return;
        }
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
