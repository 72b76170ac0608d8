using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MerchDashboard.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExperimentId",
                table: "StorefrontEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrderId",
                table: "StorefrontEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitorId",
                table: "StorefrontEvents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AllowedOrigins",
                table: "ApiKeys",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Experiments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hypothesis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Arms = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PrimaryKpi = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MinimumEffect = table.Column<double>(type: "double precision", nullable: false),
                    PlannedSamplePerArm = table.Column<long>(type: "bigint", nullable: true),
                    PlannedStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PlannedEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RunningSlot = table.Column<int>(type: "integer", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StoppedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
