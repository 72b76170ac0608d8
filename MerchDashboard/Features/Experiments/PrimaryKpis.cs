using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Experiments;

/// <summary>The KPIs an experiment can be sized for, as the page, the API and the command line name them.</summary>
public static class PrimaryKpis
{
    public const string Aov = "aov";
    public const string UnitsPerOrder = "units-per-order";
    public const string RepeatRate = "repeat-rate";

    public static IReadOnlyList<string> All { get; } = [Aov, UnitsPerOrder, RepeatRate];

    public static Kpi KpiOf(string name) => name switch
    {
        UnitsPerOrder => Kpi.UnitsPerOrder,
        RepeatRate => Kpi.RepeatRate,
        _ => Kpi.AverageOrderValue,
    };

    public static string Describe(string name) => name switch
    {
        UnitsPerOrder => "units per order",
        RepeatRate => "repeat rate",
        _ => "average order value",
    };

    /// <summary>What one observation of the KPI is: orders, or shoppers with an order for the repeat rate.</summary>
    public static string Unit(string name) => name == RepeatRate ? "shoppers with an order" : "orders";
}
