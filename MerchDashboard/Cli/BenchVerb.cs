using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using MerchDashboard.Engine.Mining;
using MerchDashboard.Data.Import;

namespace MerchDashboard.Cli;

/// <summary>
/// <c>bench</c>: generates baskets with <see cref="SyntheticBasketGenerator"/>, writes them to a basket
/// file, then times parsing, pair rules and itemset mining (max length 3) separately. Figures as JSON on
/// stdout, progress on stderr. With <c>--dashboards</c> it times the dashboards instead (<see cref="DashboardBench"/>).
/// </summary>
public static class BenchVerb
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var orders = Verb.Option("--orders", "Number of baskets to generate", 1_000_000);
        var products = Verb.Option("--products", "Number of products", 10_000);
        var seed = Verb.Option("--seed", "Random seed", 42);
        var minSupport = Verb.Option("--min-support", "Minimum support of the mining runs", 0.0001);
        var basketFile = Verb.Option<string?>("--basket-file", "Keep the generated basket file at this path (default: a temporary file, deleted)");
        var importLines = Verb.Option("--import-lines", "Instead: time importing a generated Online Retail file of this many lines into a fresh database", 0);
        var dashboards = Verb.Option<bool>("--dashboards", "Instead: time the dashboards' computation path and the CLV fits on generated orders");
        var customers = Verb.Option("--customers", "Number of customers (with --dashboards)", 100_000);
        var composer = Verb.Option<bool>("--composer", "Instead: time the composer (K = 8, 50 mined candidates) anonymous and personalized");
        var longBaskets = Verb.Option("--long-baskets", "Instead: mine this many generated orders with Online-Retail-like long baskets (mean 26, up to 1,110 lines) at the app's default settings", 0);
        var memoryBudget = Verb.Option("--memory-budget-mb", "Memory budget of the --long-baskets run", MemoryBudget.DefaultMegabytes);
        var storefront = Verb.Option<bool>("--storefront", "Instead: time the storefront's request path (profiles, composition, JSON) and measure profile memory for --customers customers");
        var profileSample = Verb.Option("--profile-sample", "Customers whose profiles are all held at once to measure their memory (with --storefront)", 100_000);
        var profileBudget = Verb.Option("--profile-budget-mb", "ShopperProfiles:MemoryBudgetMB of the profile store (with --storefront)", new Features.Serving.ShopperProfileOptions().MemoryBudgetMB);
        return Verb.Create("bench", "Benchmark basket parsing, pair rules and itemset mining (or, with options, imports and dashboards) on generated data; figures as JSON.",
            [orders, products, seed, minSupport, basketFile, importLines, dashboards, customers, composer, longBaskets, memoryBudget, storefront, profileSample, profileBudget],
            async (context, ct) =>
            {
                if (context.Get(importLines) is > 0 and var lines)
                {
                    var progress = new ConsoleProgress<Data.Import.ImportProgress>(context.Error, p => $"{p.Stage}: {p.Fraction:P0}");
                    var importFigures = await Benchmarks.ImportBenchmark.RunAsync(lines, progress, ct);
                    progress.Done();
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(importFigures, Indented));
                    return CommandLine.Success;
                }
                if (context.Get(longBaskets) is > 0 and var longOrders)
                {
                    if (context.Get(memoryBudget) is < MemoryBudget.MinMegabytes or > MemoryBudget.MaxMegabytes)
                    {
                        throw new CliUserException($"--memory-budget-mb must be between {MemoryBudget.MinMegabytes} and {MemoryBudget.MaxMegabytes}");
                    }
                    var progress = new ConsoleProgress<MiningProgress>(context.Error, p => $"{p.Phase}: {p.Fraction:P0}");
                    var longFigures = Benchmarks.LongBasketBenchmark.Run(longOrders, context.Get(products), context.Get(seed), context.Get(memoryBudget), progress, ct);
                    progress.Done();
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(longFigures, Indented));
                    return CommandLine.Success;
                }
                if (context.Get(storefront))
                {
                    if (context.Get(customers) < 1 || context.Get(profileSample) < 1 || context.Get(profileBudget) < 1)
                    {
                        throw new CliUserException("--customers, --profile-sample and --profile-budget-mb must be at least 1");
                    }
                    var storefrontFigures = Benchmarks.StorefrontBenchmark.Run(context.Get(customers), Math.Min(context.Get(profileSample), context.Get(customers)),
                        context.Get(profileBudget), context.Get(seed), context.Error);
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(storefrontFigures, Indented));
                    return CommandLine.Success;
                }
                if (context.Get(composer))
                {
                    const int Compositions = 200_000;
                    var figures = new
                    {
                        compositions = Compositions,
                        anonymousNsPerComposition = Benchmarks.ComposerBenchmark.MeanNanosecondsPerComposition(Compositions, personalized: false),
                        personalizedNsPerComposition = Benchmarks.ComposerBenchmark.MeanNanosecondsPerComposition(Compositions, personalized: true),
                    };
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(figures, Indented));
                    return CommandLine.Success;
                }
                var (n, m) = (context.Get(orders), context.Get(products));
                if (n < 1 || m < 2)
                {
                    throw new CliUserException("--orders must be at least 1 and --products at least 2");
                }
                if (context.Get(dashboards))
                {
                    var c = context.Get(customers);
                    if (c < 1 || c > n)
                    {
                        throw new CliUserException("--customers must be at least 1 and at most --orders");
                    }
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(DashboardBench.Run(context, n, m, c, context.Get(seed)), Indented));
                    return CommandLine.Success;
                }
                var settings = MiningInput.Validated(new MiningSettings { MinSupport = context.Get(minSupport) });
                var path = context.Get(basketFile) ?? Path.Combine(Path.GetTempPath(), $"merch-bench-{Environment.ProcessId}.basket");
                try
                {
                    var figures = Run(context, path, n, m, context.Get(seed), settings, ct);
                    await context.Out.WriteLineAsync(JsonSerializer.Serialize(figures, Indented));
                }
                finally
                {
                    if (context.Get(basketFile) is null)
                    {
                        File.Delete(path);
                    }
                }
                return CommandLine.Success;
            });
    }

    private static Dictionary<string, object> Run(VerbContext context, string path, int n, int m, int seed, MiningSettings settings, CancellationToken ct)
    {
        var figures = new Dictionary<string, object>
        {
            ["orders"] = n, ["products"] = m, ["seed"] = seed, ["minSupport"] = settings.MinSupport!.Value,
            ["cores"] = Environment.ProcessorCount, ["loadAverage"] = LoadAverage(),
        };
        var stage = new StageTimer(figures);
        stage.Time("generate", () =>
        {
            using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
            new SyntheticBasketGenerator(m, seed).WriteBasketFile(writer, n, Progress(context, "generating"), ct);
        });
        figures["fileBytes"] = new FileInfo(path).Length;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);

        var baskets = stage.Time("parse", () => BasketFileReader.Read(path, Progress(context, "parsing"), ct).Baskets!.Baskets);
        figures["itemOccurrences"] = Enumerable.Range(0, baskets.ItemCount).Sum(i => (long)baskets.ItemSupportCount(i));
        var minCount = settings.MinCountFor(baskets.BasketCount);
        figures["minCount"] = minCount;

        stage.Time("tidLists", () => baskets.BasketsWith(0).Length);
        var pairs = stage.Time("pairCounting", () => FrequentItemsetMiner.Mine(baskets, minCount, 2, Progress(context, "pairs"), ct));
        figures["pairRules"] = stage.Time("pairRules", () => RuleGenerator.Generate(pairs, settings, ct)).Length;
        figures["parseAndPairRulesMs"] = (long)figures["parseMs"] + (long)figures["tidListsMs"] + (long)figures["pairCountingMs"] + (long)figures["pairRulesMs"];

        var itemsets = stage.Time("itemsetsMaxLength3", () => FrequentItemsetMiner.Mine(baskets, minCount, 3, Progress(context, "itemsets"), ct));
        figures["itemsets"] = itemsets.Count;
        figures["rulesMaxLength3"] = stage.Time("rulesMaxLength3", () => RuleGenerator.Generate(itemsets, settings, ct)).Length;
        figures["snapshotAnchors"] = stage.Time("snapshotMaxLength3", () => AssociationMiner.Run(baskets, settings with { MaxLength = 3 }, null, ct)).Anchors.Count;

        figures["allocatedBytes"] = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        figures["peakWorkingSetBytes"] = process.PeakWorkingSet64;
        context.Error.WriteLine();
        return figures;
    }

    internal static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Records each stage's wall time (<c>xMs</c>) and this process's CPU time over it (<c>xCpuMs</c>, all cores).</summary>
    internal sealed class StageTimer(Dictionary<string, object> figures)
    {
        public void Time(string name, Action action) => Time(name, () => { action(); return 0; });

        public T Time<T>(string name, Func<T> action)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = action();
            figures[name + "Ms"] = clock.ElapsedMilliseconds;
            process.Refresh();
            figures[name + "CpuMs"] = (long)(process.TotalProcessorTime - cpu).TotalMilliseconds;
            return result;
        }
    }

    private static ConsoleProgress<double> Progress(VerbContext context, string stage) =>
        new(context.Error, p => $"{stage}: {p:P0}");
}
