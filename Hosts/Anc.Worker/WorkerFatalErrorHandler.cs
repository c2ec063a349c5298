namespace Anc.Worker;

/// <summary>
/// Ends the worker with one line and exit code 2 where Orleans gives up on this silo (the others
/// declared it dead, it could not join), instead of Orleans' own fail-fast and its stack traces:
/// a worker that cannot join is nearly always set up unlike the others (TLS on one side only, an
/// address the others cannot reach).
/// </summary>
internal sealed class WorkerFatalErrorHandler : IFatalErrorHandler
{
    public bool IsUnexpected(Exception exception) => exception is not OperationCanceledException;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        string reason = (context ?? exception?.Message ?? "no reason given").Split('\n')[0].Trim();
        Console.Error.WriteLine(
            $"anc-worker: the cluster put this worker out ({reason}); a worker the others cannot reach is put out: check that it has the same --tls authority as the others and an --address they reach.");
        Console.Error.Flush();
        Environment.Exit(2);
    }
}
