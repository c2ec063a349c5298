namespace Anc.Results;

/// <summary><c>attack.json</c>: the panel (<c>anc-host attack</c>) and its verdicts on each seed's cipher.</summary>
/// <param name="Panel">The panel that attacked.</param>
/// <param name="Seeds">Each seed's verdicts, in the run's order.</param>
public sealed record AttackFile(AttackPanelFile Panel, IReadOnlyList<SeedAttacksFile> Seeds)
{
    /// <summary>The file's name in a run directory.</summary>
    public const string FileName = "attack.json";

    /// <summary>The attack report of the run in <paramref name="runDirectory"/>, or null where it was never attacked.</summary>
    /// <exception cref="Newtonsoft.Json.JsonException">The file is not an attack report; the message names it.</exception>
    public static AttackFile? ReadIfExists(string runDirectory) =>
        ResultJson.ReadIfExists<AttackFile>(Path.Combine(runDirectory, FileName));
}
