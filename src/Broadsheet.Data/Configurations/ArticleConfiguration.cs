using Broadsheet.Core.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Broadsheet.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.EditionId, a.Order });
        builder.Property(a => a.Kicker).HasMaxLength(500);
        builder.Property(a => a.Headline).HasMaxLength(500).IsRequired();
        builder.Property(a => a.Subheadline).HasMaxLength(500);
        builder.Property(a => a.Byline).HasMaxLength(500);
        builder.Ignore(a => a.Paragraphs);
        builder.Property(a => a.Body).HasColumnName("Paragraphs").HasConversion(new ParagraphsConverter(), ParagraphsConverter.Comparer).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(a => a.DisplayTitle);
        builder.Property(a => a.CorrectionNote).HasMaxLength(4000);

        builder.HasMany(a => a.Regions).WithOne(r => r.Article).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Regions).HasField("_regions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Images).WithOne(i => i.Article).HasForeignKey(i => i.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Images).HasField("_images").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ArticleRegionConfiguration : IEntityTypeConfiguration<ArticleRegion>
{
    public void Configure(EntityTypeBuilder<ArticleRegion> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Polygon).IsRequired();
        // Pages and articles share the edition as their parent; the cascade comes through the article.
        builder.HasOne(r => r.Page).WithMany().HasForeignKey(r => r.PageId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(r => r.PageId);
    }
}

internal sealed class ArticleImageConfiguration : IEntityTypeConfiguration<ArticleImage>
{
    public void Configure(EntityTypeBuilder<ArticleImage> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Polygon).IsRequired();
        builder.Property(i => i.Caption).HasMaxLength(2000);
        builder.Property(i => i.Credit).HasMaxLength(200);
        builder.Property(i => i.PhotoKey).HasMaxLength(300);
        builder.HasOne(i => i.Page).WithMany().HasForeignKey(i => i.PageId).OnDelete(DeleteBehavior.NoAction);
    }
}
