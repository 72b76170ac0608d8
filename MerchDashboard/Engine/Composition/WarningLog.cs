using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>
/// Collects the editor-facing warnings of one composition, and tallies why mined candidates were left out
/// so that a short list can say why (<see cref="ShortfallReasons"/>). Allocates only when there is something to keep.
/// </summary>
internal sealed class WarningLog
{
    private List<string>? _messages;
    private int[]? _dropped;

    public IReadOnlyList<string> Messages => _messages ?? (IReadOnlyList<string>)[];

    public void Add(string message) => (_messages ??= []).Add(message);

    /// <summary>Counts one mined candidate left out for <paramref name="kind"/>.</summary>
    public void Tally(ShortfallKind kind) => (_dropped ??= new int[ShortfallReasons.KindCount])[(int)kind]++;

    public int Tallied(ShortfallKind kind) => _dropped is null ? 0 : _dropped[(int)kind];

    public static string Describe(ProductInfo product) => $"{product.Name} ({product.Sku})";

    public static string Unavailability(ProductInfo product) => product.IsActive ? "out of stock" : "inactive";
}
