using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Data.Configurations;

internal sealed class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne(e => e.Publication).WithMany().HasForeignKey(e => e.PublicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.PublicationId, e.Date, e.Number }).IsUnique();
        builder.HasIndex(e => new { e.PublicationId, e.Status, e.Date });
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(e => e.Pages).WithOne(p => p.Edition).HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Pages).HasField("_pages").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(e => e.Articles).WithOne(a => a.Edition).HasForeignKey(a => a.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Articles).HasField("_articles").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
