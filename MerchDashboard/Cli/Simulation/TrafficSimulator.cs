using System.Diagnostics;
using System.Globalization;
using MerchDashboard.Data.Seeding;

namespace MerchDashboard.Cli.Simulation;

/// <summary>
/// Plays shoppers against the storefront API (<see cref="ShopperBehaviour"/> decides what they do). Each simulated
/// day visits every shopper with their own chance; a visit views a product's list (with the customer id, or the
/// visitor id of a new visitor), reports its impressions, clicks and add-to-carts, and maybe buys. The day's orders
/// and purchase events are posted at its end. Days are played one after another, compressed into the run: every
/// event and order carries the time it was sent, so each is accepted as it happens.
/// </summary>
public sealed class TrafficSimulator(StorefrontTrafficClient client, ShopperBehaviour model, SimulationSettings settings, TextWriter progress, TimeProvider time)
{
    private const string NoArm = "none";
    private readonly Random _rng = new(settings.Seed);
    private readonly ArmTally _total = new();
    private readonly Dictionary<string, ArmTally> _arms = new(StringComparer.Ordinal);
    private readonly List<OrderBody> _orders = [];
    private readonly List<EventBody> _purchases = [];
    private readonly Stopwatch _clock = new();
    private string _runStamp = "";
    private int _visits, _unknown, _eventsSent, _ordersSent, _daysPlayed, _newVisitors;

    public async Task<SimulationSummary> RunAsync(string url, CancellationToken ct)
    {
        _clock.Start();
        _runStamp = time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var shoppers = PickShoppers();
        for (var day = 1; day <= settings.Days; day++)
        {
            foreach (var shopper in shoppers)
            {
                if (_rng.Chance(Math.Clamp(shopper.RatePerDay * settings.BrowsesPerPurchase, 0.02, 0.5)))
                {
                    await VisitAsync(shopper, ct);
                }
            }
            await FlushDayAsync(ct);
            _daysPlayed = day;
            await progress.WriteLineAsync($"day {day}/{settings.Days}: {_visits:N0} visits, {_total.Orders:N0} orders, {client.Requests:N0} requests ({_clock.Elapsed.TotalSeconds:N0} s)");
        }
        return Summary(url, cancelled: false);
    }

    /// <summary>The figures so far (after a cancellation, what was played until then).</summary>
    public SimulationSummary Summary(string url, bool cancelled) => new(
        url, settings.Shoppers, _newVisitors, settings.Days, settings.Seed, _daysPlayed, cancelled, _visits, _unknown,
        client.Requests, client.Throttled, _eventsSent, _ordersSent, Math.Round(_clock.Elapsed.TotalSeconds, 1), _total, _arms);

    private List<SimulatedShopper> PickShoppers()
    {
        _newVisitors = (int)Math.Round(settings.Shoppers * settings.NewVisitorShare);
        var customers = model.Customers.ToList();
        _rng.Shuffle(customers);
        var known = customers.Take(settings.Shoppers - _newVisitors).ToList();
        _newVisitors = settings.Shoppers - known.Count;
        var seed = settings.Seed.ToString(CultureInfo.InvariantCulture);
        return [.. known, .. Enumerable.Range(1, _newVisitors).Select(i => model.NewVisitor(_rng, $"sim-{seed}-{i:000000}"))];
    }

    private async Task VisitAsync(SimulatedShopper shopper, CancellationToken ct)
    {
        _visits++;
        var visitorId = shopper.CustomerId is null ? shopper.VisitorId : null;
        var anchor = model.Browse(_rng, shopper);
        var list = await client.ListAsync(anchor.Sku, shopper.CustomerId, visitorId, ct);
        if (list is null)
        {
            _unknown++;
            return;
        }
        var arm = _arms.TryGetValue(list.Arm ?? NoArm, out var found) ? found : _arms[list.Arm ?? NoArm] = new ArmTally();
        Count(arm, t => t.Visits++);
        Count(arm, t => t.Impressions += list.Items.Count);
        await SendAsync([.. list.Items.Select(item => Event("impression", list, item, shopper, visitorId))], ct);
        var actions = new List<EventBody>();
        var carted = new List<ServedSlot>();
        foreach (var item in list.Items)
        {
            var product = model.Product(item.Sku);
            var (fit, taste) = (model.Fit(anchor, product), model.Taste(shopper, product));
            if (!_rng.Chance(model.ClickChance(fit, taste)))
            {
                continue;
            }
            Count(arm, t => t.Clicks++);
            actions.Add(Event("click", list, item, shopper, visitorId));
            if (_rng.Chance(model.CartChance(fit, taste)))
            {
                Count(arm, t => t.AddToCarts++);
                actions.Add(Event("add-to-cart", list, item, shopper, visitorId) with { Quantity = 1 });
                carted.Add(item);
            }
        }
        await SendAsync(actions, ct);
        var buysAnchor = _rng.Chance(ShopperBehaviour.BuyAnchorChance);
        if (buysAnchor || (carted.Count > 0 && _rng.Chance(0.4)))
        {
            Buy(arm, list, anchor, buysAnchor, carted, shopper, visitorId);
        }
    }

    private void Buy(ArmTally arm, ServedList list, SeedProduct anchor, bool buysAnchor, List<ServedSlot> carted, SimulatedShopper shopper, string? visitorId)
    {
        var lines = new List<OrderLineBody>();
        if (buysAnchor)
        {
            lines.Add(new OrderLineBody(anchor.Sku, 1, anchor.Price));
            lines.AddRange(model.OrganicComplements(_rng, anchor).Where(p => carted.All(c => c.Sku != p.Sku)).Select(p => new OrderLineBody(p.Sku, 1, p.Price)));
        }
        lines.AddRange(carted.Select(c => new OrderLineBody(c.Sku, 1, c.Price)));
        lines = [.. lines.DistinctBy(l => l.Sku)];
        var orderId = $"SIM-{_runStamp}-{_total.Orders + 1:000000}";
        _orders.Add(new OrderBody(orderId, shopper.CustomerId ?? visitorId!, Now(), lines));
        // The order id lets the report count an order known from both its purchase events and the orders API once.
        _purchases.AddRange(carted.Select(c => Event("purchase", list, c, shopper, visitorId) with { Quantity = 1, Revenue = c.Price, OrderId = orderId }));
        var revenue = lines.Sum(l => l.Quantity * l.UnitPrice);
        var listRevenue = carted.Sum(c => c.Price);
        Count(arm, t =>
        {
            t.Orders++;
            t.Revenue += revenue;
            t.ListRevenue += listRevenue;
            t.OrdersWithListItems += carted.Count > 0 ? 1 : 0;
        });
    }

    private async Task FlushDayAsync(CancellationToken ct)
    {
        foreach (var batch in _orders.Chunk(settings.OrderBatchSize))
        {
            await client.PostOrdersAsync(batch, ct);
            _ordersSent += batch.Length;
        }
        _orders.Clear();
        foreach (var batch in _purchases.Chunk(settings.OrderBatchSize))
        {
            await SendAsync(batch, ct);
        }
        _purchases.Clear();
    }

    private async Task SendAsync(IReadOnlyList<EventBody> events, CancellationToken ct)
    {
        await client.PostEventsAsync(events, ct);
        _eventsSent += events.Count;
    }

    private EventBody Event(string type, ServedList list, ServedSlot item, SimulatedShopper shopper, string? visitorId) =>
        new(type, list.RecommendationId, item.Sku, list.Sku, item.Slot, item.Source, shopper.CustomerId, visitorId, Now());

    private DateTime Now() => DateTime.SpecifyKind(new DateTime(time.GetUtcNow().UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private void Count(ArmTally arm, Action<ArmTally> change)
    {
        change(arm);
        change(_total);
    }
}
