using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MerchDashboard.Features.Experiments;

public partial class ExperimentDetail
{
    [Inject] private ExperimentCommands Commands { get; set; } = default!;
    [Inject] private ExperimentReports Reports { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public ExperimentSummary Experiment { get; set; } = default!;
    [Parameter] public EventCallback Changed { get; set; }

    private ExperimentReport? _report;
    private string? _error;
    private bool _busy;

    protected override async Task OnParametersSetAsync() => (_report, _error) = await Reports.ReportAsync(Experiment.Name, CancellationToken.None);

    private Task StartAsync() => ChangeAsync(Commands.StartAsync, "started");

    private Task PauseAsync() => ChangeAsync(Commands.PauseAsync, "paused");

    private Task StopAsync() => ChangeAsync(Commands.StopAsync, "stopped");

    private async Task ChangeAsync(Func<string, CancellationToken, Task<string?>> change, string done)
    {
        _busy = true;
        try
        {
            _error = await change(Experiment.Name, CancellationToken.None);
            if (_error is null)
            {
                Snackbar.Add($"'{Experiment.Name}' {done}.", Severity.Success);
                await Changed.InvokeAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
