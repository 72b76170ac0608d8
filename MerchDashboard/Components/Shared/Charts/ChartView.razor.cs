using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace MerchDashboard.Components.Shared.Charts;

/// <summary>A Chart.js chart with an accessible data-table view and a CSV download, driven by a <see cref="ChartSpec"/>.</summary>
public partial class ChartView
{
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public ChartSpec Spec { get; set; } = default!;
    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter] public string? Description { get; set; }
    [Parameter] public string TestId { get; set; } = "chart";
    [Parameter] public int Height { get; set; } = 280;

    private ElementReference _canvas;
    private IJSObjectReference? _module;
    private ChartSpec? _drawn;
    private bool _showTable;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (ReferenceEquals(_drawn, Spec) || !RendererInfo.IsInteractive)
        {
            return;
        }
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/charts.js");
        await _module.InvokeVoidAsync("render", _canvas, ChartJsConfig.From(Spec, CultureInfo.CurrentCulture));
        _drawn = Spec;
    }

    private async Task DownloadAsync()
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/charts.js");
        var fileName = string.Concat(Title.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-') + ".csv";
        await _module.InvokeVoidAsync("download", fileName, ChartTable.ToCsv(Spec, CultureInfo.CurrentCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }
        try
        {
            await _module.InvokeVoidAsync("dispose", _canvas);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone with the page; nothing left to clean up in the browser.
        }
        GC.SuppressFinalize(this);
    }
}
