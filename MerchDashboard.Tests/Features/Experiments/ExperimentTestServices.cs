using MerchDashboard.Features.Experiments;
using MerchDashboard.Tests.Features.Dashboards;
using MerchDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace MerchDashboard.Tests.Features.Experiments;

/// <summary>The experiment services over a test database, with the dashboard services the reports read.</summary>
public static class ExperimentTestServices
{
    public static IServiceCollection AddExperimentTestServices(this IServiceCollection services, SqliteTestDatabase database)
    {
        // The dashboards' services include the experiments' ones: the comparison tab reads experiments too.
        return services.AddDashboardServices(database);
    }

    public static ExperimentDraft Draft(string name, string arms = "control=25,cross-sell=25,personalization=25,both=25") =>
        new(name, "", arms, PrimaryKpis.Aov, 0.05, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
}
