using System.Globalization;
using System.Text;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Rules;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.Data.Import;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Serving;

/// <summary>
/// Issue 13's gift shop in small, through the real pipeline (import, mining at the defaults, snapshot,
/// composer): an order file with no category for most products, a "Lunch bags" collection bought in several
/// designs at once, and "Mugs" that are also bought in pairs but set as alternatives by the merchandiser.
/// </summary>
public sealed class MessyStoreCompositionTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private SqliteTestDatabase _database = null!;
    private StoreSnapshotService _snapshots = null!;
    private Dictionary<string, int> _ids = [];

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        var report = await _database.CreateImporter().ImportAsync(StoreImporterTests.Store(null, null, null, Orders()), ct: TestContext.Current.CancellationToken);
        report.Succeeded.ShouldBeTrue(string.Join("\n", report.Problems));
        var settings = new MiningSettingsStore(_database, Options.Create(new MiningOptions()), TimeProvider.System);
        using (var job = new MiningJob(_database, new SqliteBulkWriter(), settings, TimeProvider.System, NullLogger<MiningJob>.Instance))
        {
            (await job.RunAsync("test", CancellationToken.None)).Succeeded.ShouldBeTrue();
        }
        _snapshots = new StoreSnapshotService(new StoreSnapshotLoader(_database, TimeProvider.System), NullLogger<StoreSnapshotService>.Instance);
        await _snapshots.ReloadAllAsync(TestContext.Current.CancellationToken);
        await using var db = _database.CreateDbContext();
        _ids = await db.Products.ToDictionaryAsync(p => p.Sku, p => p.Id, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _snapshots.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Compose_MessyStore_EveryProductWithMinedEvidenceGetsAList()
    {
        var mugs = _snapshots.Current.Catalog.CategoryNames.Single(c => c.Value == "Mugs").Key;
        (await new CategoryPairingCommands(_database, _snapshots, TimeProvider.System)
            .SetAsync(mugs, CategoryPairing.Alternatives, "merch", TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        var snapshot = _snapshots.Current;
        var anchors = snapshot.Mined.Where(m => m.Value.Count > 0).Select(m => m.Key).ToList();

        anchors.Count.ShouldBe(_ids.Count, "every product of this store was mined with some other");
        foreach (var anchor in anchors)
        {
            var list = RecommendationService.Compose(snapshot, anchor, null, Now, 6);
            list.Slots.ShouldNotBeEmpty($"{snapshot.Product(anchor)!.Sku}: {string.Join("; ", list.Shortfall.Select(r => r.Text))}");
            list.Slots.Count.ShouldBe(6);
        }

        var uncategorized = RecommendationService.Compose(snapshot, _ids["U01"], null, Now, 6);
        uncategorized.Slots.ShouldContain(s => s.Source == SlotSource.Mined && s.Product.Sku.StartsWith('U'), "placeholder products are not substitutes of each other");
        var bag = RecommendationService.Compose(snapshot, _ids["LB1"], null, Now, 6);
        var otherBags = bag.Slots.Where(s => s.Product.Sku.StartsWith("LB", StringComparison.Ordinal)).ToList();
        otherBags.ShouldNotBeEmpty("a collection bought together stays in the list");
        otherBags.ShouldAllBe(s => s.Source == SlotSource.Mined && s.Explanation.EndsWith(", although in the same category", StringComparison.Ordinal));
        var mug = RecommendationService.Compose(snapshot, _ids["M1"], null, Now, 6);
        snapshot.MinedFor(_ids["M1"]).ShouldContain(m => m.ProductId == _ids["M2"], "mugs are mined together");
        mug.Slots.ShouldNotContain(s => s.Product.Sku.StartsWith('M'), "mugs are set as alternatives");
    }

    /// <summary>400 orders of a seeded random shop; the same file every run.</summary>
    private static string Orders()
    {
        var random = new Random(7);
        var csv = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category,source\n");
        for (var order = 1; order <= 400; order++)
        {
            var lines = new List<(string Sku, string Category)>();
            var theme = random.NextDouble();
            if (theme < 0.15)
            {
                lines.AddRange(Pick(random, ["LB1", "LB2", "LB3", "LB4"], 3).Select(s => (s, "Lunch bags")));
            }
            else if (theme < 0.25)
            {
                lines.AddRange(Pick(random, ["M1", "M2", "M3"], 2).Select(s => (s, "Mugs")));
                lines.Add(("U01", ""));
            }
            else if (theme < 0.45)
            {
                lines.AddRange(Pick(random, ["U01", "U02", "U03", "U04"], 2).Select(s => (s, "")));
            }
            else
            {
                var first = random.Next(1, 7) * 2 - 1;
                lines.Add(($"U{first:D2}", ""));
                lines.Add(($"U{first + 1:D2}", ""));
                lines.Add(($"U{random.Next(1, 13):D2}", ""));
            }
            var at = new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddHours(order * 7).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            foreach (var (sku, category) in lines.DistinctBy(l => l.Sku))
            {
                csv.Append(CultureInfo.InvariantCulture, $"O{order},C{order % 90:D3},{at},{sku},1,3.50,Item {sku},{category},organic\n");
            }
        }
        return csv.ToString();
    }

    private static string[] Pick(Random random, string[] from, int count) => [.. from.OrderBy(_ => random.Next()).Take(count)];
}
