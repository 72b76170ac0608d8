using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MerchDashboard.Engine.Clv;

namespace MerchDashboard.Cli;

/// <summary>
/// <c>clv</c>: fit BG/NBD and Gamma-Gamma on a transactions CSV and predict each customer. <c>--horizon</c> is in
/// months (expected purchases and CLV cover it); <c>--discount-rate</c> is monthly. The hidden
/// <c>--simulate N</c> replaces the file with N customers drawn from known parameters and reports timings.
/// </summary>
public static class ClvVerb
{
    private static readonly BgNbdParameters SimulatedBgNbd = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters SimulatedGammaGamma = new(6.25, 3.74, 15.44);

    public static Command Create()
    {
        var transactions = Verb.Option<string?>("--transactions", "Transactions CSV with header customer_id,date,amount");
        var orders = Verb.Option<string?>("--orders", "Instead of --transactions: an orders CSV, read and cleaned as the import does (one transaction per order, net of cancellations)");
        var orderFile = new OrderFileInput();
        var calibrationEnd = Verb.Option<string?>("--calibration-end", "Last day of the calibration period (yyyy-MM-dd); later transactions are ignored");
        var period = Verb.Option("--period", "Time unit of frequency, recency and T: day, week (7 days) or month (30.4375 days)", "week");
        var horizon = Verb.Option("--horizon", "Prediction horizon in months (expected purchases and CLV)", 12);
        var discount = Verb.Option("--discount-rate", "Monthly discount rate of the CLV sum", 0.01);
        var output = Verb.Option<string?>("--out", "Write per-customer predictions to this CSV file");
        var simulate = Verb.Option<int?>("--simulate", "Benchmark: simulate N customers instead of reading a file");
        simulate.Hidden = true;
        return Verb.Create("clv", "Fit BG/NBD and Gamma-Gamma customer-lifetime-value models on a transactions CSV; print parameters and a summary as JSON.",
            [transactions, orders, .. orderFile.All, calibrationEnd, period, horizon, discount, output, simulate],
            async (context, ct) =>
            {
                var settings = new ClvRunSettings(
                    ParseDate(context.Get(calibrationEnd), context.Get(simulate) is not null),
                    ParsePeriod(context.Get(period)),
                    context.Get(horizon) is var months and >= 1 and <= 1200 ? months : throw new CliUserException("--horizon must be between 1 and 1200 months"),
                    context.Get(discount) is var rate and >= 0 and < 1 ? rate : throw new CliUserException("--discount-rate must be in [0, 1)"));
                var watch = Stopwatch.StartNew();
                var (data, simulation) = context.Get(simulate) is { } n
                    ? Simulate(n, settings)
                    : (ReadInput(context, context.Get(transactions), context.Get(orders), orderFile, ct), null);
                var laps = new List<double> { watch.Elapsed.TotalMilliseconds };
                ct.ThrowIfCancellationRequested();
                var customers = RfmSummarizer.Summarize(data.Transactions, settings.CalibrationEnd, settings.Period);
                laps.Add(watch.Elapsed.TotalMilliseconds);
                if (!customers.Any(c => c.Frequency > 0 && c.MonetaryValue > 0))
                {
                    throw new CliUserException($"no customer has a repeat purchase with a positive amount by {settings.CalibrationEnd:yyyy-MM-dd}; the models cannot be fitted");
                }
                var bgNbd = ClvFitter.FitBgNbd(customers);
                laps.Add(watch.Elapsed.TotalMilliseconds);
                var gammaGamma = ClvFitter.FitGammaGamma(customers);
                laps.Add(watch.Elapsed.TotalMilliseconds);
                var predictions = ClvPredictor.Predict(bgNbd.Parameters, gammaGamma.Parameters, customers, settings.Period, settings.HorizonMonths, settings.MonthlyDiscountRate);
                laps.Add(watch.Elapsed.TotalMilliseconds);
                var result = new ClvAnalysisResult(bgNbd, gammaGamma, predictions, ClvSummary.Of(predictions));
                if (!double.IsFinite(result.Summary.MeanExpectedPurchases) || !double.IsFinite(result.Summary.TotalPredictedValue))
                {
                    throw new CliUserException($"the fitted models give no finite predictions: {customers.Count} customers with {result.Summary.Repeaters} repeat buyers are too few for a stable fit");
                }
                var benchmark = simulation is null ? null
                    : simulation with { TimingsMs = new(laps[0], laps[1] - laps[0], laps[2] - laps[1], laps[3] - laps[2], laps[4] - laps[3]) };
                await context.Out.WriteLineAsync(ClvOutput.Report(result, settings, benchmark));
                foreach (var (model, converged) in new[] { ("BG/NBD", bgNbd.Converged), ("Gamma-Gamma", gammaGamma.Converged) })
                {
                    if (!converged)
                    {
                        await context.Error.WriteLineAsync($"warning: the {model} fit did not converge (a parameter ran to its bound): too few customers or repeat purchases for a stable fit; treat its predictions with caution");
                    }
                }
                if (context.Get(output) is { } path)
                {
                    ClvOutput.WritePredictions(path, result.Predictions, key => data.CustomerIds[key]);
                }
                return CommandLine.Success;
            });
    }

    private static (ClvTransactionsFile, SimulationReport?) Simulate(int customers, ClvRunSettings settings)
    {
        if (customers is < 10 or > 10_000_000)
        {
            throw new CliUserException("--simulate takes between 10 and 10,000,000 customers");
        }
        var week = new ClvPeriod(PeriodUnit.Week);
        var simulated = ClvSimulator.Simulate(SimulatedBgNbd, SimulatedGammaGamma, customers, 1, 78, 20260101);
        var transactions = simulated.SelectMany(c => ClvSimulator.ToTransactions(c, settings.CalibrationEnd, week)).ToArray();
        var ids = Enumerable.Range(0, customers).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return (new ClvTransactionsFile(transactions, ids),
            new SimulationReport(customers, transactions.Length, SimulatedBgNbd, SimulatedGammaGamma, null));
    }

    private static DateOnly ParseDate(string? text, bool simulating) => text switch
    {
        null when simulating => new DateOnly(2025, 12, 31),
        null => throw new CliUserException("give --calibration-end DATE (yyyy-MM-dd)"),
        _ when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => throw new CliUserException($"--calibration-end '{text}' is not a date such as 2025-06-30"),
    };

    private static ClvPeriod ParsePeriod(string text) => text.ToLowerInvariant() switch
    {
        "day" => new ClvPeriod(PeriodUnit.Day),
        "week" => new ClvPeriod(PeriodUnit.Week),
        "month" => new ClvPeriod(PeriodUnit.Month),
        _ => throw new CliUserException($"--period '{text}' is not day, week or month"),
    };

    private static ClvTransactionsFile ReadInput(VerbContext context, string? transactions, string? orders, OrderFileInput orderFile, CancellationToken ct) =>
        (transactions, orders) switch
        {
            ({ } path, null) => ClvTransactionsFile.Read(path,
                OrderFileInput.ConfiguredOptions().WithSeparator(OrderFileInput.ParseSeparator(context.Get(orderFile.DecimalSeparator)))),
            (null, { } path) => ClvTransactionsFile.FromOrders(orderFile.Load(context, path, ct)),
            _ => throw new CliUserException("give exactly one of --transactions FILE or --orders FILE"),
        };
}

/// <summary>What <c>--simulate</c> adds to the report: the true (weekly) parameters and the stage timings.</summary>
public sealed record SimulationReport(int Customers, int Transactions, BgNbdParameters WeeklyBgNbd, GammaGammaParameters GammaGamma, SimulationTimings? TimingsMs);

public sealed record SimulationTimings(double Simulate, double Summarize, double FitBgNbd, double FitGammaGamma, double Predict);
