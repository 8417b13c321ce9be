// One browser test class at a time: each drives a real Chromium against its own server, and the desk upload test
// imports an edition in-process. Run side by side on two cores, a reader tour once waited over a minute for a
// page while an import held both; the suite's timeouts are meant for a slow machine, not for a starved one.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
