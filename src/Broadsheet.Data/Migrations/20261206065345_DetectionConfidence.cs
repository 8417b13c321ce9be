using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Broadsheet.Data.Migrations
{
    /// <inheritdoc />
    public partial class DetectionConfidence : Migration
    {
        /// <inheritdoc />
        /// <remarks>Articles and pages imported before detection gave confidences count as checked and read from the PDF.</remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Doubts",
                table: "Pages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TextSource",
                table: "Pages",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Pdf");

            migrationBuilder.AddColumn<double>(
                name: "Confidence",
                table: "Articles",
                type: "REAL",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<int>(
                name: "Doubts",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Doubts",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "TextSource",
                table: "Pages");

            migrationBuilder.DropColumn(
                name: "Confidence",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Doubts",
                table: "Articles");
        }
    }
}
