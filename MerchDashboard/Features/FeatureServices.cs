using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Data;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Features.DemoShop;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Home;
using MerchDashboard.Features.Ingest;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Pipeline;
using MerchDashboard.Features.Preview;
using MerchDashboard.Features.Rules;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Store;

namespace MerchDashboard.Features;

public static class FeatureServices
{
    /// <summary>The mining job and its settings; the command line uses this alone.</summary>
    public static IServiceCollection AddMining(this IServiceCollection services)
    {
        services.AddOptions<MiningOptions>().BindConfiguration(MiningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MiningSettingsStore>();
        services.AddSingleton<MiningJob>();
        services.AddHostedService<MiningShutdown>();
        return services;
    }

    /// <summary>Each feature slice registers its queries and commands here.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddStoreSettings();
        services.AddSingleton<StoreOverviewQueries>();
        services.AddSingleton<CurationChangeNotifier>();
        services.AddSingleton<CurationCommands>();
        services.AddOptions<CompositionOptions>().BindConfiguration(CompositionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CurationApi>();
        services.AddSingleton<StoreSnapshotLoader>();
        services.AddSingleton<CategoryPairingCommands>();
        services.AddSingleton<DataVersionProbe>();
        services.AddSingleton<StoreSnapshotService>();
        services.AddSnapshotCache();
        services.AddPipeline();
        services.AddIngest();
        services.AddSingleton<RecommendationService>();
        services.AddSingleton<SuggestionQueries>();
        services.AddSingleton<BulkCurationCommands>();
        services.AddSingleton<CurationHistoryQueries>();
        services.AddSingleton<ComplementRuleCommands>();
        services.AddMining();
        services.AddSingleton<PreviewShoppers>();
        services.AddSingleton<ProductPagePreviewer>();
        services.AddSingleton<OfflineEvaluationRunner>();
        services.AddOptions<CartEvaluationOptions>().BindConfiguration(CartEvaluationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DataExports>();
        services.AddSingleton<StoreResetCommands>();
        services.AddHostedService<StaleUploadCleaner>();
        services.AddSingleton<OrderFactsLoader>();
        services.AddSingleton<OrderFactsStore>();
        services.AddSingleton<DashboardQueries>();
        services.AddExperiments();
        services.AddDemoShop();
        return services;
    }
}
