using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MerchDashboard.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.ExternalId).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(128);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.City).HasMaxLength(128);
        builder.HasIndex(c => c.ExternalId).IsUnique();
        builder.HasIndex(c => c.Name);
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.ExternalId).HasMaxLength(64);
        builder.HasIndex(o => o.ExternalId).IsUnique();
        builder.HasIndex(o => o.PlacedAt);
        builder.HasIndex(o => new { o.CustomerId, o.PlacedAt });
        builder.HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne(l => l.Order).HasForeignKey(l => l.OrderId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.HasIndex(l => l.ProductId);
        builder.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
