using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Broadsheet.Data.Copy;

/// <summary>
/// One column as one provider's model maps it: read from a data reader and turned into the property's value, and that
/// value turned into what the provider stores, both through the property's type mapping and its converter, as EF Core
/// does when it loads and saves an entity (times, enums as text, paragraphs as JSON, polygons as text).
/// </summary>
internal sealed class MappedColumn
{
    private static readonly MethodInfo ReadMethod = typeof(MappedColumn).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<DbDataReader, int, object> _read;

    public MappedColumn(IProperty property, string columnName)
    {
        Property = property;
        Name = columnName;
        Mapping = property.GetRelationalTypeMapping();
        var stored = Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
        StoredType = Nullable.GetUnderlyingType(stored) ?? stored;
        _read = ReadMethod.MakeGenericMethod(StoredType).CreateDelegate<Func<DbDataReader, int, object>>();
    }

    public IProperty Property { get; }

    public string Name { get; }

    public RelationalTypeMapping Mapping { get; }

    /// <summary>The CLR type of the value the provider stores (after the converter): string for a polygon, int for an id.</summary>
    public Type StoredType { get; }

    /// <summary>The property's value from column <paramref name="ordinal"/> of the current row.</summary>
    public object? ValueAt(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var stored = _read(reader, ordinal);
        return Mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    /// <summary>What this provider stores for the property's <paramref name="value"/>.</summary>
    public object? Stored(object? value) =>
        value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;

    private static object Read<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;
}
