using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Broadsheet.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without the web host.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<BroadsheetDbContext>
{
    public BroadsheetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BroadsheetDbContext>().UseSqlite("Data Source=design.db").Options);
}
