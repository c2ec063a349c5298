using Newtonsoft.Json.Linq;

namespace Anc.Results;

/// <summary>One network of an <see cref="ExportFile"/>.</summary>
/// <param name="Party">Whose network it is, for example <c>alice</c>.</param>
/// <param name="Architecture">Its architecture's name and options, as the run's manifest gives them.</param>
/// <param name="InputWidth">Its input's width.</param>
/// <param name="OutputWidth">Its output's width.</param>
/// <param name="File">Its PyTorch <c>state_dict</c>, beside the export file.</param>
public sealed record ExportedNetwork(string Party, JObject Architecture, int InputWidth, int OutputWidth, string File);
