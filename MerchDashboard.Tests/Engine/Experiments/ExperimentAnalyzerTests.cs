using MerchDashboard.Engine.Experiments;
using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Tests.Engine.Experiments;

/// <summary>
/// A scripted experiment (24 h window, control and both) whose every figure is worked out by hand:
/// <list type="bullet">
/// <item>s1 (both), exposed day 1 10:00 with impressions of products 2 (locked), 3 (personalized), 4 (rule), 5 (manual); clicks 2 (locked)
/// 10:05, 3 (personalized) 11:00, 2 again (mined) 12:00; adds 2 to the cart. O1 day 1 14:00: 1 × product 1 at 30 (never clicked) and
/// 2 × product 2 at 5 = 10, attributed to the last click (mined). O2 day 3 09:00: product 3 at 20, a repeat purchase 46 h after the
/// click: unattributed.</item>
/// <item>s2 (control) orders O0 day 1 08:00 before being exposed (not linked); impression of 3 (fallback) day 1 09:00, click 09:30;
/// O3 day 2 09:00: products 3 (20, clicked 23.5 h before: attributed to fallback) and 1 (30); clicks product 1 (rule) after the order.</item>
/// <item>s3 (control): two fallback impressions, no order. s4: an order, never exposed. s5: an impression after the end.</item>
/// </list>
/// </summary>
public sealed class ExperimentAnalyzerTests
{
    private static readonly DateTime Day0 = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private static DateTime At(int day, int hour, int minute = 0) => Day0.AddDays(day).AddHours(hour).AddMinutes(minute);

    private static ShopperEvent Seen(string shopper, Arm arm, int day, int hour, int minute, int product, string source) =>
        new(shopper, arm, ShopperAction.Impression, At(day, hour, minute), product, source);

    private static ShopperEvent Click(string shopper, Arm arm, int day, int hour, int minute, int product, string source) =>
        new(shopper, arm, ShopperAction.Click, At(day, hour, minute), product, source);

    private static ShopperOrder Order(string id, string shopper, DateTime at, params (int Product, int Quantity, decimal Price)[] lines) =>
        new(id, shopper, at, [.. lines.Select(l => new PurchasedLine(l.Product, l.Quantity, l.Price))]);

    private static ExperimentResults Scripted()
    {
        ShopperEvent[] events =
        [
            Seen("s1", Arm.Both, 1, 10, 0, 2, "locked"), Seen("s1", Arm.Both, 1, 10, 0, 3, "personalized"),
            Seen("s1", Arm.Both, 1, 10, 0, 4, "rule"), Seen("s1", Arm.Both, 1, 10, 0, 5, "manual"),
            Click("s1", Arm.Both, 1, 10, 5, 2, "locked"), Click("s1", Arm.Both, 1, 11, 0, 3, "personalized"), Click("s1", Arm.Both, 1, 12, 0, 2, "mined"),
            new("s1", Arm.Both, ShopperAction.AddToCart, At(1, 13), 2, "mined"),
            Seen("s2", Arm.Control, 1, 9, 0, 3, "fallback"), Click("s2", Arm.Control, 1, 9, 30, 3, "fallback"), Click("s2", Arm.Control, 2, 10, 0, 1, "rule"),
            Seen("s3", Arm.Control, 2, 8, 0, 3, "fallback"), Seen("s3", Arm.Control, 2, 8, 0, 4, "fallback"),
            Seen("s5", Arm.Both, 11, 0, 0, 2, "mined"),
        ];
        ShopperOrder[] orders =
        [
            Order("O0", "s2", At(1, 8), (1, 1, 30m)),
            Order("O1", "s1", At(1, 14), (1, 1, 30m), (2, 2, 5m)),
            Order("O2", "s1", At(3, 9), (3, 1, 20m)),
            Order("O3", "s2", At(2, 9), (3, 1, 20m), (1, 1, 30m)),
            Order("O4", "s4", At(2, 9), (1, 1, 30m)),
        ];
        var lists = FrequentlyBoughtWith.From(new Dictionary<int, int[]> { [1] = [2] });
        var predicted = new Dictionary<string, double> { ["s1"] = 100, ["s2"] = 50, ["s3"] = 70, ["s4"] = 999 };
        return ExperimentAnalyzer.Analyze(new ExperimentInput([new ArmShare(Arm.Control, 50), new ArmShare(Arm.Both, 50)],
            Day0, At(10, 0), TimeSpan.FromHours(24), events, orders, lists, predicted));
    }

    [Fact]
    public void Analyze_ScriptedSequence_ArmCountsAsHandComputed()
    {
        var results = Scripted();

        results.Arms.ShouldBe(
        [
            new ArmFigures(Arm.Control, 50, ShoppersExposed: 2, Orders: 1, Revenue: 50m, Units: 2, Impressions: 3, Clicks: 2, AddToCarts: 0,
                AttributedRevenue: 20m, AttributedLines: 1),
            new ArmFigures(Arm.Both, 50, ShoppersExposed: 1, Orders: 2, Revenue: 60m, Units: 4, Impressions: 4, Clicks: 3, AddToCarts: 1,
                AttributedRevenue: 10m, AttributedLines: 1),
        ]);
        results.OrdersNotLinked.ShouldBe(2);
    }

    [Fact]
    public void Analyze_ScriptedSequence_SourcesLastClickWinsAndWindowHolds()
    {
        var sources = Scripted().Sources.ToDictionary(s => s.Source);

        sources.Keys.ShouldBe(["fallback", "locked", "manual", "mined", "personalized", "rule"]);
        sources["fallback"].ShouldSatisfyAllConditions(s => s.Impressions.ShouldBe(3), s => s.Clicks.ShouldBe(1), s => s.AttributedRevenue.ShouldBe(20m));
        sources["locked"].ShouldSatisfyAllConditions(s => s.Clicks.ShouldBe(1), s => s.AttributedRevenue.ShouldBe(0m));
        sources["mined"].ShouldSatisfyAllConditions(s => s.Impressions.ShouldBe(0), s => s.AttributedRevenue.ShouldBe(10m));
        sources["personalized"].AttributedRevenue.ShouldBe(0m);
        sources["rule"].AttributedRevenue.ShouldBe(0m);
        sources["fallback"].ClickThroughRate.ShouldBe(1 / 3.0, 1e-12);
    }

    [Fact]
    public void Analyze_ScriptedSequence_KpisAndIntervalsAsHandComputed()
    {
        var results = Scripted();

        var aov = results.Kpi(Kpi.AverageOrderValue);
        aov.For(Arm.Control)!.Value.ShouldBe(50);
        aov.For(Arm.Control)!.Interval.IsDefined.ShouldBeFalse();
        aov.For(Arm.Both)!.Value.ShouldBe(30);
        // Orders 40 and 20: s² = 200, t(0.975, 1) = 12.7062: 30 ± 12.7062 × √(200 / 2).
        aov.For(Arm.Both)!.Interval.Low.ShouldBe(-97.062047, 1e-5);
        aov.For(Arm.Both)!.Interval.High.ShouldBe(157.062047, 1e-5);
        results.Kpi(Kpi.UnitsPerOrder).For(Arm.Both)!.Value.ShouldBe(2);
        results.Kpi(Kpi.AttachRate).For(Arm.Control)!.Value.ShouldBe(0);
        results.Kpi(Kpi.AttachRate).For(Arm.Both)!.Value.ShouldBe(1);

        var ctr = results.Kpi(Kpi.ClickThroughRate);
        ctr.For(Arm.Control)!.Value.ShouldBe(2 / 3.0, 1e-12);
        // Wilson 2 of 3: [0.207660, 0.938508]; Newcombe for 3/4 − 2/3: [−0.441853, 0.585799].
        ctr.For(Arm.Control)!.Interval.Low.ShouldBe(0.207660, 1e-6);
        ctr.For(Arm.Control)!.Interval.High.ShouldBe(0.938508, 1e-6);
        var difference = ctr.VersusControl.ShouldHaveSingleItem();
        difference.Difference.ShouldBe(0.75 - 2 / 3.0, 1e-12);
        difference.Interval.Low.ShouldBe(-0.441853, 1e-6);
        difference.Interval.High.ShouldBe(0.585799, 1e-6);
        difference.Significant.ShouldBeFalse();

        results.Kpi(Kpi.AddToCartRate).For(Arm.Both)!.Value.ShouldBe(0.25);
        results.Kpi(Kpi.AttributedRevenuePerShopper).For(Arm.Control)!.Value.ShouldBe(10);
        results.Kpi(Kpi.AttributedRevenuePerShopper).For(Arm.Both)!.Value.ShouldBe(10);
        results.Kpi(Kpi.RepeatRate).For(Arm.Control)!.ShouldSatisfyAllConditions(e => e.Value.ShouldBe(0), e => e.SampleSize.ShouldBe(1));
        results.Kpi(Kpi.RepeatRate).For(Arm.Both)!.Value.ShouldBe(1);
        results.Kpi(Kpi.PredictedValue12Months).For(Arm.Control)!.ShouldSatisfyAllConditions(e => e.Value.ShouldBe(60), e => e.SampleSize.ShouldBe(2));
        results.Kpi(Kpi.PredictedValue12Months).For(Arm.Both)!.Value.ShouldBe(100);
    }

    [Fact]
    public void Analyze_ClickExactlyAWindowBeforeTheOrder_Attributed()
    {
        var window = TimeSpan.FromHours(24);
        ShopperEvent[] events = [Seen("s", Arm.Control, 1, 0, 0, 7, "mined"), Click("s", Arm.Control, 1, 0, 0, 7, "mined")];
        var input = new ExperimentInput([new ArmShare(Arm.Control, 50), new ArmShare(Arm.Both, 50)], Day0, At(5, 0), window, events,
            [Order("A", "s", At(2, 0), (7, 1, 12m)), Order("B", "s", At(2, 0, 1), (7, 1, 12m))],
            FrequentlyBoughtWith.From(new Dictionary<int, int[]>()), new Dictionary<string, double>());

        var control = ExperimentAnalyzer.Analyze(input).Arms[0];

        control.AttributedRevenue.ShouldBe(12m);
        control.Orders.ShouldBe(2);
    }
}
