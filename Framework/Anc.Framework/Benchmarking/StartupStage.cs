namespace Anc.Benchmarking;

/// <summary>One stage of the time from a process's start to its first training round.</summary>
/// <param name="Name">What the stage does, such as <c>host and plugins</c>.</param>
/// <param name="Time">How long it took.</param>
public sealed record StartupStage(string Name, TimeSpan Time);
