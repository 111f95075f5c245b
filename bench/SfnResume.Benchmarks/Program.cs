using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SfnResume.Benchmarks.JsonataBenchmarks).Assembly).Run(args);
