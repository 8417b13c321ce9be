using Broadsheet.Ingest.Detection;
using static Broadsheet.Ingest.Tests.Detection.Typeset;

namespace Broadsheet.Ingest.Tests.Detection;

public sealed class TitleBlockDeckTests
{
    [Theory]
    [InlineData(
        "Il ministro difende la riforma delle pensioni", "Il governo ancora diviso sulla data del voto",
        "Il ministro difende la riforma delle pensioni. Il governo ancora diviso sulla data del voto")]
    [InlineData(
        "The minister defends the reform of pensions", "The government is still split on the date",
        "The minister defends the reform of pensions. The government is still split on the date")]
    [InlineData(
        "The Council Approves the New Budget for Schools", "Mayor Says Taxes Will Not Rise Next Year",
        "The Council Approves the New Budget for Schools Mayor Says Taxes Will Not Rise Next Year")]
    [InlineData(
        "Il ministro difende la riforma delle pensioni,", "Il governo ancora diviso sulla data del voto",
        "Il ministro difende la riforma delle pensioni, Il governo ancora diviso sulla data del voto")]
    [InlineData(
        "Il ministro difende la riforma delle pensioni", "e il governo resta diviso sulla data del voto",
        "Il ministro difende la riforma delle pensioni e il governo resta diviso sulla data del voto")]
    [InlineData("Pensioni, la riforma", "Il governo ancora diviso sulla data", "Pensioni, la riforma Il governo ancora diviso sulla data")]
    [InlineData("全市治安形势持续向好", "群众安全感不断提升", "全市治安形势持续向好群众安全感不断提升")]
    public void A_deck_of_two_sentences_gets_the_full_stop_its_line_break_stood_for(string first, string second, string joined)
    {
        Assert.Equal(joined, TitleBlock.JoinDeck([Line(first, 14, 40, 100), Line(second, 14, 40, 118)]));
    }
}
