using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Broadsheet.Data.Postgres;

/// <summary>
/// Writes a time as the same instant in UTC; PostgreSQL's <c>timestamptz</c> keeps no offset, so a time read back is
/// in UTC whatever offset it was written with (SQLite keeps the offset as written).
/// </summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(t => t.ToUniversalTime(), t => t);
