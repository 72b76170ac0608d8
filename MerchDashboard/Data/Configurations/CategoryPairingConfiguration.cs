using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MerchDashboard.Data.Configurations;

internal sealed class CategoryPairingConfiguration : IEntityTypeConfiguration<CategoryPairingSetting>
{
    public void Configure(EntityTypeBuilder<CategoryPairingSetting> builder)
    {
        builder.ToTable("CategoryPairings");
        builder.HasKey(s => s.CategoryId);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.HasOne(s => s.Category).WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
