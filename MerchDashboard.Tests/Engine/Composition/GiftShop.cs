using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Tests.Engine.Composition;

/// <summary>
/// The worked examples' gift shop, shaped like the real gift retailer of issue 13. Imported/Uncategorized
/// (a placeholder: products of an order file without categories); Kitchen with lunch bags (decided by
/// evidence: a collection that customers buy in several designs), teacups (set to go together), mugs
/// (set as alternatives) and napkins. The Imported department's best sellers are its own placeholder products.
/// </summary>
internal static class GiftShop
{
    public const int Imported = 900, Uncategorized = 901;
    public const int Kitchen = 100, LunchBags = 101, Teacups = 102, Mugs = 103, Napkins = 104;

    public const int Doorstop = 1, TableClock = 2, Bunting = 3, Candle = 4, SoldOutLantern = 5;
    public const int RedBag = 11, BlackBag = 12, PinkBag = 13, SpotBag = 14;
    public const int GreenCup = 21, PinkCup = 22, RosesCup = 23;
    public const int WhiteMug = 31, BlueMug = 32, StripedMug = 33;
    public const int Napkin = 41;

    public static readonly DateTime AsOf = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public static CatalogView Catalog { get; } = Build();

    public static ComposedList Compose(int anchor, int slots, IReadOnlyList<MinedCandidate> mined, CurationState? curation = null, CatalogView? catalog = null) =>
        Composer.Compose(new CompositionRequest(anchor, slots, AsOf), catalog ?? Catalog, mined, curation ?? CurationState.Auto);

    private static CatalogView Build()
    {
        var products = new Dictionary<int, ProductInfo>();
        void Add(int id, string name, int category, int department, int stock = 10) =>
            products[id] = new ProductInfo(id, $"G-{id}", name, "", category, department, 4m, stock, true, new HashSet<string>());
        Add(Doorstop, "Doorstop", Uncategorized, Imported);
        Add(TableClock, "Table clock", Uncategorized, Imported);
        Add(Bunting, "Bunting", Uncategorized, Imported);
        Add(Candle, "Candle", Uncategorized, Imported);
        Add(SoldOutLantern, "Lantern", Uncategorized, Imported, stock: 0);
        Add(RedBag, "Lunch bag red", LunchBags, Kitchen);
        Add(BlackBag, "Lunch bag black", LunchBags, Kitchen);
        Add(PinkBag, "Lunch bag pink", LunchBags, Kitchen);
        Add(SpotBag, "Lunch bag spots", LunchBags, Kitchen);
        Add(GreenCup, "Teacup green", Teacups, Kitchen);
        Add(PinkCup, "Teacup pink", Teacups, Kitchen);
        Add(RosesCup, "Teacup roses", Teacups, Kitchen);
        Add(WhiteMug, "Mug white", Mugs, Kitchen);
        Add(BlueMug, "Mug blue", Mugs, Kitchen);
        Add(StripedMug, "Mug striped", Mugs, Kitchen);
        Add(Napkin, "Napkins", Napkins, Kitchen);

        var names = new Dictionary<int, string>
        {
            [Imported] = "Imported", [Uncategorized] = "Uncategorized", [Kitchen] = "Kitchen",
            [LunchBags] = "Lunch bags", [Teacups] = "Teacups", [Mugs] = "Mugs", [Napkins] = "Napkins",
        };
        var bestSellers = new Dictionary<int, IReadOnlyList<int>>
        {
            [Imported] = [TableClock, Doorstop, SoldOutLantern, Bunting, Candle],
            [Uncategorized] = [TableClock, Doorstop, SoldOutLantern, Bunting, Candle],
            [Kitchen] = [RedBag, GreenCup, BlackBag, WhiteMug, PinkBag, SpotBag, PinkCup, Napkin, BlueMug, RosesCup, StripedMug],
            [LunchBags] = [RedBag, BlackBag, PinkBag, SpotBag],
            [Teacups] = [GreenCup, PinkCup, RosesCup],
            [Mugs] = [WhiteMug, BlueMug, StripedMug],
            [Napkins] = [Napkin],
        };
        return new CatalogView(products, names, [], bestSellers)
        {
            StoreBestSellers = [RedBag, TableClock, GreenCup, Doorstop, BlackBag, WhiteMug, SoldOutLantern, Bunting, PinkBag,
                SpotBag, PinkCup, Napkin, Candle, BlueMug, RosesCup, StripedMug],
            UnknownCategories = new HashSet<int> { Uncategorized },
            Pairings = new Dictionary<int, CategoryPairing> { [Teacups] = CategoryPairing.GoTogether, [Mugs] = CategoryPairing.Alternatives },
        };
    }
}
