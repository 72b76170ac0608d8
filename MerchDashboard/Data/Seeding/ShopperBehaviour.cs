namespace MerchDashboard.Data.Seeding;

/// <summary>A shopper as the traffic simulator plays them: a demo customer's id or a new visitor's, hidden taste and how often they come by.</summary>
public sealed record SimulatedShopper(string? CustomerId, string FavoriteDepartment, double RatePerDay, string? VisitorId = null);

/// <summary>
/// The demo store's behaviour model for live traffic, rebuilt from <see cref="SeedSettings"/> exactly as
/// <see cref="StoreGenerator"/> builds the store (same draws, without the order history): its products, its
/// complement plan (which items a buyer of a product usually adds) and its customers' hidden tastes.
/// <para>
/// A shopper browses a product (their favourite department 45% of the time, else the store's mix, as the
/// generator's main items). A shown item is clicked with probability <c>ClickBase + ClickFit·fit + ClickTaste·taste</c>
/// and a clicked item added to the cart with <c>CartBase + CartFit·fit + CartTaste·taste</c>, where <c>fit</c> is
/// 1 for one of the anchor's usual companions, 0.6 for another item of a complement category that fits it (same
/// laptop size, phone model, ink series), 0.1 for a complement that does not fit, 0.03 otherwise; and <c>taste</c>
/// is 1 when the item is in the shopper's favourite department. So complements drive attach rate and AOV, and
/// lists that follow the shopper's taste earn clicks too: the strategies served have different effects.
/// </para>
/// </summary>
public sealed class ShopperBehaviour
{
    public const double ClickBase = 0.02;
    public const double ClickFit = 0.25;
    public const double ClickTaste = 0.10;
    public const double CartBase = 0.15;
    public const double CartFit = 0.55;
    public const double CartTaste = 0.15;
    public const double BuyAnchorChance = 0.3;
    public const double FavoriteDepartmentShare = 0.45;

    private readonly ComplementPlan _plan;
    private readonly Dictionary<string, SeedProduct> _bySku;
    private readonly Dictionary<string, CategorySpec> _specs = CatalogBlueprint.Categories.ToDictionary(c => c.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, SeedProduct[]> _browsable;
    private readonly double[] _mainWeights = [.. CatalogBlueprint.Categories.Select(c => c.MainWeight)];
    private readonly HashSet<(string Source, string Target)> _edges = CatalogBlueprint.Complements.Select(e => (e.Source, e.Target)).ToHashSet();
    private readonly DateTime _now;

    private ShopperBehaviour(IReadOnlyList<SeedProduct> products, ComplementPlan plan, IReadOnlyList<SimulatedShopper> customers, SeedSettings settings)
    {
        _plan = plan;
        _now = settings.End.AddDays(-1);
        _bySku = products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
        _browsable = CatalogBlueprint.Categories.ToDictionary(c => c.Code,
            c => products.Where(p => p.CategoryCode == c.Code && p.Active && p.Stock > 0 && p.SellsAt(_now)).ToArray(), StringComparer.Ordinal);
        Customers = customers;
    }

    public IReadOnlyList<SimulatedShopper> Customers { get; }

    public static ShopperBehaviour Build(SeedSettings settings)
    {
        var rng = new Random(settings.Seed);
        var (products, planted) = PlantedProblems.Apply(CatalogGenerator.Products(rng, settings), settings);
        var plan = ComplementPlan.Build(rng, products, settings, planted.UsualPairs);
        var shoppers = CustomerGenerator.Generate(rng, settings)
            .Select(s => new SimulatedShopper(s.Profile.Customer.Id, s.Profile.FavoriteDepartment, s.Profile.RatePerDay)).ToList();
        return new ShopperBehaviour(products, plan, shoppers, settings);
    }

    public SeedProduct? Product(string sku) => _bySku.GetValueOrDefault(sku);

    public string DepartmentOf(SeedProduct product) => _specs[product.CategoryCode].Department;

    /// <summary>The product a shopper looks at: favourite department or the store's mix, then by popularity.</summary>
    public SeedProduct Browse(Random rng, SimulatedShopper shopper)
    {
        while (true)
        {
            var categories = rng.Chance(FavoriteDepartmentShare)
                ? CatalogBlueprint.Categories.Where(c => c.Department == shopper.FavoriteDepartment).ToArray()
                : CatalogBlueprint.Categories;
            var category = categories[rng.PickWeighted([.. categories.Select(c => c.MainWeight)])];
            var products = _browsable[category.Code];
            if (products.Length > 0)
            {
                return products[rng.PickWeighted([.. products.Select(p => p.Popularity)])];
            }
        }
    }

    /// <summary>How well <paramref name="item"/> goes with <paramref name="anchor"/>, 0 to 1 (see the class summary).</summary>
    public double Fit(SeedProduct anchor, SeedProduct? item)
    {
        if (item is null || item == anchor)
        {
            return 0;
        }
        if (_plan.PreferredFor(anchor, item.CategoryCode, _now).Contains(item))
        {
            return 1;
        }
        if (!_edges.Contains((anchor.CategoryCode, item.CategoryCode)))
        {
            return 0.03;
        }
        return item.Fit is null || anchor.Fit is null || item.Fit == anchor.Fit ? 0.6 : 0.1;
    }

    public double Taste(SimulatedShopper shopper, SeedProduct? item) =>
        item is not null && DepartmentOf(item) == shopper.FavoriteDepartment ? 1 : 0;

    public double ClickChance(double fit, double taste) => ClickBase + ClickFit * fit + ClickTaste * taste;

    public double CartChance(double fit, double taste) => Math.Min(1, CartBase + CartFit * fit + CartTaste * taste);

    /// <summary>Complements bought without any widget, as in the generator: per complement edge of the anchor, with the edge's probability, a usual companion.</summary>
    public IEnumerable<SeedProduct> OrganicComplements(Random rng, SeedProduct anchor)
    {
        foreach (var edge in CatalogBlueprint.Complements.Where(e => e.Source == anchor.CategoryCode))
        {
            if (rng.Chance(edge.Probability) && _plan.PreferredFor(anchor, edge.Target, _now).FirstOrDefault(p => p.Active && p.Stock > 0) is { } item)
            {
                yield return item;
            }
        }
    }

    /// <summary>A visitor the store has not seen, known by <paramref name="visitorId"/>: the taste and pace of a random demo customer.</summary>
    public SimulatedShopper NewVisitor(Random rng, string visitorId) => Customers[rng.Next(Customers.Count)] with { CustomerId = null, VisitorId = visitorId };
}
