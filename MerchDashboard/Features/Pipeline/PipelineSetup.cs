namespace MerchDashboard.Features.Pipeline;

public static class PipelineSetup
{
    /// <summary>The coordinator (one per instance, a hosted service other services signal) and its policy.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PipelineQueries>();
        services.AddSingleton<PipelineCoordinator>();
        services.AddSingleton<IPipelineSignals>(sp => sp.GetRequiredService<PipelineCoordinator>());
        services.AddHostedService(sp => sp.GetRequiredService<PipelineCoordinator>());
        return services;
    }
}
