namespace Anc.Training.Processes;

/// <summary>A process's standard error, kept in a file created with its first line; lines arrive on the process's reader thread.</summary>
internal sealed class ProcessLog(string path) : IDisposable
{
    private readonly Lock _gate = new();
    private StreamWriter? _writer;

    /// <summary>Adds a line; null, which marks the end of the stream, is ignored.</summary>
    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _writer ??= new StreamWriter(path) { AutoFlush = true };
            _writer.WriteLine(line);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }
}
