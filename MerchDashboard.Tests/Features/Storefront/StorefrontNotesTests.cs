using System.Net;
using System.Net.Http.Json;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Storefront;

/// <summary>Issue 16 item 10: a merchandiser's note never reaches shoppers through the API; the editor still shows it.</summary>
[Collection(SharedMerchApp.Name)]
public sealed class StorefrontNotesTests(MerchAppFixture app)
{
    private const string Note = "better margin, do not tell";
    private StoreSnapshot Snapshot => app.Factory.Services.GetRequiredService<StoreSnapshotService>().Current;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FrequentlyBoughtWith_PinnedItemWithANote_ExplanationWithoutTheNote()
    {
        var client = await StorefrontClients.NewKeyClientAsync(app.Factory, "notes check");
        var anchorId = Snapshot.Mined.Where(m => m.Value.Count >= 3 && !Snapshot.Curation.ContainsKey(m.Key)).Select(m => m.Key).Min();
        var pinned = Snapshot.Mined[anchorId][2].ProductId;
        var commands = app.Factory.Services.GetRequiredService<CurationCommands>();
        var result = await commands.ApplyAsync(anchorId, (await commands.GetAsync(anchorId, Ct)).Version,
            new CurationChange.Pin(pinned, 1, Note: Note), "merch", Ct);
        result.Succeeded.ShouldBeTrue(result.Error);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Snapshot.CurationFor(anchorId).Version < result.Current.Version)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the snapshot reloads curation after a change");
            await Task.Delay(20, Ct);
        }

        using var response = await client.GetAsync($"/api/v1/products/{Uri.EscapeDataString(Snapshot.Product(anchorId)!.Sku)}/frequently-bought-with?limit=4", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var served = (await response.Content.ReadFromJsonAsync<FrequentlyBoughtWithDto>(Ct))!;
        var editor = app.Factory.Services.GetRequiredService<RecommendationService>().Compose(anchorId, null, served.ComposedAt, 4);

        served.Items[0].Sku.ShouldBe(Snapshot.Product(pinned)!.Sku);
        served.Items[0].Explanation.ShouldBe("Pinned by a merchandiser at slot 1");
        served.Items.ShouldAllBe(i => !i.Explanation.Contains("note", StringComparison.OrdinalIgnoreCase));
        editor.Slots[0].Explanation.ShouldBe($"Pinned by a merchandiser at slot 1 — note: {Note}");
    }
}
