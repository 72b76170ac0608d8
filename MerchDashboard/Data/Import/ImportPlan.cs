using MerchDashboard.Data.Entities;
using MerchDashboard.Data.Import.Cleaning;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Data.Import;

/// <summary>
/// What the database already holds (keys only) plus the new rows an import will add, with ids assigned
/// up front so that rows can reference each other before anything is written.
/// </summary>
internal sealed class ImportPlan(ImportOptions options)
{
    public ImportOptions Options { get; } = options;
    public Dictionary<string, Category> CategoriesByCode { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, (int Id, int CategoryId)> ProductsBySku { get; } =
        new(options.SkusIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    public Dictionary<string, (int Id, ExperimentArm Arm)> CustomersById { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ExistingOrders { get; } = new(StringComparer.Ordinal);

    /// <summary>The database's products by SKU, untracked copies that a re-imported catalog changes in place.</summary>
    public Dictionary<string, Product> ExistingProducts { get; } =
        new(options.SkusIgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    public HashSet<int> AnchorsWithLists { get; } = [];

    public List<Category> NewCategories { get; } = [];
    public List<Product> NewProducts { get; } = [];
    public List<Product> UpdatedProducts { get; } = [];
    public int UnchangedProducts { get; set; }
    public List<Customer> NewCustomers { get; } = [];
    /// <summary>The new orders and their lines, once an orders file has been read; how they are held depends on the reader.</summary>
    public IPlannedOrders? NewOrders { get; set; }
    public List<ComplementRule> NewRules { get; } = [];
    public List<CuratedList> NewLists { get; } = [];
    public List<CurationOverride> NewOverrides { get; } = [];

    /// <summary>Rows of the orders file that are not stored as order lines (left out, subtracted, or already present).</summary>
    public long SkippedRows { get; set; }
    public CleaningTally Tally { get; } = new(options.ReportExamples);
    public OrderLayout? Layout { get; set; }
    public int DuplicateOrders { get; set; }
    public List<string> Notes { get; } = [];

    private int _nextCategory, _nextProduct, _nextCustomer, _nextRule, _nextList, _nextOverride;
    private long _nextOrder, _nextLine;

    /// <summary>
    /// Reads the keys an import checks against. <paramref name="orderIds"/>, when given, are the only order ids the
    /// import can bring (an API batch): only those are looked up instead of every order of the store; likewise
    /// <paramref name="scope"/> for products, customers and categories (<see cref="ScopedLookup"/>).
    /// </summary>
    public static async Task<ImportPlan> LoadAsync(AppDbContext db, ImportOptions options, IReadOnlyCollection<string>? orderIds, ImportScope? scope, CancellationToken ct)
    {
        var plan = new ImportPlan(options);
        var categories = scope is null ? await db.Categories.AsNoTracking().ToListAsync(ct) : await ScopedLookup.CategoriesAsync(db, scope.CategoryCodes, options, ct);
        foreach (var c in categories)
        {
            plan.CategoriesByCode[c.Code] = c;
        }
        var products = scope is null ? await db.Products.AsNoTracking().ToListAsync(ct) : await ScopedLookup.ProductsAsync(db, scope.Skus, options, ct);
        foreach (var p in products)
        {
            plan.ProductsBySku[p.Sku] = (p.Id, p.CategoryId);
            plan.ExistingProducts[p.Sku] = p;
        }
        var customers = scope is null
            ? [.. (await db.Customers.AsNoTracking().Select(c => new { c.Id, c.ExternalId, c.Arm }).ToListAsync(ct)).Select(c => (c.Id, c.ExternalId, c.Arm))]
            : await ScopedLookup.CustomersAsync(db, scope.CustomerIds, options, ct);
        foreach (var c in customers)
        {
            plan.CustomersById[c.ExternalId] = (c.Id, c.Arm);
        }
        var orders = orderIds is null ? db.Orders.AsNoTracking() : db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.ExternalId));
        plan.ExistingOrders.UnionWith(await orders.Select(o => o.ExternalId).ToListAsync(ct));
        if (scope is null)
        {
            plan.AnchorsWithLists.UnionWith(await db.CuratedLists.AsNoTracking().Select(l => l.AnchorProductId).ToListAsync(ct));
        }

        plan._nextCategory = await db.Categories.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        plan._nextProduct = await db.Products.MaxAsync(p => (int?)p.Id, ct) ?? 0;
        plan._nextCustomer = await db.Customers.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        plan._nextOrder = await db.Orders.MaxAsync(o => (long?)o.Id, ct) ?? 0;
        plan._nextLine = await db.OrderLines.MaxAsync(l => (long?)l.Id, ct) ?? 0;
        plan._nextRule = await db.ComplementRules.MaxAsync(r => (int?)r.Id, ct) ?? 0;
        plan._nextList = await db.CuratedLists.MaxAsync(l => (int?)l.Id, ct) ?? 0;
        plan._nextOverride = await db.CurationOverrides.MaxAsync(o => (int?)o.Id, ct) ?? 0;
        return plan;
    }

    /// <summary>Records a catalog row of the database that the file changes (the caller changed <paramref name="product"/> in place).</summary>
    public void UpdateProduct(Product product)
    {
        UpdatedProducts.Add(product);
        ProductsBySku[product.Sku] = (product.Id, product.CategoryId);
    }

    public Category AddCategory(string code, string name, int? parentId)
    {
        var category = new Category { Id = ++_nextCategory, Code = code, Name = name, ParentId = parentId };
        NewCategories.Add(category);
        CategoriesByCode[code] = category;
        return category;
    }

    public Product AddProduct(Product product)
    {
        product.Id = ++_nextProduct;
        NewProducts.Add(product);
        ProductsBySku[product.Sku] = (product.Id, product.CategoryId);
        return product;
    }

    public (int Id, ExperimentArm Arm) AddCustomer(Customer customer)
    {
        customer.Id = ++_nextCustomer;
        NewCustomers.Add(customer);
        return CustomersById[customer.ExternalId] = (customer.Id, customer.Arm);
    }

    public long NextOrderId() => ++_nextOrder;

    /// <summary>Reserves <paramref name="count"/> consecutive order line ids and returns the first.</summary>
    public long ReserveLineIds(int count)
    {
        var first = _nextLine + 1;
        _nextLine += count;
        return first;
    }

    /// <summary>The customer of an order line's customer id (created when new); null for an order without customer.</summary>
    public (int Id, ExperimentArm Arm)? ResolveCustomer(string key)
    {
        if (key.Length == 0)
        {
            return null;
        }
        return CustomersById.TryGetValue(key, out var known) ? known : AddCustomer(new Customer { ExternalId = key, Arm = ExperimentArm.Control });
    }

    public void AddRule(ComplementRule rule)
    {
        rule.Id = ++_nextRule;
        NewRules.Add(rule);
    }

    public CuratedList AddList(CuratedList list)
    {
        list.Id = ++_nextList;
        NewLists.Add(list);
        AnchorsWithLists.Add(list.AnchorProductId);
        return list;
    }

    public void AddOverride(CurationOverride item)
    {
        item.Id = ++_nextOverride;
        NewOverrides.Add(item);
    }

    public ImportCounts Counts() => new(
        NewCategories.Count, NewProducts.Count, NewCustomers.Count, NewOrders?.Count ?? 0, NewOrders?.LineCount ?? 0,
        NewRules.Count, NewLists.Count, NewOverrides.Count, NewOrders?.Revenue ?? 0)
    {
        UpdatedProducts = UpdatedProducts.Count,
        UnchangedProducts = UnchangedProducts,
    };
}
