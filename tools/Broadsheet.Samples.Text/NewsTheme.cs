namespace Broadsheet.Samples.Text;

// Material for articles on one subject. Templates may hold placeholders that TextGenerator fills:
// {city} {place} {name} {date} (yesterday, "11月1日") {k} (2-9) {n} (10-99) {nnn} (100-999) {nnnn} (1000-9999)
// {y} (10-40) {m} (10-59) {pct} (1.0-30.0) {hi} (90.0-99.9) {g} (3.0-9.9).
internal sealed record NewsTheme(
    string Key,
    string[] Headlines,
    string[] Kickers,
    string[] Subheadlines,
    string[] Sentences,
    string[] Captions);
