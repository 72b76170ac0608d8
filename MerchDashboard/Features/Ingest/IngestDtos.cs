namespace MerchDashboard.Features.Ingest;

/// <summary><c>PUT /api/v1/catalog/products</c>: products upserted by SKU, all or nothing.</summary>
public sealed record ProductUpsertRequest(IReadOnlyList<ProductUpsertDto>? Products);

/// <summary>A product as the shop system or PIM sends it; <c>category</c> is an existing category code; <c>active</c> defaults to true.</summary>
public sealed record ProductUpsertDto(string? Sku, string? Name, string? Brand, string? Category, decimal? Price, int? Stock, bool? Active, IReadOnlyList<string>? Tags);

public sealed record ProductUpsertResult(int Created, int Updated, int Unchanged);

/// <summary><c>PATCH /api/v1/catalog/products/{sku}</c>: any of stock, price and active.</summary>
public sealed record ProductPatchRequest(int? Stock, decimal? Price, bool? Active);

public sealed record CatalogProductDto(string Sku, string Name, string Brand, decimal Price, int? Stock, bool Active);

/// <summary><c>POST /api/v1/orders</c> (PRODUCT.md "Request bodies").</summary>
public sealed record OrdersRequest(IReadOnlyList<OrderDto>? Orders);

/// <summary><c>orderedAt</c> is an ISO 8601 time, read as the orders file reads it.</summary>
public sealed record OrderDto(string? OrderId, string? CustomerId, string? OrderedAt, IReadOnlyList<OrderLineDto>? Lines);

public sealed record OrderLineDto(string? Sku, int? Quantity, decimal? UnitPrice);

/// <summary>What a batch did: orders stored now, orders already stored by an earlier call (left as they were), lines stored.</summary>
public sealed record OrdersResult(int Stored, int AlreadyPresent, long LinesStored);
