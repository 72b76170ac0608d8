using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Deployment;

/// <summary>Two app instances on one PostgreSQL database: what one does, the other serves; a sign-in on one holds on the other.</summary>
public sealed class SeveralInstancesOnPostgresTests(PostgresAppInstances instances) : IClassFixture<PostgresAppInstances>
{
    [Fact]
    public async Task LockList_MadeOnInstanceA_ServedByInstanceBWithinTwoSeconds()
    {
        instances.SkipUnlessAvailable();
        var ct = TestContext.Current.CancellationToken;
        var snapshot = instances.B.Services.GetRequiredService<StoreSnapshotService>().Current;
        var (anchorId, mined) = snapshot.Mined.First(m => m.Value.Count >= 3 && !snapshot.Curation.ContainsKey(m.Key));
        // Locked in reverse mined order, which automatic composition would never give.
        int[] locked = [mined[2].ProductId, mined[1].ProductId, mined[0].ProductId];
        var (key, _) = await instances.A.Services.GetRequiredService<ApiKeyService>().CreateAsync("two-instances", "test", ct);
        using var clientB = instances.B.CreateClient();
        clientB.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key!.Key);
        var url = new Uri($"/api/v1/products/{snapshot.Product(anchorId)!.Sku}/frequently-bought-with", UriKind.Relative);
        (await ModeAsync(clientB, url, ct)).Mode.ShouldBe("auto");

        var commands = instances.A.Services.GetRequiredService<CurationCommands>();
        var current = await commands.GetAsync(anchorId);
        (await commands.ApplyAsync(anchorId, current.Version, new CurationChange.LockList(FrozenSlots.Of(locked), TopN: null), "merch")).Succeeded.ShouldBeTrue();
        var clock = Stopwatch.StartNew();
        var served = await ModeAsync(clientB, url, ct);
        while (served.Mode != "locked" && clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50, ct);
            served = await ModeAsync(clientB, url, ct);
        }

        served.Mode.ShouldBe("locked", $"instance B still served '{served.Mode}' after {clock.Elapsed.TotalSeconds:N1} s");
        // The composer may still drop a locked product (out of stock); the rest keep the locked order.
        var lockedSkus = locked.Select(id => snapshot.Product(id)!.Sku).ToList();
        served.Skus.ShouldNotBeEmpty();
        served.Skus.ShouldBe(lockedSkus.Where(served.Skus.Contains));
    }

    [Fact]
    public async Task SignIn_OnInstanceA_CookieAcceptedByInstanceB()
    {
        instances.SkipUnlessAvailable();
        var cookie = await PostgresAppInstances.SignInAsync(instances.A, "merch");
        using var clientB = instances.B.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        using var anonymous = await clientB.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var signedIn = await clientB.SendAsync(request, TestContext.Current.CancellationToken);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldContain("/login");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Mining_WhileInstanceAHoldsTheLease_InstanceBReportsRunningElsewhere()
    {
        instances.SkipUnlessAvailable();
        var ct = TestContext.Current.CancellationToken;
        var lease = new MiningLease(instances.A.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MerchDashboard.Data.AppDbContext>>(), TimeProvider.System);
        (await lease.TryAcquireAsync(ct)).ShouldBeTrue();
        try
        {
            var outcome = await instances.B.Services.GetRequiredService<MiningJob>().RunAsync("test", ct);

            outcome.Succeeded.ShouldBeFalse();
            outcome.Message.ShouldBe(MiningJob.RunningElsewhere);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
        (await lease.TryAcquireAsync(ct)).ShouldBeTrue("a released lease can be taken again");
        await lease.ReleaseAsync();
    }

    private static async Task<(string Mode, IReadOnlyList<string> Skus)> ModeAsync(HttpClient client, Uri url, CancellationToken ct)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(url, ct);
        var skus = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()!).ToList();
        return (body.GetProperty("mode").GetString()!, skus);
    }
}
