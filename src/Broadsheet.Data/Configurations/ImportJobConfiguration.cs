using Broadsheet.Data.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJobRow>
{
    public void Configure(EntityTypeBuilder<ImportJobRow> builder)
    {
        builder.ToTable("ImportJobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasMaxLength(32);
        builder.Property(j => j.Publication).HasMaxLength(64);
        builder.Property(j => j.PublicationName).HasMaxLength(200);
        builder.Property(j => j.Language).HasMaxLength(16);
        builder.Property(j => j.UploadedBy).HasMaxLength(256);
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Node).HasMaxLength(200);
        builder.HasIndex(j => new { j.State, j.QueuedAt });
    }
}
