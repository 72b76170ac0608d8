using MerchDashboard.Data.Import;
using MerchDashboard.Data.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Data;

public static class DataServiceCollectionExtensions
{
    public const string DataProtectionApplicationName = "MerchDashboard";

    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> (SQLite by default, or PostgreSQL),
    /// the context factory for it, its bulk writer, the importer and start-up seeding.
    /// </summary>
    public static IServiceCollection AddMerchData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<SqliteAppDbContext>((sp, options) =>
        {
            var busyTimeout = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteBusyTimeout;
            options.UseSqlite(ConnectionString(sp), sqlite => sqlite.CommandTimeout((int)Math.Ceiling(busyTimeout.TotalSeconds)))
                .AddInterceptors(new DatabaseBusyInterceptor(busyTimeout));
        });
        services.AddDbContextFactory<PostgresAppDbContext>((sp, options) => options.UseNpgsql(ConnectionString(sp)));
        services.AddSingleton<IDbContextFactory<AppDbContext>>(sp => Provider(sp) == DatabaseProvider.Postgres
            ? new ProviderContextFactory<PostgresAppDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresAppDbContext>>())
            : new ProviderContextFactory<SqliteAppDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>()));
        services.AddSingleton<IBulkWriter>(sp => Provider(sp) == DatabaseProvider.Postgres ? new PostgresBulkWriter() : new SqliteBulkWriter());
        // Identity and Data Protection take a scoped context; everything else uses the factory.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        // Keys in the database and one application name: a cookie or antiforgery token issued by any instance is read by all.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName).PersistKeysToDbContext<AppDbContext>();
        services.AddOptions<DataProtectionOptions>().BindConfiguration("DataProtection");
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StoreImporter>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private static DatabaseProvider Provider(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveProvider();

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value
            .ResolveConnectionString(services.GetRequiredService<IHostEnvironment>().ContentRootPath);

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
