using System.CommandLine;
using MerchDashboard.Data.Import;
using MerchDashboard.Data.Import.Cleaning;
using MerchDashboard.Engine.Mining;

namespace MerchDashboard.Cli;

/// <summary>The input, threshold and output options shared by <c>rules</c> and <c>itemsets</c>.</summary>
internal sealed class MiningInput
{
    public Option<string?> Baskets { get; } = Verb.Option<string?>("--baskets", "A basket file: one basket per line, items separated by commas, no header");
    public Option<string?> Orders { get; } = Verb.Option<string?>("--orders", "An orders CSV; a basket is the items of one order");
    public OrderFileInput OrderFile { get; } = new();
    public Option<double?> MinSupport { get; } = Verb.Option<double?>("--min-support", "Minimum support in (0, 1]: frequent when count >= ceil(S x N)");
    public Option<int?> MinCount { get; } = Verb.Option<int?>("--min-count", "Minimum count (with --min-support, the stricter wins; with neither, 1)");
    public Option<string> Output { get; } = Verb.Option("--output", "csv or json", "csv");
    public Option<string?> Out { get; } = Verb.Option<string?>("--out", "Output file (default: standard output)");

    public IEnumerable<Option> All => [Baskets, Orders, .. OrderFile.All, MinSupport, MinCount, Output, Out];

    public static MiningSettings Validated(MiningSettings settings) =>
        settings.Validate() is { Count: > 0 } reasons ? throw new CliUserException(string.Join("; ", reasons)) : settings;

    public bool Json(VerbContext context) => context.Get(Output) switch
    {
        "csv" => false,
        "json" => true,
        var other => throw new CliUserException($"--output '{other}' is not csv or json"),
    };

    /// <summary>Reads the baskets named on the command line; problems become a <see cref="CliUserException"/>.</summary>
    public LabelledBaskets Load(VerbContext context, CancellationToken cancellationToken)
    {
        var (baskets, orders) = (context.Get(Baskets), context.Get(Orders));
        if ((baskets is null) == (orders is null))
        {
            throw new CliUserException("give exactly one of --baskets FILE or --orders FILE");
        }
        if (orders is not null)
        {
            return BasketsOf(OrderFile.Load(context, orders, cancellationToken));
        }
        var progress = new ConsoleProgress<double>(context.Error, p => $"reading: {p:P0}");
        var result = BasketFileReader.Read(baskets!, progress, cancellationToken);
        progress.Done();
        return result.Baskets ?? throw new CliUserException(string.Join(Environment.NewLine, result.Problems));
    }

    /// <summary>One basket per order (in file order) with its distinct SKUs; orders set apart from mining are left out.</summary>
    public static LabelledBaskets BasketsOf(CleanedOrders cleaned)
    {
        var encoder = new SkuBasketBuilder();
        foreach (var order in cleaned.Orders.Where(o => !o.ExcludedFromMining))
        {
            foreach (var line in order.Lines)
            {
                encoder.AddItem(line.Sku);
            }
            encoder.EndBasket();
        }
        return encoder.Build();
    }

    /// <summary>Runs <paramref name="write"/> against the --out file, or standard output.</summary>
    public void Write(VerbContext context, Action<TextWriter> write)
    {
        if (context.Get(Out) is not { } path)
        {
            write(context.Out);
            context.Out.Flush();
            return;
        }
        try
        {
            using var file = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16);
            write(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUserException($"cannot write '{path}': {ex.Message}");
        }
    }
}
