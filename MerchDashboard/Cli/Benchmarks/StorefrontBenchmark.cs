using System.Diagnostics;
using System.Text.Json;
using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Engine.Personalization;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Cli.Benchmarks;

/// <summary>
/// The storefront's request path in process, stage by stage, over a generated store of many customers: building a
/// shopper profile, the profiles' memory (all of them held, and held by <see cref="ShopperProfileStore"/> within its
/// budget), composing anonymous and personalized lists, and writing their JSON. The store: 2,000 products in 40 leaf
/// categories of 8 departments and 25 brands; each customer places 1 to 8 orders (mean 2.5) of baskets from
/// <see cref="SyntheticBasketGenerator"/> over two years; each of 400 anchors has 20 mined candidates.
/// </summary>
public static class StorefrontBenchmark
{
    private const int Products = 2_000, Leaves = 40, Anchors = 400, MinedPerAnchor = 20, Slots = 6;
    private static readonly DateTime Start = new(2024, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Dictionary<string, object> Run(int customers, int profileSample, int budgetMB, int seed, TextWriter progress)
    {
        var figures = new Dictionary<string, object> { ["customers"] = customers, ["products"] = Products, ["seed"] = seed, ["loadAverage"] = BenchVerb.LoadAverage() };
        var random = new Random(seed);
        progress.WriteLine($"generating {customers:N0} customers' orders and training the personalization model");
        var snapshot = GenerateStore(random, customers, seed);
        var asOf = Start.AddDays(731);
        figures["purchaseLines"] = snapshot.PurchasesByCustomer.Values.Sum(p => (long)p.Count);
        figures["heapWithStoreBytes"] = GC.GetTotalMemory(forceFullCollection: true);
        var ids = snapshot.CustomerIdsByExternalId.Keys.ToArray();

        progress.WriteLine($"building {Math.Min(profileSample, customers):N0} profiles, all held");
        MeasureUnboundedProfiles(snapshot, ids.Take(profileSample).ToArray(), asOf, figures);

        progress.WriteLine($"building {customers:N0} profiles through the store, budget {budgetMB} MB");
        var store = new ShopperProfileStore(Options.Create(new ShopperProfileOptions { MemoryBudgetMB = budgetMB, WarmOnNewSnapshot = false }));
        var stopwatch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            store.Find(snapshot, id, asOf);
        }
        figures["storeFillMs"] = stopwatch.ElapsedMilliseconds;
        Thread.Sleep(500);
        figures["storeProfilesHeld"] = store.Count;
        figures["storeEstimatedBytes"] = store.HeldBytes;
        figures["storeBudgetBytes"] = budgetMB * 1024L * 1024L;
        figures["heapWithStoreProfilesBytes"] = GC.GetTotalMemory(forceFullCollection: true);
        using (var process = Process.GetCurrentProcess())
        {
            figures["workingSetWithStoreBytes"] = process.WorkingSet64;
        }

        progress.WriteLine("timing composition and JSON");
        MeasureRequestPath(snapshot, store, ids, asOf, random, figures);
        figures["apiKeyHashNs"] = NanosecondsPer(200_000, i => ApiKeyService.Hash("mdk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG").Length);
        using (var process = Process.GetCurrentProcess())
        {
            figures["peakWorkingSetBytes"] = process.PeakWorkingSet64;
        }
        GC.KeepAlive(store);
        return figures;
    }

    private static void MeasureUnboundedProfiles(StoreSnapshot snapshot, string[] sample, DateTime asOf, Dictionary<string, object> figures)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = new ShopperProfile?[sample.Length];
        long estimated = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < sample.Length; i++)
        {
            held[i] = RecommendationService.CustomerProfile(snapshot, sample[i], asOf);
            estimated += held[i]!.EstimatedBytes;
        }
        stopwatch.Stop();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        figures["profilesHeld"] = sample.Length;
        figures["profileBuildUs"] = Math.Round(stopwatch.Elapsed.TotalMicroseconds / sample.Length, 2);
        figures["profilesRetainedBytes"] = retained;
        figures["profileRetainedBytesEach"] = retained / Math.Max(1, sample.Length);
        figures["profileEstimatedBytesEach"] = estimated / Math.Max(1, sample.Length);
        GC.KeepAlive(held);
    }

    private static void MeasureRequestPath(StoreSnapshot snapshot, ShopperProfileStore store, string[] ids, DateTime asOf, Random random, Dictionary<string, object> figures)
    {
        var anchors = snapshot.Mined.Keys.ToArray();
        var cases = Enumerable.Range(0, 4_096).Select(_ => (Anchor: anchors[random.Next(anchors.Length)], Customer: ids[random.Next(ids.Length)])).ToArray();
        var profiles = cases.Select(c => store.Find(snapshot, c.Customer, asOf)).ToArray();
        var lists = cases.Select((c, i) => RecommendationService.Compose(snapshot, c.Anchor, profiles[i], asOf, Slots)).ToArray();
        var dtos = lists.Select((l, i) => ServedListCache.ToDto(snapshot.Product(cases[i].Anchor)!.Sku, l, cases[i].Customer)).ToArray();
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        const int Runs = 100_000;
        figures["composeAnonymousUs"] = Micro(NanosecondsPer(Runs, i => RecommendationService.Compose(snapshot, cases[i % cases.Length].Anchor, null, asOf, Slots).Slots.Count));
        figures["composePersonalizedUs"] = Micro(NanosecondsPer(Runs, i => RecommendationService.Compose(snapshot, cases[i % cases.Length].Anchor, profiles[i % cases.Length], asOf, Slots).Slots.Count));
        var prepared = anchors.ToDictionary(a => a, a => snapshot.Prepare(a, asOf, Slots));
        figures["finishPreparedPersonalizedUs"] = Micro(NanosecondsPer(Runs, i => prepared[cases[i % cases.Length].Anchor].For(profiles[i % cases.Length]).Slots.Count));
        var carts = cases.Select((c, i) => (int[])[c.Anchor, cases[(i + 1) % cases.Length].Anchor]).ToArray();
        var preparedDepths = new Dictionary<(int, int), PreparedComposition>();
        PreparedComposition PreparedAt(int anchor, int depth) =>
            preparedDepths.TryGetValue((anchor, depth), out var p) ? p : preparedDepths[(anchor, depth)] = snapshot.Prepare(anchor, asOf, depth);
        figures["cartOfTwoPersonalizedUs"] = Micro(NanosecondsPer(Runs / 4, i => CartRecommendations.Compose(snapshot, carts[i % carts.Length], profiles[i % cases.Length], asOf, Slots, PreparedAt).Slots.Count));
        figures["cartOfTwoAllocatedBytes"] = AllocatedBytesPer(2_000, i => CartRecommendations.Compose(snapshot, carts[i % carts.Length], profiles[i % cases.Length], asOf, Slots, PreparedAt).Slots.Count);
        figures["finishPreparedAllocatedBytes"] = AllocatedBytesPer(2_000, i => prepared[cases[i % cases.Length].Anchor].For(profiles[i % cases.Length]).Slots.Count);
        figures["preparedBytesEach"] = RetainedBytesEach(anchors, a => snapshot.Prepare(a, asOf, Slots));
        // What the served-list cache holds per anonymous list: the prepared composition, the list and its written JSON.
        figures["anonymousEntryBytesEach"] = RetainedBytesEach(anchors, a =>
        {
            var entry = snapshot.Prepare(a, asOf, Slots);
            var written = new FrequentlyBoughtWithJson(snapshot.Product(a)!.Sku, entry.For(shopper: null), CustomerId: null, "USD").Written();
            return (entry, written);
        });
        figures["storedProfileLookupUs"] = Micro(NanosecondsPer(Runs, i => store.Find(snapshot, cases[i % cases.Length].Customer, asOf) is null ? 0 : 1));
        figures["toDtoUs"] = Micro(NanosecondsPer(Runs, i => ServedListCache.ToDto("SKU", lists[i % lists.Length], null).Items.Count));
        figures["jsonSourceGeneratedUs"] = Micro(NanosecondsPer(Runs, i => StorefrontJson.Utf8(dtos[i % dtos.Length]).Length));
        figures["jsonReflectionUs"] = Micro(NanosecondsPer(Runs, i => JsonSerializer.SerializeToUtf8Bytes(dtos[i % dtos.Length], reflection).Length));
        figures["jsonBytes"] = StorefrontJson.Utf8(dtos[0]).Length;
    }

    /// <summary>Bytes allocated per call of <paramref name="work"/> on this thread, after one round to warm up.</summary>
    private static long AllocatedBytesPer(int runs, Func<int, int> work)
    {
        var sink = 0;
        for (var i = 0; i < runs; i++)
        {
            sink += work(i);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            sink += work(i);
        }
        GC.KeepAlive(sink);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / runs;
    }

    /// <summary>The heap one built object holds, on average over one built per key.</summary>
    private static long RetainedBytesEach<TKey, TValue>(TKey[] keys, Func<TKey, TValue> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = keys.Select(build).ToArray();
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(held);
        return retained / Math.Max(1, keys.Length);
    }

    private static double Micro(double nanoseconds) => Math.Round(nanoseconds / 1_000, 3);

    /// <summary>Mean nanoseconds of <paramref name="work"/> over <paramref name="runs"/> calls, after a tenth as many to warm up.</summary>
    private static double NanosecondsPer(int runs, Func<int, int> work)
    {
        var sink = 0;
        for (var i = 0; i < runs / 10; i++)
        {
            sink += work(i);
        }
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            sink += work(i);
        }
        stopwatch.Stop();
        GC.KeepAlive(sink);
        return stopwatch.Elapsed.TotalNanoseconds / runs;
    }

    private static StoreSnapshot GenerateStore(Random random, int customers, int seed)
    {
        var products = Enumerable.Range(1, Products).ToDictionary(id => id, id =>
        {
            var leaf = 100 + (id % Leaves);
            return new ProductInfo(id, $"P{id:D5}", $"Product {id}", $"Brand {id % 25}", leaf, 10 + (leaf % 8),
                Math.Round(5 + ((decimal)random.NextDouble() * 495), 2), 10, IsActive: true, new HashSet<string>());
        });
        var names = Enumerable.Range(0, Leaves).ToDictionary(l => 100 + l, l => $"Category {l}");
        foreach (var department in Enumerable.Range(10, 8))
        {
            names[department] = $"Department {department}";
        }
        var baskets = new SyntheticBasketGenerator(Products, seed);
        var history = new List<Purchase>(customers * 6);
        Span<int> basket = stackalloc int[SyntheticBasketGenerator.MaxBasketSize];
        for (var customer = 1; customer <= customers; customer++)
        {
            var orders = Math.Min(8, 1 + (int)(-Math.Log(1 - random.NextDouble()) * 1.5));
            for (var order = 0; order < orders; order++)
            {
                var at = Start.AddMinutes(random.Next(730 * 24 * 60));
                var size = baskets.NextBasket(basket);
                for (var k = 0; k < size; k++)
                {
                    history.Add(new Purchase(customer, basket[k] + 1, at, 1));
                }
            }
        }
        var model = PersonalizationModel.Train(history, CatalogIndex.Create(products.Values, names));
        var bestSellers = model.BestSellers.Select(id => products[id]).GroupBy(p => p.CategoryId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(p => p.Id)]);
        var catalog = new CatalogView(products, names, [], bestSellers) { StoreBestSellers = model.BestSellers };
        var mined = Enumerable.Range(0, Anchors).Select(_ => random.Next(1, Products + 1)).Distinct().ToDictionary(anchor => anchor,
            anchor => (IReadOnlyList<MinedCandidate>)[.. Enumerable.Range(0, MinedPerAnchor)
                .Select(r => new MinedCandidate(random.Next(1, Products + 1), 100 - r, 0.001, 0.2, 2.0, 1.0 - (r * 0.04)))]);
        var byCustomer = history.GroupBy(p => p.CustomerKey).ToDictionary(g => g.Key, g => (IReadOnlyList<Purchase>)[.. g]);
        var externalIds = byCustomer.Keys.ToDictionary(id => $"C{id:D7}", id => id, StringComparer.Ordinal);
        return new StoreSnapshot(catalog, products.Values.ToDictionary(p => p.Sku, p => p.Id, StringComparer.Ordinal), mined,
            new Dictionary<int, IReadOnlyList<BundleInfo>>(), new Dictionary<int, CuratedEntry>(), model, byCustomer, externalIds,
            new MiningRunInfo(1, Start.AddDays(730), customers, 0, 0, new MiningSettings { ListSize = Slots }), Start.AddDays(730));
    }
}
