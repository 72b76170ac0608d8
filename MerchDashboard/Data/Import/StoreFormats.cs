using MerchDashboard.Data.Entities;

namespace MerchDashboard.Data.Import;

/// <summary>The columns and the spelled-out values of the store CSV files (described in seed-data/README.md).</summary>
public static class StoreFormats
{
    public static readonly string[] CategoryColumns = ["code", "name", "parent_code"];
    public static readonly string[] ProductColumns = ["sku", "name", "brand", "category_code", "price", "stock", "active", "tags"];
    public static readonly string[] CustomerColumns = ["customer_id", "name", "email", "city", "arm", "created_at"];
    public static readonly string[] OrderColumns = ["order_id", "customer_id", "ordered_at", "sku", "quantity", "unit_price"];
    public static readonly string[] OrderOptionalColumns = ["product_name", "category", "source"];
    public static readonly string[] ComplementRuleColumns = ["source_category", "source_tag", "target_category", "note"];
    public static readonly string[] CuratedListColumns = ["anchor_sku", "mode", "locked_top_n", "note"];
    public static readonly string[] CuratedOverrideColumns = ["anchor_sku", "kind", "sku", "position", "starts_at", "expires_at", "note"];

    public const char TagSeparator = '|';

    public static readonly IReadOnlyDictionary<string, ExperimentArm> Arms = new Dictionary<string, ExperimentArm>
    {
        ["control"] = ExperimentArm.Control,
        ["cross-sell"] = ExperimentArm.CrossSell,
        ["personalization"] = ExperimentArm.Personalization,
        ["both"] = ExperimentArm.Both,
    };

    public static readonly IReadOnlyDictionary<string, LineSource> Sources = new Dictionary<string, LineSource>
    {
        ["organic"] = LineSource.Organic,
        ["cross-sell"] = LineSource.CrossSell,
        ["personalized"] = LineSource.Personalized,
    };

    public static readonly IReadOnlyDictionary<string, ListMode> Modes = new Dictionary<string, ListMode>
    {
        ["auto"] = ListMode.Auto,
        ["curated"] = ListMode.Curated,
        ["locked"] = ListMode.Locked,
        ["locked-top-n"] = ListMode.LockedTopN,
    };

    public static readonly IReadOnlyDictionary<string, OverrideKind> Kinds = new Dictionary<string, OverrideKind>
    {
        ["pin"] = OverrideKind.Pin,
        ["add"] = OverrideKind.Add,
        ["exclude"] = OverrideKind.Exclude,
    };

    public static string Name(ExperimentArm arm) => Arms.First(a => a.Value == arm).Key;
    public static string Name(LineSource source) => Sources.First(s => s.Value == source).Key;
    public static string Name(ListMode mode) => Modes.First(m => m.Value == mode).Key;
    public static string Name(OverrideKind kind) => Kinds.First(k => k.Value == kind).Key;
}
