using MerchDashboard.Data;
using MerchDashboard.Data.Import;
using MerchDashboard.Features.Curation;
using MerchDashboard.Features.Dashboards;
using MerchDashboard.Features.Experiments;
using MerchDashboard.Features.Serving;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MerchDashboard.Tests.Features.Dashboards;

/// <summary>
/// A seven-order store with known figures. Composed lists (no mining run): RC-1 and RC-2 get BAT-1 (complement rule)
/// and KIT-1 (department fill); KIT-1 gets RC-1 and RC-2; BAT-1 has no list. Arms: C1, C5 control; C2 cross-sell;
/// C3 personalization; C4 both.
/// </summary>
public static class DashboardTestStore
{
    public static StoreFiles Files() => new()
    {
        Categories = ImportSource.FromText("categories.csv", """
            code,name,parent_code
            toys,Toys,
            rc-cars,RC cars,toys
            kits,Kits,toys
            power,Power,
            batteries,Batteries,power
            """),
        Products = ImportSource.FromText("products.csv", """
            sku,name,brand,category_code,price,stock,active,tags
            RC-1,Turbo Racer,Zoomix,rc-cars,30.00,10,true,needs-batteries
            RC-2,Mud Crawler,Zoomix,rc-cars,50.00,10,true,needs-batteries
            KIT-1,Robot Kit,Brixo,kits,20.00,10,true,
            BAT-1,AA Batteries,Voltix,batteries,5.00,100,true,consumable
            """),
        Customers = ImportSource.FromText("customers.csv", """
            customer_id,name,email,city,arm,created_at
            C1,Ada,ada@example.com,Leeds,control,2025-01-01
            C2,Ben,ben@example.com,York,cross-sell,2025-01-01
            C3,Cy,cy@example.com,Hull,personalization,2025-01-01
            C4,Di,di@example.com,Bath,both,2025-01-01
            C5,Ed,ed@example.com,Ely,control,2025-01-01
            """),
        Orders = ImportSource.FromText("orders.csv", """
            order_id,customer_id,ordered_at,sku,quantity,unit_price,product_name,category,source
            O1,C1,2025-01-06T10:00:00Z,RC-1,1,30.00,,,organic
            O1,C1,2025-01-06T10:00:00Z,BAT-1,2,5.00,,,cross-sell
            O2,C2,2025-01-08T10:00:00Z,RC-2,1,50.00,,,organic
            O3,C2,2025-02-03T10:00:00Z,RC-2,1,50.00,,,organic
            O3,C2,2025-02-03T10:00:00Z,BAT-1,1,5.00,,,cross-sell
            O4,C3,2025-02-10T10:00:00Z,KIT-1,1,20.00,,,organic
            O5,C4,2025-03-03T10:00:00Z,KIT-1,2,20.00,,,personalized
            O5,C4,2025-03-03T10:00:00Z,RC-1,1,30.00,,,cross-sell
            O6,C5,2025-03-10T10:00:00Z,BAT-1,4,5.00,,,organic
            O7,C1,2025-03-17T10:00:00Z,RC-1,1,30.00,,,organic
            """),
        ComplementRules = ImportSource.FromText("complement-rules.csv", """
            source_category,source_tag,target_category,note
            ,needs-batteries,batteries,Ships without batteries
            """),
    };

    /// <summary>Registers the dashboard services over a database; load the snapshot before use.</summary>
    public static IServiceCollection AddDashboardServices(this IServiceCollection services, SqliteTestDatabase database)
    {
        services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<CurationChangeNotifier>();
        services.AddSingleton<StoreSnapshotLoader>();
        services.AddSingleton<StoreSnapshotService>();
        services.AddSingleton<OrderFactsLoader>();
        services.AddSingleton(new SnapshotCache(Options.Create(new SnapshotCacheOptions())));
        services.AddSingleton<OrderFactsStore>();
        services.AddSingleton<DashboardQueries>();
        services.AddOptions<ExperimentOptions>();
        services.AddSingleton<ExperimentAssignment>();
        services.AddSingleton<ExperimentPlanner>();
        services.AddSingleton<ExperimentCommands>();
        services.AddSingleton<ExperimentReports>();
        return services;
    }
}
