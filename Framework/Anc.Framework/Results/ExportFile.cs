using Newtonsoft.Json.Linq;

namespace Anc.Results;

/// <summary>
/// <c>seed-&lt;n&gt;/export.json</c> of an export (<c>anc-host export</c>): what the Python
/// module <c>anc_torch.py</c> beside it needs to rebuild the seed's networks and call them as
/// the scenario does.
/// </summary>
/// <param name="Format">The export's format and version, <c>anc-pytorch-1</c>.</param>
/// <param name="Run">The run's folder it was exported from.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Scenario">The scenario's name and options.</param>
/// <param name="Data">The data generator's name and options; null for a scenario that makes its own data.</param>
/// <param name="Networks">Each network, in the scenario's order.</param>
public sealed record ExportFile(string Format, string Run, int Seed, JObject Scenario, JObject? Data, IReadOnlyList<ExportedNetwork> Networks);
