using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
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
    private volatile JobState state;
    private volatile string? error;

    internal string Id { get; } = id;

    internal long PersonMonths { get; } = personMonths;

    internal string ResultPath { get; } = resultPath;

    /// <summary>Where the job stands; written by the worker, read by requests.</summary>
    internal JobState State { get => state; set => state = value; }

    internal string? Error { get => error; set => error = value; }

    /// <summary>When the job finished (for its eviction), or null while it runs.</summary>
    internal DateTimeOffset? Finished { get; set; }

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

    private readonly TimeProvider clock;

    /// <summary>The job store; <paramref name="clock"/> dates finished jobs for their eviction (the server's time, not the law's).</summary>
    public JobStore(ServerLimits limits, IHostApplicationLifetime lifetime, TimeProvider clock)
    {
        this.limits = limits;
        this.clock = clock;
        lifetime.ApplicationStopped.Register(Dispose);
    }

    /// <summary>Starts a job, or returns null when as many are running as the limit allows.</summary>
    /// <summary>How long a finished job's result is kept.</summary>
    internal static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    /// <summary>The most finished jobs kept; the oldest goes first.</summary>
    internal const int MaxFinished = 16;

    internal ComparisonJob? Start(long personMonths, long characters, Action<Action<long>, Stream> run)
    {
        Evict();
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
            catch (OverflowException)
            {
                job.Error = "a total does not fit in 64 bits of đồng (weights too large?)";
            }
            finally
            {
                // Whatever stopped it, a job that did not finish is failed, never running for ever.
                if (job.State != JobState.Done)
                {
                    job.Error ??= "the comparison failed";
                    job.State = JobState.Failed;
                    TryDelete(job.ResultPath);
                }

                job.Finished = clock.GetUtcNow();
                Interlocked.Decrement(ref running);
            }
        });
        return job;
    }

    internal ComparisonJob? Find(string id) => jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>Removes a finished job and its result; false when there is no such finished job.</summary>
    internal bool Remove(string id)
    {
        if (!jobs.TryGetValue(id, out var job) || job.Finished is null || !jobs.TryRemove(id, out _))
        {
            return false;
        }

        TryDelete(job.ResultPath);
        return true;
    }

    /// <summary>Drops finished jobs kept longer than <see cref="KeptFor"/>, and the oldest beyond <see cref="MaxFinished"/>.</summary>
    private void Evict()
    {
        var finished = jobs.Values.Where(j => j.Finished is not null).OrderByDescending(j => j.Finished).ToList();
        var now = clock.GetUtcNow();
        foreach (var job in finished.Skip(MaxFinished).Concat(finished.Take(MaxFinished).Where(j => now - j.Finished > KeptFor)))
        {
            Remove(job.Id);
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open by a reader: the temporary folder's own cleaning takes it.
        }
    }

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
