using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Broadsheet.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SeveralNodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            // Every node's page cache and search index follow the outbox: each row tells the listening nodes as its
            // transaction commits (PostgresNotices; the payload is slug|date|number).
            migrationBuilder.Sql("""
                CREATE FUNCTION broadsheet_notify_edition_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('broadsheet_editions', NEW."PublicationSlug" || '|' || to_char(NEW."Date", 'YYYY-MM-DD') || '|' || NEW."Number");
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "SearchOutbox_notify" AFTER INSERT ON "SearchOutbox"
                    FOR EACH ROW EXECUTE FUNCTION broadsheet_notify_edition_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "SearchOutbox_notify" ON "SearchOutbox";
                DROP FUNCTION broadsheet_notify_edition_change();
                """);

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");
        }
    }
}
