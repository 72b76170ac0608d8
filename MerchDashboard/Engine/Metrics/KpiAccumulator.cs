namespace MerchDashboard.Engine.Metrics;

/// <summary>Running sums of one group of orders (a week, an arm), updated in place so a million orders allocate nothing.</summary>
internal struct KpiAccumulator
{
    private int _orders;
    private decimal _revenue;
    private long _units;
    private decimal _crossSell;
    private long _anchors;
    private long _attached;
    private double _mean;
    private double _squares;

    public void Add(in OrderSummary order, FrequentlyBoughtWith lists)
    {
        _orders++;
        _revenue += order.Revenue;
        _units += order.Units;
        _crossSell += order.CrossSellRevenue;
        var (anchors, attached) = AttachRates.CountOrder(order, lists);
        _anchors += anchors;
        _attached += attached;
        var value = (double)order.Revenue;
        var delta = value - _mean;
        _mean += delta / _orders;
        _squares += delta * (value - _mean);
    }

    public readonly OrderKpis Kpis => new(_orders, _revenue, _units, _crossSell);

    public readonly AttachCount Attach => new(0, _anchors, _attached);

    /// <summary>Order revenue as a sample (Welford's update), for the AOV interval.</summary>
    public readonly MeanSample Revenue => new(_orders, _orders == 0 ? double.NaN : _mean, _orders < 2 ? double.NaN : _squares / (_orders - 1));
}
