using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Import;

/// <summary>
/// The leaf category an order line's category name means: an existing leaf whose name or code equals it ignoring
/// case (anywhere in the tree), else one created for it under the "Imported" department. Never a duplicate.
/// </summary>
internal sealed class CategoryMatcher(ImportPlan plan)
{
    private readonly Dictionary<string, Category> _byName = Leaves(plan);

    public Category For(string name)
    {
        var key = name.Trim();
        if (_byName.TryGetValue(key, out var leaf) || _byName.TryGetValue(OrderReader.Slug(key), out leaf))
        {
            return leaf;
        }
        if (!plan.CategoriesByCode.TryGetValue(OrderReader.ImportedDepartment, out var department))
        {
            department = plan.AddCategory(OrderReader.ImportedDepartment, "Imported", null);
        }
        var code = OrderReader.Slug(key);
        var created = plan.AddCategory(plan.CategoriesByCode.ContainsKey(code) ? $"{OrderReader.ImportedDepartment}-{code}" : code, key, department.Id);
        _byName[key] = created;
        _byName.TryAdd(created.Code, created);
        return created;
    }

    private static Dictionary<string, Category> Leaves(ImportPlan plan)
    {
        var byName = new Dictionary<string, Category>(StringComparer.OrdinalIgnoreCase);
        foreach (var leaf in plan.CategoriesByCode.Values.Where(c => c.ParentId is not null).OrderBy(c => c.Id))
        {
            byName.TryAdd(leaf.Name, leaf);
        }
        foreach (var leaf in plan.CategoriesByCode.Values.Where(c => c.ParentId is not null).OrderBy(c => c.Id))
        {
            byName.TryAdd(leaf.Code, leaf);
        }
        return byName;
    }
}
