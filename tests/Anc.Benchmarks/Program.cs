using Anc.Benchmarks;
using BenchmarkDotNet.Running;

// In process (BenchmarkDotNet's --inProcess, added unless given): a round takes milliseconds
// to a tenth of a second, so a process of BenchmarkDotNet's own would add no precision, only
// a second build of a project that carries libtorch. Every other option (--job, --filter, …)
// is BenchmarkDotNet's as usual.
string[] arguments = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(ScenarioRounds).Assembly).Run(arguments);
