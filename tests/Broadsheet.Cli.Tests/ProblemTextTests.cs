using Broadsheet.Cli.Commands;
using Broadsheet.Core.Model;
using Broadsheet.Ingest;

namespace Broadsheet.Cli.Tests;

/// <summary>
/// The command line's wording of a refusal that carries a code: the flag to add, whether the importer refused
/// before it began or the database at the end (another import saved the same edition meanwhile).
/// </summary>
public sealed class ProblemTextTests
{
    private static readonly EditionExists Exists = new("binjiang", new DateOnly(2026, 11, 2), 1);

    [Fact]
    public void An_existing_edition_is_worded_with_the_replace_flag_from_the_importer_and_from_the_store_alike()
    {
        const string Expected = "the edition of 2026-11-02 of binjiang already exists; use --replace to replace it";

        Assert.Equal(Expected, ProblemText.Of(new ImportException(Exists, Exists.Describe())));
        Assert.Equal(Expected, ProblemText.Of(new DomainException(Exists, Exists.Describe())));
    }

    [Fact]
    public void A_second_edition_of_the_day_is_named_by_its_number()
    {
        Assert.Equal(
            "edition 2 of 2026-11-02 of binjiang already exists; use --replace to replace it",
            ProblemText.For(Exists with { Number = 2 }));
    }

    [Fact]
    public void An_error_without_a_code_keeps_its_own_message()
    {
        Assert.Null(ProblemText.Of(new ImportException("01-头版.pdf: not a PDF")));
    }
}
