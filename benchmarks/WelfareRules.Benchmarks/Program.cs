using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
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

        // `--country SIZES [--months N]`: the country run over generated national populations (Populations/CountryRun.cs).
        if (args is ["--country", var sizes, ..])
        {
            int months = args is [_, _, "--months", var m, ..] ? int.Parse(m, System.Globalization.CultureInfo.InvariantCulture) : 12;
            if (months < 1)
            {
                System.Console.Error.WriteLine("--months: at least 1");
                return;
            }

            Populations.CountryRun.Run([.. sizes.Split(',').Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture))], months);
            return;
        }

        // `--country-parquet FILE [--months N]`: the country run over a Parquet population, reading included (Populations/CountryRun.cs).
        if (args is ["--country-parquet", var file, ..])
        {
            int months = args is [_, _, "--months", var m, ..] ? int.Parse(m, System.Globalization.CultureInfo.InvariantCulture) : 12;
            Populations.CountryRun.RunParquet(file, Math.Max(1, months));
            return;
        }

        // The BenchmarkDotNet runs measure with the workstation collector, whatever this process runs with (a child
        // process otherwise takes the host's collector).
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.AddJob(Job.Default.WithGcServer(false).AsMutator()));
    }
}
