using MerchDashboard.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the database (SQLite by default), the context factory, the importer and start-up seeding.</summary>
    public static IServiceCollection AddMerchData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<SqliteAppDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var env = sp.GetRequiredService<IHostEnvironment>();
            options.UseSqlite(db.ResolveConnectionString(env.ContentRootPath));
        });
        services.AddSingleton<IDbContextFactory<AppDbContext>, ProviderContextFactory<SqliteAppDbContext>>();
        services.AddSingleton<IBulkWriter, SqliteBulkWriter>();
        services.AddSingleton<StoreImporter>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
