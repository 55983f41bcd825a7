namespace Trajectories.Registers.Io;

/// <summary>
/// Waits for Parquet.Net's asynchronous calls from the synchronous readers and writers (cursors, sinks, panel readers
/// are synchronous by design: they stream rows to callers that are).
/// </summary>
/// <remarks>
/// Parquet.Net awaits without <c>ConfigureAwait(false)</c>, so a continuation would be posted to the caller's
/// synchronization context; under a context with few threads (a UI, xunit's) that all block here, nothing would run
/// it. Starting the call with no context makes its continuations run on the thread pool, so blocking cannot deadlock.
/// </remarks>
internal static class Blocking
{
    /// <summary>Starts <paramref name="start"/> with no synchronization context and waits for it.</summary>
    public static void Wait(Func<Task> start)
    {
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            start().GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }

    /// <summary>Starts <paramref name="start"/> with no synchronization context and returns its result.</summary>
    public static T Wait<T>(Func<Task<T>> start)
    {
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return start().GetAwaiter().GetResult();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }
}
