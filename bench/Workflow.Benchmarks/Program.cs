using BenchmarkDotNet.Running;

// scripts/bench.sh passes its arguments here (e.g. --filter *Deidentification*).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point of the benchmarks.</summary>
public partial class Program;
