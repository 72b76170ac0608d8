using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Mining;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Mining;

/// <summary>Bound from the <c>Mining</c> section: the defaults until an admin saves settings in the UI.</summary>
public sealed class MiningOptions
{
    public const string Section = "Mining";

    public double? MinSupport { get; set; }
    public int? MinCount { get; set; } = 5;
    public double MinConfidence { get; set; } = 0.02;
    public double MinLift { get; set; } = 1.5;
    public int MaxLength { get; set; } = 3;
    public int ListSize { get; set; } = 6;

    public MiningSettings ToSettings() => new()
    {
        MinSupport = MinSupport, MinCount = MinCount, MinConfidence = MinConfidence, MinLift = MinLift,
        MaxLength = MaxLength, ListSize = ListSize,
    };
}

/// <summary>Mining settings: configuration gives the defaults, an admin's saved settings win; invalid ones are refused with reasons.</summary>
public sealed class MiningSettingsStore(IDbContextFactory<AppDbContext> dbFactory, Microsoft.Extensions.Options.IOptions<MiningOptions> options, TimeProvider time)
{
    public const string Key = "mining.settings";

    public async Task<MiningSettings> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.AppSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == Key, ct);
        return saved is null ? options.Value.ToSettings() : JsonSerializer.Deserialize<MiningSettings>(saved.Value)!;
    }

    public async Task<IReadOnlyList<string>> SaveAsync(MiningSettings settings, string user, CancellationToken ct = default)
    {
        var reasons = settings.Validate();
        if (reasons.Count > 0)
        {
            return reasons;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.AppSettings.SingleOrDefaultAsync(s => s.Key == Key, ct);
        if (row is null)
        {
            row = db.AppSettings.Add(new AppSetting { Key = Key }).Entity;
        }
        row.Value = JsonSerializer.Serialize(settings);
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = user;
        await db.SaveChangesAsync(ct);
        return [];
    }
}
