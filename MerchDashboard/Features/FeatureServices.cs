using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Features.Home;
using MerchDashboard.Features.Serving;

namespace MerchDashboard.Features;

public static class FeatureServices
{
    /// <summary>Each feature slice registers its queries and commands here.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton<StoreOverviewQueries>();
        services.AddSingleton<CurationChangeNotifier>();
        services.AddSingleton<CurationCommands>();
        services.AddSingleton<StoreSnapshotLoader>();
        services.AddSingleton<StoreSnapshotService>();
        services.AddSingleton<RecommendationService>();
        services.AddSingleton<OrderFactsLoader>();
        services.AddSingleton<OrderFactsStore>();
        services.AddSingleton<DashboardQueries>();
        return services;
    }
}
