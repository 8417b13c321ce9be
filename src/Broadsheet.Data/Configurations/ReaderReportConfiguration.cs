using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Data.Configurations;

internal sealed class ReaderReportConfiguration : IEntityTypeConfiguration<ReaderReport>
{
    public void Configure(EntityTypeBuilder<ReaderReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Publication>().WithMany().HasForeignKey(r => r.PublicationId).OnDelete(DeleteBehavior.Cascade);
        // A report outlives its article (merged away, the edition replaced): the queue still says where it was read.
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.PublicationId, r.ResolvedAt });
        // A report kept before the number was, whose article is gone, can only be taken to be on the day's first edition.
        builder.Property(r => r.EditionNumber).HasDefaultValue(1);
        builder.Property(r => r.PageLabel).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Headline).HasMaxLength(500).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Note).HasMaxLength(ReaderReport.MaxNoteLength);
        builder.Property(r => r.ResolvedBy).HasMaxLength(256);
        builder.Ignore(r => r.IsOpen);
    }
}
