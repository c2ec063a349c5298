using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Runs;

/// <summary>
/// A seed's <c>metrics.jsonl</c>: one JSON object per logged step, each line flushed as it is
/// written so that a killed run keeps every whole line it logged.
/// </summary>
public sealed class MetricsLog : IDisposable
{
    private readonly StreamWriter _writer;

    /// <summary>
    /// Creates (or empties) the log at <paramref name="path"/>; or, for a resumed seed, keeps its
    /// first <paramref name="continueAt"/> bytes, what was logged up to the checkpoint, and appends.
    /// </summary>
    public MetricsLog(string path, long continueAt = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(continueAt);
        FileStream stream = new(path, continueAt > 0 ? FileMode.OpenOrCreate : FileMode.Create, FileAccess.Write, FileShare.Read);
        stream.SetLength(continueAt);
        stream.Seek(0, SeekOrigin.End);
        _writer = new StreamWriter(stream) { AutoFlush = false };
    }

    /// <summary>The bytes logged so far (every line is flushed as it is written).</summary>
    public long Length => _writer.BaseStream.Length;

    /// <summary>Appends one line: the step, then the figures in the order given.</summary>
    public void Write(long step, double elapsedSeconds, IReadOnlyDictionary<string, double> values)
    {
        using StringWriter line = new(CultureInfo.InvariantCulture);
        using (JsonTextWriter json = new(line) { Formatting = Formatting.None })
        {
            json.WriteStartObject();
            json.WritePropertyName("step");
            json.WriteValue(step);
            json.WritePropertyName("elapsedSeconds");
            json.WriteValue(Math.Round(elapsedSeconds, 3));
            foreach ((string name, double value) in values)
            {
                json.WritePropertyName(name);
                json.WriteValue(value);
            }

            json.WriteEndObject();
        }

        _writer.WriteLine(line.ToString());
        _writer.Flush();
    }

    /// <summary>
    /// Reads a log back: each figure of each line with its step, in order. A line cut short
    /// by a killed run is skipped.
    /// </summary>
    public static IEnumerable<(long Step, string Figure, double Value)> Read(string path)
    {
        foreach (string line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            JObject row;
            try
            {
                row = JObject.Parse(line);
            }
            catch (JsonReaderException)
            {
                continue;
            }

            long step = (long)row["step"]!;
            foreach (JProperty figure in row.Properties().Where(p => p.Name is not ("step" or "elapsedSeconds")))
            {
                yield return (step, figure.Name, (double)figure.Value);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
