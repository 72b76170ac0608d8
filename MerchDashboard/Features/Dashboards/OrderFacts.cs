using MerchDashboard.Engine.Metrics;

namespace MerchDashboard.Features.Dashboards;

/// <summary>A category the filter bar offers: a department (no parent) or a leaf under one.</summary>
public sealed record CategoryOption(int Id, string Name, int? ParentId);

/// <summary>
/// Every order as a compact <see cref="OrderSummary"/> (with its distinct product ids), sorted by time, built
/// once per snapshot replacement and filtered in memory: a filter change costs one pass over arrays, never a
/// database query. Product categories sit in arrays indexed by product id for the category test.
/// </summary>
public sealed class OrderFacts
{
    private readonly OrderSummary[] _orders;
    private readonly DateTime[] _times;
    private readonly int[] _leafOf;
    private readonly int[] _departmentOf;

    public OrderFacts(IEnumerable<OrderSummary> orders, IReadOnlyDictionary<int, (int Leaf, int? Department)> productCategories,
        IReadOnlyList<CategoryOption> categories, IReadOnlyDictionary<int, string> customerNames)
    {
        _orders = [.. orders.OrderBy(o => o.PlacedAt).ThenBy(o => o.OrderKey)];
        _times = [.. _orders.Select(o => o.PlacedAt)];
        var size = productCategories.Count == 0 ? 0 : productCategories.Keys.Max() + 1;
        _leafOf = new int[size];
        _departmentOf = new int[size];
        foreach (var (product, (leaf, department)) in productCategories)
        {
            _leafOf[product] = leaf;
            _departmentOf[product] = department ?? leaf;
        }
        Categories = categories;
        CustomerNames = customerNames;
    }

    public static OrderFacts Empty { get; } = new([], new Dictionary<int, (int, int?)>(), [], new Dictionary<int, string>());

    public IReadOnlyList<OrderSummary> Orders => _orders;

    public IReadOnlyList<CategoryOption> Categories { get; }

    /// <summary>Customer key to the store's customer id, for tables a manager reads.</summary>
    public IReadOnlyDictionary<int, string> CustomerNames { get; }

    public DateOnly? FirstDay => _orders.Length == 0 ? null : DateOnly.FromDateTime(_times[0]);

    public DateOnly? LastDay => _orders.Length == 0 ? null : DateOnly.FromDateTime(_times[^1]);

    /// <summary>The whole history as a filter: the default when the page opens.</summary>
    public DashboardFilter DefaultFilter(DateOnly today) => new(FirstDay ?? today, LastDay ?? today);

    /// <summary>The orders the filter selects, in time order: a binary search for the dates, one pass for the rest.</summary>
    public OrderSummary[] Select(DashboardFilter filter)
    {
        var start = LowerBound(filter.Start);
        var end = LowerBound(filter.End);
        if (filter.CategoryId is null && filter.Arm is null)
        {
            return _orders[start..Math.Max(start, end)];
        }
        var selected = new List<OrderSummary>(Math.Max(0, end - start));
        for (var i = start; i < end; i++)
        {
            ref readonly var order = ref _orders[i];
            if ((filter.Arm is not { } arm || order.Arm == arm) && (filter.CategoryId is not { } category || Contains(order, category)))
            {
                selected.Add(order);
            }
        }
        return [.. selected];
    }

    /// <summary>Whether the filter selects any order: stops at the first one.</summary>
    public bool Any(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        for (var i = LowerBound(filter.Start); i < LowerBound(filter.End); i++)
        {
            ref readonly var order = ref _orders[i];
            if ((filter.Arm is not { } arm || order.Arm == arm) && (filter.CategoryId is not { } category || Contains(order, category)))
            {
                return true;
            }
        }
        return false;
    }

    private bool Contains(in OrderSummary order, int category)
    {
        foreach (var product in order.Products)
        {
            if ((uint)product < (uint)_leafOf.Length && (_leafOf[product] == category || _departmentOf[product] == category))
            {
                return true;
            }
        }
        return false;
    }

    private int LowerBound(DateTime time)
    {
        var index = Array.BinarySearch(_times, time);
        if (index < 0)
        {
            return ~index;
        }
        while (index > 0 && _times[index - 1] == time)
        {
            index--;
        }
        return index;
    }
}
