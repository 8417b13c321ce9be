using System.Text.Json.Nodes;
using Broadsheet.Core.Model;
using Broadsheet.Web.Api;
using Microsoft.OpenApi;

namespace Broadsheet.Web.OpenData.Bulk;

/// <summary>The API document's examples of the bulk data answers: the demo paper's front page story, shortened.</summary>
internal static class BulkExamples
{
    private const string Alto = """
        <?xml version="1.0" encoding="utf-8"?>
        <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/standards/alto/v4/alto-4-4.xsd">
          <Description><MeasurementUnit>pixel</MeasurementUnit></Description>
          <Layout>
            <Page ID="P1" PHYSICAL_IMG_NR="1" PRINTED_IMG_NR="01" WIDTH="2000" HEIGHT="2829">
              <PrintSpace HPOS="0" VPOS="0" WIDTH="2000" HEIGHT="2829">
                <TextBlock ID="P1_A1" HPOS="100" VPOS="226" WIDTH="1140" HEIGHT="1075" LANG="zh-CN">
                  <TextLine ID="P1_A1_L1" HPOS="100" VPOS="226" WIDTH="1140" HEIGHT="90">
                    <String ID="P1_A1_L1_S1" CONTENT="滨江新城今年建成十座口袋公园" HPOS="100" VPOS="226" WIDTH="1140" HEIGHT="90" />
                  </TextLine>
                </TextBlock>
              </PrintSpace>
            </Page>
          </Layout>
        </alto>
        """;

    public static object? Of(string operationId) => operationId switch
    {
        "GetEditionText" => new EditionTextDto(
            new PublicationDto("binjiang", "滨江日报", "zh-CN", "Asia/Shanghai"),
            "CC BY-NC 4.0 https://creativecommons.org/licenses/by-nc/4.0/",
            new DateOnly(2026, 11, 2), 1, 12345, "/binjiang/2026-11-02/01", "/api/v1/publications/binjiang/editions/2026-11-02/alto",
            [
                new TextArticleDto(1, ArticleKind.Story, "聚焦城市更新——", "滨江新城今年建成十座口袋公园", "市民步行十分钟即可到达身边的绿地", "本报记者 王晓明",
                    ["01", "02"],
                    [
                        new BodyParagraphDto(ParagraphKind.Body, "本报讯 今年以来，滨江新城利用边角地块新建口袋公园十座。", null),
                        new BodyParagraphDto(ParagraphKind.Subhead, "小切口带来大变化", null),
                    ],
                    [new TextPhotoDto("01", "新建成的江畔口袋公园吸引市民休闲。", "王晓明/摄", "/media/5e/5e0c11aa/large.jpg")],
                    null,
                    "/binjiang/2026-11-02/01/1"),
            ]),
        _ => null,
    };

    /// <summary>Examples for the answers that are not JSON: the ALTO as text; the zip is described, not shown.</summary>
    public static void Describe(string operationId, OpenApiResponse response)
    {
        if (operationId == "GetEditionAlto" && response.Content?.TryGetValue(BulkEndpoints.AltoType, out var alto) == true)
        {
            alto.Example = JsonValue.Create(Alto);
        }
        else if (operationId == "GetYearArchive")
        {
            response.Description = "The zip, streamed: LICENCE.txt and each edition's text.json and alto.xml under {slug}-{yyyy}/; its weak ETag holds until an edition of the year changes.";
            if (response.Headers is { } headers)
            {
                headers["ETag"] = new OpenApiHeader { Description = "A weak tag of what the zip is made from; send it in If-None-Match to get a 304 while it still holds.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                headers["Cache-Control"] = new OpenApiHeader { Description = "no-cache: ask again (with If-None-Match) before reusing it.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }
    }
}
