using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace WelfareRules.Cli.Server;

/// <summary>Where a comparison job stands.</summary>
internal enum JobState
{
    /// <summary>Running.</summary>
    Running,

    /// <summary>Finished: its lines are in its result file.</summary>
    Done,

    /// <summary>Stopped by an error.</summary>
    Failed,
}

/// <summary>A comparison too large to answer at once, run in the background; its lines go into a temporary file.</summary>
internal sealed class ComparisonJob(string id, long personMonths, long characters, string resultPath)
{
    private long read;

    internal string Id { get; } = id;

    internal long PersonMonths { get; } = personMonths;

    internal string ResultPath { get; } = resultPath;

    internal JobState State { get; set; }

    internal string? Error { get; set; }

    /// <summary>The share of the population read, 0 to 1.</summary>
    internal double Progress => State == JobState.Done ? 1 : characters == 0 ? 0 : Math.Min(1, (double)Interlocked.Read(ref read) / characters);

    internal void Read(long characters) => Interlocked.Exchange(ref read, characters);
}

/// <summary>The server's comparison jobs: at most <see cref="ServerLimits.MaxJobs"/> running at once; results kept until the server stops.</summary>
internal sealed class JobStore : IDisposable
{
    private readonly ConcurrentDictionary<string, ComparisonJob> jobs = new(StringComparer.Ordinal);
    private readonly ServerLimits limits;
    private int running;

    public JobStore(ServerLimits limits, IHostApplicationLifetime lifetime)
    {
        this.limits = limits;
        lifetime.ApplicationStopped.Register(Dispose);
    }

    /// <summary>Starts a job, or returns null when as many are running as the limit allows.</summary>
    internal ComparisonJob? Start(long personMonths, long characters, Action<Action<long>, Stream> run)
    {
        if (Interlocked.Increment(ref running) > limits.MaxJobs)
        {
            Interlocked.Decrement(ref running);
            return null;
        }

        string id = Guid.NewGuid().ToString("N");
        var job = new ComparisonJob(id, personMonths, characters, Path.Combine(Path.GetTempPath(), $"welfare-rules-job-{id}.jsonl"));
        jobs[id] = job;
        _ = Task.Run(() =>
        {
            try
            {
                using (var output = new FileStream(job.ResultPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
                {
                    run(job.Read, output);
                }

                job.State = JobState.Done;
            }
            catch (Exception failed) when (failed is not OutOfMemoryException)
            {
                job.Error = failed.Message;
                job.State = JobState.Failed;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        });
        return job;
    }

    internal ComparisonJob? Find(string id) => jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Deletes the result files.</summary>
    public void Dispose()
    {
        foreach (var job in jobs.Values)
        {
            try
            {
                File.Delete(job.ResultPath);
            }
            catch (IOException)
            {
                // Still being written by a job that outlived the server: the temporary folder's own cleaning takes it.
            }
        }
    }
}
