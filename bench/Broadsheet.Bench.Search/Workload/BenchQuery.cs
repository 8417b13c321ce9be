using Broadsheet.Search;

namespace Broadsheet.Bench.Search.Workload;

/// <summary>One query of the timed mix, as Broadsheet's search takes it and as its FTS5 peer would be written.</summary>
internal sealed record BenchQuery(string Name, SearchQuery Lucene, PeerQuery Peer);
