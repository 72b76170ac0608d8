using MerchDashboard.Data;
using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Experiments;

/// <summary>The store's own baseline of a KPI and the sample each arm needs, from every order in the database.</summary>
public sealed record SamplePlan(string Kpi, double RelativeEffect, double Baseline, long? PerArm, long Observations, string Sentence);

/// <summary>Sizes an experiment from the orders in the database (<see cref="SampleSize"/> gives the formulas).</summary>
public sealed class ExperimentPlanner(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<SamplePlan> PlanAsync(string kpi, double relativeEffect, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var revenues = new List<double>();
        var units = new List<double>();
        var ordersPerCustomer = new Dictionary<int, int>();
        await foreach (var order in db.Orders.AsNoTracking().Select(o => new { o.Revenue, o.Units, o.CustomerId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            revenues.Add((double)order.Revenue);
            units.Add(order.Units);
            if (order.CustomerId is { } customer)
            {
                ordersPerCustomer[customer] = ordersPerCustomer.GetValueOrDefault(customer) + 1;
            }
        }
        return Plan(kpi, relativeEffect, MeanSample.Of(revenues), MeanSample.Of(units),
            new ProportionSample(ordersPerCustomer.Values.Count(n => n >= 2), ordersPerCustomer.Count));
    }

    public static SamplePlan Plan(string kpi, double relativeEffect, MeanSample revenue, MeanSample units, ProportionSample repeat)
    {
        var (baseline, perArm, observations) = kpi switch
        {
            PrimaryKpis.UnitsPerOrder => (units.Mean, SampleSize.ForMean(units, relativeEffect), units.N),
            PrimaryKpis.RepeatRate => (repeat.Rate, SampleSize.ForProportion(repeat.Rate, relativeEffect), repeat.Trials),
            _ => (revenue.Mean, SampleSize.ForMean(revenue, relativeEffect), revenue.N),
        };
        var effect = relativeEffect.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);
        var sentence = perArm is { } n
            ? $"To detect a {effect} change in {PrimaryKpis.Describe(kpi)} at 95% confidence and 80% power, each arm needs {n:N0} {PrimaryKpis.Unit(kpi)} " +
              $"(from {observations:N0} {PrimaryKpis.Unit(kpi)} in the store)."
            : $"The store's data cannot size the experiment on {PrimaryKpis.Describe(kpi)}: it needs at least two observations with some variation" +
              (kpi == PrimaryKpis.RepeatRate ? " and a repeat rate whose change stays below 100%." : ".");
        return new SamplePlan(kpi, relativeEffect, baseline, perArm, observations, sentence);
    }
}
