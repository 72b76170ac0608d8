using MerchDashboard.Data.Entities;
using MerchDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace MerchDashboard.Tests.Data.Postgres;

public class PostgresBulkWriterTests
{
    [Fact]
    public async Task InsertAsync_ExplicitIds_SequenceContinuesAfterTheLargest()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        Category[] categories = [new() { Id = 7, Code = "a", Name = "A" }, new() { Id = 41, Code = "b", Name = "B" }];
        await using (var db = database.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await database.BulkWriter.InsertAsync(db, categories, null, ct);
            await tx.CommitAsync(ct);
        }

        await using var check = database.CreateDbContext();
        var added = check.Categories.Add(new Category { Code = "c", Name = "C" }).Entity;
        await check.SaveChangesAsync(ct);

        added.Id.ShouldBe(42);
    }

    [Fact]
    public async Task InsertAsync_DefaultIdsDecimalsTagsAndLocalTimes_RoundTripExactlyAsUtc()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var local = new DateTime(2026, 3, 1, 12, 30, 0, DateTimeKind.Unspecified);
        await using (var db = database.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await database.BulkWriter.InsertAsync(db, [new Category { Code = "a", Name = "A" }], null, ct);
            await tx.CommitAsync(ct);
            var category = await db.Categories.SingleAsync(ct);
            await using var tx2 = await db.Database.BeginTransactionAsync(ct);
            await database.BulkWriter.InsertAsync(db, [new Product { Sku = "S", Name = "N", CategoryId = category.Id, Price = 1234.5678m, Tags = ["x", "y"] }], null, ct);
            await database.BulkWriter.InsertAsync(db, [new AppSetting { Key = "k", Value = "v", UpdatedAt = local }], null, ct);
            await tx2.CommitAsync(ct);
        }

        await using var check = database.CreateDbContext();
        var product = await check.Products.SingleAsync(ct);
        product.Id.ShouldBe(1);
        product.Price.ShouldBe(1234.5678m);
        product.Tags.ShouldBe(["x", "y"]);
        var setting = await check.AppSettings.SingleAsync(ct);
        setting.UpdatedAt.ShouldBe(DateTime.SpecifyKind(local, DateTimeKind.Utc));
        setting.UpdatedAt.Kind.ShouldBe(DateTimeKind.Utc);
    }
}
