using System;

namespace WelfareRules.Cli.Server;

/// <summary>
/// The limits of <c>welfare-rules serve</c>, each configurable with an option of the command (docs/serve.md):
/// what one request may send and how long it may take, and how many comparisons run as jobs at once.
/// </summary>
internal sealed record ServerLimits
{
    /// <summary>The largest request body, in bytes (Kestrel answers 413 beyond it).</summary>
    internal long MaxRequestBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The most situations one evaluate request may hold (a JSON array, or the lines of NDJSON).</summary>
    internal int MaxBatch { get; init; } = 10_000;

    /// <summary>The most person-months a comparison is answered with at once; a larger one runs as a job (202 Accepted).</summary>
    internal int MaxCompareNow { get; init; } = 20_000;

    /// <summary>The most person-months one comparison may hold, as a job.</summary>
    internal int MaxComparePersonMonths { get; init; } = 5_000_000;

    /// <summary>The most comparison jobs running at once; one more is refused with 429.</summary>
    internal int MaxJobs { get; init; } = 2;

    /// <summary>How long a request may take before it is cancelled (503); jobs are not bound by it.</summary>
    internal TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most months one schedule may cover.</summary>
    internal int MaxScheduleMonths { get; init; } = 1200;
}
