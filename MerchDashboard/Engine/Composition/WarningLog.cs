using MerchDashboard.Engine.Catalog;

namespace MerchDashboard.Engine.Composition;

/// <summary>Collects the editor-facing warnings of one composition; allocates only when there is one.</summary>
internal sealed class WarningLog
{
    private List<string>? _messages;

    public IReadOnlyList<string> Messages => _messages ?? (IReadOnlyList<string>)[];

    public void Add(string message) => (_messages ??= []).Add(message);

    public static string Describe(ProductInfo product) => $"{product.Name} ({product.Sku})";

    public static string Unavailability(ProductInfo product) => product.IsActive ? "out of stock" : "inactive";
}
