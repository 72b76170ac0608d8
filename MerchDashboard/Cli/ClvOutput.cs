using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Cli;

/// <summary>The <c>clv</c> verb's JSON report on stdout and its per-customer predictions CSV.</summary>
public static class ClvOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Report(ClvAnalysisResult result, ClvRunSettings settings, SimulationReport? simulation = null)
    {
        var (bg, gg) = (result.BgNbd, result.GammaGamma);
        return JsonSerializer.Serialize(new
        {
            period = settings.Period.Unit.ToString().ToLowerInvariant(),
            calibration_end = settings.CalibrationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            horizon_months = settings.HorizonMonths,
            discount_rate = settings.MonthlyDiscountRate,
            bg_nbd = new { r = bg.Parameters.R, alpha = bg.Parameters.Alpha, a = bg.Parameters.A, b = bg.Parameters.B, log_likelihood = bg.LogLikelihood, customers = bg.Customers, iterations = bg.Iterations, converged = bg.Converged },
            gamma_gamma = new { p = gg.Parameters.P, q = gg.Parameters.Q, v = gg.Parameters.V, log_likelihood = gg.LogLikelihood, customers = gg.Customers, iterations = gg.Iterations, converged = gg.Converged },
            summary = result.Summary,
            simulation,
        }, Json);
    }

    public static void WritePredictions(string path, IEnumerable<ClvPrediction> predictions, Func<int, string> customerId)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in (string[])["customer_id", "frequency", "recency", "T", "monetary_value", "expected_purchases", "p_alive", "expected_avg_value", "clv"])
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        foreach (var p in predictions)
        {
            csv.WriteField(customerId(p.CustomerKey));
            csv.WriteField(p.Frequency);
            csv.WriteField(p.Recency);
            csv.WriteField(p.T);
            csv.WriteField(p.MonetaryValue);
            csv.WriteField(p.ExpectedPurchases);
            csv.WriteField(p.ProbabilityAlive);
            csv.WriteField(p.ExpectedAverageValue);
            csv.WriteField(p.Clv);
            csv.NextRecord();
        }
    }
}

public sealed record ClvRunSettings(DateOnly CalibrationEnd, ClvPeriod Period, int HorizonMonths, double MonthlyDiscountRate);
