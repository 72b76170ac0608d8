using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MerchDashboard.Data.Configurations;

internal sealed class MiningRunConfiguration : IEntityTypeConfiguration<MiningRun>
{
    public void Configure(EntityTypeBuilder<MiningRun> builder)
    {
        builder.Property(r => r.Trigger).HasMaxLength(64);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.Warning).HasMaxLength(1000);
        builder.HasIndex(r => r.IsCurrent);
    }
}

internal sealed class MinedPairConfiguration : IEntityTypeConfiguration<MinedPair>
{
    public void Configure(EntityTypeBuilder<MinedPair> builder)
    {
        builder.HasIndex(p => new { p.RunId, p.AnchorProductId, p.Rank });
        builder.HasOne<MiningRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinedBundleConfiguration : IEntityTypeConfiguration<MinedBundle>
{
    public void Configure(EntityTypeBuilder<MinedBundle> builder)
    {
        builder.Property(b => b.ItemIds).HasMaxLength(200);
        builder.HasIndex(b => new { b.RunId, b.AnchorProductId, b.Rank });
        builder.HasOne<MiningRun>().WithMany().HasForeignKey(b => b.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<AppSetting>
{
    public void Configure(EntityTypeBuilder<AppSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(128);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.Property(k => k.Scopes).HasMaxLength(100).HasDefaultValue("storefront");
        builder.Property(k => k.AllowedOrigins).HasMaxLength(ApiKey.MaxAllowedOriginsLength).HasDefaultValue("");
        builder.HasIndex(k => k.Name).IsUnique();
        builder.HasIndex(k => k.Hash).IsUnique();
    }
}

internal sealed class StorefrontEventConfiguration : IEntityTypeConfiguration<StorefrontEvent>
{
    public void Configure(EntityTypeBuilder<StorefrontEvent> builder)
    {
        builder.Property(e => e.RecommendationId).HasMaxLength(64);
        builder.Property(e => e.Source).HasMaxLength(16);
        builder.Property(e => e.CustomerId).HasMaxLength(64);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.RecommendationId);
        builder.Property(e => e.VisitorId).HasMaxLength(64);
        builder.Property(e => e.OrderId).HasMaxLength(64);
        builder.HasIndex(e => e.ExperimentId);
    }
}
