namespace MerchDashboard.Engine.Composition;

/// <summary>
/// A mined suggestion for the anchor, with its pair statistics (anchor -> this product). The mining engine
/// computes <see cref="Score"/>, non-negative, higher is better; the composer takes it as given.
/// </summary>
public sealed record MinedCandidate(int ProductId, int CoPurchaseCount, double Support, double Confidence, double Lift, double Score);
