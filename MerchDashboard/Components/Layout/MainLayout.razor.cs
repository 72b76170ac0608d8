using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace MerchDashboard.Components.Layout;

public partial class MainLayout : IAsyncDisposable
{
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The theme cookie as the server read it when the page loaded (App passes it down through Routes).</summary>
    [CascadingParameter(Name = ThemePreference.CookieName)] private string? ThemeCookie { get; set; }

    private bool _drawerOpen = true;
    private ErrorBoundary? _errorBoundary;
    private MudThemeProvider? _themeProvider;
    private ThemePreference _themePreference = ThemePreference.Default;
    private IJSObjectReference? _themeModule;

    protected override void OnInitialized() => _themePreference = ThemePreference.Parse(ThemeCookie);

    protected override void OnParametersSet() => _errorBoundary?.Recover();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive || _themeProvider is null)
        {
            return;
        }
        await _themeProvider.WatchSystemDarkModeAsync(SystemDarkModeChangedAsync);
        await SystemDarkModeChangedAsync(await _themeProvider.GetSystemDarkModeAsync());
    }

    private Task SystemDarkModeChangedAsync(bool dark) =>
        dark == _themePreference.SystemDark ? Task.CompletedTask : ApplyAsync(_themePreference with { SystemDark = dark });

    private async Task ChooseThemeAsync(ThemeChoice choice)
    {
        var systemDark = choice == ThemeChoice.System && _themeProvider is not null
            ? await _themeProvider.GetSystemDarkModeAsync()
            : _themePreference.SystemDark;
        await ApplyAsync(new ThemePreference(choice, systemDark));
    }

    private async Task ApplyAsync(ThemePreference preference)
    {
        var remember = preference.CookieValue != _themePreference.CookieValue;
        var restyle = preference.IsDark != _themePreference.IsDark;
        if (remember || restyle)
        {
            _themeModule ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/theme.js");
        }
        // The cookie is written before the page changes colour, so a reload right after the change keeps it.
        if (remember)
        {
            await _themeModule!.InvokeVoidAsync("remember", ThemePreference.CookieName, preference.CookieValue, ThemePreference.CookieMaxAgeDays);
        }
        _themePreference = preference;
        await InvokeAsync(StateHasChanged);
        if (restyle)
        {
            await _themeModule!.InvokeVoidAsync("restyleCharts");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_themeModule is not null)
        {
            try
            {
                await _themeModule.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit closed with the page: nothing to release in the browser.
            }
        }
        GC.SuppressFinalize(this);
    }
}
