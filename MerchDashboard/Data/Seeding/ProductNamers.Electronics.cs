namespace MerchDashboard.Data.Seeding;

/// <summary>Name templates per category: brand + model line + variant, with what the product fits.</summary>
internal static partial class ProductNamers
{
    private static readonly string[] Colors = ["Black", "Graphite", "Silver", "Navy", "Sage", "Sand", "White", "Red"];
    public static readonly string[] LaptopSizes = ["13", "14", "15.6", "16"];
    private static readonly string[] CardTypes = ["microSD", "SD", "CFexpress"];

    public static ProductDraft Laptop(NameContext c)
    {
        var r = c.Rng;
        var line = r.Pick(["Air", "Book", "Flex", "Pro", "Edge", "Studio"]);
        var size = r.Pick(LaptopSizes);
        var kind = c.Quality > 0.75 ? r.Pick(["Creator Laptop", "Gaming Laptop"]) : r.Pick(["Laptop", "Ultrabook", "2-in-1 Laptop"]);
        var cpu = r.Tiered(["i3", "i5", "Ryzen 5", "i7", "Ryzen 7", "i9"], c.Quality);
        var ram = r.Tiered(["8GB", "16GB", "16GB", "32GB", "64GB"], c.Quality);
        var ssd = r.Tiered(["256GB", "512GB", "1TB", "2TB"], c.Quality);
        return new($"{c.Brand} {line} {size}\" {kind}, {cpu}, {ram}, {ssd} SSD", size);
    }

    public static ProductDraft LaptopCase(NameContext c)
    {
        var r = c.Rng;
        var size = r.Pick(LaptopSizes);
        var style = r.Tiered(["Slim Sleeve", "Hardshell Case", "Messenger Bag", "Laptop Backpack", "Briefcase"], c.Quality);
        var material = r.Pick(["Neoprene", "Recycled Nylon", "Vegan Leather", "Canvas", "Ballistic Nylon"]);
        return new($"{c.Brand} {size}\" {style}, {material}, {r.Pick(Colors)}", size);
    }

    public static ProductDraft Mouse(NameContext c)
    {
        var kind = c.Rng.Tiered(["Travel Mouse", "Wireless Mouse", "Silent Wireless Mouse", "Bluetooth Multi-Device Mouse", "Ergonomic Vertical Mouse", "Gaming Mouse"], c.Quality);
        return new($"{c.Brand} M{300 + c.Rng.Next(70) * 10} {kind}, {c.Rng.Pick(Colors)}");
    }

    public static ProductDraft Dock(NameContext c)
    {
        var ports = c.Rng.Tiered([5, 7, 9, 11, 13], c.Quality);
        var kind = c.Quality > 0.7 ? "Thunderbolt 4 Dock" : "USB-C Docking Station";
        var extra = c.Rng.Tiered(["Single HDMI", "Dual HDMI", "Dual 4K", "Triple Display", "100W Pass-Through"], c.Quality);
        return new($"{c.Brand} {ports}-in-1 {kind}, {extra}");
    }

    public static ProductDraft Monitor(NameContext c)
    {
        var size = c.Rng.Tiered(["24\"", "27\"", "27\"", "32\"", "34\" Ultrawide"], c.Quality);
        var res = c.Rng.Tiered(["Full HD", "QHD", "4K UHD"], c.Quality);
        var panel = c.Rng.Pick(["IPS", "VA", "IPS", "OLED"]);
        var hz = c.Rng.Pick(["75Hz", "100Hz", "144Hz", "165Hz"]);
        return new($"{c.Brand} V{c.Rng.Next(20, 90)} {size} {res} {panel} Monitor, {hz}");
    }

    public static ProductDraft Keyboard(NameContext c)
    {
        var kind = c.Rng.Tiered(["Backlit Slim Keyboard", "Wireless Compact Keyboard", "Low-Profile Wireless Keyboard", "Mechanical Keyboard", "Ergonomic Split Keyboard"], c.Quality);
        var variant = c.Rng.Pick(["Brown Switches", "Red Switches", "Silent Keys", "Multi-Device", "US Layout", "UK Layout"]);
        return new($"{c.Brand} K{c.Rng.Next(1, 99)} {kind}, {variant}");
    }

    public static ProductDraft Camera(NameContext c)
    {
        var r = c.Rng;
        var kind = r.Tiered(["Action Camera", "Compact Camera", "Vlogging Camera", "Mirrorless Camera", "Full-Frame Mirrorless Camera"], c.Quality);
        var card = kind switch
        {
            "Action Camera" => "microSD",
            "Full-Frame Mirrorless Camera" => "CFexpress",
            _ => "SD",
        };
        var kit = kind.Contains("Mirrorless", StringComparison.Ordinal) ? r.Pick([" Body Only", " with 18-55mm Lens", " with 24-105mm Lens"]) : "";
        return new($"{c.Brand} {r.Pick(["Z", "X", "A", "R", "E"])}{r.Next(10, 99)} {kind}{kit}", card);
    }

    public static ProductDraft MemoryCard(NameContext c)
    {
        var type = c.Rng.Pick(CardTypes);
        var size = c.Rng.Tiered(["32GB", "64GB", "128GB", "256GB", "512GB"], c.Quality);
        var speed = c.Rng.Tiered(["Pro 100MB/s", "Extreme 170MB/s", "Extreme Pro 200MB/s"], c.Quality);
        var label = type switch { "SD" => "SDXC UHS-I Card", "microSD" => "microSDXC Card with Adapter", _ => "CFexpress Type B Card" };
        return new($"{c.Brand} {speed} {size} {label}", type);
    }

    public static ProductDraft Tripod(NameContext c)
    {
        var kind = c.Rng.Tiered(["Tabletop Mini Tripod", "Travel Tripod", "Aluminium Tripod", "Carbon Fibre Tripod", "Video Fluid-Head Tripod"], c.Quality);
        return new($"{c.Brand} {c.Rng.Pick(["T", "V", "Pro "])}{c.Rng.Next(100, 999)} {kind}");
    }

    public static ProductDraft CameraBag(NameContext c)
    {
        var kind = c.Rng.Tiered(["Camera Holster", "Camera Sling Bag", "Camera Shoulder Bag", "Camera Backpack", "Hard Case"], c.Quality);
        var name = c.Rng.Pick(["Metro", "Summit", "Nomad", "Alpine", "Harbor", "Scout"]);
        return new($"{c.Brand} {name} {kind}, {c.Rng.Pick(["Small", "Medium", "Large", "20L", "30L"])}");
    }

    public static ProductDraft Smartphone(NameContext c)
    {
        var r = c.Rng;
        var letter = c.Brand switch { "Nova" => "X", "Pixelon" => "P", "Orbis" => "O", _ => "Z" };
        var suffix = r.Tiered(["Lite", "", "Plus", "Pro", "Pro Max"], c.Quality);
        var model = $"{c.Brand} {letter}{r.Next(10, 13)}{(suffix.Length > 0 ? " " + suffix : "")}";
        var storage = r.Tiered(["64GB", "128GB", "256GB", "512GB", "1TB"], c.Quality);
        return new($"{model}, {storage}, {r.Pick(["Midnight", "Starlight", "Ocean Blue", "Forest Green", "Rose", "Titanium"])}", model);
    }

    public static ProductDraft PhoneCase(NameContext c)
    {
        var model = CoverFirst(c, "smartphones");
        var style = c.Rng.Tiered(["Clear", "Slim", "Silicone", "Rugged", "Magnetic", "Leather Folio"], c.Quality);
        return new($"{c.Brand} {style} Case for {model}, {c.Rng.Pick(Colors)}", model);
    }

    public static ProductDraft Charger(NameContext c)
    {
        var kind = c.Rng.Tiered(["USB-C Charging Cable, 2 m", "Car Charger", "Fast Charger", "Wireless Charging Pad", "GaN Charger, 2 Ports", "GaN Charger, 3 Ports"], c.Quality);
        return new($"{c.Brand} {c.Rng.Tiered([12, 20, 30, 45, 65, 100], c.Quality)}W {kind}");
    }

    public static ProductDraft Headphones(NameContext c)
    {
        var kind = c.Rng.Tiered(["Kids' Volume-Limited Headphones", "Sports Earbuds", "Wireless Earbuds", "Gaming Headset", "Noise-Cancelling Earbuds", "Noise-Cancelling Headphones"], c.Quality);
        return new($"{c.Brand} {c.Rng.Pick(["Air ", "Q", "Pulse ", "Studio ", "Wave "])}{c.Rng.Next(1, 9)} {kind}, {c.Rng.Pick(Colors)}");
    }

    public static ProductDraft Printer(NameContext c)
    {
        var r = c.Rng;
        var laser = c.Quality > 0.6 && r.Chance(0.6);
        var kind = laser ? r.Pick(["Mono Laser Printer", "Color Laser Printer"]) : r.Pick(["All-in-One Inkjet Printer", "Photo Inkjet Printer", "Inkjet Printer"]);
        var line = laser ? "LaserMate" : r.Pick(["HomeJet", "OfficeJet", "PhotoPro"]);
        var cartridge = laser ? $"T-{r.Next(2, 6)}40" : $"{r.Next(3, 8)}05";
        return new($"{c.Brand} {line} {r.Next(1, 9)}{cartridge[^2..]}{r.Pick(["", "e", "w"])} {kind}", $"{c.Brand} {cartridge}");
    }

    public static ProductDraft Ink(NameContext c)
    {
        var r = c.Rng;
        var fit = CoverFirst(c, "printers");
        var printerBrand = fit[..fit.IndexOf(' ', StringComparison.Ordinal)];
        var cartridge = fit[(printerBrand.Length + 1)..];
        var toner = cartridge.StartsWith("T-", StringComparison.Ordinal);
        var what = toner
            ? r.Pick(["Black Toner", "High-Yield Black Toner", "Toner Multipack"])
            : r.Pick(["Black Ink Cartridge", "XL Black Ink Cartridge", "Tri-Colour Ink Cartridge", "XL Tri-Colour Ink Cartridge", "Black Twin Pack", "Multipack (4 colours)"]);
        var compatible = r.Chance(0.3);
        var name = compatible ? $"{c.Brand} {cartridge} {what}, compatible with {printerBrand}" : $"{printerBrand} {cartridge} {what}";
        var quality = (toner ? 0.6 : 0.1) + (what.Contains("XL", StringComparison.Ordinal) || what.Contains("pack", StringComparison.OrdinalIgnoreCase) ? 0.3 : 0) - (compatible ? 0.1 : 0);
        return new(name, fit, Math.Clamp(quality + r.NextDouble() * 0.1, 0, 1), compatible ? c.Brand : printerBrand);
    }

    /// <summary>The first products of an accessory category cover every fit of the main category once, so that every phone has a case and every printer its ink.</summary>
    private static string CoverFirst(NameContext c, string mainCategory)
    {
        var fits = c.Earlier(mainCategory).Select(p => p.Fit!).Distinct(StringComparer.Ordinal).ToList();
        return c.Ordinal < fits.Count ? fits[c.Ordinal] : c.Rng.Pick(fits);
    }

    public static ProductDraft Paper(NameContext c)
    {
        var kind = c.Rng.Pick(["A4 Copy Paper 80gsm", "Recycled Copy Paper A4", "Premium Glossy Photo Paper 10x15", "Matte Photo Paper A4", "Heavyweight Cardstock A4"]);
        return new($"{c.Brand} {kind}, {c.Rng.Tiered([100, 250, 500, 1000, 2500], c.Quality)} sheets");
    }
}
