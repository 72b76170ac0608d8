using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MerchDashboard.Data.Postgres;

/// <summary>
/// The model on PostgreSQL, with its own migration set under <c>Data/Migrations/Postgres</c>.
/// Times are <c>timestamp with time zone</c>, which Npgsql only accepts as UTC; the converter makes
/// every DateTime UTC on the way in (an unspecified kind is taken as UTC, as the importer means it).
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => AsUtc(value), value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    internal static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
