namespace MerchDashboard.Data.Seeding;

/// <summary>
/// The merchandisers' side of the demo store: complement rules, and curated lists that show off every
/// mode and override kind, including the planted problems the alerts should report (described in
/// seed-data/README.md). The demo's "today" is 24 days after the history ends (2026-11-25).
/// </summary>
internal sealed class CurationGenerator(IReadOnlyList<SeedProduct> products, ComplementPlan plan, PlantedProblems planted, SeedSettings settings)
{
    private readonly List<SeedList> _lists = [];
    private readonly List<SeedOverride> _overrides = [];

    public static IReadOnlyList<SeedRule> Rules { get; } =
    [
        new("", CatalogBlueprint.NeedsBatteries, "batteries", "Battery-powered toys ship without batteries: always offer them"),
        new("cameras", "", "memory-cards", "Cameras come without a memory card"),
        new("cameras", "", "tripods", "A tripod for low light and video"),
        new("printers", "", "ink-toner", "The starter cartridges run out within weeks"),
        new("printers", "", "paper", "Paper for the first prints"),
        new("consoles", "", "controllers", "A second controller for two players"),
        new("consoles", "", "video-games", "A console needs games"),
        new("laptops", "", "laptop-cases", "Protect the new laptop"),
        new("laptops", "", "mice", "Most buyers want a mouse"),
        new("smartphones", "", "phone-cases", "A case protects the new phone"),
        new("smartphones", "", "chargers", "Phones ship without a charger"),
    ];

    public (IReadOnlyList<SeedList> Lists, IReadOnlyList<SeedOverride> Overrides) Generate()
    {
        var today = settings.End.AddDays(24);
        var rcCar = Top("rc-cars");
        var batteries = Usual(rcCar, "batteries").Where(b => b.Fit == rcCar.Fit).Take(3).ToList();
        List("locked", rcCar, "Holiday toy campaign: batteries first, the car ships without them. Locked until January.");
        for (var i = 0; i < batteries.Count; i++)
        {
            Override(rcCar, "pin", batteries[i], i + 1, i == 0 ? "The batteries this car takes" : "Alternative pack that fits");
        }

        var laptop = Top("laptops");
        List("curated", laptop, "Best-selling laptop: push the premium sleeve, keep the returned mouse off the page.");
        var cases = Usual(laptop, "laptop-cases");
        Override(laptop, "pin", cases[1], 1, "Premium sleeve that fits this model; better margin");
        Override(laptop, "exclude", Usual(laptop, "mice")[0], null, "High return rate with this model (Bluetooth dropouts), ticket MD-112");
        Override(laptop, "add", Top("docking-stations", skip: 1), 1, "The dock IT recommends for this model");

        var camera = Top("cameras");
        List("locked-top-n", camera, "Top two fixed: the card and the tripod reviewers recommend; the rest is mined.", lockedTopN: 2);
        Override(camera, "pin", Usual(camera, "memory-cards")[0], 1, "A card fast enough for 4K video");
        Override(camera, "pin", Usual(camera, "tripods")[0], 2, "Recommended in the launch review");

        var phone = Top("smartphones");
        List("curated", phone, "Black Friday: the charger bundle is pinned through Cyber Monday.");
        Override(phone, "pin", Usual(phone, "chargers").Except(plan.DriftedItems).First(), 1, "Black Friday bundle: 30% off this charger through Cyber Monday",
            today.AddDays(-5), today.AddDays(6).AddSeconds(-1));

        var console = Top("consoles");
        List("curated", console, "Gift guide: the limited controller is pinned for the holidays from 1 December.");
        Override(console, "pin", Usual(console, "controllers")[0], 1, "Holiday gift guide: show the controller from December",
            today.AddDays(6), today.AddDays(42));
        var headset = products.Where(p => p.Name.Contains("Gaming Headset", StringComparison.Ordinal) && ComplementPlan.IsShowcase(p))
            .MaxBy(p => p.Popularity) ?? Top("headphones");
        Override(console, "add", headset, 1, "Headset for online play");

        var printer = Top("printers");
        List("curated", printer, "Original ink first: customers complain about compatible cartridges.");
        Override(printer, "pin", planted.SoldOutInk, 1, "Original cartridge for this printer");

        var toy = Top("battery-toys");
        List("curated", toy, "Pinned in spring 2025 with the battery pack this toy takes.");
        Override(toy, "pin", planted.DiscontinuedBattery, 1, "The batteries this toy takes");

        var drifted = plan.DriftAnchor!;
        List("locked", drifted, "Launch bundle, locked in January 2025.");
        var position = 1;
        foreach (var item in plan.DriftedItems)
        {
            Override(drifted, "pin", item, position++, "Launch bundle item");
        }

        var bricks = Top("building-sets");
        List("auto", bricks, "Mined list is fine; one exclusion for the building-set promotion.");
        Override(bricks, "exclude", Top("board-games"), null, "Keep board games off building-set pages during the promotion");
        return (_lists, _overrides);
    }

    private SeedProduct Top(string category, int skip = 0) => PlantedProblems.Top(products, category, skip);

    /// <summary>The anchor's usual companions in the category, then other products that fit it, best sellers first.</summary>
    private List<SeedProduct> Usual(SeedProduct anchor, string category) =>
        [.. plan.PreferredFor(anchor, category, settings.End)
            .Concat(products.Where(p => p.CategoryCode == category).OrderByDescending(p => p.Fit == anchor.Fit).ThenByDescending(p => p.Popularity))
            .Where(ComplementPlan.IsShowcase).Distinct()];

    private void List(string mode, SeedProduct anchor, string note, int? lockedTopN = null) =>
        _lists.Add(new SeedList(anchor.Sku, mode, lockedTopN, note));

    private void Override(SeedProduct anchor, string kind, SeedProduct item, int? position, string note, DateTime? starts = null, DateTime? expires = null) =>
        _overrides.Add(new SeedOverride(anchor.Sku, kind, item.Sku, position, starts, expires, note));
}
