namespace MerchDashboard.Data.Entities;

/// <summary>The experiment arm a customer is assigned to; orders carry the arm of their customer.</summary>
public enum ExperimentArm
{
    Control = 0,
    CrossSell = 1,
    Personalization = 2,
    Both = 3,
}

/// <summary>Which storefront widget sold an order line.</summary>
public enum LineSource
{
    Organic = 0,
    CrossSell = 1,
    Personalized = 2,
}

public sealed class Customer
{
    public int Id { get; set; }
    public required string ExternalId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string City { get; set; } = "";
    public ExperimentArm Arm { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Order
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public int? CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>UTC.</summary>
    public DateTime PlacedAt { get; set; }
    public ExperimentArm Arm { get; set; }
    /// <summary>Sum of quantity x unit price of the lines, stored so dashboards aggregate orders without joining lines.</summary>
    public decimal Revenue { get; set; }
    public int Units { get; set; }
    /// <summary>Stored and counted in revenue, but not a shopper's basket (a wholesale or internal order): mining skips it.</summary>
    public bool ExcludedFromMining { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
}

public sealed class OrderLine
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public Order? Order { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public LineSource Source { get; set; }
}
