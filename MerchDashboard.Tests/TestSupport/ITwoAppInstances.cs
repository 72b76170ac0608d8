namespace MerchDashboard.Tests.TestSupport;

/// <summary>Two app instances on one database, for tests of what one instance or the command line writes and both serve.</summary>
public interface ITwoAppInstances
{
    MerchAppFactory A { get; }

    MerchAppFactory B { get; }

    /// <summary>The command-line options that name the instances' database.</summary>
    IReadOnlyList<string> CliDatabaseArguments { get; }

    void SkipUnlessAvailable();
}
