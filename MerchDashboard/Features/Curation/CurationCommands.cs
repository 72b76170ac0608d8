using System.Text.Json;
using System.Text.Json.Serialization;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Curation;

/// <summary>
/// Applies merchandisers' changes to curated lists: each one checked against the version it was made
/// on (a stale change is refused with the current state, never merged silently), saved with its audit
/// entry in one transaction, then announced to the other sessions.
/// </summary>
public sealed class CurationCommands(IDbContextFactory<AppDbContext> dbFactory, CurationChangeNotifier notifier, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public async Task<VersionedList> GetAsync(int anchorProductId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ToVersioned(anchorProductId, await LoadAsync(db, anchorProductId, ct));
    }

    public Task<CurationResult> ApplyAsync(int anchorProductId, int expectedVersion, CurationChange change, string user, CancellationToken ct = default) =>
        ApplyAsync(anchorProductId, expectedVersion, change, user, ListTransitions.MaxSlots, ct);

    /// <summary>Applies the change if the list is still at <paramref name="expectedVersion"/>; a pin or a lock of N beyond the list size <paramref name="slots"/> is refused.</summary>
    public async Task<CurationResult> ApplyAsync(
        int anchorProductId, int expectedVersion, CurationChange change, string user, int slots, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await LoadAsync(db, anchorProductId, ct);
        var current = ToVersioned(anchorProductId, list);
        if (current.Version != expectedVersion)
        {
            return CurationResult.Stale(current);
        }
        var names = await ProductNamesAsync(db, anchorProductId, change, current.State, ct);
        if (!names.ContainsKey(anchorProductId))
        {
            return CurationResult.Refused("That product does not exist.", current);
        }
        if (ReferencedProduct(change) is { } item && !names.ContainsKey(item))
        {
            return CurationResult.Refused($"Product {item} does not exist.", current);
        }
        if (ReferencedProducts(change).FirstOrDefault(id => !names.ContainsKey(id)) is > 0 and var missing)
        {
            return CurationResult.Refused($"Product {missing} does not exist.", current);
        }
        var outcome = ListTransitions.Apply(current.State, change, anchorProductId,
            id => names.TryGetValue(id, out var name) ? name : $"product {id}", slots);
        if (outcome.Error is { } error)
        {
            return CurationResult.Refused(error, current);
        }

        var now = time.GetUtcNow().UtcDateTime;
        list ??= db.CuratedLists.Add(new CuratedList { AnchorProductId = anchorProductId }).Entity;
        Write(db, list, outcome.Next!, now, user);
        list.Version = current.Version + 1;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, User = user, Action = change.GetType().Name, AnchorProductId = anchorProductId,
            Summary = outcome.Summary,
            Before = JsonSerializer.Serialize(current.State, Json),
            After = JsonSerializer.Serialize(outcome.Next, Json),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save won the race between our read and write (version check or the one-list-per-anchor index).
            return CurationResult.Stale(await GetAsync(anchorProductId, ct));
        }
        notifier.Publish(anchorProductId);
        return CurationResult.Ok(ToVersioned(anchorProductId, list));
    }

    private static void Write(AppDbContext db, CuratedList list, ListState next, DateTime now, string user)
    {
        db.CurationOverrides.RemoveRange(list.Overrides);
        list.Overrides.Clear();
        db.LockedSlots.RemoveRange(list.LockedSlots);
        list.LockedSlots.Clear();
        foreach (var frozen in next.Frozen)
        {
            list.LockedSlots.Add(new LockedSlot { Position = frozen.Position, ProductId = frozen.ProductId, Source = frozen.Source });
        }
        list.Mode = next.Mode;
        list.LockedTopN = next.LockedTopN;
        list.Note = next.Note;
        list.UpdatedAt = now;
        list.UpdatedBy = user;
        foreach (var o in next.Overrides)
        {
            list.Overrides.Add(new CurationOverride
            {
                Kind = o.Kind, ProductId = o.ProductId, Position = o.Position, StartsAt = o.StartsAt,
                ExpiresAt = o.ExpiresAt, Note = o.Note, CreatedAt = now, CreatedBy = user,
            });
        }
    }

    private static Task<CuratedList?> LoadAsync(AppDbContext db, int anchorProductId, CancellationToken ct) =>
        db.CuratedLists.Include(l => l.Overrides).Include(l => l.LockedSlots).AsSplitQuery()
            .SingleOrDefaultAsync(l => l.AnchorProductId == anchorProductId, ct);

    private static VersionedList ToVersioned(int anchorProductId, CuratedList? list) =>
        new(anchorProductId, list?.Version ?? 0, ListState.From(list), list?.UpdatedAt, list?.UpdatedBy ?? "");

    private static async Task<Dictionary<int, string>> ProductNamesAsync(AppDbContext db, int anchor, CurationChange change, ListState state, CancellationToken ct)
    {
        var ids = state.Overrides.Select(o => o.ProductId).Concat(state.Frozen.Select(f => f.ProductId)).Append(anchor).ToHashSet();
        if (ReferencedProduct(change) is { } item)
        {
            ids.Add(item);
        }
        ids.UnionWith(ReferencedProducts(change));
        return await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.Name} ({p.Sku})", ct);
    }

    private static int? ReferencedProduct(CurationChange change) => change switch
    {
        CurationChange.Pin p => p.ProductId,
        CurationChange.Add a => a.ProductId,
        CurationChange.Exclude e => e.ProductId,
        CurationChange.Move m => m.ProductId,
        _ => null,
    };

    /// <summary>The items a lock or a restore would write, each of which must exist.</summary>
    private static IEnumerable<int> ReferencedProducts(CurationChange change) => change switch
    {
        CurationChange.LockList l => l.Shown.Select(s => s.ProductId),
        CurationChange.Restore r => r.State.Overrides.Select(o => o.ProductId).Concat(r.State.Frozen.Select(f => f.ProductId)),
        _ => [],
    };
}
