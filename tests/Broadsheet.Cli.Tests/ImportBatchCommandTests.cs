using System.Diagnostics;

namespace Broadsheet.Cli.Tests;

/// <summary><c>broadsheet import-batch</c> on a two-issue NDNP batch written here, killed after its first issue and run again.</summary>
public sealed class ImportBatchCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("broadsheet-cli-batch-data-").FullName;
    private readonly string _batch = Directory.CreateTempSubdirectory("broadsheet-cli-batch-").FullName;

    [Fact]
    public async Task A_batch_killed_after_its_first_issue_finishes_on_a_rerun_with_one_line_per_issue_and_nothing_twice()
    {
        Write("1887-03-03", 258);
        Write("1887-03-04", 259);
        File.WriteAllText(Path.Combine(_batch, "batch.xml"), """
            <batch xmlns="http://www.loc.gov/ndnp" name="batch_test_ver01">
              <issue lccn="sn00000001" issueDate="1887-03-03" editionOrder="1">./1887-03-03/issue.xml</issue>
              <issue lccn="sn00000001" issueDate="1887-03-04" editionOrder="1">./1887-03-04/issue.xml</issue>
            </batch>
            """);
        Assert.Equal(0, (await BroadsheetProcess.RunAsync("publication", "add", "gazette", "--name", "The Harbour Gazette", "--data", _data)).ExitCode);
        string[] import = ["import-batch", _batch, "--publication", "gazette", "--data", _data];

        using (var process = Process.Start(BroadsheetProcess.StartInfo(null, import))!)
        {
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("[1/2]", StringComparison.Ordinal))
            {
            }

            Assert.Equal("  [1/2] 1887-03-03 edition 1 (The Harbour Gazette, no. 258): 1 pages, 0 articles", line);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
        }

        var rerun = await BroadsheetProcess.RunAsync(import);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains("  [1/2] 1887-03-03 edition 1 (The Harbour Gazette, no. 258): already in, skipped", rerun.Output, StringComparison.Ordinal);
        // The kill lands while the second issue is under way (a second or two for one small page); should it have
        // finished first, the rerun skips it too. Either way each issue is in once.
        var second = rerun.Output.Contains("[2/2] 1887-03-04 edition 1 (The Harbour Gazette, no. 259): 1 pages", StringComparison.Ordinal);
        Assert.True(second || rerun.Output.Contains("[2/2] 1887-03-04 edition 1 (The Harbour Gazette, no. 259): already in, skipped", StringComparison.Ordinal), rerun.Output);
        Assert.Contains(second ? "Batch: 1 issues imported (1 pages, 0 articles), 1 already in." : "Batch: 0 issues imported (0 pages, 0 articles), 2 already in.", rerun.Output, StringComparison.Ordinal);
    }

    /// <summary>An issue: its METS, one page image (the ingest tests' 600 x 800 px PNG) and an ALTO of one line.</summary>
    private void Write(string date, int issue)
    {
        var folder = Path.Combine(_batch, date);
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "page-600x800-150dpi.png"), Path.Combine(folder, "0001.png"));
        File.WriteAllText(Path.Combine(folder, "0001.xml"), """
            <alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description>
            <Layout><Page ID="P1" WIDTH="1200" HEIGHT="1600"><PrintSpace><TextBlock ID="TB1" HPOS="100" VPOS="100" WIDTH="1000" HEIGHT="40">
            <TextLine HPOS="100" VPOS="100" WIDTH="1000" HEIGHT="40"><String CONTENT="Harbour" HPOS="100" VPOS="100" WIDTH="300" HEIGHT="40" WC="0.9"/></TextLine>
            </TextBlock></PrintSpace></Page></Layout></alto>
            """);
        File.WriteAllText(Path.Combine(folder, "issue.xml"), $"""
            <mets LABEL="The Harbour Gazette, {date}" xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.loc.gov/METS/">
              <dmdSec ID="issueModsBib"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>
                <mods:relatedItem type="host"><mods:part><mods:detail type="issue"><mods:number>{issue}</mods:number></mods:detail></mods:part></mods:relatedItem>
                <mods:originInfo><mods:dateIssued encoding="iso8601">{date}</mods:dateIssued></mods:originInfo>
              </mods:mods></xmlData></mdWrap></dmdSec>
              <fileSec><fileGrp>
                <file ID="serviceFile1" USE="service"><FLocat xlink:href="0001.png"/></file>
                <file ID="ocrFile1" USE="ocr"><FLocat xlink:href="0001.xml"/></file>
              </fileGrp></fileSec>
              <structMap><div TYPE="np:issue" DMDID="issueModsBib"><div TYPE="np:page"><fptr FILEID="serviceFile1"/><fptr FILEID="ocrFile1"/></div></div></structMap>
            </mets>
            """);
    }

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_batch, recursive: true);
    }
}
