using System.Globalization;
using Bunit;
using MudBlazor.Services;

namespace MerchDashboard.Tests.TestSupport;

/// <summary>A bUnit context with MudBlazor registered once, loose JS interop, and the en-US culture.</summary>
public abstract class MudBunitContext : BunitContext
{
    // bUnit waits one second by default; two cores running the whole suite (browsers, PostgreSQL, mining)
    // render slower than that now and then, and a render that arrives late is not a failure.
    static MudBunitContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected MudBunitContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>Renders the providers MudBlazor's popovers, menus and dialogs need.</summary>
    protected void RenderMudProviders() => Render<MudBlazor.MudPopoverProvider>();
}
