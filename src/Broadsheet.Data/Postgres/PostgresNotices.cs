using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Broadsheet.Core.Ports;
using Npgsql;

namespace Broadsheet.Data.Postgres;

/// <summary>
/// Edition changes as PostgreSQL notifications on <see cref="Channel"/>. The search outbox's insert trigger (migration
/// SeveralNodes) sends one for every saved edition change when its transaction commits, whichever process saved it
/// (a desk on any node, the scheduler, a command-line import); <see cref="SendAsync"/> covers what has no outbox row.
/// </summary>
internal sealed class PostgresNotices(string connectionString) : IEditionNotices
{
    /// <summary>The channel; the trigger function in the migration names it too.</summary>
    public const string Channel = "broadsheet_editions";

    public bool Live => true;

    public async Task SendAsync(EditionRef edition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edition);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("payload", Payload(edition));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async IAsyncEnumerable<EditionRef> ListenAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A connection of its own, outside the pool: it waits on the socket for as long as the node runs.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var received = System.Threading.Channels.Channel.CreateUnbounded<string>();
        connection.Notification += (_, e) => received.Writer.TryWrite(e.Payload);
        await connection.OpenAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        while (true)
        {
            while (received.Reader.TryRead(out var payload))
            {
                if (Parse(payload) is { } edition)
                {
                    yield return edition;
                }
            }

            await connection.WaitAsync(cancellationToken);
        }
    }

    /// <summary><c>slug|yyyy-MM-dd|number</c>, as the trigger writes it.</summary>
    public static string Payload(EditionRef edition) =>
        string.Create(CultureInfo.InvariantCulture, $"{edition.PublicationSlug}|{edition.Date:yyyy-MM-dd}|{edition.Number}");

    public static EditionRef? Parse(string payload)
    {
        var parts = payload.Split('|');
        return parts.Length == 3
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new EditionRef(parts[0], date, number)
            : null;
    }
}
