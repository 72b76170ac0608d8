using System.Diagnostics;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Features.Mining;

namespace MerchDashboard.Cli.Benchmarks;

/// <summary>
/// <c>bench --long-baskets N</c>: N orders with Online-Retail-like basket sizes (<see cref="BasketSizes.OnlineRetailLike"/>:
/// mean about 26, up to 1,110 lines) over Zipf-popular products, mined as the app mines them: its default
/// settings (<see cref="MiningOptions"/>), <see cref="MiningJob.StoredCandidates"/> candidates per anchor and the
/// given memory budget. Reports each engine phase's time, the fallback taken, the budget's peak and the
/// process's peak working set.
/// </summary>
public static class LongBasketBenchmark
{
    public static Dictionary<string, object> Run(int orders, int products, int seed, int budgetMegabytes, IProgress<MiningProgress> progress, CancellationToken ct)
    {
        var figures = new Dictionary<string, object>
        {
            ["orders"] = orders, ["products"] = products, ["seed"] = seed, ["memoryBudgetMB"] = budgetMegabytes,
            ["cores"] = Environment.ProcessorCount, ["loadAverage"] = BenchVerb.LoadAverage(),
        };
        var clock = Stopwatch.StartNew();
        var baskets = Generate(orders, products, seed, ct);
        figures["generateMs"] = clock.ElapsedMilliseconds;
        var sizes = Enumerable.Range(0, baskets.BasketCount).Select(b => baskets.Basket(b).Length).ToArray();
        figures["orderLines"] = sizes.Sum(s => (long)s);
        figures["meanBasket"] = Math.Round(sizes.Average(), 2);
        figures["longestBasket"] = baskets.LongestBasket;
        figures["basketsOver100"] = sizes.Count(s => s > 100);

        var settings = new MiningOptions().ToSettings() with { ListSize = MiningJob.StoredCandidates };
        figures["settings"] = $"min count {settings.MinCount}, min confidence {settings.MinConfidence}, min lift {settings.MinLift}, max length {settings.MaxLength}";
        var budget = MemoryBudget.FromMegabytes(budgetMegabytes);
        var phases = new PhaseTimer(progress);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        clock.Restart();
        var result = AssociationMiner.Run(baskets, settings, budget, phases, ct);
        figures["miningMs"] = clock.ElapsedMilliseconds;
        foreach (var (phase, ms) in phases.Finish())
        {
            figures[$"{char.ToLowerInvariant(phase.ToString()[0])}{phase.ToString()[1..]}Ms"] = ms;
        }
        figures["allocatedBytes"] = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        figures["budgetPeakBytes"] = budget.PeakBytes;
        figures["anchors"] = result.Anchors.Count;
        figures["candidates"] = result.Anchors.Sum(a => a.Candidates.Count);
        figures["bundles"] = result.Anchors.Sum(a => a.Bundles.Count);
        figures["pairMinCount"] = result.Fallback?.PairMinCount ?? result.MinCount;
        figures["bundleMinCount"] = result.Fallback is { } fallback ? (object?)fallback.BundleMinCount ?? "none" : result.MinCount;
        figures["fallback"] = result.Fallback?.Describe() ?? "none";
        using var process = Process.GetCurrentProcess();
        figures["peakWorkingSetBytes"] = process.PeakWorkingSet64;
        return figures;
    }

    private static TransactionSet Generate(int orders, int products, int seed, CancellationToken ct)
    {
        var generator = new SyntheticBasketGenerator(products, seed, sizes: BasketSizes.OnlineRetailLike);
        var encoder = new BasketEncoder();
        var basket = new int[generator.LongestBasket];
        for (var i = 0; i < orders; i++)
        {
            if ((i & 1023) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            foreach (var product in basket.AsSpan(0, generator.NextBasket(basket)))
            {
                encoder.AddItem(product);
            }
            encoder.EndBasket();
        }
        return encoder.Build();
    }

    /// <summary>Wall time per engine phase (a phase mined again after a fallback adds up).</summary>
    private sealed class PhaseTimer(IProgress<MiningProgress> inner) : IProgress<MiningProgress>
    {
        private readonly Dictionary<MiningPhase, long> _milliseconds = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private MiningPhase? _current;

        public void Report(MiningProgress value)
        {
            if (value.Phase != _current)
            {
                Close();
                _current = value.Phase;
            }
            inner.Report(value);
        }

        public Dictionary<MiningPhase, long> Finish()
        {
            Close();
            return _milliseconds;
        }

        private void Close()
        {
            if (_current is { } phase)
            {
                _milliseconds[phase] = _milliseconds.GetValueOrDefault(phase) + _clock.ElapsedMilliseconds;
            }
            _clock.Restart();
        }
    }
}
