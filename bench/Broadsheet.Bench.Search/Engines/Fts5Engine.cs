using Broadsheet.Bench.Search.Workload;
using Broadsheet.Search;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Bench.Search.Engines;

/// <summary>
/// The peer: one SQLite file with an FTS5 table using the trigram tokenizer, as a small team would set it up.
/// Text sits in three indexed columns (title, body, author, mirroring the Lucene index's groups, with the same
/// 3 / 1 / 0.5 weights for bm25); what a hit shows and filters on sits in unindexed columns.
/// </summary>
internal sealed class Fts5Engine : IBenchEngine
{
    private const int RowsPerTransaction = 10_000;

    private readonly string _file;

    public Fts5Engine(string folder)
    {
        Directory.CreateDirectory(folder);
        _file = Path.Combine(folder, "fts5.db");
    }

    public string Name => "SQLite FTS5 (trigram)";

    public async Task BuildAsync(IEnumerable<ArticleDocument> corpus, IProgress<int> progress, CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE VIRTUAL TABLE docs USING fts5(
                title, body, author, headline UNINDEXED, date UNINDEXED, page_name UNINDEXED, page_label UNINDEXED,
                tokenize = 'trigram');
            INSERT INTO docs(docs, rank) VALUES ('rank', 'bm25(3.0, 1.0, 0.5)');
            """);

        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO docs(rowid, title, body, author, headline, date, page_name, page_label)
            VALUES ($id, $title, $body, $author, $headline, $date, $page, $label)
            """;
        var parameters = new[] { "$id", "$title", "$body", "$author", "$headline", "$date", "$page", "$label" }
            .Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        parameters[0].SqliteType = SqliteType.Integer;
        parameters[5].SqliteType = SqliteType.Integer;

        var count = 0;
        var transaction = connection.BeginTransaction();
        try
        {
            foreach (var a in corpus)
            {
                cancellationToken.ThrowIfCancellationRequested();
                insert.Transaction = transaction;
                parameters[0].Value = a.ArticleId;
                parameters[1].Value = Join(a.Headline, a.Kicker, a.Subheadline);
                parameters[2].Value = Join([.. a.Body, .. a.Captions]);
                parameters[3].Value = Join([a.Byline, .. a.Credits]);
                parameters[4].Value = a.Headline;
                parameters[5].Value = PeerQuery.DateKey(a.Date);
                parameters[6].Value = a.PageName;
                parameters[7].Value = a.PageLabel;
                insert.ExecuteNonQuery();
                if (++count % RowsPerTransaction == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    progress.Report(count);
                }
            }

            transaction.Commit();
        }
        finally
        {
            transaction.Dispose();
        }

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        progress.Report(count);
    }

    public long SizeOnDisk() =>
        new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public IQueryClient OpenClient() => new Client(_file);

    public void Dispose() => SqliteConnection.ClearAllPools();

    private static string Join(params string?[] parts) => string.Join('\n', parts.OfType<string>());

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class Client : IQueryClient
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<BenchQuery, SqliteCommand> _commands = new(ReferenceEqualityComparer.Instance);

        public Client(string file)
        {
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = file,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            _connection.Open();
        }

        public IReadOnlyList<int> Run(BenchQuery query)
        {
            if (!_commands.TryGetValue(query, out var command))
            {
                command = Prepare(query);
                _commands.Add(query, command);
            }

            var ids = new List<int>(query.Lucene.PageSize);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt32(0));
                _ = reader.GetString(1);
                _ = reader.GetInt32(2);
                _ = reader.IsDBNull(3) ? null : reader.GetString(3);
            }

            return ids;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }

        private SqliteCommand Prepare(BenchQuery query)
        {
            var command = _connection.CreateCommand();
            var peer = query.Peer;
            command.CommandText = peer.Match is null
                ? $"SELECT rowid, headline, date, substr(body, 1, 80) FROM docs WHERE {peer.Where} ORDER BY date DESC LIMIT $k"
                : "SELECT rowid, headline, date, snippet(docs, 1, '<mark>', '</mark>', '…', 16) FROM docs WHERE docs MATCH $q"
                    + (peer.Where is null ? "" : $" AND {peer.Where}") + " ORDER BY rank LIMIT $k";
            if (peer.Match is not null)
            {
                command.Parameters.AddWithValue("$q", peer.Match);
            }

            command.Parameters.AddWithValue("$k", query.Lucene.PageSize);
            command.Prepare();
            return command;
        }
    }
}
