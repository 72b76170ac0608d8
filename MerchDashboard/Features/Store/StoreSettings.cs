using System.Text.Json;
using MerchDashboard.Data;
using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Features.Store;

/// <summary>
/// The store-wide settings every request reads: its locale (configuration until an administrator saves one, which
/// then wins) and whether the loaded data is the demo store (recorded when the demo store is imported or restored;
/// personas and other demo-only helpers show only then). Held in memory, so reading costs nothing; stored as
/// <see cref="AppSetting"/> rows.
/// </summary>
public sealed class StoreSettings(IDbContextFactory<AppDbContext> dbFactory, IOptions<StoreOptions> options, TimeProvider time)
{
    public const string LocaleKey = "store.locale";
    public const string DemoStoreKey = "store.demo";

    private sealed record State(StoreLocale Locale, bool LocaleSaved, StoreCulture Culture, bool IsDemoStore);

    private State? _state;

    private State Current => _state ??= Create(options.Value.ToLocale(), false, false);

    public StoreLocale Locale => Current.Locale;

    /// <summary>Whether an administrator saved the locale (else it comes from configuration).</summary>
    public bool LocaleSaved => Current.LocaleSaved;

    /// <summary>The culture of every request: the store's number and date format with its currency.</summary>
    public StoreCulture Culture => Current.Culture;

    public bool IsDemoStore => Current.IsDemoStore;

    public StoreLocale ConfiguredLocale => options.Value.ToLocale();

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AppSettings.AsNoTracking().Where(s => s.Key == LocaleKey || s.Key == DemoStoreKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var saved = rows.TryGetValue(LocaleKey, out var json) ? JsonSerializer.Deserialize<StoreLocale>(json) : null;
        var usable = saved is not null && saved.Validate().Count == 0;
        _state = Create(usable ? saved! : options.Value.ToLocale(), usable, rows.GetValueOrDefault(DemoStoreKey) == "true");
    }

    /// <summary>Saves the locale for every page and export from the next request on; invalid ones are refused with reasons.</summary>
    public async Task<IReadOnlyList<string>> SaveLocaleAsync(StoreLocale locale, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var normalized = new StoreLocale(locale.Currency.Trim().ToUpperInvariant(), locale.Culture.Trim());
        var reasons = normalized.Validate();
        if (reasons.Count > 0)
        {
            return reasons;
        }
        await WriteAsync(LocaleKey, JsonSerializer.Serialize(normalized), user, ct);
        await LoadAsync(ct);
        return [];
    }

    public async Task MarkDemoStoreAsync(bool isDemoStore, CancellationToken ct = default)
    {
        await WriteAsync(DemoStoreKey, isDemoStore ? "true" : "false", "system", ct);
        await LoadAsync(ct);
    }

    private async Task WriteAsync(string key, string value, string user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.AppSettings.SingleOrDefaultAsync(s => s.Key == key, ct);
        row ??= db.AppSettings.Add(new AppSetting { Key = key }).Entity;
        row.Value = value;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        row.UpdatedBy = user;
        await db.SaveChangesAsync(ct);
    }

    private static State Create(StoreLocale locale, bool saved, bool demo) => new(locale, saved, locale.CreateCulture(), demo);
}
