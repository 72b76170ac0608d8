using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MerchDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiveStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Arm",
                table: "StorefrontEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExperimentId",
                table: "StorefrontEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrderId",
                table: "StorefrontEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitorId",
                table: "StorefrontEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllowedOrigins",
                table: "ApiKeys",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Experiments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hypothesis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Arms = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PrimaryKpi = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MinimumEffect = table.Column<double>(type: "REAL", nullable: false),
                    PlannedSamplePerArm = table.Column<long>(type: "INTEGER", nullable: true),
                    PlannedStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlannedEnd = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RunningSlot = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StoppedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experiments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StorefrontEvents_ExperimentId",
                table: "StorefrontEvents",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Name",
                table: "Experiments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_RunningSlot",
                table: "Experiments",
                column: "RunningSlot",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_StorefrontEvents_ExperimentId",
                table: "StorefrontEvents");

            migrationBuilder.DropColumn(
                name: "Arm",
                table: "StorefrontEvents");

            migrationBuilder.DropColumn(
                name: "ExperimentId",
                table: "StorefrontEvents");

            migrationBuilder.DropColumn(
                name: "OrderId",
                table: "StorefrontEvents");

            migrationBuilder.DropColumn(
                name: "VisitorId",
                table: "StorefrontEvents");

            migrationBuilder.DropColumn(
                name: "AllowedOrigins",
                table: "ApiKeys");
        }
    }
}
