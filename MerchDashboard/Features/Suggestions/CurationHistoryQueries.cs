using MerchDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Suggestions;

public sealed record HistoryEntry(long Id, DateTime At, string User, string Action, string Summary);

/// <summary>The audit trail of one anchor's list, newest first.</summary>
public sealed class CurationHistoryQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<HistoryEntry>> ForAnchorAsync(int anchorProductId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.AnchorProductId == anchorProductId)
            .OrderByDescending(a => a.Id).Take(take)
            .Select(a => new HistoryEntry(a.Id, a.At, a.User, a.Action, a.Summary)).ToListAsync(ct);
    }
}
