using MerchDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MerchDashboard.Data.Configurations;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(Experiment.MaxNameLength);
        builder.Property(e => e.Hypothesis).HasMaxLength(Experiment.MaxHypothesisLength);
        builder.Property(e => e.Arms).HasMaxLength(128);
        builder.Property(e => e.PrimaryKpi).HasMaxLength(32);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.HasIndex(e => e.Name).IsUnique();
        // Unique with NULLs allowed on SQLite and PostgreSQL alike: at most one row holds RunningSlot = 1.
        builder.HasIndex(e => e.RunningSlot).IsUnique();
    }
}
