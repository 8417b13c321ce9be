using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Data.Configurations;

internal sealed class OldLinkConfiguration : IEntityTypeConfiguration<OldLink>
{
    public void Configure(EntityTypeBuilder<OldLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.HasOne<Publication>().WithMany().HasForeignKey(l => l.PublicationId).OnDelete(DeleteBehavior.Cascade);
        // A request asks by path alone; one path leads to one place.
        builder.HasIndex(l => l.Path).IsUnique();
        builder.HasIndex(l => new { l.PublicationId, l.Date });
        builder.Property(l => l.Path).HasMaxLength(OldLink.MaxPathLength).IsRequired();
        builder.Property(l => l.Target).HasMaxLength(300).IsRequired();
    }
}
