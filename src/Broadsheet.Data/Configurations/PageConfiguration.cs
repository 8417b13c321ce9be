using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Data.Configurations;

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Label).HasMaxLength(8).IsRequired();
        builder.HasIndex(p => new { p.EditionId, p.Label }).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Section).HasMaxLength(20);
        builder.Property(p => p.ImageKey).HasMaxLength(200);
        builder.Property(p => p.PdfKey).HasMaxLength(200);
        builder.Property(p => p.DerivativesKey).HasMaxLength(200);
        builder.Property(p => p.ReviewNote).HasMaxLength(1000);
        builder.Property(p => p.TextSource).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.Size);
    }
}
