namespace MerchDashboard.Data.Entities;

/// <summary>A node of the two-level category tree: a department (no parent) or a leaf under one.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; set; }
    public List<Category> Children { get; set; } = [];
}

public sealed class Product
{
    public int Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public string Brand { get; set; } = "";
    public int CategoryId { get; set; }
    public Category? Category { get; set; }
    public decimal Price { get; set; }
    /// <summary>Units in stock; null when unknown (a product created from order lines): treated as available.</summary>
    public int? Stock { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Free-form merchandising tags such as <c>needs-batteries</c> or <c>consumable</c>.</summary>
    public List<string> Tags { get; set; } = [];
}
