using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features.Dashboards;

/// <summary>
/// What the dashboards page asks for: each tab's figures for a filter, computed off the circuit's thread from the
/// cached <see cref="OrderFacts"/>. CLV fits are the slowest part and are cached per facts and filter in
/// <see cref="SnapshotCache"/>, so the personalization and comparison tabs share one fit.
/// </summary>
public sealed class DashboardQueries(OrderFactsStore store, SnapshotCache cache)
{

    public OrderFactsStore Store => store;

    public Task<OrderFacts> FactsAsync() => store.GetAsync();

    public Task<CrossSellFigures> CrossSellAsync(OrderFacts facts, DashboardFilter filter)
    {
        var lists = store.Lists();
        return Task.Run(() => DashboardCalculator.CrossSell(facts, filter, lists));
    }

    /// <summary>The personalization figures without waiting for the CLV fit (it starts now; ask <see cref="ClvAsync"/>).</summary>
    public Task<PersonalizationFigures> PersonalizationAsync(OrderFacts facts, DashboardFilter filter)
    {
        _ = ClvAsync(facts, filter);
        return Task.Run(() => DashboardCalculator.Personalization(facts, filter, ClvFigures.Empty));
    }

    public async Task<ComparisonFigures> ComparisonAsync(OrderFacts facts, DashboardFilter filter)
    {
        var lists = store.Lists();
        var orders = facts.Select(filter.WithAllArms());
        if (DashboardCalculator.WithoutExperiment(orders, filter) is { } withoutArms)
        {
            return new ComparisonFigures([], [], orders.Length, withoutArms);
        }
        var clv = await ClvAsync(facts, filter.WithAllArms());
        return await Task.Run(() => DashboardCalculator.Comparison(facts, filter, lists, clv));
    }

    public Task<ClvFigures> ClvAsync(OrderFacts facts, DashboardFilter filter) =>
        cache.GetOrStart(("clv-fit", facts, filter), () => Task.Run(() => DashboardCalculator.Clv(facts, filter)));
}
