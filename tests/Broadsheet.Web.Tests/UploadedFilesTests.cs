using System.Text;
using Broadsheet.Web.Desk.Imports;

namespace Broadsheet.Web.Tests;

/// <summary>What an uploaded file is decides by its first bytes, and the name it is staged under never carries the browser's folders.</summary>
public sealed class UploadedFilesTests
{
    [Theory]
    [InlineData("%PDF-1.7\n%âãÏÓ", "01.pdf", "Pdf")]
    [InlineData("PK\u0003\u0004\u0014\u0000", "2026-11-02.zip", "Zip")]
    [InlineData("\u00FF\u00D8\u00FF\u00E0\u0000\u0010JFIF", "01.jpg", "Jpeg")]
    [InlineData("\u0089PNG\r\n\u001A\n\u0000\u0000", "01.png", "Png")]
    [InlineData("II*\u0000\u0008\u0000", "01.tif", "Tiff")]
    [InlineData("MM\u0000*\u0000\u0000", "01.tiff", "Tiff")]
    [InlineData("\u00EF\u00BB\u00BF  {\"date\":", "edition.json", "Manifest")]
    [InlineData("{\"date\":\"2026-11-02\"}", "notes.json", "Unknown")]
    [InlineData("这不是 PDF", "01.pdf", "Unknown")]
    [InlineData("<html><script>", "01.pdf", "Unknown")]
    [InlineData(" %PDF-1.4", "01.pdf", "Unknown")]
    public void A_file_is_what_its_first_bytes_say(string head, string name, string expected)
    {
        // Latin-1 keeps each char of the table as one byte; anything beyond it (the Chinese text) as UTF-8.
        var bytes = head.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(head) : Encoding.UTF8.GetBytes(head);

        Assert.Equal(Enum.Parse<UploadKind>(expected), UploadedFiles.Sniff(bytes, name));
    }

    [Theory]
    [InlineData(@"C:\Users\desk\Desktop\01-头版.pdf", "Pdf", "01-头版.pdf")]
    [InlineData("../../etc/passwd", "Pdf", "passwd.pdf")]
    [InlineData("02-要闻.png", "Pdf", "02-要闻.pdf")]
    [InlineData("03.PDF", "Jpeg", "03.jpg")]
    [InlineData("04.jpeg", "Jpeg", "04.jpeg")]
    [InlineData(".hidden.pdf", "Pdf", "hidden.pdf")]
    [InlineData("..", "Pdf", "文件3.pdf")]
    [InlineData("a\u0000b\u001Fc?.pdf", "Pdf", "abc.pdf")]
    [InlineData("Edition.JSON", "Manifest", "edition.json")]
    public void A_staged_name_keeps_the_file_name_and_takes_the_extension_its_content_calls_for(string client, string kind, string expected)
    {
        Assert.Equal(expected, UploadedFiles.StagedName(client, Enum.Parse<UploadKind>(kind), 2));
    }
}
