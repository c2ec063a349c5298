namespace Anc.Scenarios;

/// <summary>An adversary trained during evaluation and how well it did.</summary>
/// <param name="Name">Which adversary, for example <c>freshEve-2</c>.</param>
/// <param name="Best">Its result on held-out data, with the weights its best validation measurement picked (for Eve, bits wrong).</param>
/// <param name="Steps">How many steps it trained.</param>
/// <param name="History">Its validation result at each measurement.</param>
public sealed record AdversaryTrial(string Name, double Best, long Steps, IReadOnlyList<MetricPoint> History);
