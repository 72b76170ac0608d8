namespace MerchDashboard.Engine.Clv;

/// <summary>One purchase of a customer: an integer key (the caller maps external ids), its day and amount.</summary>
public readonly record struct ClvTransaction(int CustomerKey, DateOnly Date, double Amount);

/// <summary>
/// A customer's calibration summary in periods: <see cref="Frequency"/> = repeat transactions (the first
/// excluded), <see cref="Recency"/> = first to last transaction, <see cref="T"/> = first transaction to the
/// calibration end, <see cref="MonetaryValue"/> = mean amount of the repeat transactions (0 without any).
/// </summary>
public readonly record struct CustomerRfm(int CustomerKey, int Frequency, double Recency, double T, double MonetaryValue);
