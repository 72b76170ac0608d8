namespace MerchDashboard.Data.Seeding;

/// <summary>What a name template gets: the draw, the brand, a quality in [0, 1] that also sets the price, and the products made so far.</summary>
internal sealed record NameContext(Random Rng, string Brand, double Quality, int Ordinal, Func<string, IReadOnlyList<SeedProduct>> Earlier);

/// <summary>A product name and what it fits; <see cref="Quality"/> overrides the drawn quality when the name implies a price tier.</summary>
internal sealed record ProductDraft(string Name, string? Fit = null, double? Quality = null, string? Brand = null);

/// <summary>
/// One leaf category of the demo store: how many products, their brands, price range, tags, how often
/// it is the reason for an order (<see cref="MainWeight"/>), and whether two of its products may share a
/// basket (<see cref="MultiplesOk"/>: consumables and games; otherwise they are substitutes).
/// </summary>
internal sealed record CategorySpec(
    string Code, string Name, string Department, string SkuPrefix, int Count, decimal MinPrice, decimal MaxPrice,
    string[] Brands, string[] Tags, double MainWeight, bool MultiplesOk, Func<NameContext, ProductDraft> Namer);

/// <summary>A complement edge: an order whose main item is in the source category adds an item of <see cref="Target"/> with this probability.</summary>
internal sealed record ComplementEdge(string Source, string Target, double Probability, int MaxItems = 1);

internal static class CatalogBlueprint
{
    public static readonly (string Code, string Name)[] Departments =
    [
        ("computers", "Computers"), ("photo", "Photo"), ("phones", "Phones & Audio"), ("printing", "Printing"),
        ("toys", "Toys"), ("gaming", "Gaming"), ("power", "Power"),
    ];

    public const string Accessory = "accessory";
    public const string Consumable = "consumable";
    public const string NeedsBatteries = "needs-batteries";

    /// <summary>Categories that name products of an earlier category (cases name phones, ink names printers) come after it.</summary>
    public static readonly CategorySpec[] Categories =
    [
        new("laptops", "Laptops", "computers", "LAP", 40, 449, 2499, ["Kestrel", "Novatek", "Arclight", "Zentro", "Lumio"], [], 5, false, ProductNamers.Laptop),
        new("laptop-cases", "Laptop cases", "computers", "LCS", 30, 19, 129, ["Northpack", "Shellguard", "Urbanfold", "Trailhaus"], [Accessory], 1.5, false, ProductNamers.LaptopCase),
        new("mice", "Mice", "computers", "MOU", 28, 14, 119, ["Glidex", "Clickwise", "Novatek", "Arclight"], [Accessory], 4, false, ProductNamers.Mouse),
        new("docking-stations", "Docking stations", "computers", "DOC", 15, 49, 329, ["Portmaster", "Hubbit", "Novatek"], [Accessory], 1.2, false, ProductNamers.Dock),
        new("monitors", "Monitors", "computers", "MON", 28, 129, 999, ["Viewra", "Arclight", "Lumio", "Zentro"], [], 3, false, ProductNamers.Monitor),
        new("keyboards", "Keyboards", "computers", "KEY", 24, 24, 199, ["Keyforge", "Clickwise", "Novatek"], [Accessory], 2.5, false, ProductNamers.Keyboard),
        new("cameras", "Cameras", "photo", "CAM", 30, 199, 2499, ["Optara", "Fotonix", "Lumea", "Kairo"], [], 3, false, ProductNamers.Camera),
        new("memory-cards", "Memory cards", "photo", "MEM", 24, 9, 149, ["Flashbyte", "Sandcore", "Optara"], [Accessory, Consumable], 2.5, true, ProductNamers.MemoryCard),
        new("tripods", "Tripods", "photo", "TRI", 15, 19, 299, ["Steadix", "Tripodo", "Fotonix"], [Accessory], 1, false, ProductNamers.Tripod),
        new("camera-bags", "Camera bags", "photo", "CBG", 15, 24, 219, ["Lenscape", "Trailhaus", "Northpack"], [Accessory], 1, false, ProductNamers.CameraBag),
        new("smartphones", "Smartphones", "phones", "PHN", 36, 199, 1499, ["Nova", "Pixelon", "Orbis", "Zephyr"], [], 6, false, ProductNamers.Smartphone),
        new("phone-cases", "Phone cases", "phones", "PCS", 50, 9, 59, ["Shellguard", "Armorly", "Clearform", "Urbanfold"], [Accessory], 4, false, ProductNamers.PhoneCase),
        new("chargers", "Chargers & cables", "phones", "CHG", 25, 9, 69, ["Voltix", "Chargeon", "Amperio"], [Accessory], 3.5, false, ProductNamers.Charger),
        new("headphones", "Headphones", "phones", "HPH", 35, 19, 399, ["Sonora", "Bassline", "Auralis", "Pulsebeat"], [], 5, false, ProductNamers.Headphones),
        new("printers", "Printers", "printing", "PRT", 20, 69, 699, ["Printa", "Inkwell", "Laserion"], [], 2.5, false, ProductNamers.Printer),
        new("ink-toner", "Ink & toner", "printing", "INK", 45, 12, 89, ["InkWise"], [Consumable], 4, true, ProductNamers.Ink),
        new("paper", "Paper", "printing", "PAP", 12, 5, 49, ["Papyro", "Brightsheet", "Printa"], [Consumable], 1.5, true, ProductNamers.Paper),
        new("rc-cars", "RC cars", "toys", "RCC", 30, 24, 299, ["Turbotrax", "Rallyo", "Zoomka"], [NeedsBatteries, "kids"], 3.5, false, ProductNamers.RcCar),
        new("battery-toys", "Battery-powered toys", "toys", "BTY", 35, 12, 89, ["Toyvolt", "Wonderbit", "Giggleworks"], [NeedsBatteries, "kids"], 4, false, ProductNamers.BatteryToy),
        new("building-sets", "Building sets", "toys", "BLD", 35, 9, 399, ["Brickora", "Blockwell", "Buildix"], ["kids"], 4.5, true, ProductNamers.BuildingSet),
        new("board-games", "Board games", "toys", "BRD", 30, 14, 79, ["Meeplemill", "Kingsboard", "Dicehaven"], ["family"], 3.5, true, ProductNamers.BoardGame),
        new("consoles", "Consoles", "gaming", "CON", 8, 299, 699, ["Nexus"], [], 2, false, ProductNamers.Console),
        new("controllers", "Controllers", "gaming", "CTL", 20, 29, 199, ["Gripforce", "Playmaxx"], [Accessory], 2, false, ProductNamers.Controller),
        new("video-games", "Video games", "gaming", "VGM", 60, 19, 69, ["Starforge Studios", "Pixel Harbor", "Redwave Games", "Lumen Interactive"], [], 5, true, ProductNamers.VideoGame),
        new("batteries", "Batteries", "power", "BAT", 22, 3, 39, ["Voltix", "Energon", "Powercell"], [Consumable], 3, true, ProductNamers.Battery),
        new("power-banks", "Power banks", "power", "PWB", 15, 14, 99, ["Voltix", "Chargeon", "Amperio"], [Accessory], 2, false, ProductNamers.PowerBank),
    ];

    /// <summary>The complementary structure association mining must rediscover.</summary>
    public static readonly ComplementEdge[] Complements =
    [
        new("laptops", "laptop-cases", 0.45), new("laptops", "mice", 0.35), new("laptops", "docking-stations", 0.18),
        new("laptops", "keyboards", 0.06), new("laptops", "monitors", 0.06),
        new("monitors", "docking-stations", 0.12), new("monitors", "keyboards", 0.12), new("monitors", "mice", 0.1),
        new("docking-stations", "monitors", 0.2),
        new("cameras", "memory-cards", 0.6), new("cameras", "tripods", 0.25), new("cameras", "camera-bags", 0.3),
        new("smartphones", "phone-cases", 0.55), new("smartphones", "chargers", 0.35), new("smartphones", "headphones", 0.12),
        new("smartphones", "power-banks", 0.08),
        new("printers", "ink-toner", 0.7, 2), new("printers", "paper", 0.35),
        new("rc-cars", "batteries", 0.65, 2), new("battery-toys", "batteries", 0.55),
        new("consoles", "controllers", 0.55), new("consoles", "video-games", 0.7, 3),
        new("controllers", "video-games", 0.2),
    ];
}
