using System.ComponentModel.DataAnnotations;

namespace MerchDashboard.Features.Preview;

/// <summary>Bound from <c>CartEvaluation</c>: the budget of the offline evaluation's cart part.</summary>
public sealed class CartEvaluationOptions
{
    public const string Section = "CartEvaluation";

    /// <summary>
    /// Most held-out carts scored (one per item of each held-out order with 3+ distinct items). Each costs
    /// two compositions per cart item. Past it, whole orders are skipped and the page says how many cases.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxCases { get; set; } = 20_000;
}
