using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Composition;
using MerchDashboard.Features.Serving;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Rules;

public sealed record RuleInput(int? SourceCategoryId, string? SourceTag, int? TargetCategoryId, string Note = "");

public sealed record RuleRow(int Id, int? SourceCategoryId, string? SourceCategory, string? SourceTag, int TargetCategoryId, string TargetCategory, string Note, int MatchingProducts);

/// <summary>How many products a rule matches, and how many of their lists (composed now, anonymously) show an item of its target category.</summary>
public sealed record RuleReach(int MatchingProducts, int ListsShowingTarget);

public sealed record RuleResult(bool Succeeded, string? Error, RuleReach? Reach = null);

/// <summary>
/// Complement rules ("category or tag X goes with category Y"): listed, validated, saved with an audit
/// entry, and the serving snapshot's rules reloaded so every list reflects the change at once.
/// </summary>
public sealed class ComplementRuleCommands(IDbContextFactory<AppDbContext> dbFactory, StoreSnapshotService snapshots, TimeProvider time)
{
    public async Task<IReadOnlyList<RuleRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.ComplementRules.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Id).ToListAsync(ct);
        var catalog = snapshots.Current.Catalog;
        return [.. rules.Select(r => new RuleRow(r.Id, r.SourceCategoryId, r.SourceCategoryId is { } s ? catalog.CategoryName(s) : null, r.SourceTag,
            r.TargetCategoryId, catalog.CategoryName(r.TargetCategoryId), r.Note, Matching(ToInfo(r)).Count()))];
    }

    public Task<RuleResult> CreateAsync(RuleInput input, string user, CancellationToken ct = default) => SaveAsync(null, input, user, ct);

    public Task<RuleResult> UpdateAsync(int id, RuleInput input, string user, CancellationToken ct = default) => SaveAsync(id, input, user, ct);

    public async Task<RuleResult> DeleteAsync(int id, string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.ComplementRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return new RuleResult(false, "That rule no longer exists.");
        }
        db.ComplementRules.Remove(rule);
        db.AuditEntries.Add(Audit("DeleteRule", $"Deleted the rule {Describe(ToInfo(rule))}", user));
        await db.SaveChangesAsync(ct);
        await snapshots.ReloadCatalogRulesAsync(ct);
        return new RuleResult(true, null);
    }

    public static string? Validate(RuleInput input, IReadOnlyDictionary<int, string> categories)
    {
        var tag = input.SourceTag?.Trim();
        return input.SourceCategoryId is null && string.IsNullOrEmpty(tag) ? "Choose a source category or a tag."
            : input.SourceCategoryId is { } s && !categories.ContainsKey(s) ? "The source category does not exist."
            : input.TargetCategoryId is not { } target ? "Choose the target category."
            : !categories.ContainsKey(target) ? "The target category does not exist."
            : target == input.SourceCategoryId ? "The target must differ from the source: a category's own products are substitutes, not complements."
            : null;
    }

    /// <summary>What the rule reaches in the current snapshot.</summary>
    public RuleReach Reach(int? sourceCategoryId, string? sourceTag, int targetCategoryId)
    {
        var snapshot = snapshots.Current;
        var rule = new ComplementRuleInfo(sourceCategoryId, string.IsNullOrWhiteSpace(sourceTag) ? null : sourceTag.Trim(), targetCategoryId);
        var matching = Matching(rule).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var slots = RecommendationService.DefaultSlotsOf(snapshot);
        var showing = matching.Count(p => snapshot.Compose(p.Id, now, slots)
            .Slots.Any(s => s.Product.CategoryId == targetCategoryId || s.Product.DepartmentId == targetCategoryId));
        return new RuleReach(matching.Count, showing);
    }

    private async Task<RuleResult> SaveAsync(int? id, RuleInput input, string user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        if (Validate(input, categories) is { } error)
        {
            return new RuleResult(false, error);
        }
        var rule = id is { } existing ? await db.ComplementRules.SingleOrDefaultAsync(r => r.Id == existing, ct) : db.ComplementRules.Add(new ComplementRule()).Entity;
        if (rule is null)
        {
            return new RuleResult(false, "That rule no longer exists.");
        }
        if (await DuplicateOfAsync(db, id, input, ct) is { } duplicate)
        {
            return new RuleResult(false, $"The same rule already exists ({Describe(duplicate, categories)}); an identical rule would only double its effect. Edit that one instead.");
        }
        rule.SourceCategoryId = input.SourceCategoryId;
        rule.SourceTag = string.IsNullOrWhiteSpace(input.SourceTag) ? null : input.SourceTag.Trim();
        rule.TargetCategoryId = input.TargetCategoryId!.Value;
        rule.Note = input.Note.Trim();
        rule.IsActive = true;
        db.AuditEntries.Add(Audit(id is null ? "CreateRule" : "UpdateRule", $"{(id is null ? "Created" : "Changed")} the rule {Describe(ToInfo(rule), categories)}", user));
        await db.SaveChangesAsync(ct);
        await snapshots.ReloadCatalogRulesAsync(ct);
        return new RuleResult(true, null, Reach(rule.SourceCategoryId, rule.SourceTag, rule.TargetCategoryId));
    }

    /// <summary>An active rule, other than the one being edited, with the same source (category and tag, tags case-insensitive) and target.</summary>
    private static async Task<ComplementRuleInfo?> DuplicateOfAsync(AppDbContext db, int? id, RuleInput input, CancellationToken ct)
    {
        var tag = string.IsNullOrWhiteSpace(input.SourceTag) ? null : input.SourceTag.Trim();
        var sameTarget = await db.ComplementRules.AsNoTracking()
            .Where(r => r.IsActive && r.Id != (id ?? 0) && r.TargetCategoryId == input.TargetCategoryId && r.SourceCategoryId == input.SourceCategoryId)
            .ToListAsync(ct);
        var duplicate = sameTarget.FirstOrDefault(r => string.Equals(r.SourceTag, tag, StringComparison.OrdinalIgnoreCase));
        return duplicate is null ? null : ToInfo(duplicate);
    }

    private IEnumerable<Engine.Catalog.ProductInfo> Matching(ComplementRuleInfo rule) =>
        snapshots.Current.Catalog.Products.Values.Where(rule.AppliesTo);

    private AuditEntry Audit(string action, string summary, string user) =>
        new() { At = time.GetUtcNow().UtcDateTime, User = user, Action = action, Summary = summary };

    private static ComplementRuleInfo ToInfo(ComplementRule r) => new(r.SourceCategoryId, r.SourceTag, r.TargetCategoryId, r.Note);

    private string Describe(ComplementRuleInfo rule, IReadOnlyDictionary<int, string>? names = null)
    {
        string Name(int id) => names?.GetValueOrDefault(id) ?? snapshots.Current.Catalog.CategoryName(id);
        var source = string.Join(" or ", new[] { rule.SourceCategoryId is { } c ? Name(c) : null, rule.SourceTag is { } t ? $"tag {t}" : null }.OfType<string>());
        return $"{source} → {Name(rule.TargetCategoryId)}";
    }
}
