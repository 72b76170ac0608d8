using System.Globalization;

namespace MerchDashboard.Features.Store;

/// <summary>
/// The one place that decides the formatting culture: every request, and so every Blazor circuit it starts, formats
/// numbers, dates and amounts with the store's culture and currency; interface text stays English.
/// </summary>
public static class StoreCultureMiddleware
{
    private static readonly CultureInfo InterfaceCulture = CultureInfo.GetCultureInfo("en-US");

    public static IServiceCollection AddStoreSettings(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.AddSingleton<StoreSettings>();
        return services;
    }

    public static IApplicationBuilder UseStoreCulture(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<StoreSettings>();
        return app.Use(async (context, next) =>
        {
            CultureInfo.CurrentCulture = settings.Culture;
            CultureInfo.CurrentUICulture = InterfaceCulture;
            await next(context);
        });
    }
}
