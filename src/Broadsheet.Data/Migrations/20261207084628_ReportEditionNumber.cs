using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportEditionNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EditionNumber",
                table: "ReaderReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // A report whose article is still there is on that article's edition; one whose article is gone stays on the first.
            migrationBuilder.Sql("""
                UPDATE "ReaderReports" SET "EditionNumber" = (
                    SELECT e."Number" FROM "Articles" a JOIN "Editions" e ON e."Id" = a."EditionId" WHERE a."Id" = "ReaderReports"."ArticleId")
                WHERE "ArticleId" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EditionNumber",
                table: "ReaderReports");
        }
    }
}
