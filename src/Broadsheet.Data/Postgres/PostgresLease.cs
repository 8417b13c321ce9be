using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Core.Ports;
using Npgsql;

namespace Broadsheet.Data.Postgres;

/// <summary>
/// A lease as a PostgreSQL session advisory lock on a connection of its own: held while the connection is, so a node
/// that dies lets go with its connection, and no row is left behind to expire.
/// </summary>
internal sealed class PostgresLease(string connectionString) : INodeLease
{
    public async Task<IAsyncDisposable?> TryTakeAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key(name));
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The same 64-bit key for a name in every process (string.GetHashCode differs between processes).</summary>
    public static long Key(string name) => BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes("broadsheet:" + name)));

    /// <summary>Closing the connection ends the session and with it the lock.</summary>
    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
