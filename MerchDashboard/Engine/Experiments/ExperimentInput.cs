using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Engine.Experiments;

public enum ShopperAction
{
    Impression,
    Click,
    AddToCart,
}

/// <summary>
/// One reported event of a shopper in a running experiment: the arm the server assigned, the product in the slot
/// and the slot's source (pinned, locked, manual, mined, rule, fallback, personalized). Times are UTC.
/// </summary>
public sealed record ShopperEvent(string ShopperId, Arm Arm, ShopperAction Action, DateTime At, int ProductId, string Source);

public sealed record PurchasedLine(int ProductId, int Quantity, decimal UnitPrice)
{
    public decimal Revenue => Quantity * UnitPrice;
}

/// <summary>An order of a shopper (imported, posted to the orders API or reported as purchase events), UTC.</summary>
public sealed record ShopperOrder(string OrderId, string ShopperId, DateTime PlacedAt, IReadOnlyList<PurchasedLine> Lines)
{
    public decimal Revenue => Lines.Sum(l => l.Revenue);

    public int Units => Lines.Sum(l => l.Quantity);
}

/// <summary>
/// What the analysis reads. Events and orders outside [<see cref="Start"/>, <see cref="End"/>] are ignored.
/// <see cref="PredictedClv"/> maps shopper ids to their predicted 12-month value (shoppers without one are left out
/// of that KPI); <see cref="Lists"/> are the current frequently-bought-with lists that attach rates read.
/// </summary>
public sealed record ExperimentInput(
    IReadOnlyList<ArmShare> Arms,
    DateTime Start,
    DateTime End,
    TimeSpan AttributionWindow,
    IReadOnlyList<ShopperEvent> Events,
    IReadOnlyList<ShopperOrder> Orders,
    FrequentlyBoughtWith Lists,
    IReadOnlyDictionary<string, double> PredictedClv);
