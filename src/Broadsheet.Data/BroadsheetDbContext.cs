using Broadsheet.Core.Model;
using Broadsheet.Data.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Data;

/// <summary>
/// The relational store of publications, editions, pages and articles, and the desk's accounts; provider-neutral.
/// Not sealed only so that <see cref="Postgres.PostgresMigrationsContext"/> can carry PostgreSQL's own migrations.
/// </summary>
public class BroadsheetDbContext : IdentityDbContext<DeskUser>, IDataProtectionKeyContext
{
    public BroadsheetDbContext(DbContextOptions<BroadsheetDbContext> options)
        : base(options)
    {
    }

    private protected BroadsheetDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<Edition> Editions => Set<Edition>();

    public DbSet<Page> Pages => Set<Page>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleRegion> ArticleRegions => Set<ArticleRegion>();

    public DbSet<ArticleImage> ArticleImages => Set<ArticleImage>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>How the articles of the desk's latest structural changes were before them, to undo them.</summary>
    public DbSet<EditionUndo> EditionUndos => Set<EditionUndo>();

    public DbSet<PublicationGrant> PublicationGrants => Set<PublicationGrant>();

    /// <summary>Readers' flags on articles, the desk's queue.</summary>
    public DbSet<ReaderReport> ReaderReports => Set<ReaderReport>();

    /// <summary>The old e-paper site's addresses and the permalinks they redirect to (<c>broadsheet migrate-site</c>).</summary>
    public DbSet<OldLink> OldLinks => Set<OldLink>();

    /// <summary>The keys of sign-in cookies and antiforgery tokens when several web nodes share them (PostgreSQL).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Editions changed since the search index last caught up (see <see cref="Core.Ports.ISearchFeed"/>).</summary>
    internal DbSet<Search.SearchOutboxEntry> SearchOutbox => Set<Search.SearchOutboxEntry>();

    /// <summary>The desk's uploads being imported, shared by every web node (see <see cref="Core.Ports.IImportJobStore"/>).</summary>
    internal DbSet<Imports.ImportJobRow> ImportJobs => Set<Imports.ImportJobRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BroadsheetDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Polygon>().HaveConversion<PolygonConverter>();
        if (Database.IsNpgsql())
        {
            // timestamptz holds an instant, and Npgsql writes only offset-zero values: store every time as UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Postgres.UtcConverter>();
        }
    }
}
