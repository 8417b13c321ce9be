using Broadsheet.Bench.Search;
using Broadsheet.Bench.Search.Corpus;
using Broadsheet.Bench.Search.Engines;

// Broadsheet's search against SQLite FTS5 (trigram) on one generated archive, in one run: build, size, relevance
// on the planted set, latency of the query mix at 1 and 8 clients, peak memory. See bench/README.md.
var options = BenchOptions.Parse(args);
var shape = new CorpusShape(options.Articles, options.Seed);
var plantings = new Plantings(shape, RelevanceSet.All);
var log = Console.Error;
var startLoad = Report.LoadAverage();
Directory.CreateDirectory(options.WorkFolder);
try
{
    var generation = CorpusTiming.Measure(shape, log);
    var phase = TimeSpan.FromSeconds(options.Seconds);
    EngineRun lucene, fts5;
    using (var engine = new LuceneEngine(Path.Combine(options.WorkFolder, "lucene")))
    {
        lucene = await EngineRun.MeasureAsync(engine, shape, plantings, phase, log);
    }

    if (options.LuceneOnly)
    {
        return;
    }

    using (var engine = new Fts5Engine(Path.Combine(options.WorkFolder, "fts5")))
    {
        fts5 = await EngineRun.MeasureAsync(engine, shape, plantings, phase, log);
    }

    var report = Report.Write(startLoad, options, generation, plantings, lucene, fts5);
    Console.Out.Write(report);
    if (options.Output is not null)
    {
        await File.WriteAllTextAsync(options.Output, report);
    }
}
finally
{
    if (!options.KeepWork)
    {
        Directory.Delete(options.WorkFolder, recursive: true);
    }
}
