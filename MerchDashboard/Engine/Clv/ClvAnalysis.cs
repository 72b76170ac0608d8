namespace MerchDashboard.Engine.Clv;

/// <summary>Population figures of a prediction run; means are over all customers.</summary>
public sealed record ClvSummary(int Customers, int Repeaters, double MeanExpectedPurchases, double MeanProbabilityAlive, double TotalPredictedValue)
{
    public static ClvSummary Of(IReadOnlyCollection<ClvPrediction> predictions) => new(
        predictions.Count,
        predictions.Count(p => p.Frequency > 0),
        predictions.Count == 0 ? 0 : predictions.Average(p => p.ExpectedPurchases),
        predictions.Count == 0 ? 0 : predictions.Average(p => p.ProbabilityAlive),
        predictions.Sum(p => p.Clv));
}

public sealed record ClvAnalysisResult(BgNbdFit BgNbd, GammaGammaFit GammaGamma, IReadOnlyList<ClvPrediction> Predictions, ClvSummary Summary);

/// <summary>Fits both models on calibration summaries and predicts every customer over the horizon.</summary>
public static class ClvAnalysis
{
    public static ClvAnalysisResult Run(IReadOnlyList<CustomerRfm> customers, ClvPeriod period, int horizonMonths, double monthlyDiscountRate)
    {
        var bgNbd = ClvFitter.FitBgNbd(customers);
        var gammaGamma = ClvFitter.FitGammaGamma(customers);
        var predictions = ClvPredictor.Predict(bgNbd.Parameters, gammaGamma.Parameters, customers, period, horizonMonths, monthlyDiscountRate);
        return new ClvAnalysisResult(bgNbd, gammaGamma, predictions, ClvSummary.Of(predictions));
    }
}
