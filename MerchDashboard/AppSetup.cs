using System.Globalization;
using MerchDashboard.Components;
using MerchDashboard.Data;
using MerchDashboard.Features;
using MerchDashboard.Features.Account;
using MerchDashboard.Features.Data;
using MerchDashboard.Features.DemoShop;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Mining;
using MerchDashboard.Features.Serving;
using MerchDashboard.Features.Storefront;
using MerchDashboard.Features.Store;
using MerchDashboard.Hosting;
using MudBlazor.Services;

namespace MerchDashboard;

/// <summary>The web app's composition: one call per area, so Program.cs reads as a table of contents.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddMerchDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddMerchHosting();
        builder.Services.AddMerchData();
        builder.Services.AddMerchAccounts();
        builder.Services.AddStorefrontApi();
        builder.Services.AddFeatures();
        if (!builder.Environment.IsDevelopment())
        {
            // The built dll run outside Development serves no static web assets without this.
            builder.WebHost.UseStaticWebAssets();
        }
        return builder;
    }

    public static WebApplication UseMerchDashboard(this WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        app.UseMerchForwardedHeaders();
        // The storefront API leaves here for a lean pipeline of its own (StorefrontPipeline: CORS, API keys, rate limits,
        // ProblemDetails); routing is called explicitly after it so the app's matcher never runs for API requests.
        app.UseStorefrontApiBranch();
        app.UseRouting();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStoreCulture();
        app.UseMerchErrorResponses();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapStorefrontApi();
        app.MapDemoShop();
        app.MapDataExports();
        app.MapExperimentExports();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        // Options marked ValidateOnStart are checked before the database is touched, not only when the host starts.
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        var demoLoaded = await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        var storeSettings = app.Services.GetRequiredService<StoreSettings>();
        await storeSettings.LoadAsync(app.Lifetime.ApplicationStopping);
        if (demoLoaded)
        {
            await storeSettings.MarkDemoStoreAsync(true, app.Lifetime.ApplicationStopping);
        }
        await app.Services.GetRequiredService<AccountInitializer>().InitializeAsync(demoLoaded);
        var snapshots = app.Services.GetRequiredService<StoreSnapshotService>();
        var mining = app.Services.GetRequiredService<MiningJob>();
        await mining.RecoverInterruptedRunsAsync(app.Lifetime.ApplicationStopping);
        if (!await mining.HasCurrentRunAsync(app.Lifetime.ApplicationStopping))
        {
            await mining.RunAsync("first start", app.Lifetime.ApplicationStopping);
        }
        await snapshots.ReloadAllAsync(app.Lifetime.ApplicationStopping);
    }
}
