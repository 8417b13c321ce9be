using Broadsheet.Ingest.Detection;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class ContinuationsTests
{
    [Theory]
    [InlineData("Continued on Page A18", "A18")]
    [InlineData("Cont. on p. 5", "5")]
    [InlineData("Nicholas Kristof  PAGE A26", "A26")]
    [InlineData("SPORTS, PAGES B8-9", "B8")]
    [InlineData("Tv, pasticcio anti-pirateria ● a pagina 23", "23")]
    [InlineData("Il piano del governo alle pagine 20 e 21", "20")]
    [InlineData("Servizi da pagina 2 a 7", "2")]
    [InlineData("Suite page 4", "4")]
    [InlineData("Lire la suite en page 12", "12")]
    [InlineData("Fortsetzung Seite 3", "3")]
    [InlineData("Fortsetzung auf Seite 7", "7")]
    [InlineData("（转第a03版）", "A03")]
    [InlineData("The page 3 photo caused a row", null)]
    [InlineData("Die Seite 3 des Berichts fehlt", null)]
    [InlineData("He read 30 pages before bed", null)]
    public void A_jump_line_names_the_page_the_story_goes_on_in_each_language(string text, string? to)
    {
        Assert.Equal(to, Continuations.To(text));
    }

    [Theory]
    [InlineData("Continued from Page A1", "A1")]
    [InlineData("Continued From P.3", "3")]
    [InlineData("Continued on Page A18", null)]
    public void A_jump_line_names_the_page_the_story_came_from(string text, string? from)
    {
        Assert.Equal(from, Continuations.From(text));
    }

    [Fact]
    public void The_jump_line_is_taken_out_of_the_text()
    {
        Assert.Equal("The council met on Monday.", Continuations.Strip("The council met on Monday. Continued on Page A18"));
        Assert.Equal("Nicholas Kristof", Continuations.Strip("Nicholas Kristof  PAGE A26"));
        Assert.Equal("Talks resumed.", Continuations.Strip("Continued from Page A1 Talks resumed."));
    }
}
