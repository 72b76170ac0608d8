using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Import;

/// <summary>Reads curated lists and their overrides (pins, manual adds, exclusions).</summary>
internal static class CurationReaders
{
    public const string ListAlreadyPresent = "curated list already in the database";

    public static void ReadLists(ImportSource source, ImportPlan plan, ProblemLog log, DateTime now, Dictionary<string, CuratedList> listsBySku, CancellationToken ct)
    {
        using var table = CsvTable.Open(source, log, StoreFormats.CuratedListColumns, plan.Options);
        if (table is null)
        {
            return;
        }
        while (table.Read())
        {
            ct.ThrowIfCancellationRequested();
            var sku = table.Required("anchor_sku");
            var mode = table.Choice("mode", StoreFormats.Modes);
            var topN = table.WholeNumber("locked_top_n", min: 1, required: false);
            if (sku.Length == 0 || mode is null)
            {
                continue;
            }
            if (mode == ListMode.LockedTopN && topN is null)
            {
                table.Problem("locked_top_n", "a locked-top-n list needs the number of locked slots");
                continue;
            }
            if (!plan.ProductsBySku.TryGetValue(sku, out var anchor))
            {
                table.Problem("anchor_sku", $"SKU '{sku}' is not a known product");
                continue;
            }
            if (listsBySku.ContainsKey(sku))
            {
                table.Problem("anchor_sku", $"product '{sku}' has a second list in the file; a product has one list");
                continue;
            }
            if (plan.AnchorsWithLists.Contains(anchor.Id))
            {
                plan.Tally.Add(ListAlreadyPresent, table.Line, sku); // curation in the database wins over the file
                continue;
            }
            listsBySku[sku] = plan.AddList(new CuratedList
            {
                AnchorProductId = anchor.Id, Mode = mode.Value,
                LockedTopN = mode == ListMode.LockedTopN ? topN : null,
                Note = table.Text("note"), Version = 1, UpdatedAt = now, UpdatedBy = "import",
            });
        }
    }

    public static void ReadOverrides(ImportSource source, ImportPlan plan, ProblemLog log, DateTime now, Dictionary<string, CuratedList> listsBySku, CancellationToken ct)
    {
        using var table = CsvTable.Open(source, log, StoreFormats.CuratedOverrideColumns, plan.Options);
        if (table is null)
        {
            return;
        }
        while (table.Read())
        {
            ct.ThrowIfCancellationRequested();
            var anchorSku = table.Required("anchor_sku");
            var kind = table.Choice("kind", StoreFormats.Kinds);
            var sku = table.Required("sku");
            var position = table.WholeNumber("position", min: 1, required: false);
            var starts = table.Time("starts_at", required: false);
            var expires = table.Time("expires_at", required: false);
            if (anchorSku.Length == 0 || sku.Length == 0 || kind is null)
            {
                continue;
            }
            if (kind == OverrideKind.Pin && position is null)
            {
                table.Problem("position", "a pin needs the slot position it takes (1 is the first slot)");
                continue;
            }
            if (starts is not null && expires is not null && expires <= starts)
            {
                table.Problem("expires_at", "expires before it starts");
                continue;
            }
            if (!listsBySku.TryGetValue(anchorSku, out var list))
            {
                if (plan.ProductsBySku.TryGetValue(anchorSku, out var a) && plan.AnchorsWithLists.Contains(a.Id))
                {
                    plan.Tally.Add(ListAlreadyPresent, table.Line, anchorSku);
                    continue;
                }
                table.Problem("anchor_sku", $"product '{anchorSku}' has no list in the curated lists file");
                continue;
            }
            if (!plan.ProductsBySku.TryGetValue(sku, out var item))
            {
                table.Problem("sku", $"SKU '{sku}' is not a known product");
                continue;
            }
            plan.AddOverride(new CurationOverride
            {
                CuratedListId = list.Id, Kind = kind.Value, ProductId = item.Id, Position = position ?? 0,
                StartsAt = starts, ExpiresAt = expires, Note = table.Text("note"), CreatedAt = now, CreatedBy = "import",
            });
        }
    }
}
