using System.Globalization;
using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Features.Preview;

/// <summary>The plain-words reading of an offline evaluation: does personalization beat best sellers at K?</summary>
public static class EvaluationVerdict
{
    /// <summary>Personalization "earns its place" when its hit rate beats best sellers' by at least a tenth of theirs.</summary>
    public const double ClearMargin = 1.1;

    public static string Write(EvaluationReport report, int k)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.HeldOutOrders == 0)
        {
            return "No customer has two orders yet, so there is nothing to hold out.";
        }
        var personal = report.For(OfflineEvaluator.Personalized).At(k).HitRate;
        var bestSellers = report.For(OfflineEvaluator.BestSellerBaseline).At(k).HitRate;
        var together = report.For(OfflineEvaluator.FrequentlyBoughtWith).At(k).HitRate;
        var reading = personal >= bestSellers * ClearMargin && personal > bestSellers
            ? "personalization earns its place"
            : personal > bestSellers ? "personalization has only a small edge over best sellers here"
            : personal == bestSellers ? "personalization adds nothing over best sellers here" : "personalization does worse than best sellers here";
        return string.Create(CultureInfo.GetCultureInfo("en-US"),
            $"Personalized lists hit {personal:P1} of held-out orders at {k} vs {bestSellers:P1} for best sellers: {reading}. "
            + $"Frequently-bought-with lists of the previous order hit {together:P1}.");
    }
}
