using System.Globalization;
using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Features.Preview;

/// <summary>How personalization fared against best sellers.</summary>
public enum VerdictOutcome
{
    NothingToEvaluate,
    ClearWin,
    SmallEdge,
    NoBetter,
}

/// <summary>The plain-words reading of an offline evaluation: does personalization beat best sellers at K?</summary>
public static class EvaluationVerdict
{
    /// <summary>Personalization "earns its place" when its hit rate beats best sellers' by at least a tenth of theirs.</summary>
    public const double ClearMargin = 1.1;

    public static VerdictOutcome Outcome(EvaluationReport report, int k)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.HeldOutOrders == 0)
        {
            return VerdictOutcome.NothingToEvaluate;
        }
        var personal = report.For(OfflineEvaluator.Personalized).At(k).HitRate;
        var bestSellers = report.For(OfflineEvaluator.BestSellerBaseline).At(k).HitRate;
        return personal > bestSellers && personal >= bestSellers * ClearMargin ? VerdictOutcome.ClearWin
            : personal > bestSellers ? VerdictOutcome.SmallEdge
            : VerdictOutcome.NoBetter;
    }

    public static string Write(EvaluationReport report, int k)
    {
        var outcome = Outcome(report, k);
        if (outcome == VerdictOutcome.NothingToEvaluate)
        {
            return "No customer has two orders yet, so there is nothing to hold out.";
        }
        var personal = report.For(OfflineEvaluator.Personalized).At(k).HitRate;
        var bestSellers = report.For(OfflineEvaluator.BestSellerBaseline).At(k).HitRate;
        var together = report.For(OfflineEvaluator.FrequentlyBoughtWith).At(k).HitRate;
        var reading = outcome switch
        {
            VerdictOutcome.ClearWin => "personalization earns its place",
            VerdictOutcome.SmallEdge => "personalization has only a small edge over best sellers here",
            _ when personal == bestSellers => "personalization adds nothing over best sellers here",
            _ => "personalization does worse than best sellers here",
        };
        return string.Create(CultureInfo.GetCultureInfo("en-US"),
            $"Personalized lists hit {personal:P1} of held-out orders at {k} vs {bestSellers:P1} for best sellers: {reading}. "
            + $"Frequently-bought-with lists of the previous order hit {together:P1}.");
    }
}
