using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Levity.Benchmarks -- --filter '*'` runs them all;
// BenchmarkDotNet's own switches (--filter, --job short, --memory) apply.
BenchmarkSwitcher.FromAssembly(System.Reflection.Assembly.GetExecutingAssembly()).Run(args);
