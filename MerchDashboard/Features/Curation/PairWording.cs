using System.Globalization;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Features.Curation;

/// <summary>Pair statistics in a merchandiser's words: count, confidence as a share of the anchor's orders, lift as "times more often than chance".</summary>
public static class PairWording
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Describe(MinedCandidate pair)
    {
        var orders = pair.CoPurchaseCount == 1 ? "1 order" : $"{pair.CoPurchaseCount.ToString("N0", English)} orders";
        var share = pair.Confidence.ToString("P0", English);
        var lift = pair.Lift >= 1
            ? $"{pair.Lift.ToString("0.0", English)}× more often than chance"
            : $"less often than chance ({pair.Lift.ToString("0.00", English)}×)";
        return $"Bought together in {orders} — {share} of orders with this product include it; {lift}";
    }

    public static string Raw(MinedCandidate pair) => string.Create(English,
        $"count {pair.CoPurchaseCount}, support {pair.Support:0.0000}, confidence {pair.Confidence:0.000}, lift {pair.Lift:0.00}, score {pair.Score:0.000}");
}
