namespace MerchDashboard.Data.Import;

/// <summary>A file to import: its name (for messages) and a way to open it.</summary>
public sealed record ImportSource(string FileName, Func<Stream> Open)
{
    public static ImportSource FromFile(string path) => new(Path.GetFileName(path), () => File.OpenRead(path));

    public static ImportSource FromText(string fileName, string text) =>
        new(fileName, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
}

/// <summary>
/// The files of one import. Every file is optional but orders are what most imports bring; a catalog
/// (products) given here makes an order line with an unknown SKU an error instead of a new product.
/// </summary>
public sealed record StoreFiles
{
    public ImportSource? Categories { get; init; }
    public ImportSource? Products { get; init; }
    public ImportSource? Customers { get; init; }
    public ImportSource? Orders { get; init; }
    /// <summary>The layout of <see cref="Orders"/>; null to recognise it from the header.</summary>
    public OrderLayout? OrdersLayout { get; init; }
    /// <summary>The decimal separator of the files' numbers; null for <see cref="ImportOptions.DecimalSeparator"/>.</summary>
    public DecimalSeparator? DecimalSeparator { get; init; }
    public ImportSource? ComplementRules { get; init; }
    public ImportSource? CuratedLists { get; init; }
    public ImportSource? CuratedOverrides { get; init; }

    /// <summary>The <see cref="DataStamps"/> key the import bumps: <see cref="DataStamps.Data"/> (every instance reloads everything) unless a caller knows less changed.</summary>
    public string ChangeStamp { get; init; } = DataStamps.Data;

    /// <summary>Whether new orders ask every running instance to mine at once (file imports); the orders API leaves them to the mining policy.</summary>
    public bool RequestMining { get; init; } = true;

    /// <summary>The only order ids <see cref="Orders"/> can hold, when the caller knows them (an API batch): the import then looks up just those.</summary>
    public IReadOnlyCollection<string>? OrderIds { get; init; }

    /// <summary>Whether an order line's unknown SKU is an error even without a products file (the orders API: the catalog API creates products).</summary>
    public bool RequireKnownSkus { get; init; }

    /// <summary>
    /// Every key the files can reference, when the caller knows them (an API batch): the import then reads only those
    /// products, customers and categories instead of the whole store. Only for imports of products and orders that create
    /// no product from an order line (<see cref="RequireKnownSkus"/>).
    /// </summary>
    public ImportScope? Scope { get; init; }

    /// <summary>
    /// Whether <see cref="Scope"/> (if any) names every key these files can touch: only products and orders do, and
    /// orders only when an unknown SKU is an error rather than a new product.
    /// </summary>
    internal bool ScopeCoversFiles =>
        Scope is null
        || (Categories ?? Customers ?? ComplementRules ?? CuratedLists ?? CuratedOverrides) is null
            && (Orders is null || RequireKnownSkus || Products is not null);

    public const string CategoriesFile = "categories.csv";
    public const string ProductsFile = "products.csv";
    public const string CustomersFile = "customers.csv";
    public const string OrdersFile = "orders.csv";
    public const string ComplementRulesFile = "complement-rules.csv";
    public const string CuratedListsFile = "curated-lists.csv";
    public const string CuratedOverridesFile = "curated-overrides.csv";

    /// <summary>The files of a store folder laid out as <c>seed-data/</c> is; absent files are skipped.</summary>
    public static StoreFiles FromFolder(string folder)
    {
        ImportSource? Find(string name)
        {
            var path = Path.Combine(folder, name);
            return File.Exists(path) ? ImportSource.FromFile(path) : null;
        }
        return new StoreFiles
        {
            Categories = Find(CategoriesFile),
            Products = Find(ProductsFile),
            Customers = Find(CustomersFile),
            Orders = Find(OrdersFile),
            ComplementRules = Find(ComplementRulesFile),
            CuratedLists = Find(CuratedListsFile),
            CuratedOverrides = Find(CuratedOverridesFile),
        };
    }

    public IEnumerable<ImportSource> All() =>
        new[] { Categories, Products, Customers, Orders, ComplementRules, CuratedLists, CuratedOverrides }.OfType<ImportSource>();
}

/// <summary>One problem with an input file, precise enough to find and fix it.</summary>
public sealed record ImportProblem(string File, long Line, string Field, string Message)
{
    public override string ToString() =>
        (Line, Field) switch
        {
            (<= 0, _) => $"{File}: {Message}",
            (_, "") => $"{File}, line {Line}: {Message}",
            _ => $"{File}, line {Line}, field '{Field}': {Message}",
        };
}

public sealed record ImportProgress(string Stage, long Done, long Total)
{
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}

/// <summary>What an import added; <see cref="Products"/> counts created products, a re-imported catalog's existing ones are <see cref="UpdatedProducts"/> or <see cref="UnchangedProducts"/>.</summary>
public sealed record ImportCounts(
    int Categories, int Products, int Customers, int Orders, long OrderLines,
    int ComplementRules, int CuratedLists, int CuratedOverrides, decimal Revenue)
{
    public int UpdatedProducts { get; init; }
    public int UnchangedProducts { get; init; }
}

/// <summary>The outcome of an import: either everything was written, or nothing and the problems say why.</summary>
public sealed record ImportReport(
    bool Succeeded,
    IReadOnlyList<ImportProblem> Problems,
    ImportCounts Added,
    long SkippedRows,
    int DuplicateOrdersSkipped,
    TimeSpan Elapsed,
    bool ProblemsTruncated = false)
{
    /// <summary>What the reading and the cleaning left out, subtracted, merged or set apart, kind by kind, with the first lines of each.</summary>
    public IReadOnlyList<Cleaning.CleaningKind> Cleaning { get; init; } = [];

    /// <summary>How many rows (or orders, for order-level kinds) each kind of cleaning concerned.</summary>
    public IReadOnlyDictionary<string, long> SkippedByReason => Cleaning.ToDictionary(k => k.Name, k => k.Count, StringComparer.Ordinal);

    /// <summary>The layout the orders file was read in, when there was one.</summary>
    public OrderLayout? Layout { get; init; }

    /// <summary>What the user should know about a successful import, such as SKUs derived from names.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How many problems were found beyond those listed.</summary>
    public int MoreProblems { get; init; }

    public static ImportReport Failed(IReadOnlyList<ImportProblem> problems, TimeSpan elapsed, bool truncated) =>
        new(false, problems, new ImportCounts(0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 0, elapsed, truncated);

    public string Summary => Succeeded
        ? $"Imported {Added.Categories:N0} categories, {Added.Products:N0} products, {Added.Customers:N0} customers, "
          + $"{Added.Orders:N0} orders with {Added.OrderLines:N0} lines ({Added.Revenue:N2} revenue), "
          + ProductChanges
          + $"{Added.ComplementRules:N0} complement rules, {Added.CuratedLists:N0} curated lists with {Added.CuratedOverrides:N0} overrides"
          + $" in {Elapsed.TotalSeconds:N1} s; {SkippedRows:N0} order rows not stored as lines, {DuplicateOrdersSkipped:N0} orders already present.{SkipDetail}"
        : $"Nothing was imported: {Problems.Count}{(ProblemsTruncated ? "+" : "")} problem(s) found.";

    private string ProductChanges => Added.UpdatedProducts + Added.UnchangedProducts == 0 ? ""
        : $"existing products {Added.UpdatedProducts:N0} updated and {Added.UnchangedProducts:N0} unchanged, ";

    private string SkipDetail => Cleaning.Count == 0 ? ""
        : " Cleaning: " + string.Join("; ", Cleaning.Select(k => $"{k.Name}: {k.Count:N0}")) + ".";
}

/// <summary>The SKUs, customer ids and category codes an import's files reference (as the files spell them, trimmed).</summary>
public sealed record ImportScope(IReadOnlyCollection<string> Skus, IReadOnlyCollection<string> CustomerIds, IReadOnlyCollection<string> CategoryCodes);
