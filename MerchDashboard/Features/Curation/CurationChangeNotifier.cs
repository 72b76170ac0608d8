namespace MerchDashboard.Features.Curation;

/// <summary>
/// Tells every open session and the serving snapshot that a list changed, so they refresh without a
/// reload. In-process; several instances also poll the lists' versions (see the deployment notes).
/// </summary>
public sealed class CurationChangeNotifier
{
    public event Action<int>? ListChanged;

    /// <summary>Raised with no anchor (0) when many lists changed at once (bulk actions, imports, rules).</summary>
    public void Publish(int anchorProductId) => ListChanged?.Invoke(anchorProductId);
}
