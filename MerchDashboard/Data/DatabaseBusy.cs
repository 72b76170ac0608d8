using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MerchDashboard.Data;

/// <summary>A write that waited the whole busy timeout for another writer (usually an import in another process); nothing was saved.</summary>
public sealed class DatabaseBusyException(TimeSpan waited, Exception inner) : Exception(
    $"The database is busy with another write (probably an import) and stayed busy for {waited.TotalSeconds:N0} s; nothing was saved. Try again when it has finished.",
    inner)
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DatabaseBusyException or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// Turns SQLite's "database is locked", raised once a write has waited the busy timeout (Microsoft.Data.Sqlite
/// retries a busy database until the command timeout), into <see cref="DatabaseBusyException"/>, whose
/// message the page's error boundary can show as it is.
/// </summary>
public sealed class DatabaseBusyInterceptor(TimeSpan busyTimeout) : DbCommandInterceptor, ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ThrowIfBusy(eventData.Exception);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ThrowIfBusy(eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ThrowIfBusy(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ThrowIfBusy(eventData.Exception);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ThrowIfBusy(eventData.Exception);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ThrowIfBusy(eventData.Exception);
        return Task.CompletedTask;
    }

    private void ThrowIfBusy(Exception exception)
    {
        if (exception is not DatabaseBusyException && DatabaseBusyException.IsBusy(exception))
        {
            throw FindBusy(exception) ?? new DatabaseBusyException(busyTimeout, exception);
        }
    }

    private static DatabaseBusyException? FindBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DatabaseBusyException busy)
            {
                return busy;
            }
        }
        return null;
    }
}
