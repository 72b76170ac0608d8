using System.Globalization;
using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Features.Mining;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Mining;

/// <summary>
/// The app mines product ids, not labels. Before, ids went to the engine as 10-digit zero-padded labels, so the
/// ordinal order of labels was the order of ids; a store whose ids have 1 to 7 digits must give the same ranked
/// candidates and bundles as that label pipeline, and not the ones unpadded labels ("1000" &lt; "42" &lt; "7") would give.
/// </summary>
public sealed class MiningProductIdOrderTests : IAsyncLifetime
{
    private const int Anchor = 5;

    /// <summary>Tied with the anchor: each is bought with it as often, and as often overall.</summary>
    private static readonly int[] Tied = [7, 42, 1000, 99999];

    /// <summary>Random orders over these only, so the ties above stay exact.</summary>
    private static readonly int[] Noise = [3, 64, 512, 4096, 77777, 250000, 1000000, 31, 808];

    private SqliteTestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task RunAsync_IdsOfDifferentDigitCounts_RankAsThePaddedLabelsDid()
    {
        var orders = await SeedAsync(seed: 17);
        var job = new MiningJob(_database, new SqliteBulkWriter(),
            new MiningSettingsStore(_database, Options.Create(new MiningOptions { MinCount = 2, MinLift = 0, MinConfidence = 0, MaxLength = 3, ListSize = 10 }), TimeProvider.System),
            TimeProvider.System, NullLogger<MiningJob>.Instance);

        (await job.RunAsync("test", TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();

        await using var db = _database.CreateDbContext();
        var run = await db.MiningRuns.SingleAsync(TestContext.Current.CancellationToken);
        var settings = System.Text.Json.JsonSerializer.Deserialize<MiningSettings>(run.SettingsJson)! with { ListSize = MiningJob.StoredCandidates };
        var pairs = await db.MinedPairs.ToListAsync(TestContext.Current.CancellationToken);
        var bundles = await db.MinedBundles.ToListAsync(TestContext.Current.CancellationToken);
        var stored = Describe(
            pairs.GroupBy(p => p.AnchorProductId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Rank).Select(p => $"{p.CandidateProductId}:{p.Count}:{p.Score:R}")),
            bundles.GroupBy(b => b.AnchorProductId).ToDictionary(g => g.Key, g => g.OrderBy(b => b.Rank).Select(b => $"{b.ItemIds}:{b.Count}:{b.Score:R}")));

        pairs.Where(p => p.AnchorProductId == Anchor).OrderBy(p => p.Rank).Select(p => p.CandidateProductId).ShouldBe(Tied);
        bundles.Where(b => b.AnchorProductId == Anchor).OrderBy(b => b.Rank).Select(b => b.ItemIds).ShouldBe(["7,99999", "42,1000"]);
        stored.ShouldBe(ThroughLabels(orders, settings, id => id.ToString("D10", CultureInfo.InvariantCulture)));
        stored.ShouldNotBe(ThroughLabels(orders, settings, id => id.ToString(CultureInfo.InvariantCulture)), "unpadded labels order these ids differently");
        pairs.Select(p => p.AnchorProductId).Distinct().Count().ShouldBeGreaterThan(Noise.Length / 2, "the noise orders are mined too");
    }

    /// <summary>The earlier pipeline: products as labels, mined in the labels' ordinal order, read back as ids.</summary>
    private static List<string> ThroughLabels(List<int[]> orders, MiningSettings settings, Func<int, string> label)
    {
        var labelled = LabelledBaskets.FromBaskets(orders.Select(o => o.Select(label)));
        var result = AssociationMiner.Run(labelled.Baskets, settings, null, TestContext.Current.CancellationToken);
        int IdOf(int id) => int.Parse(labelled.Labels[id], CultureInfo.InvariantCulture);
        return Describe(
            result.Anchors.Where(a => a.Candidates.Count > 0).ToDictionary(a => IdOf(a.Anchor), a => a.Candidates.Select(c => $"{IdOf(c.Item)}:{c.Statistics.Count}:{c.Score:R}")),
            result.Anchors.Where(a => a.Bundles.Count > 0).ToDictionary(a => IdOf(a.Anchor), a => a.Bundles.Select(b =>
                $"{string.Join(',', b.Items.Select(IdOf).Where(i => i != IdOf(a.Anchor)))}:{b.Count}:{b.Score:R}")));
    }

    private static List<string> Describe(Dictionary<int, IEnumerable<string>> candidates, Dictionary<int, IEnumerable<string>> bundles) =>
        [.. candidates.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} with {string.Join(" ", kv.Value)}"),
            .. bundles.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} bundles {string.Join(" ", kv.Value)}")];

    /// <summary>
    /// Anchor 5 with each tied product three times, and with {7, 99999} and {42, 1000} twice each (every tied product:
    /// 5 orders, all with the anchor, so equal scores); then 400 random orders over the noise products.
    /// </summary>
    private async Task<List<int[]>> SeedAsync(int seed)
    {
        var orders = new List<int[]>();
        foreach (var product in Tied)
        {
            orders.AddRange(Enumerable.Repeat(new[] { Anchor, product }, 3));
        }
        orders.AddRange(Enumerable.Repeat(new[] { Anchor, 7, 99999 }, 2));
        orders.AddRange(Enumerable.Repeat(new[] { Anchor, 42, 1000 }, 2));
        var random = new Random(seed);
        for (var i = 0; i < 400; i++)
        {
            orders.Add([.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => Noise[(int)(Noise.Length * Math.Pow(random.NextDouble(), 2))]).Distinct()]);
        }
        await using var db = _database.CreateDbContext();
        db.Categories.Add(new Category { Id = 1, Code = "all", Name = "All" });
        db.Products.AddRange(Tied.Concat(Noise).Append(Anchor).Select(id => new Product { Id = id, Sku = $"SKU-{id}", Name = $"Product {id}", CategoryId = 1, Price = 10 }));
        var placed = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        db.Orders.AddRange(orders.Select((items, i) => new Order
        {
            ExternalId = $"O{i}", PlacedAt = placed.AddHours(i), Revenue = 10 * items.Length, Units = items.Length,
            Lines = [.. items.Select(id => new OrderLine { ProductId = id, Quantity = 1, UnitPrice = 10 })],
        }));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return orders;
    }
}
