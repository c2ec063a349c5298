namespace Anc.Sweeps;

/// <summary>A sweep file expanded: its settings, and their trials (settings times seeds) in order.</summary>
/// <param name="Name">The sweep's name, its folder under the sweeps root.</param>
/// <param name="File">The sweep file's full path.</param>
/// <param name="BaseManifest">The base manifest's full path.</param>
/// <param name="Seeds">The seeds each setting is trained with.</param>
/// <param name="Settings">The settings, in the sweep file's order (the grid's last path varying fastest, then the lists).</param>
public sealed record SweepPlan(string Name, string File, string BaseManifest, IReadOnlyList<int> Seeds, IReadOnlyList<SweepSetting> Settings)
{
    /// <summary>Every trial: each setting with each seed.</summary>
    public IReadOnlyList<SweepTrial> Trials { get; } =
        Settings.SelectMany(s => Seeds.Select(seed => new SweepTrial($"{s.Id}-s{seed}", s, seed))).ToList();
}
