using Anc.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>Collects every mistake in one file, each located by the JSON token it concerns.</summary>
internal sealed class DiagnosticBag(string file)
{
    private readonly List<InputDiagnostic> _diagnostics = [];
    private readonly List<ManifestOverride> _overrides = [];

    public string File { get; } = file;

    public IReadOnlyList<InputDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Count > 0;

    /// <summary>Adds a mistake at <paramref name="token"/>, whose JSON path is <paramref name="path"/>.</summary>
    public void Add(JToken? token, string path, string message)
    {
        IJsonLineInfo? info = token;
        if (info?.HasLineInfo() != true)
        {
            // A value the command line put there is located at the override, not in the file.
            ManifestOverride? from = _overrides.LastOrDefault(o => path == o.Path || path.StartsWith(o.Path + ".", StringComparison.Ordinal) || path.StartsWith(o.Path + "[", StringComparison.Ordinal));
            _diagnostics.Add(new InputDiagnostic(from?.Source ?? File, 0, 0, path, message));
            return;
        }

        _diagnostics.Add(new InputDiagnostic(File, info.LineNumber, StartColumn(token!, info.LinePosition), path, message));
    }

    // Json.NET records where a token ends; people look for where it starts.
    private static int StartColumn(JToken token, int end) => token switch
    {
        JValue value => Math.Max(1, end - value.ToString(Formatting.None).Length + 1),
        JProperty property => Math.Max(1, end - JsonConvert.ToString(property.Name).Length),
        _ => end,
    };

    /// <summary>Records that <paramref name="applied"/> set a value, so that mistakes in it name the override.</summary>
    public void Overridden(ManifestOverride applied) => _overrides.Add(applied);

    /// <summary>Adds a mistake in an override itself, such as a path through a number.</summary>
    public void Add(ManifestOverride applied, string message) =>
        _diagnostics.Add(new InputDiagnostic(applied.Source, 0, 0, applied.Path, message));

    /// <summary>Adds a mistake at a position found by the JSON reader.</summary>
    public void Add(int line, int column, string path, string message) =>
        _diagnostics.Add(new InputDiagnostic(File, line, column, path, message));

    /// <summary>Throws the collected mistakes, if any.</summary>
    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            // In the order a reader meets them in the file; mistakes without a position first.
            throw new AncInputException(_diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());
        }
    }
}
