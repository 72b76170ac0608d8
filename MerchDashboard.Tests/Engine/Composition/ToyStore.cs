using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>
/// The hand-built store of the worked examples. Toys: a toy car (the anchor, needs batteries), a second
/// toy car (a substitute), a track set, a puzzle, a stunt ramp. Electronics: batteries (one out of stock),
/// laptops (the anchor 20 and a substitute 21), cases, a mouse and a USB hub.
/// </summary>
internal static class ToyStore
{
    public const int Toys = 100, ToyCars = 101, Puzzles = 102, Tracks = 103;
    public const int Electronics = 200, Batteries = 201, Laptops = 202, LaptopCases = 203, Accessories = 204;

    public const int RacerCar = 1, MonsterTruck = 2, TrackSet = 3, AaBatteries = 4, AaaBatteries = 5,
        NineVoltBattery = 6, Puzzle = 7, RechargeableAa = 9, StuntRamp = 10;
    public const int Laptop = 20, SecondLaptop = 21, LaptopCase = 22, LaptopSleeve = 23, Mouse = 24, UsbHub = 25;

    public static readonly DateTime AsOf = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    public static CatalogView Catalog { get; } = Build();

    /// <summary>Mined for the toy car: the track set strongly, the substitute, the puzzle weakly, an out-of-stock battery.</summary>
    public static IReadOnlyList<MinedCandidate> MinedForCar { get; } =
    [
        new(TrackSet, 212, 0.02, 0.31, 3.4, 0.9),
        new(MonsterTruck, 150, 0.015, 0.2, 2.5, 0.8),
        new(RechargeableAa, 90, 0.01, 0.1, 2.0, 0.5),
        new(Puzzle, 40, 0.004, 0.05, 1.5, 0.3),
    ];

    public static IReadOnlyList<MinedCandidate> MinedForLaptop { get; } =
    [
        new(SecondLaptop, 60, 0.006, 0.2, 1.8, 1.0),
        new(Mouse, 30, 0.003, 0.1, 2.0, 0.5),
    ];

    public static ProductInfo Product(int id) => Catalog.Products[id];

    public static ComposedList Compose(int anchor, int slots, IReadOnlyList<MinedCandidate> mined, CurationState? curation = null, IShopperAffinity? shopper = null) =>
        Composer.Compose(new CompositionRequest(anchor, slots, AsOf, shopper), Catalog, mined, curation ?? CurationState.Auto);

    private static CatalogView Build()
    {
        var products = new Dictionary<int, ProductInfo>();
        void Add(int id, string name, int category, int department, int stock = 10, bool active = true, string? tag = null) =>
            products[id] = new ProductInfo(id, $"SKU-{id}", name, "Brand", category, department, 10m, stock, active,
                tag is null ? new HashSet<string>() : new HashSet<string> { tag });
        Add(RacerCar, "Racer toy car", ToyCars, Toys, tag: "needs-batteries");
        Add(MonsterTruck, "Monster truck", ToyCars, Toys);
        Add(TrackSet, "Track set", Tracks, Toys);
        Add(AaBatteries, "AA batteries", Batteries, Electronics);
        Add(AaaBatteries, "AAA batteries", Batteries, Electronics);
        Add(NineVoltBattery, "9V battery", Batteries, Electronics);
        Add(Puzzle, "Puzzle 500", Puzzles, Toys);
        Add(RechargeableAa, "Rechargeable AA", Batteries, Electronics, stock: 0);
        Add(StuntRamp, "Stunt ramp", Tracks, Toys);
        Add(Laptop, "Laptop 14", Laptops, Electronics);
        Add(SecondLaptop, "Laptop 16", Laptops, Electronics);
        Add(LaptopCase, "Laptop case", LaptopCases, Electronics);
        Add(LaptopSleeve, "Laptop sleeve", LaptopCases, Electronics);
        Add(Mouse, "Mouse", Accessories, Electronics);
        Add(UsbHub, "USB hub", Accessories, Electronics);

        var names = new Dictionary<int, string>
        {
            [Toys] = "Toys", [ToyCars] = "Toy cars", [Puzzles] = "Puzzles", [Tracks] = "Tracks",
            [Electronics] = "Electronics", [Batteries] = "Batteries", [Laptops] = "Laptops",
            [LaptopCases] = "Laptop cases", [Accessories] = "Accessories",
        };
        ComplementRuleInfo[] rules =
        [
            new(null, "needs-batteries", Batteries, "needs batteries → Batteries"),
            new(Laptops, null, LaptopCases),
        ];
        var bestSellers = new Dictionary<int, IReadOnlyList<int>>
        {
            [Batteries] = [AaBatteries, RechargeableAa, AaaBatteries, NineVoltBattery],
            [LaptopCases] = [LaptopCase, LaptopSleeve],
            [Toys] = [MonsterTruck, RacerCar, TrackSet, Puzzle, StuntRamp],
            [Electronics] = [Laptop, SecondLaptop, UsbHub, Mouse, LaptopCase, LaptopSleeve, AaBatteries],
        };
        return new CatalogView(products, names, rules, bestSellers);
    }
}

/// <summary>A shopper whose affinities are given by hand.</summary>
internal sealed class FixedShopper(string label, IReadOnlyDictionary<int, double> affinities, string? reason = null) : IShopperAffinity
{
    public string ShopperLabel => label;

    public double AffinityFor(ProductInfo product) => affinities.GetValueOrDefault(product.Id);

    public string? ReasonFor(ProductInfo product) => affinities.ContainsKey(product.Id) ? reason : null;
}
