namespace MerchDashboard.Data.Seeding;

internal static partial class ProductNamers
{
    private static readonly (string Name, string Platform, string Brand, double Quality)[] ConsoleModels =
    [
        ("Nexus Station 5, 1TB", "Nexus Station 5", "Nexus", 0.5),
        ("Nexus Station 5 Digital Edition, 825GB", "Nexus Station 5", "Nexus", 0.35),
        ("Nexus Station 5 Pro, 2TB", "Nexus Station 5", "Nexus", 1),
        ("Orbit Switch 2", "Orbit Switch", "Orbit", 0.3),
        ("Orbit Switch OLED", "Orbit Switch", "Orbit", 0.15),
        ("Orbit Switch Lite", "Orbit Switch", "Orbit", 0),
        ("Vertex Box Series X, 1TB", "Vertex Box", "Vertex", 0.5),
        ("Vertex Box Series S, 512GB", "Vertex Box", "Vertex", 0.05),
    ];

    private static readonly string[] Platforms = ["Nexus Station 5", "Orbit Switch", "Vertex Box"];

    public static ProductDraft RcCar(NameContext c)
    {
        var r = c.Rng;
        var name = r.Pick(["Desert Storm", "Thunderbolt", "Mud Crusher", "Street Viper", "Rock Rover", "Blaze Runner", "Drift King", "Canyon Hawk", "Dune Raider", "Turbo Tornado"]);
        var kind = r.Pick(["Monster Truck", "Buggy", "Drift Car", "Rock Crawler", "Stunt Car", "Racing Car"]);
        var scale = r.Tiered(["1:24", "1:18", "1:16", "1:12", "1:10"], c.Quality);
        return new($"{c.Brand} {name} {scale} RC {kind}", c.Quality > 0.65 ? "7.2V" : "AA");
    }

    public static ProductDraft BatteryToy(NameContext c)
    {
        var r = c.Rng;
        var item = r.Pick(["Dancing Robot Dog", "Light-Up Spinning Top", "Walkie-Talkie Set", "Talking Parrot", "Bubble Machine",
            "Musical Keyboard Mat", "Glow Magic Wand", "Toy Train Set with Lights", "Remote Control Dinosaur", "Singing Unicorn",
            "Racing Track with Loop", "Coding Robot"]);
        var variant = r.Pick(["Blue", "Pink", "Green", "Deluxe Edition", "Starter Edition", "Glow Edition"]);
        return new($"{c.Brand} {item}, {variant}", r.Pick(["AA", "AA", "AAA", "C"]));
    }

    public static ProductDraft BuildingSet(NameContext c)
    {
        var r = c.Rng;
        var theme = r.Pick(["City", "Space", "Castle", "Pirates", "Racing", "Jungle", "Arctic", "Robots"]);
        var item = r.Pick(["Fire Station", "Rocket Launch Pad", "Dragon Fortress", "Harbour", "Pit Stop", "Treehouse",
            "Research Base", "Mech Workshop", "Police Chase", "Starter Box"]);
        var pieces = (int)(120 + Math.Pow(c.Quality, 1.5) * 2800) / 10 * 10;
        return new($"{c.Brand} {theme} {item}, {pieces} pieces");
    }

    public static ProductDraft BoardGame(NameContext c)
    {
        var r = c.Rng;
        var a = r.Pick(["Harbour", "Lantern", "Dragon", "Castle", "Orchard", "Railway", "Meadow", "Star", "Spice", "Island", "Tide", "Comet"]);
        var b = r.Pick(["Builders", "Keepers", "Traders", "Explorers", "Legends", "Heist", "Quest", "Race"]);
        var kind = r.Tiered(["Card Game", "Family Board Game", "Strategy Board Game", "Deluxe Edition Board Game"], c.Quality);
        return new($"{c.Brand} {a} {b}: {kind}");
    }

    public static ProductDraft Console(NameContext c)
    {
        var model = ConsoleModels[c.Ordinal % ConsoleModels.Length];
        return new(model.Name, model.Platform, model.Quality, model.Brand);
    }

    public static ProductDraft Controller(NameContext c)
    {
        var r = c.Rng;
        var platform = r.Pick(Platforms);
        var official = r.Chance(0.4);
        var brand = official ? platform[..platform.IndexOf(' ', StringComparison.Ordinal)] : c.Brand;
        var model = official ? "Official" : r.Pick(["ProGrip", "Ace", "Falcon", "Nova Pad", "Titan"]);
        var kind = r.Tiered(["Wired Controller", "Wireless Controller", "Wireless Controller", "Pro Controller"], c.Quality);
        return new($"{brand} {model} {kind} for {platform}, {r.Pick(Colors)}", platform, Brand: brand);
    }

    public static ProductDraft VideoGame(NameContext c)
    {
        var r = c.Rng;
        var title = $"{r.Pick(["Starfall", "Iron", "Shadow", "Crystal", "Neon", "Wild", "Last", "Silent", "Thunder", "Pixel"])} "
            + $"{r.Pick(["Legends", "Odyssey", "Frontier", "Racers", "Kingdoms", "Tactics", "Harbour", "Horizon", "Saga", "League"])}"
            + r.Pick(["", "", "", " 2", " II", " III", " Remastered"]);
        var platform = r.Pick(Platforms);
        return new($"{title} ({platform})", platform);
    }

    public static ProductDraft Battery(NameContext c)
    {
        var r = c.Rng;
        if (c.Ordinal % 7 == 6)
        {
            var mah = r.Tiered([1800, 2400, 3000, 3600], c.Quality);
            return new($"{c.Brand} 7.2V NiMH RC Battery Pack, {mah}mAh", "7.2V", 0.7 + c.Quality * 0.3);
        }
        string[] types = ["AA", "AAA", "C", "D", "9V", "AA", "AA", "AAA"];
        var type = c.Ordinal < types.Length ? types[c.Ordinal] : r.Pick(types);
        var chemistry = r.Tiered(["Alkaline", "Alkaline", "Lithium", "Rechargeable NiMH"], c.Quality);
        var pack = type == "9V" ? r.Pick([1, 2, 4]) : r.Tiered([4, 8, 12, 16, 24], c.Quality);
        return new($"{c.Brand} {type} {chemistry} Batteries, {pack}-pack", type);
    }

    public static ProductDraft PowerBank(NameContext c)
    {
        var capacity = c.Rng.Tiered([5000, 10000, 20000, 26800], c.Quality);
        var feature = c.Rng.Pick(["USB-C PD", "Slim", "with Built-in Cable", "Magnetic", "65W Laptop"]);
        return new($"{c.Brand} {capacity}mAh Power Bank, {feature}");
    }
}
