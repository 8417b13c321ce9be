using System.Globalization;
using Broadsheet.BadInputs;

// broadsheet-bad-inputs <folder> [name…]: writes the corpus (or the kinds named) and prints one line per kind:
// name, kind, the package path, "refused: <message>" or "accepted: <how>", the settings to run with ("-" for none)
// and what the kind is, tab-separated.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Broadsheet.BadInputs <folder> [name…]");
    return 2;
}

var root = Path.GetFullPath(args[0]);
foreach (var input in BadInputCorpus.All.Where(i => args.Length == 1 || args.Skip(1).Contains(i.Name)))
{
    var path = BadInputCorpus.Write(input, root);
    var settings = input.Settings.Count == 0 ? "-" : string.Join(' ', input.Settings.Select(s => $"{s.Key}={s.Value}"));
    var expect = input.Refusal is null ? "accepted: " + input.Accepted.ToString().ToLowerInvariant() : "refused: " + input.Refusal;
    Console.WriteLine(string.Join('\t', input.Name, input.Kind.ToString().ToLowerInvariant(), path, expect, settings, input.What));
}

return 0;
