using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Features.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Experiments;

/// <summary>
/// Gathers an experiment's events and its exposed shoppers' orders and hands them to <see cref="ExperimentAnalyzer"/>.
/// Orders: those in the Orders table (imported or posted to the orders API) of customers whose id was a shopper id
/// in the experiment, plus orders known only from purchase events (a visitor's, or not yet imported), one per order id.
/// The CLV fit is the dashboards' (<see cref="DashboardQueries.ClvAsync"/>), cached by order facts and filter, so a
/// re-render or a second report of the same day reuses it.
/// </summary>
public sealed class ExperimentReports(IDbContextFactory<AppDbContext> dbFactory, ExperimentCommands commands, OrderFactsStore facts,
    DashboardQueries dashboards, StoreSnapshotService snapshots, IOptions<ExperimentOptions> options, TimeProvider time)
{
    public async Task<(ExperimentReport? Report, string? Error)> ReportAsync(string name, CancellationToken ct)
    {
        if (await commands.FindAsync(name, ct) is not { } experiment)
        {
            return (null, $"There is no experiment named '{name}'.");
        }
        var (shares, _) = ArmShares.Parse(experiment.Arms);
        var window = options.Value.AttributionWindowHours;
        if (experiment.StartedAt is not { } start)
        {
            var empty = ExperimentAnalyzer.Analyze(new ExperimentInput(shares, DateTime.MinValue, DateTime.MinValue, TimeSpan.FromHours(window), [], [],
                facts.Lists(), new Dictionary<string, double>()));
            return (ExperimentReportBuilder.Build(experiment, null, window, empty, []), null);
        }
        var end = experiment.StoppedAt ?? time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var max = options.Value.MaxReportEvents;
        var rows = await db.StorefrontEvents.AsNoTracking().Where(e => e.ExperimentId == experiment.Id && e.Arm != null)
            .OrderBy(e => e.Id).Select(e => new EventRow(e.CustomerId ?? e.VisitorId, e.Arm!.Value, e.Type, e.At, e.ProductId, e.Source, e.OrderId, e.Quantity, e.Revenue))
            .Take(max + 1).ToListAsync(ct);
        if (rows.Count > max)
        {
            return (null, $"'{name}' has more than {max:N0} events, the most a report reads (Experiments:MaxReportEvents); raise the option to report on it.");
        }
        var events = rows.Where(r => r.Shopper is not null && r.Type != StorefrontEventType.Purchase)
            .Select(r => new ShopperEvent(r.Shopper!, (Arm)(int)r.Arm, Action(r.Type), r.At, r.ProductId, r.Source)).ToList();
        var customerIds = rows.Select(r => r.Shopper).OfType<string>().Distinct().ToList();
        var stored = await db.Orders.AsNoTracking()
            .Where(o => o.Customer != null && customerIds.Contains(o.Customer.ExternalId) && o.PlacedAt >= start && o.PlacedAt <= end)
            .Select(o => new { o.ExternalId, Customer = o.Customer!.ExternalId, o.PlacedAt, Lines = o.Lines.Select(l => new PurchasedLine(l.ProductId, l.Quantity, l.UnitPrice)).ToList() })
            .ToListAsync(ct);
        var orders = stored.Select(o => new ShopperOrder(o.ExternalId, o.Customer, o.PlacedAt, o.Lines)).ToList();
        orders.AddRange(OrdersFromPurchaseEvents(rows, orders.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal)));
        var (predicted, clvProblem) = await PredictedClvAsync(customerIds, end);
        var input = new ExperimentInput(shares, start, end, TimeSpan.FromHours(window), events, orders, facts.Lists(), predicted);
        var results = ExperimentAnalyzer.Analyze(input);
        var warnings = new List<string>();
        if (clvProblem is not null)
        {
            warnings.Add($"Predicted CLV: {clvProblem}");
        }
        var fittedOn = snapshots.Current.LoadedAt;
        if (orders.Count(o => o.PlacedAt > fittedOn) is > 0 and var unfitted)
        {
            warnings.Add($"Predicted CLV is fitted on the orders loaded at {fittedOn:yyyy-MM-dd HH:mm} UTC: {unfitted:N0} orders of exposed shoppers placed since " +
                "enter it after the next import or mining run, so for now it reflects the shoppers' history rather than the arms.");
        }
        return (ExperimentReportBuilder.Build(experiment, end, window, results, warnings), null);
    }

    private static IEnumerable<ShopperOrder> OrdersFromPurchaseEvents(List<EventRow> rows, HashSet<string> stored) =>
        rows.Where(r => r.Type == StorefrontEventType.Purchase && r.Shopper is not null)
            .GroupBy(r => (r.Shopper, Order: r.OrderId ?? $"event {r.At:O}"))
            .Where(g => !stored.Contains(g.Key.Order))
            .Select(g => new ShopperOrder(g.Key.Order, g.Key.Shopper!, g.Min(r => r.At),
                [.. g.Select(r => new PurchasedLine(r.ProductId, Math.Max(1, r.Quantity), r.Revenue / Math.Max(1, r.Quantity)))]));

    private async Task<(Dictionary<string, double> Values, string? Problem)> PredictedClvAsync(List<string> shopperIds, DateTime end)
    {
        var storeOrders = await facts.GetAsync();
        if (storeOrders.Orders.Count == 0)
        {
            return ([], "no orders in the store.");
        }
        var filter = new DashboardFilter(DateOnly.FromDateTime(storeOrders.Orders.Min(o => o.PlacedAt)), DateOnly.FromDateTime(end));
        var clv = await dashboards.ClvAsync(storeOrders, filter);
        if (clv.Result is not { } result)
        {
            return ([], clv.Problem);
        }
        var byKey = result.Predictions.ToDictionary(p => p.CustomerKey, p => p.Clv);
        var keys = snapshots.Current.CustomerIdsByExternalId;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var id in shopperIds)
        {
            if (keys.TryGetValue(id, out var key) && byKey.TryGetValue(key, out var value))
            {
                values[id] = value;
            }
        }
        return (values, null);
    }

    private static ShopperAction Action(StorefrontEventType type) => type switch
    {
        StorefrontEventType.Click => ShopperAction.Click,
        StorefrontEventType.AddToCart => ShopperAction.AddToCart,
        _ => ShopperAction.Impression,
    };

    private sealed record EventRow(string? Shopper, ExperimentArm Arm, StorefrontEventType Type, DateTime At, int ProductId, string Source,
        string? OrderId, int Quantity, decimal Revenue);
}
