using System.CommandLine;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Cli;

/// <summary><c>rules</c>: association rules with one consequent and their raw statistics, unfiltered beyond the thresholds.</summary>
public static class RulesVerb
{
    public static Command Create()
    {
        var input = new MiningInput();
        var minConfidence = Verb.Option("--min-confidence", "Minimum confidence in [0, 1]", 0.0);
        var minLift = Verb.Option("--min-lift", "Minimum lift, at least 0", 0.0);
        return Verb.Create("rules", "Association rules (antecedent -> one consequent) from a basket file or an orders CSV.",
            [.. input.All, minConfidence, minLift],
            (context, ct) =>
            {
                var settings = MiningInput.Validated(new MiningSettings
                {
                    MinSupport = context.Get(input.MinSupport),
                    MinCount = context.Get(input.MinCount),
                    MinConfidence = context.Get(minConfidence),
                    MinLift = context.Get(minLift),
                    MaxLength = context.Get(input.MaxLength),
                });
                var json = input.Json(context);
                var baskets = input.Load(context, ct);
                var progress = new ConsoleProgress<double>(context.Error, p => $"mining: {p:P0}");
                var itemsets = FrequentItemsetMiner.Mine(baskets, settings.MinCountFor(baskets.BasketCount), settings.MaxLength, progress, ct);
                var rules = RuleGenerator.Generate(itemsets, settings, ct);
                progress.Done();
                input.Write(context, writer =>
                {
                    if (json)
                    {
                        MiningOutput.WriteRulesJson(writer, itemsets, rules, settings);
                    }
                    else
                    {
                        MiningOutput.WriteRulesCsv(writer, itemsets, rules);
                    }
                });
                return Task.FromResult(CommandLine.Success);
            });
    }
}
