using System.CommandLine;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Cli;

/// <summary><c>itemsets</c>: every frequent itemset of 1 to --max-length items with its count and support.</summary>
public static class ItemsetsVerb
{
    public static Command Create()
    {
        var input = new MiningInput();
        return Verb.Create("itemsets", "Frequent itemsets from a basket file or an orders CSV.", input.All,
            (context, ct) =>
            {
                var settings = MiningInput.Validated(new MiningSettings
                {
                    MinSupport = context.Get(input.MinSupport),
                    MinCount = context.Get(input.MinCount),
                    MaxLength = context.Get(input.MaxLength),
                });
                var json = input.Json(context);
                var baskets = input.Load(context, ct);
                var progress = new ConsoleProgress<double>(context.Error, p => $"mining: {p:P0}");
                var itemsets = FrequentItemsetMiner.Mine(baskets, settings.MinCountFor(baskets.BasketCount), settings.MaxLength, progress, ct);
                progress.Done();
                input.Write(context, writer =>
                {
                    if (json)
                    {
                        MiningOutput.WriteItemsetsJson(writer, itemsets, settings);
                    }
                    else
                    {
                        MiningOutput.WriteItemsetsCsv(writer, itemsets);
                    }
                });
                return Task.FromResult(CommandLine.Success);
            });
    }
}
