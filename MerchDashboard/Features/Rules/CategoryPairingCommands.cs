using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace MerchDashboard.Features.Rules;

/// <summary>A leaf category as the pairing settings show it; <see cref="IsUnknown"/> marks the "no category" placeholder, which cannot be set.</summary>
public sealed record CategoryPairingRow(int CategoryId, string Name, string? Department, int Products, CategoryPairing Pairing, bool IsUnknown);

public sealed record PairingResult(bool Succeeded, string? Error);

/// <summary>
/// The per-category pairing setting ("decide by evidence", "go together", "are alternatives"): listed,
/// saved with an audit entry, and the serving snapshot's settings reloaded so the editor, the preview and
/// the API apply it at once. Callers authorize the user (the Curate policy) before saving.
/// </summary>
public sealed class CategoryPairingCommands(IDbContextFactory<AppDbContext> dbFactory, StoreSnapshotService snapshots, TimeProvider time)
{
    public static string Label(CategoryPairing pairing) => pairing switch
    {
        CategoryPairing.GoTogether => "items go together",
        CategoryPairing.Alternatives => "items are alternatives",
        _ => "decide by evidence",
    };

    /// <summary>Every category that holds products, by department and name.</summary>
    public async Task<IReadOnlyList<CategoryPairingRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.CategoryPairings.AsNoTracking().ToDictionaryAsync(s => s.CategoryId, s => s.Pairing, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var counts = await db.Products.GroupBy(p => p.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. counts.Where(c => categories.ContainsKey(c.Key)).Select(c =>
            {
                var category = categories[c.Key];
                var department = category.ParentId is { } parent && categories.TryGetValue(parent, out var d) ? d.Name : null;
                return new CategoryPairingRow(category.Id, category.Name, department, c.Value,
                    settings.GetValueOrDefault(category.Id), UnknownCategory.Matches(category.Code, category.Name));
            })
            .OrderBy(r => r.Department ?? r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Name, StringComparer.CurrentCulture)];
    }

    public async Task<PairingResult> SetAsync(int categoryId, CategoryPairing pairing, string user, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(pairing))
        {
            return new PairingResult(false, $"'{(int)pairing}' is not a pairing setting.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var category = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null)
        {
            return new PairingResult(false, "That category no longer exists.");
        }
        if (UnknownCategory.Matches(category.Code, category.Name))
        {
            return new PairingResult(false, $"'{category.Name}' stands for products without a category; they are never alternatives of each other.");
        }
        var setting = await db.CategoryPairings.SingleOrDefaultAsync(s => s.CategoryId == categoryId, ct);
        var before = setting?.Pairing ?? CategoryPairing.ByEvidence;
        if (before == pairing)
        {
            return new PairingResult(true, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (pairing == CategoryPairing.ByEvidence)
        {
            db.CategoryPairings.Remove(setting!);
        }
        else
        {
            setting ??= db.CategoryPairings.Add(new CategoryPairingSetting { CategoryId = categoryId }).Entity;
            (setting.Pairing, setting.UpdatedAt, setting.UpdatedBy) = (pairing, now, user);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, User = user, Action = "SetCategoryPairing",
            Summary = $"Set '{category.Name}' to \"{Label(pairing)}\" (was \"{Label(before)}\")",
            Before = JsonSerializer.Serialize(new { category = category.Name, pairing = before.ToString() }),
            After = JsonSerializer.Serialize(new { category = category.Name, pairing = pairing.ToString() }),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new PairingResult(false, $"Someone else changed the setting of '{category.Name}' at the same time; reload and try again.");
        }
        await snapshots.ReloadCatalogRulesAsync(ct);
        return new PairingResult(true, null);
    }
}
