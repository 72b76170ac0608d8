using System.Text.Json;
using MerchDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Curation;

/// <summary>One audited change; <see cref="After"/> is the list's state it left (null for entries written before states were kept).</summary>
public sealed record HistoryEntry(long Id, DateTime At, string User, string Action, string Summary, ListState? After);

/// <summary>The audit trail of one anchor's list, newest first.</summary>
public sealed class CurationHistoryQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<HistoryEntry>> ForAnchorAsync(int anchorProductId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.AnchorProductId == anchorProductId)
            .OrderByDescending(a => a.Id).Take(take)
            .Select(a => new { a.Id, a.At, a.User, a.Action, a.Summary, a.After }).ToListAsync(ct);
        return [.. rows.Select(a => new HistoryEntry(a.Id, a.At, a.User, a.Action, a.Summary, Parse(a.After)))];
    }

    private static ListState? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ListState>(json, CurationCommands.Json);
        }
        catch (JsonException)
        {
            // An entry from an older layout cannot be restored; it is still listed.
            return null;
        }
    }
}
