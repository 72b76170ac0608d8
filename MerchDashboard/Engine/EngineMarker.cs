namespace MerchDashboard.Engine;

/// <summary>Pure C# domain logic: no database, no web framework, no UI.</summary>
internal static class EngineMarker;
