using BenchmarkDotNet.Running;

namespace WelfareRules.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        // `--load URL`: the bounded load test of a running `welfare-rules serve` (Server/LoadTest.cs), not a BenchmarkDotNet run.
        if (args is ["--load", var url, ..])
        {
            Server.LoadTest.Run(url);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
