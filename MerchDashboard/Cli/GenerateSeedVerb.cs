using System.CommandLine;
using System.Diagnostics;
using MerchDashboard.Data.Seeding;

namespace MerchDashboard.Cli;

/// <summary><c>generate-seed</c>: write the demo store; with the default options it reproduces seed-data/ byte for byte.</summary>
public static class GenerateSeedVerb
{
    public static Command Create()
    {
        var output = Verb.Option<string>("--out", "Folder to write the store's CSV files into (created if missing)", required: true);
        var seed = Verb.Option("--seed", "Random seed", SeedSettings.DefaultSeed);
        var customers = Verb.Option("--customers", "Number of customers", SeedSettings.DefaultCustomers);
        var orders = Verb.Option("--orders", $"Number of orders (at least one per customer, at most {StoreGenerator.MaxOrdersPerCustomer} per customer)", SeedSettings.DefaultOrders);
        return Verb.Create("generate-seed", "Generate the demo store (catalog, customers, orders, curation), byte for byte reproducible from the seed.",
            [output, seed, customers, orders],
            async (context, ct) =>
            {
                var settings = new SeedSettings { Seed = context.Get(seed), Customers = context.Get(customers), Orders = context.Get(orders) };
                Validate(settings);
                var clock = Stopwatch.StartNew();
                var progress = new ConsoleProgress<double>(context.Error, f => $"Generating orders: {f:P0}");
                var store = StoreGenerator.Generate(settings, progress);
                progress.Done();
                var folder = context.Get(output);
                try
                {
                    await StoreWriter.WriteAsync(store, folder, ct);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliUserException($"cannot write to '{folder}': {ex.Message}");
                }
                await context.Out.WriteLineAsync($"Wrote {store.Categories.Count:N0} categories, {store.Products.Count:N0} products, "
                    + $"{store.Customers.Count:N0} customers, {store.Orders.Count:N0} orders with {store.Orders.Sum(o => o.Lines.Count):N0} lines, "
                    + $"{store.Rules.Count} complement rules, {store.Lists.Count} curated lists with {store.Overrides.Count} overrides "
                    + $"to {Path.GetFullPath(folder)} in {clock.Elapsed.TotalSeconds:N1} s (seed {settings.Seed}).");
                return CommandLine.Success;
            });
    }

    private static void Validate(SeedSettings settings)
    {
        if (settings.Customers < 1)
        {
            throw new CliUserException("--customers must be at least 1");
        }
        if (settings.Orders < settings.Customers)
        {
            throw new CliUserException($"--orders must be at least --customers ({settings.Customers:N0}): every customer places an order");
        }
        if (settings.Orders > (long)settings.Customers * StoreGenerator.MaxOrdersPerCustomer)
        {
            throw new CliUserException($"--orders can be at most {StoreGenerator.MaxOrdersPerCustomer} per customer ({(long)settings.Customers * StoreGenerator.MaxOrdersPerCustomer:N0} for {settings.Customers:N0} customers)");
        }
    }
}
