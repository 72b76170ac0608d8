using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Import;

/// <summary>Reads categories, products, customers and complement rules into an <see cref="ImportPlan"/>.</summary>
internal static class CatalogReaders
{
    public static void ReadCategories(ImportSource source, ImportPlan plan, ProblemLog log, CancellationToken ct)
    {
        using var table = CsvTable.Open(source, log, StoreFormats.CategoryColumns, plan.Options);
        if (table is null)
        {
            return;
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (table.Read())
        {
            ct.ThrowIfCancellationRequested();
            var code = table.Bounded("code", 64, "the category code column's size", required: true);
            var name = table.Bounded("name", plan.Options.MaxLabelLength, "Import:MaxLabelLength", required: true);
            var parentCode = table.Text("parent_code");
            if (code.Length == 0 || name.Length == 0)
            {
                continue;
            }
            if (!seen.Add(code))
            {
                table.Problem("code", $"category '{code}' appears twice in the file");
                continue;
            }
            int? parentId = null;
            if (parentCode.Length > 0)
            {
                if (!plan.CategoriesByCode.TryGetValue(parentCode, out var parent))
                {
                    table.Problem("parent_code", $"parent category '{parentCode}' is not defined on an earlier line nor in the database");
                    continue;
                }
                if (parent.ParentId is not null)
                {
                    table.Problem("parent_code", $"'{parentCode}' is itself a subcategory; categories have two levels");
                    continue;
                }
                parentId = parent.Id;
            }
            if (plan.CategoriesByCode.ContainsKey(code))
            {
                continue; // already in the database: re-importing a catalog keeps the existing category
            }
            plan.AddCategory(code, name, parentId);
        }
    }

    public static void ReadProducts(ImportSource source, ImportPlan plan, ProblemLog log, CancellationToken ct)
    {
        using var table = CsvTable.Open(source, log, StoreFormats.ProductColumns, plan.Options);
        if (table is null)
        {
            return;
        }
        var seen = new HashSet<string>(plan.ProductsBySku.Comparer);
        while (table.Read())
        {
            ct.ThrowIfCancellationRequested();
            var options = plan.Options;
            var sku = table.Bounded("sku", options.MaxSkuLength, "Import:MaxSkuLength", required: true);
            var name = table.Bounded("name", options.MaxNameLength, "Import:MaxNameLength", required: true);
            var brand = table.Bounded("brand", options.MaxLabelLength, "Import:MaxLabelLength");
            var categoryCode = table.Bounded("category_code", 64, "the category code column's size", required: true);
            var price = table.Number("price", min: 0, max: options.MaxUnitPrice);
            var stock = table.WholeNumber("stock", min: 0, max: options.MaxQuantity);
            var active = table.Bool("active", defaultValue: true);
            if (sku.Length == 0 || name.Length == 0 || categoryCode.Length == 0 || price is null || stock is null || active is null)
            {
                continue;
            }
            if (!seen.Add(sku))
            {
                table.Problem("sku", $"SKU '{sku}' appears twice in the file");
                continue;
            }
            if (!plan.CategoriesByCode.TryGetValue(categoryCode, out var category))
            {
                table.Problem("category_code", $"category '{categoryCode}' is not in the categories file nor in the database");
                continue;
            }
            var tags = table.Text("tags").Split(StoreFormats.TagSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.ToLowerInvariant()).Distinct().ToList();
            if (plan.ExistingProducts.TryGetValue(sku, out var existing))
            {
                var changed = existing.Name != name || existing.Brand != brand || existing.CategoryId != category.Id || existing.Price != price.Value
                    || existing.Stock != stock.Value || existing.IsActive != active.Value || !existing.Tags.ToHashSet(StringComparer.Ordinal).SetEquals(tags);
                if (!changed)
                {
                    plan.UnchangedProducts++;
                    continue;
                }
                (existing.Name, existing.Brand, existing.CategoryId, existing.Price, existing.Stock, existing.IsActive, existing.Tags) =
                    (name, brand, category.Id, price.Value, stock.Value, active.Value, tags);
                plan.UpdateProduct(existing);
                continue;
            }
            plan.AddProduct(new Product
            {
                Sku = sku, Name = name, Brand = brand, CategoryId = category.Id,
                Price = price.Value, Stock = stock.Value, IsActive = active.Value, Tags = tags,
            });
        }
    }

    public static void ReadCustomers(ImportSource source, ImportPlan plan, ProblemLog log, CancellationToken ct)
    {
        using var table = CsvTable.Open(source, log, ["customer_id"], plan.Options);
        if (table is null)
        {
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (table.Read())
        {
            ct.ThrowIfCancellationRequested();
            var id = table.Bounded("customer_id", plan.Options.MaxIdLength, "Import:MaxIdLength", required: true);
            var name = table.Bounded("name", plan.Options.MaxLabelLength, "Import:MaxLabelLength");
            var email = table.Bounded("email", plan.Options.MaxNameLength, "Import:MaxNameLength");
            var city = table.Bounded("city", plan.Options.MaxLabelLength, "Import:MaxLabelLength");
            var arm = table.Choice("arm", StoreFormats.Arms, whenEmpty: ExperimentArm.Control);
            var created = table.Time("created_at", required: false);
            if (id.Length == 0 || arm is null || (created is null && table.Text("created_at").Length > 0))
            {
                continue;
            }
            if (!seen.Add(id))
            {
                table.Problem("customer_id", $"customer '{id}' appears twice in the file");
                continue;
            }
            if (plan.CustomersById.ContainsKey(id))
            {
                continue;
            }
            plan.AddCustomer(new Customer
            {
                ExternalId = id, Name = name, Email = email, City = city,
                Arm = arm.Value, CreatedAt = created ?? DateTime.MinValue,
            });
        }
    }

    public static void ReadComplementRules(ImportSource source, ImportPlan plan, ProblemLog log, CancellationToken ct)
    {
        using var table = CsvTable.Open(source, log, StoreFormats.ComplementRuleColumns, plan.Options);
        if (table is null)
        {
            return;
        }
        while (table.Read())
        {
            ct.ThrowIfCancellationRequested();
            var sourceCategory = table.Text("source_category");
            var sourceTag = table.Text("source_tag").ToLowerInvariant();
            var target = table.Required("target_category");
            if (sourceCategory.Length == 0 && sourceTag.Length == 0)
            {
                table.Problem("source_category", "a rule needs a source category or a source tag");
                continue;
            }
            Category? from = null;
            if (sourceCategory.Length > 0 && !plan.CategoriesByCode.TryGetValue(sourceCategory, out from))
            {
                table.Problem("source_category", $"category '{sourceCategory}' is not known");
                continue;
            }
            if (target.Length == 0)
            {
                continue;
            }
            if (!plan.CategoriesByCode.TryGetValue(target, out var to))
            {
                table.Problem("target_category", $"category '{target}' is not known");
                continue;
            }
            plan.AddRule(new ComplementRule
            {
                SourceCategoryId = from?.Id, SourceTag = sourceTag.Length > 0 ? sourceTag : null,
                TargetCategoryId = to.Id, Note = table.Text("note"),
            });
        }
    }
}
