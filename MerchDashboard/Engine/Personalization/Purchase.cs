namespace MerchDashboard.Engine.Personalization;

/// <summary>
/// One line of purchase history, as compact as the models need. The customer key is any stable number per
/// customer; <see cref="At"/> is UTC. The lines of one order share the customer and the time, so an order is
/// identified by (<see cref="CustomerKey"/>, <see cref="At"/>).
/// </summary>
public readonly record struct Purchase(int CustomerKey, int ProductId, DateTime At, int Quantity);
