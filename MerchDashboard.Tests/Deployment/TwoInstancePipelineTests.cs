using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MerchDashboard.Features.Ingest;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.Cli;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Deployment;

/// <summary>Issue 15 item 5: the command line and the catalog API reach both instances on one PostgreSQL database.</summary>
public sealed class PipelineOnPostgresTests(PostgresAppInstances instances) : TwoInstancePipelineTests(instances), IClassFixture<PostgresAppInstances>;

/// <summary>Issue 15 item 5: the same on one shared SQLite file (two hosts on one data folder, as two processes would be).</summary>
public sealed class PipelineOnSharedSqliteTests(SqliteAppInstances instances) : TwoInstancePipelineTests(instances), IClassFixture<SqliteAppInstances>;

/// <summary>Two running instances on one database and the command line beside them: what one writes, both serve.</summary>
public abstract class TwoInstancePipelineTests(ITwoAppInstances instances)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(MerchAppFactory app, string name, string scope)
    {
        var (key, error) = await instances.A.Services.GetRequiredService<ApiKeyService>().CreateAsync(name, "test", [scope], Ct);
        error.ShouldBeNull();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key!.Key);
        return client;
    }

    private static async Task<IReadOnlyList<string>?> ServedAsync(HttpClient client, string sku)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/products/{sku}/frequently-bought-with", UriKind.Relative), Ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()!)];
    }

    [Fact]
    public async Task CommandLineImport_NewPairBoughtTogether40Times_BothInstancesServeItWithin30Seconds()
    {
        instances.SkipUnlessAvailable();
        var clientA = await ClientAsync(instances.A, "cli import A", ApiKeyScopes.Storefront);
        var clientB = await ClientAsync(instances.B, "cli import B", ApiKeyScopes.Storefront);
        using var cli = new MiningCli();
        var csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category\n");
        for (var i = 0; i < 40; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"CLI-PAIR-{i},CLI-C{i % 9},2026-11-{1 + (i % 28):D2}T10:00:00Z,PAIR-CAM,1,199.00,Pair camera,Pair cameras\n");
            csv.Append(CultureInfo.InvariantCulture, $"CLI-PAIR-{i},CLI-C{i % 9},2026-11-{1 + (i % 28):D2}T10:00:00Z,PAIR-LENS,1,89.00,Pair lens,Pair lenses\n");
        }
        (await ServedAsync(clientA, "PAIR-CAM")).ShouldBeNull("the products do not exist yet");

        var (code, _, error) = await MiningCli.RunAsync(["import", "--orders", cli.File("pair.csv", csv.ToString()), .. instances.CliDatabaseArguments]);
        code.ShouldBe(0, error);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string>? servedA = null, servedB = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !(Serves(servedA) && Serves(servedB)))
        {
            await Task.Delay(250, Ct);
            servedA = await ServedAsync(clientA, "PAIR-CAM");
            servedB = await ServedAsync(clientB, "PAIR-CAM");
        }

        servedA.ShouldNotBeNull().ShouldContain("PAIR-LENS", $"instance A after {clock.Elapsed.TotalSeconds:N1} s");
        servedB.ShouldNotBeNull().ShouldContain("PAIR-LENS", $"instance B after {clock.Elapsed.TotalSeconds:N1} s");
        static bool Serves(IReadOnlyList<string>? skus) => skus?.Contains("PAIR-LENS") == true;
    }

    [Fact]
    public async Task CatalogPatch_OnInstanceA_ItemLeavesInstanceBsListWithinTwoSeconds()
    {
        instances.SkipUnlessAvailable();
        var storefrontB = await ClientAsync(instances.B, "patch B", ApiKeyScopes.Storefront);
        var ingestA = await ClientAsync(instances.A, "patch A", ApiKeyScopes.Ingest);
        await WaitUntilMiningSettledAsync();
        var snapshot = instances.B.Services.GetRequiredService<StoreSnapshotService>().Current;
        var anchor = snapshot.Mined.Where(m => m.Value.Count >= 3 && !snapshot.Curation.ContainsKey(m.Key))
            .Select(m => snapshot.Product(m.Key)!).First(p => p.IsAvailable && !p.Sku.StartsWith("PAIR-", StringComparison.Ordinal));
        var served = (await ServedAsync(storefrontB, anchor.Sku)).ShouldNotBeNull();
        served.ShouldNotBeEmpty();
        var run = snapshot.MiningRun!.Id;

        using var patch = await ingestA.PatchAsJsonAsync(new Uri($"/api/v1/catalog/products/{served[0]}", UriKind.Relative), new ProductPatchRequest(null, null, false), Ct);
        var clock = Stopwatch.StartNew();
        var now = served;
        while (now.Contains(served[0]) && clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50, Ct);
            now = (await ServedAsync(storefrontB, anchor.Sku))!;
        }

        patch.StatusCode.ShouldBe(HttpStatusCode.OK);
        now.ShouldNotContain(served[0], $"instance B still served it after {clock.Elapsed.TotalSeconds:N1} s");
        instances.B.Services.GetRequiredService<StoreSnapshotService>().Current.MiningRun!.Id.ShouldBe(run, "no re-mining");
        using var back = await ingestA.PatchAsJsonAsync(new Uri($"/api/v1/catalog/products/{served[0]}", UriKind.Relative), new ProductPatchRequest(null, null, true), Ct);
        back.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// The other test's import is mined by whichever instance takes the lease: wait until no run is in progress and
    /// B serves the newest one, so "no re-mining" below measures the PATCH alone, whatever order the tests run in.
    /// </summary>
    private async Task WaitUntilMiningSettledAsync()
    {
        var factory = instances.B.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<MerchDashboard.Data.AppDbContext>>();
        var clock = Stopwatch.StartNew();
        var settledSince = (TimeSpan?)null;
        // Settled for three seconds: longer than the coordinators' one-second check, so a pending request would have started a run.
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && (settledSince is null || clock.Elapsed - settledSince < TimeSpan.FromSeconds(3)))
        {
            await using (var db = await factory.CreateDbContextAsync(Ct))
            {
                var running = db.MiningRuns.Any(r => r.Status == MerchDashboard.Data.Entities.MiningRunStatus.Running);
                var current = db.MiningRuns.Where(r => r.IsCurrent).Select(r => (int?)r.Id).FirstOrDefault();
                var settled = !running && current == instances.B.Services.GetRequiredService<StoreSnapshotService>().Current.MiningRun?.Id;
                settledSince = settled ? settledSince ?? clock.Elapsed : null;
            }
            await Task.Delay(250, Ct);
        }
    }
}
