using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using MerchDashboard.Engine.Mining;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Features.Mining;

/// <summary>
/// Bound from the <c>Mining</c> section and validated at start-up: the settings' defaults until an admin
/// saves settings in the UI, and the memory budget, which only configuration sets.
/// </summary>
public sealed class MiningOptions : IValidatableObject
{
    public const string Section = "Mining";

    /// <summary>
    /// The most megabytes a run's mining structures may hold (<see cref="MemoryBudget"/>). Past it the run
    /// falls back (<see cref="MiningFallback"/>) rather than grow: the default fits a 2-4 GB host.
    /// </summary>
    [Range(MemoryBudget.MinMegabytes, MemoryBudget.MaxMegabytes)]
    public int MemoryBudgetMB { get; set; } = MemoryBudget.DefaultMegabytes;

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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ToSettings().Validate().Select(reason => new ValidationResult($"Mining: {reason}"));
}

/// <summary>Mining settings: configuration gives the defaults, an admin's saved settings win; invalid ones are refused with reasons.</summary>
public sealed class MiningSettingsStore(IDbContextFactory<AppDbContext> dbFactory, Microsoft.Extensions.Options.IOptions<MiningOptions> options, TimeProvider time)
{
    public const string Key = "mining.settings";

    /// <summary>Mining:MemoryBudgetMB, validated at start-up.</summary>
    public int MemoryBudgetMegabytes => options.Value.MemoryBudgetMB;

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
