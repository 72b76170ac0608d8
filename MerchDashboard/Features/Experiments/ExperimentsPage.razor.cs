using MerchDashboard.Data.Entities;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MerchDashboard.Features.Experiments;

public partial class ExperimentsPage
{
    [Inject] private ExperimentCommands Commands { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The experiment whose results are shown; the newest when none is named.</summary>
    [SupplyParameterFromQuery(Name = "name")] public string? Name { get; set; }

    private IReadOnlyList<ExperimentSummary> _experiments = [];
    private bool _creating;

    private ExperimentSummary? Selected => Name is null ? (_experiments.Count > 0 ? _experiments[0] : null) : _experiments.FirstOrDefault(e => e.Name == Name);

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync() => _experiments = await Commands.ListAsync(CancellationToken.None);

    private async Task OnCreatedAsync(ExperimentSummary created)
    {
        _creating = false;
        await ReloadAsync();
        Navigation.NavigateTo($"experiments?name={Uri.EscapeDataString(created.Name)}");
    }

    internal static Color StatusColor(ExperimentStatus status) => status switch
    {
        ExperimentStatus.Running => Color.Success,
        ExperimentStatus.Paused => Color.Warning,
        ExperimentStatus.Stopped => Color.Default,
        _ => Color.Info,
    };
}
