using Broadsheet.Core.Model;
using Broadsheet.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Data.Configurations;

internal sealed class PublicationGrantConfiguration : IEntityTypeConfiguration<PublicationGrant>
{
    public void Configure(EntityTypeBuilder<PublicationGrant> builder)
    {
        builder.ToTable("PublicationGrants");
        builder.HasKey(g => new { g.UserId, g.PublicationId });
        builder.HasOne<DeskUser>().WithMany(u => u.Publications).HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Publication>().WithMany().HasForeignKey(g => g.PublicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ArticleId);
        builder.Property(r => r.By).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(500).IsRequired();
        builder.Ignore(r => r.Diff);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.User).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.PublicationSlug).HasMaxLength(64);
        builder.Property(e => e.Subject).HasMaxLength(500).IsRequired();
        builder.HasIndex(e => e.PublicationSlug);
    }
}

internal sealed class EditionUndoConfiguration : IEntityTypeConfiguration<EditionUndo>
{
    public void Configure(EntityTypeBuilder<EditionUndo> builder)
    {
        builder.ToTable("EditionUndos");
        builder.HasKey(u => u.Id);
        builder.HasOne<Edition>().WithMany().HasForeignKey(u => u.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.EditionId);
        builder.Property(u => u.By).HasMaxLength(256).IsRequired();
        builder.Property(u => u.Summary).HasMaxLength(500).IsRequired();
        builder.Property(u => u.State).IsRequired();
    }
}
