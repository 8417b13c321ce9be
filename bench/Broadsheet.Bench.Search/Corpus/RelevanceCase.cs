using Broadsheet.Bench.Search.Workload;
using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Corpus;

/// <summary>
/// A labelled query: text planted into chosen articles (<see cref="Plants"/>, each applied to one article of its
/// own), and a rule that says which articles are right answers (<see cref="IsRight"/>), applied to every planted
/// article as finally written, so text the generator happened to put there counts too.
/// </summary>
internal sealed record RelevanceCase(
    string Name,
    SearchQuery Lucene,
    PeerQuery Peer,
    Func<ArticleDocument, bool> IsRight,
    IReadOnlyList<Action<ArticleDraft, Random>> Plants);
