using Broadsheet.Ingest.Packages;
using CsCheck;

namespace Broadsheet.Ingest.Tests.Fuzzing;

/// <summary>Page labels and edition dates read from names people type: any name gives a label or a date, or one line naming the file.</summary>
public sealed class NameFuzzTests
{
    private static readonly Gen<string> Label = Gen.Frequency(
        (3, Gen.Char["0123456789"].Array[1, 4].Select(c => new string(c))),
        (2, Gen.Select(Gen.Char["ABCab"].Array[1, 2], Gen.Char["0123456789"].Array[0, 3], (a, b) => new string(a) + new string(b))),
        (1, Fuzz.Text(12)));

    [Fact]
    public void Any_file_name_gives_a_label_of_1_to_8_letters_or_digits_from_its_start_or_one_line_naming_the_file() =>
        Gen.Select(Fuzz.Text(24), Gen.OneOf(".pdf", ".PDF", ".jpg", ".tif", "", ".pdf.pdf")).Sample((stem, extension) =>
        {
            var name = stem.Replace('/', '／').Replace('\0', ' ') + extension;
            if (name.Length == 0 || name is "." or "..")
            {
                return; // no file name at all: the package folder itself
            }

            PackagePage page;
            try
            {
                page = PageFileName.Parse(Path.Combine("/package", name));
            }
            catch (ImportException ex)
            {
                Fuzz.AssertOneLineNaming(ImportException.OneLine(Path.GetFileName(name) + ":"), ex); // as the message flattens it
                return;
            }

            if (page.Label.Length is 0 or > 8 || !page.Label.All(char.IsAsciiLetterOrDigit)
                || !Path.GetFileName(name).StartsWith(page.Label, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{name} gave the label '{page.Label}'");
            }
        }, iter: 20_000, time: Fuzz.Seconds);

    /// <summary>Pages are listed in this order everywhere; a comparer that is not a total order makes sorting throw or shuffle.</summary>
    [Fact]
    public void Page_labels_compare_as_a_total_order() =>
        Gen.Select(Label, Label, Label).Sample((a, b, c) =>
        {
            var ab = Math.Sign(PageFileName.CompareLabels(a, b));
            var bc = Math.Sign(PageFileName.CompareLabels(b, c));
            var ac = Math.Sign(PageFileName.CompareLabels(a, c));
            return PageFileName.CompareLabels(a, a) == 0
                && ab == -Math.Sign(PageFileName.CompareLabels(b, a))
                && (ab == 0) == (a == b)
                && !(ab <= 0 && bc <= 0 && ac > 0)
                && !(ab >= 0 && bc >= 0 && ac < 0);
        }, iter: 20_000, time: Fuzz.Seconds);

    [Fact]
    public void Any_package_name_gives_no_date_or_a_calendar_date_written_in_it() =>
        Fuzz.Text(30).Sample(text =>
        {
            var name = text.Replace('/', '-').Replace('\0', ' ');
            if (name.Trim().Length == 0 || name.Trim('.').Length == 0)
            {
                return true;
            }

            var date = EditionDate.FromName(Path.Combine("/nonexistent-package-root", name));
            if (date is not { } d)
            {
                return true;
            }

            var digits = new string(name.Where(char.IsAsciiDigit).ToArray());
            return digits.Contains(d.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }, iter: 20_000, time: Fuzz.Seconds);
}
