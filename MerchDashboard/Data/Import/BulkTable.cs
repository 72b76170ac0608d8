using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MerchDashboard.Data.Import;

/// <summary>
/// An entity's table as a bulk insert writes it, read from the EF Core model: the table, its columns,
/// their type mappings, and each row's values converted as EF Core would store them. Rows that come
/// without keys (a default id) leave the key column out so the database numbers them; rows with keys
/// keep theirs.
/// </summary>
public sealed class BulkTable
{
    private readonly IClrPropertyGetter[] _getters;

    public string Name { get; }
    public StoreObjectIdentifier Store { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<RelationalTypeMapping> Mappings { get; }
    /// <summary>The single key property when the rows carry their own ids (the provider may need to advance its sequence).</summary>
    public IProperty? ExplicitKey { get; }

    private BulkTable(IEntityType entity, bool keysGenerated)
    {
        Name = entity.GetTableName()!;
        Store = StoreObjectIdentifier.Table(Name, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties;
        var properties = entity.GetProperties().Where(p => !(keysGenerated && p.IsPrimaryKey())).ToList();
        Columns = properties.Select(p => p.GetColumnName(Store)!).ToList();
        Mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToList();
        _getters = properties.Select(p => p.GetGetter()).ToArray();
        ExplicitKey = !keysGenerated && key.Count == 1 ? key[0] : null;
    }

    /// <summary>The table of <typeparamref name="T"/> for rows like <paramref name="firstRow"/> (whose key decides whether the ids are written).</summary>
    public static BulkTable For<T>(AppDbContext db, T firstRow)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var key = entity.FindPrimaryKey()!.Properties;
        var keysGenerated = key.Count == 1 && key[0].GetGetter().HasSentinelValueUsingContainingEntity(firstRow);
        return new BulkTable(entity, keysGenerated);
    }

    /// <summary>The value of a column for a row, converted to what the provider stores (e.g. a tag list to JSON).</summary>
    public object? ValueOf(object row, int column)
    {
        var value = _getters[column].GetClrValueUsingContainingEntity(row);
        return value is not null && Mappings[column].Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
