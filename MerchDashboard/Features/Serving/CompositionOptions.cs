using System.ComponentModel.DataAnnotations;
using MerchDashboard.Engine.Composition;

namespace MerchDashboard.Features.Serving;

/// <summary>
/// Bound from <c>Composition</c>: when two products of the same leaf category count as bought together
/// (complements) rather than alternatives, for categories set to "decide by evidence". A pair below either
/// threshold is treated as substitutes and left out of the list (docs/composition.md).
/// </summary>
public sealed class CompositionOptions
{
    public const string Section = "Composition";

    /// <summary>Lowest lift (co-purchases divided by what independent purchases would give) of a same-category complement.</summary>
    [Range(1.0, 1_000_000.0)]
    public double SameCategoryMinLift { get; set; } = SameCategoryEvidence.Default.MinLift;

    /// <summary>Fewest orders containing both products of a same-category complement.</summary>
    [Range(1, int.MaxValue)]
    public int SameCategoryMinOrders { get; set; } = SameCategoryEvidence.Default.MinCoPurchases;

    public SameCategoryEvidence ToEvidence() => new(SameCategoryMinLift, SameCategoryMinOrders);
}
