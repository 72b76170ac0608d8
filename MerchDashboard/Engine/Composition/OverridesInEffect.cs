using System.Diagnostics;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// Step 1 of the contract: the overrides whose window holds the as-of time, split by kind. Pins and
/// excludes keep their creation order; adds are ordered by <see cref="Add.Order"/> (stable).
/// </summary>
internal sealed record OverridesInEffect(IReadOnlyList<Pin> Pins, IReadOnlyList<Add> Adds, IReadOnlyList<int> Excluded)
{
    private static readonly OverridesInEffect None = new([], [], []);

    public static OverridesInEffect At(IReadOnlyList<Override> overrides, DateTime asOf)
    {
        if (overrides.Count == 0)
        {
            return None;
        }
        List<Pin>? pins = null;
        List<Add>? adds = null;
        List<int>? excluded = null;
        foreach (var item in overrides)
        {
            if (!item.IsInEffectAt(asOf))
            {
                continue;
            }
            switch (item)
            {
                case Pin pin:
                    (pins ??= []).Add(pin);
                    break;
                case Add add:
                    (adds ??= []).Add(add);
                    break;
                case Exclude exclude:
                    (excluded ??= []).Add(exclude.ProductId);
                    break;
                default:
                    throw new UnreachableException($"Unknown override {item.GetType().Name}");
            }
        }
        IReadOnlyList<Add> orderedAdds = adds is null ? [] : [.. adds.OrderBy(add => add.Order)];
        return new OverridesInEffect(pins ?? (IReadOnlyList<Pin>)[], orderedAdds, excluded ?? (IReadOnlyList<int>)[]);
    }

    public bool IsExcluded(int productId)
    {
        for (var i = 0; i < Excluded.Count; i++)
        {
            if (Excluded[i] == productId)
            {
                return true;
            }
        }
        return false;
    }
}
