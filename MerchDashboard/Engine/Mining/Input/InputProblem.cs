namespace MerchDashboard.Engine.Mining.Input;

/// <summary>Why an input file cannot be mined, down to the line (1-based; 0 for the whole file) and field.</summary>
public sealed record InputProblem(string File, long Line, string Field, string Message)
{
    public override string ToString() =>
        (Line, Field) switch
        {
            (0, _) => $"{File}: {Message}",
            (_, "") => $"{File}, line {Line}: {Message}",
            _ => $"{File}, line {Line}, field '{Field}': {Message}",
        };
}

/// <summary>What a reader skipped; skipped rows are not errors.</summary>
public sealed record ReadReport(long Rows, long Cancellations, long NonPositiveQuantities, long NonPositivePrices, long RowsWithoutCustomer)
{
    public string Summary(int basketCount) =>
        $"read {Rows} rows into {basketCount} baskets; skipped {Cancellations} cancellation rows, "
        + $"{NonPositiveQuantities} with a non-positive quantity, {NonPositivePrices} with a non-positive price; "
        + $"{RowsWithoutCustomer} rows without a customer kept";
}

/// <summary>The baskets read from a file, or the problems that stopped the reading (then <see cref="Baskets"/> is null).</summary>
public sealed record BasketReadResult(TransactionSet? Baskets, IReadOnlyList<InputProblem> Problems, ReadReport Report)
{
    public bool Succeeded => Baskets is not null;

    internal static BasketReadResult Failed(IReadOnlyList<InputProblem> problems, ReadReport? report = null) =>
        new(null, problems, report ?? new ReadReport(0, 0, 0, 0, 0));
}
