namespace MerchDashboard.Data.Seeding;

/// <summary>What a shopper has bought so far: what personalization knows of them.</summary>
internal sealed class ShopperHistory(int departments)
{
    public HashSet<int> Bought { get; } = [];
    public int[] DepartmentCounts { get; } = new int[departments];
    public int Orders { get; set; }
}

/// <summary>
/// Fills one order: a main item (the shopper's favourite department or the store's mix; in the
/// personalization arms' repeat orders often picked by affinity, source <c>personalized</c>), then
/// complements along <see cref="CatalogBlueprint.Complements"/>, mostly from the main item's short list
/// of usual companions (in the cross-sell arms the widget converts some more shoppers: source
/// <c>cross-sell</c>), then now and then an unrelated item. Two products of one leaf category are
/// substitutes and do not share an order, except consumables and games.
/// </summary>
internal sealed class BasketBuilder
{
    public const int MaxLines = 10;
    public const double CrossSellBoost = 0.4;
    public const double AffinityMainShare = 0.4;
    public const string Organic = "organic";
    public const string CrossSell = "cross-sell";
    public const string Personalized = "personalized";

    private readonly Random _rng;
    private readonly ComplementPlan _plan;
    private readonly Dictionary<string, CategorySpec> _specs = CatalogBlueprint.Categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, SeedProduct[]> _byCategory;
    private readonly Dictionary<string, double[]> _popularity;
    private readonly Dictionary<string, ComplementEdge[]> _edges;
    private readonly double[] _mainWeights = [.. CatalogBlueprint.Categories.Select(c => c.MainWeight)];

    public BasketBuilder(Random rng, IReadOnlyList<SeedProduct> products, ComplementPlan plan)
    {
        _rng = rng;
        _plan = plan;
        _byCategory = CatalogBlueprint.Categories.ToDictionary(c => c.Code, c => products.Where(p => p.CategoryCode == c.Code).ToArray(), StringComparer.Ordinal);
        _popularity = _byCategory.ToDictionary(kv => kv.Key, kv => kv.Value.Select(p => p.Popularity).ToArray(), StringComparer.Ordinal);
        _edges = CatalogBlueprint.Complements.GroupBy(e => e.Source).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static int DepartmentIndex(string department) => Array.FindIndex(CatalogBlueprint.Departments, d => d.Code == department);

    public List<SeedLine> Build(ShopperProfile shopper, ShopperHistory history, DateTime at)
    {
        var lines = new List<SeedLine>();
        var (main, mainSource) = PickMain(shopper, history, at);
        Add(lines, main, mainSource, at);
        foreach (var edge in _edges.GetValueOrDefault(main.CategoryCode, []))
        {
            var u = _rng.NextDouble();
            var source = u < edge.Probability ? Organic
                : shopper.CrossSell && u < edge.Probability + CrossSellBoost * (1 - edge.Probability) ? CrossSell
                : null;
            for (var n = 0; source is not null && n < edge.MaxItems && (n == 0 || _rng.Chance(0.35)); n++)
            {
                if (PickComplement(main, edge.Target, at, lines) is { } item)
                {
                    Add(lines, item, source, at);
                }
            }
        }
        var fillers = _rng.Chance(0.18) ? 1 : 0;
        fillers += _rng.Chance(0.03) ? _rng.Next(2, 6) : 0;
        for (var i = 0; i < fillers && lines.Count < MaxLines; i++)
        {
            var category = CatalogBlueprint.Categories[_rng.PickWeighted(_mainWeights)].Code;
            if (PickProduct(category, at, p => !Fits(lines, p)) is { } filler)
            {
                Add(lines, filler, Organic, at);
            }
        }
        return lines;
    }

    private (SeedProduct Product, string Source) PickMain(ShopperProfile shopper, ShopperHistory history, DateTime at)
    {
        if (shopper.Personalized && history.Orders > 0 && _rng.Chance(AffinityMainShare))
        {
            var top = Array.IndexOf(history.DepartmentCounts, history.DepartmentCounts.Max());
            if (PickProduct(CategoryIn(CatalogBlueprint.Departments[top].Code), at, p => history.Bought.Contains(p.Index)) is { } liked)
            {
                return (liked, Personalized);
            }
        }
        while (true)
        {
            var category = _rng.Chance(0.45)
                ? CategoryIn(shopper.FavoriteDepartment)
                : CatalogBlueprint.Categories[_rng.PickWeighted(_mainWeights)].Code;
            if (PickProduct(category, at, _ => false) is { } product)
            {
                return (product, Organic);
            }
        }
    }

    private string CategoryIn(string department)
    {
        var categories = CatalogBlueprint.Categories.Where(c => c.Department == department).ToList();
        return categories[_rng.PickWeighted(categories.Select(c => c.MainWeight).ToList())].Code;
    }

    private SeedProduct? PickComplement(SeedProduct main, string category, DateTime at, List<SeedLine> lines)
    {
        var usual = _plan.PreferredFor(main, category, at).Where(p => p.SellsAt(at) && Fits(lines, p)).ToList();
        if (usual.Count > 0 && _rng.Chance(0.8))
        {
            var roll = _rng.NextDouble();
            return usual[roll < 0.55 || usual.Count == 1 ? 0 : roll < 0.85 || usual.Count == 2 ? 1 : 2];
        }
        return PickProduct(category, at, p => !Fits(lines, p));
    }

    /// <summary>A product of the category on sale at that time, drawn by popularity; null when none qualifies.</summary>
    private SeedProduct? PickProduct(string category, DateTime at, Func<SeedProduct, bool> avoid)
    {
        var products = _byCategory[category];
        for (var attempt = 0; attempt < 25; attempt++)
        {
            var p = products[_rng.PickWeighted(_popularity[category])];
            if (p.SellsAt(at) && !avoid(p))
            {
                return p;
            }
        }
        return products.Where(p => p.SellsAt(at) && !avoid(p)).MaxBy(p => p.Popularity);
    }

    /// <summary>Not already in the order, room left, and no substitute (same leaf category) unless the category allows several.</summary>
    private bool Fits(List<SeedLine> lines, SeedProduct p) =>
        lines.Count < MaxLines && lines.All(l => l.Product != p)
        && (_specs[p.CategoryCode].MultiplesOk || lines.All(l => l.Product.CategoryCode != p.CategoryCode));

    private void Add(List<SeedLine> lines, SeedProduct product, string source, DateTime at)
    {
        if (!Fits(lines, product))
        {
            return;
        }
        var quantity = product.Tags.Contains(CatalogBlueprint.Consumable)
            ? _rng.Pick([1, 1, 1, 1, 1, 1, 1, 2, 2, 3])
            : _rng.Chance(0.03) ? 2 : 1;
        lines.Add(new SeedLine(product, quantity, UnitPrice(product, at), source));
    }

    /// <summary>List price, or 5-20% off for one line in ten in November and December (5-10% off for few lines otherwise).</summary>
    private decimal UnitPrice(SeedProduct product, DateTime at)
    {
        var holiday = at.Month is 11 or 12;
        if (!_rng.Chance(holiday ? 0.10 : 0.03))
        {
            return product.Price;
        }
        var percent = holiday ? _rng.Next(5, 21) : _rng.Next(5, 11);
        return Math.Round(product.Price * (100 - percent) / 100m, 2, MidpointRounding.AwayFromZero);
    }
}
