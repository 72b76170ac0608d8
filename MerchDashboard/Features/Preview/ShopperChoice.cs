using MerchDashboard.Engine.Catalog;
using MerchDashboard.Engine.Personalization;

namespace MerchDashboard.Features.Preview;

/// <summary>Who the preview shows the page to: the closed set of a built-in persona, a real customer or a hand-built history.</summary>
public abstract record ShopperChoice
{
    private ShopperChoice()
    {
    }

    public static ShopperChoice NewVisitor { get; } = new Persona(PersonaCatalog.NewVisitor.Key);

    public sealed record Persona(string Key) : ShopperChoice;

    public sealed record Customer(string ExternalId, string Name) : ShopperChoice;

    public sealed record HandPicked(IReadOnlyList<int> ProductIds) : ShopperChoice;
}

/// <summary>A customer found by the preview's search.</summary>
public sealed record CustomerOption(string ExternalId, string Name, string City)
{
    public override string ToString() => $"{ExternalId} · {Name}";
}

/// <summary>A shopper ready to preview: the profile the composer reads, and the history behind it, latest first.</summary>
public sealed record PreviewShopper(ShopperChoice Choice, string Label, string Description, ShopperProfile Profile, IReadOnlyList<ProductInfo> History)
{
    public bool HasHistory => History.Count > 0;
}
