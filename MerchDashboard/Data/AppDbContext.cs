using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Data;

/// <summary>
/// The provider-neutral model. Each database provider has a thin subclass with its own migration set,
/// the pattern EF Core's documentation gives for multiple providers. ASP.NET Core Identity's tables
/// live in the same database, and so do the Data Protection keys, so every instance signs cookies alike.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<CuratedList> CuratedLists => Set<CuratedList>();
    public DbSet<CurationOverride> CurationOverrides => Set<CurationOverride>();
    public DbSet<LockedSlot> LockedSlots => Set<LockedSlot>();
    public DbSet<ComplementRule> ComplementRules => Set<ComplementRule>();
    public DbSet<CategoryPairingSetting> CategoryPairings => Set<CategoryPairingSetting>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<MiningRun> MiningRuns => Set<MiningRun>();
    public DbSet<MinedPair> MinedPairs => Set<MinedPair>();
    public DbSet<MinedBundle> MinedBundles => Set<MinedBundle>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<StorefrontEvent> StorefrontEvents => Set<StorefrontEvent>();
    public DbSet<Experiment> Experiments => Set<Experiment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money as decimal(18,4) on every provider; SQLite stores it as TEXT, which keeps it exact.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
