using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;

namespace WelfareRules;

/// <summary>Waiting for work started on another thread.</summary>
internal static class TaskWaits
{
    /// <summary>
    /// Waits for <paramref name="work"/> to end, whatever its outcome: the caller stopped, or another failure is being
    /// raised, and the work's buffers must not be given back or reused while it runs.
    /// </summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The failure being raised, if any, is the one reported; the work's own is not wanted.")]
    internal static void Ignoring(Task work)
    {
        try
        {
            work.GetAwaiter().GetResult();
        }
        catch (Exception)
        {
        }
    }
}
