using Broadsheet.Ingest.Detection;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class BylineLanguagesTests
{
    [Theory]
    [InlineData("di Michele Ainis", "di Michele Ainis")]
    [InlineData("DI MICHELE AINIS", "DI MICHELE AINIS")]
    [InlineData("von Anna Müller", "von Anna Müller")]
    [InlineData("par Jean Dupont", "par Jean Dupont")]
    [InlineData("por Ana García", "por Ana García")]
    [InlineData("By Jane Smith", "By Jane Smith")]
    [InlineData("This article is by Sheryl Gay Stolberg, Noah Weiland and Andrew Jacobs.", "Sheryl Gay Stolberg, Noah Weiland and Andrew Jacobs")]
    [InlineData("新甘肃·甘肃法治报记者 齐洪德", "新甘肃·甘肃法治报记者 齐洪德")]
    public void A_byline_on_its_own_line_reads_as_printed_in_each_language(string first, string byline)
    {
        var lifted = Bylines.Lift([first, "The first paragraph of the story."]);

        Assert.Equal(byline, lifted.Byline);
        Assert.Equal(["The first paragraph of the story."], lifted.Paragraphs);
    }

    [Fact]
    public void Names_that_did_not_fit_on_the_byline_line_follow_on_the_next()
    {
        var lifted = Bylines.Lift(["By DAVID E. SANGER", "and ERIC SCHMITT", "WASHINGTON — The talks resumed."]);

        Assert.Equal("By DAVID E. SANGER and ERIC SCHMITT", lifted.Byline);
        Assert.Equal("WASHINGTON", lifted.Dateline);
        Assert.Equal(["The talks resumed."], lifted.Paragraphs);
    }

    [Theory]
    [InlineData("di Massimo Pisa", null, "di Massimo Pisa")]
    [InlineData("di Elena Dusi, Giovanni Egidio", "e Alessandro Puglia", "di Elena Dusi, Giovanni Egidio e Alessandro Puglia")]
    public void A_byline_printed_at_the_end_of_a_story_is_lifted_from_there(string last, string? more, string byline)
    {
        List<string> paragraphs = ["Il governo ha deciso di rinviare il voto.", "La riforma passa alla Camera.", last];
        if (more is not null)
        {
            paragraphs.Add(more);
        }

        var lifted = Bylines.LiftEnd(new LiftedByline(null, null, paragraphs));

        Assert.Equal(byline, lifted.Byline);
        Assert.Equal(["Il governo ha deciso di rinviare il voto.", "La riforma passa alla Camera."], lifted.Paragraphs);
    }

    [Theory]
    [InlineData("von Anna Müller", true)]
    [InlineData("di Michele Ainis", true)]
    [InlineData("新华社记者 王五", true)]
    [InlineData("Vondelpark reopens after repairs", false)]
    [InlineData("di notte la città si svuota", false)]
    public void A_story_is_known_to_start_at_a_byline_in_any_of_its_languages(string line, bool starts)
    {
        Assert.Equal(starts, Bylines.StartsStory(line));
    }

    [Theory]
    [InlineData("By Monday the river had risen two metres.")]
    [InlineData("Di Maio non ha risposto alle domande.")]
    [InlineData("Von Berlin aus fahren die Züge wieder.")]
    public void A_lede_that_starts_like_a_byline_stays_the_storys_text(string lede)
    {
        var lifted = Bylines.Lift([lede, "Residents were moved out."]);

        Assert.Null(lifted.Byline);
        Assert.Equal([lede, "Residents were moved out."], lifted.Paragraphs);
    }

    [Fact]
    public void A_closing_sentence_that_starts_like_a_byline_is_not_taken_for_one()
    {
        var lifted = Bylines.LiftEnd(new LiftedByline(null, null, ["Il governo ha deciso.", "La riforma passa.", "Di Maio non ha risposto."]));

        Assert.Null(lifted.Byline);
        Assert.Equal("Di Maio non ha risposto.", lifted.Paragraphs[^1]);
    }

    [Theory]
    [InlineData("新华社记者 王五")]
    [InlineData("央视网记者 李四")]
    public void An_agencys_reporter_keeps_the_agency_and_role_together(string byline)
    {
        Assert.Equal(byline, Bylines.Lift([byline, "国务院日前印发通知。"]).Byline);
    }
}
