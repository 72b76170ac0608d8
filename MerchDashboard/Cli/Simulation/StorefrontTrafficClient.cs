using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.RateLimiting;

namespace MerchDashboard.Cli.Simulation;

/// <summary>
/// The simulator's calls to the storefront API, paced by a token bucket of <see cref="SimulationSettings.MaxRequestsPerSecond"/>;
/// a 429 waits for its Retry-After and is retried (<see cref="SimulationSettings.MaxRetries"/>); any other refusal stops the run.
/// </summary>
public sealed class StorefrontTrafficClient(HttpClient http, SimulationSettings settings, TimeProvider time) : IDisposable
{
    private readonly TokenBucketRateLimiter _pace = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = settings.MaxRequestsPerSecond,
        TokensPerPeriod = settings.MaxRequestsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = int.MaxValue,
        AutoReplenishment = true,
    });

    private static readonly string[] ProblemFields = ["title", "detail"];

    public Uri? BaseAddress => http.BaseAddress;

    public int Requests { get; private set; }
    public int Throttled { get; private set; }

    /// <summary>The list of <paramref name="sku"/> for the shopper, or null when the API does not know the product (404).</summary>
    public async Task<ServedList?> ListAsync(string sku, string? customerId, string? visitorId, CancellationToken ct)
    {
        var shopper = customerId is not null ? $"customerId={Uri.EscapeDataString(customerId)}" : $"visitorId={Uri.EscapeDataString(visitorId!)}";
        var path = $"api/v1/products/{Uri.EscapeDataString(sku)}/frequently-bought-with?{shopper}&limit={settings.ListLength.ToString(CultureInfo.InvariantCulture)}";
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        await EnsureAsync(response, "GET " + path, ct);
        return await response.Content.ReadFromJsonAsync<ServedList>(StorefrontWire.Json, ct);
    }

    public async Task PostEventsAsync(IReadOnlyList<EventBody> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }
        using var response = await SendAsync(() => Post("api/v1/events", new EventBatchBody(events)), ct);
        await EnsureAsync(response, "POST /api/v1/events", ct);
    }

    public async Task PostOrdersAsync(IReadOnlyList<OrderBody> orders, CancellationToken ct)
    {
        if (orders.Count == 0)
        {
            return;
        }
        using var response = await SendAsync(() => Post("api/v1/orders", new OrderBatchBody(orders)), ct);
        await EnsureAsync(response, "POST /api/v1/orders", ct);
    }

    private static HttpRequestMessage Post<T>(string path, T body) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: StorefrontWire.Json) };

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var lease = await _pace.AcquireAsync(1, ct);
            Requests++;
            using var message = request();
            var response = await http.SendAsync(message, ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= settings.MaxRetries)
            {
                return response;
            }
            Throttled++;
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait < settings.MaxRetryWait ? wait : settings.MaxRetryWait, time, ct);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string call, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(ct);
        var detail = body;
        try
        {
            using var problem = JsonDocument.Parse(body);
            detail = string.Join(" ", ProblemFields.Select(p => problem.RootElement.TryGetProperty(p, out var v) ? v.GetString() : null).OfType<string>());
            if (problem.RootElement.TryGetProperty("errors", out var errors))
            {
                detail += " " + errors.GetRawText();
            }
        }
        catch (JsonException)
        {
            // Not ProblemDetails: the raw body says what it says.
        }
        throw new SimulationRefusedException($"{call} answered {(int)response.StatusCode} {response.StatusCode}: {detail}".Trim());
    }

    public void Dispose() => _pace.Dispose();
}
