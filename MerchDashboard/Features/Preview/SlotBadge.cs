using MerchDashboard.Engine.Composition;
using MudBlazor;

namespace MerchDashboard.Features.Preview;

/// <summary>A short label on a slot card saying where the slot comes from.</summary>
public sealed record SlotBadge(string Text, Color Color, string Icon)
{
    public static IReadOnlyList<SlotBadge> For(Slot slot, int lockedSlots)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var badges = new List<SlotBadge>();
        if (slot.Position <= lockedSlots)
        {
            badges.Add(new("Locked", Color.Dark, Icons.Material.Filled.Lock));
        }
        badges.Add(slot.Source switch
        {
            SlotSource.Pinned => new("Pinned", Color.Primary, Icons.Material.Filled.PushPin),
            SlotSource.Manual => new("Added by hand", Color.Primary, Icons.Material.Filled.PanTool),
            SlotSource.Mined => new("Bought together", Color.Success, Icons.Material.Filled.ShoppingBasket),
            SlotSource.Rule => new("Rule", Color.Info, Icons.Material.Filled.Rule),
            _ => new("Fallback", Color.Default, Icons.Material.Filled.TrendingUp),
        });
        if (slot.PersonalizationMoved)
        {
            badges.Add(new("Personalized", Color.Secondary, Icons.Material.Filled.Person));
        }
        return badges;
    }
}
