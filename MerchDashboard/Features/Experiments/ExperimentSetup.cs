using System.Text;
using MerchDashboard.Features.Account;

namespace MerchDashboard.Features.Experiments;

public static class ExperimentSetup
{
    /// <summary>The command line's share: commands, planner and reports, without the background refresh.</summary>
    public static IServiceCollection AddExperimentServices(this IServiceCollection services)
    {
        services.AddOptions<ExperimentOptions>().BindConfiguration(ExperimentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExperimentAssignment>();
        services.AddSingleton<ExperimentPlanner>();
        services.AddSingleton<ExperimentCommands>();
        services.AddSingleton<ExperimentReports>();
        return services;
    }

    public static IServiceCollection AddExperiments(this IServiceCollection services)
    {
        services.AddExperimentServices();
        services.AddSingleton<ExperimentServing>();
        services.AddHostedService<ExperimentAssignmentRefresher>();
        return services;
    }

    /// <summary>The report as a CSV download, for managers and administrators.</summary>
    public static IEndpointRouteBuilder MapExperimentExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/experiments/export/{name}.csv", async (string name, ExperimentReports reports, CancellationToken ct) =>
        {
            var (report, error) = await reports.ReportAsync(name, ct);
            return report is null
                ? Results.Problem(title: "No report", detail: error, statusCode: StatusCodes.Status404NotFound)
                : Results.File(Encoding.UTF8.GetBytes(ExperimentCsv.Write(report)), "text/csv; charset=utf-8", $"experiment-{name}.csv");
        }).RequireAuthorization(Policies.ManageExperiments).ExcludeFromDescription();
        return app;
    }
}
