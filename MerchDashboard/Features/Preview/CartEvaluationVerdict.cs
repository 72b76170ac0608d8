using System.Globalization;
using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Features.Preview;

/// <summary>The plain-words reading of the cart evaluation: does composing over the whole cart beat its simpler rivals at K?</summary>
public static class CartEvaluationVerdict
{
    public static VerdictOutcome Outcome(CartEvaluationReport report, int k)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Cases == 0)
        {
            return VerdictOutcome.NothingToEvaluate;
        }
        var cart = report.For(CartEvaluator.CartComposition).At(k).HitRate;
        var rival = Math.Max(report.For(CartEvaluator.FirstItemList).At(k).HitRate, report.For(CartEvaluator.BestSellers).At(k).HitRate);
        return cart > rival && cart >= rival * EvaluationVerdict.ClearMargin ? VerdictOutcome.ClearWin
            : cart > rival ? VerdictOutcome.SmallEdge
            : VerdictOutcome.NoBetter;
    }

    public static string Write(CartEvaluationReport report, int k)
    {
        var outcome = Outcome(report, k);
        if (outcome == VerdictOutcome.NothingToEvaluate)
        {
            return $"No held-out order has {CartEvaluator.MinOrderItems} or more distinct items, so there is no cart to evaluate.";
        }
        var cart = report.For(CartEvaluator.CartComposition).At(k).HitRate;
        var first = report.For(CartEvaluator.FirstItemList).At(k).HitRate;
        var bestSellers = report.For(CartEvaluator.BestSellers).At(k).HitRate;
        var reading = outcome switch
        {
            VerdictOutcome.ClearWin => "composing over the whole cart earns its place",
            VerdictOutcome.SmallEdge => "composing over the whole cart has only a small edge here",
            _ => "composing over the whole cart does no better than its simpler rivals here",
        };
        var skipped = report.Skipped > 0 ? $" ({report.Skipped:N0} further cases were past the budget and skipped)" : "";
        return string.Create(CultureInfo.GetCultureInfo("en-US"),
            $"Cart lists found the left-out item in {cart:P1} of {report.Cases:N0} carts at {k}, vs {first:P1} for the first item's list alone "
            + $"and {bestSellers:P1} for best sellers: {reading}{skipped}.");
    }
}
