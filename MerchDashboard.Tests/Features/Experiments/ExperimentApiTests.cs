using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Experiments;

/// <summary>The storefront API while an experiment runs in the shared app; each test stops its experiment before it ends.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class ExperimentApiTests(MerchAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> WithRunningAsync<T>(string name, Func<RunningExperiment, Task<T>> test)
    {
        var commands = app.Factory.Services.GetRequiredService<ExperimentCommands>();
        (await commands.CreateAsync(ExperimentTestServices.Draft(name), "tests", Ct)).Error.ShouldBeNull();
        (await commands.StartAsync(name, Ct)).ShouldBeNull();
        try
        {
            return await test(app.Factory.Services.GetRequiredService<ExperimentAssignment>().Running.ShouldNotBeNull());
        }
        finally
        {
            (await commands.StopAsync(name, Ct)).ShouldBeNull();
        }
    }

    private string AnchorSku => app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current.ProductIdsBySku.Keys.Order(StringComparer.Ordinal).First();

    private static string ShopperIn(RunningExperiment running, Arm arm, string prefix) =>
        Enumerable.Range(0, 1_000).Select(i => $"{prefix}{i}").First(id => ArmAssigner.Assign(running.Id, id, running.Arms) == arm);

    [Fact]
    public async Task FrequentlyBoughtWith_RunningExperiment_CarriesExperimentAndTheAssignedArm()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "experiment fbw");
        await WithRunningAsync("api fbw", async running =>
        {
            var url = $"/api/v1/products/{AnchorSku}/frequently-bought-with";
            foreach (var (query, shopper) in new[] { ("?customerId=C-77", "C-77"), ("?visitorId=v-abc", "v-abc"), ("?customerId=C-78&visitorId=v-abc", "C-78") })
            {
                var body = await client.GetFromJsonAsync<JsonElement>(url + query, Ct);
                body.GetProperty("experiment").GetString().ShouldBe("api fbw");
                body.GetProperty("arm").GetString().ShouldBe(ArmShares.NameOf(ArmAssigner.Assign(running.Id, shopper, running.Arms)), query);
                body.GetProperty("recommendationId").GetString().ShouldNotBeNullOrEmpty();
            }
            var anonymous = await client.GetFromJsonAsync<JsonElement>(url, Ct);
            anonymous.GetProperty("experiment").ValueKind.ShouldBe(JsonValueKind.Null);
            anonymous.GetProperty("arm").ValueKind.ShouldBe(JsonValueKind.Null);

            var control = await client.GetFromJsonAsync<JsonElement>($"{url}?visitorId={ShopperIn(running, Arm.Control, "ctl-")}", Ct);
            control.GetProperty("arm").GetString().ShouldBe("control");
            Sources(control).ShouldAllBe(s => s == "fallback");
            var personalized = await client.GetFromJsonAsync<JsonElement>($"{url}?visitorId={ShopperIn(running, Arm.Personalization, "p-")}", Ct);
            Sources(personalized).ShouldAllBe(s => s == "personalized" || s == "fallback");
            return true;
        });
    }

    [Fact]
    public async Task CartRecommendations_RunningExperiment_CarriesTheVisitorsArm()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "experiment cart");
        await WithRunningAsync("api cart", async running =>
        {
            using var response = await client.PostAsJsonAsync("/api/v1/cart/recommendations",
                new { lines = new[] { new { sku = AnchorSku, quantity = 1 } }, visitorId = "v-cart" }, Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            body.GetProperty("experiment").GetString().ShouldBe("api cart");
            body.GetProperty("arm").GetString().ShouldBe(ArmShares.NameOf(ArmAssigner.Assign(running.Id, "v-cart", running.Arms)));
            return true;
        });
    }

    [Fact]
    public async Task CartRecommendations_PersonalizationAndCrossSellArms_SlotsNameTheArmsSource()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "experiment cart sources");
        var snapshot = app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current;
        var anchor = snapshot.ProductIdsBySku.OrderBy(p => p.Key, StringComparer.Ordinal).First(p => snapshot.MinedFor(p.Value).Count >= 2).Key;
        await WithRunningAsync("api cart sources", async running =>
        {
            async Task<List<string>> CartSources(string visitor)
            {
                using var response = await client.PostAsJsonAsync("/api/v1/cart/recommendations",
                    new { lines = new[] { new { sku = anchor, quantity = 1 } }, visitorId = visitor }, Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                return Sources(await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
            }

            var personalization = await CartSources(ShopperIn(running, Arm.Personalization, "cart-p-"));
            var crossSell = await CartSources(ShopperIn(running, Arm.CrossSell, "cart-x-"));

            personalization.ShouldAllBe(s => s == "personalized" || s == "fallback");
            personalization.ShouldContain("personalized", "the anchor has mined complements, so the arm fills slots with them");
            crossSell.ShouldNotContain("personalized");
            crossSell.ShouldContain(s => s == "mined" || s == "rule" || s == "locked" || s == "pinned" || s == "manual");
            return true;
        });
    }

    [Fact]
    public async Task Events_ClientSendsAnArm_ServerStoresItsOwnAssignmentVisitorAndOrder()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "experiment events");
        var recommendation = $"exp-{Guid.NewGuid():N}"[..20];
        var (visitor, running) = await WithRunningAsync("api events", async running =>
        {
            var visitor = ShopperIn(running, Arm.Control, "ev-");
            var json = $$"""
                {"events":[
                  {"type":"impression","recommendationId":"{{recommendation}}","sku":"{{AnchorSku}}","slot":1,"source":"locked","visitorId":"{{visitor}}","arm":"both","experiment":"other"},
                  {"type":"purchase","recommendationId":"{{recommendation}}","sku":"{{AnchorSku}}","slot":1,"source":"locked","visitorId":"{{visitor}}","orderId":"W-9","quantity":1,"revenue":12.5}
                ]}
                """;
            using var response = await client.PostAsync("/api/v1/events", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            return (visitor, running);
        });

        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var rows = await db.StorefrontEvents.Where(e => e.RecommendationId == recommendation).OrderBy(e => e.Type).ToListAsync(Ct);
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.ExperimentId == running.Id && r.Arm == ExperimentArm.Control && r.VisitorId == visitor && r.Source == "locked");
        rows[1].OrderId.ShouldBe("W-9");
    }

    private static List<string> Sources(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("source").GetString()!)];
}
