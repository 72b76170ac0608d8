using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MerchDashboard.Data.Configurations;

internal sealed class CuratedListConfiguration : IEntityTypeConfiguration<CuratedList>
{
    public void Configure(EntityTypeBuilder<CuratedList> builder)
    {
        builder.HasIndex(l => l.AnchorProductId).IsUnique();
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Property(l => l.Note).HasMaxLength(1000);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        builder.HasOne(l => l.AnchorProduct).WithMany().HasForeignKey(l => l.AnchorProductId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Overrides).WithOne(o => o.CuratedList).HasForeignKey(o => o.CuratedListId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.LockedSlots).WithOne(s => s.CuratedList).HasForeignKey(s => s.CuratedListId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LockedSlotConfiguration : IEntityTypeConfiguration<LockedSlot>
{
    public void Configure(EntityTypeBuilder<LockedSlot> builder)
    {
        builder.HasIndex(s => new { s.CuratedListId, s.Position });
        builder.HasOne(s => s.Product).WithMany().HasForeignKey(s => s.ProductId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CurationOverrideConfiguration : IEntityTypeConfiguration<CurationOverride>
{
    public void Configure(EntityTypeBuilder<CurationOverride> builder)
    {
        builder.Property(o => o.Note).HasMaxLength(1000);
        builder.Property(o => o.CreatedBy).HasMaxLength(256);
        builder.HasOne(o => o.Product).WithMany().HasForeignKey(o => o.ProductId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplementRuleConfiguration : IEntityTypeConfiguration<ComplementRule>
{
    public void Configure(EntityTypeBuilder<ComplementRule> builder)
    {
        builder.Property(r => r.SourceTag).HasMaxLength(64);
        builder.Property(r => r.Note).HasMaxLength(1000);
        builder.HasOne(r => r.SourceCategory).WithMany().HasForeignKey(r => r.SourceCategoryId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.TargetCategory).WithMany().HasForeignKey(r => r.TargetCategoryId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.User).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.HasIndex(a => new { a.AnchorProductId, a.At });
        builder.HasIndex(a => a.At);
    }
}
