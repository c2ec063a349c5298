using System.Diagnostics;
using System.Reflection;
using Anc.Manifests;
using Anc.PluginHosting;

namespace Anc.Training.Engine;

/// <summary>
/// Says in one line what ended a seed: the exception, and, where a plugin's code threw it (the
/// innermost frame in a plugin's assembly), that plugin and the manifest's components it contributes.
/// </summary>
internal static class TrainingFault
{
    public static string Describe(Exception exception, ResolvedManifest manifest)
    {
        string what = $"{exception.GetType().Name}: {exception.Message.Split('\n', 2)[0].Trim()}";
        (string Label, ResolvedComponent Component)[] components = Components(manifest).ToArray();
        foreach (StackFrame frame in new StackTrace(exception, fNeedFileInfo: false).GetFrames())
        {
            MethodBase? method = frame.GetMethod();
            Assembly? assembly = method?.DeclaringType?.Assembly;
            (string Label, ResolvedComponent Component)[] contributed = components.Where(c => c.Component.Descriptor.ImplementationType.Assembly == assembly).ToArray();
            if (contributed.Length > 0)
            {
                string names = string.Join("; ", contributed
                    .GroupBy(c => (c.Component.Descriptor.Kind, c.Component.Descriptor.Name))
                    .Select(g => $"{PluginCatalog.KindName(g.Key.Kind)} '{g.Key.Name}'{Parties(g.Select(c => c.Label))}"));
                return $"plugin {contributed[0].Component.Plugin} failed in {method!.DeclaringType!.Name}.{method.Name} ({names}): {what}";
            }
        }

        return what;
    }

    private static string Parties(IEnumerable<string> labels)
    {
        string[] parties = labels.Where(l => l.Length > 0).ToArray();
        return parties.Length == 0 ? string.Empty : $" for {string.Join(", ", parties)}";
    }

    /// <summary>Every component the manifest names, with the party it serves ("" for the scenario and data).</summary>
    private static IEnumerable<(string Label, ResolvedComponent Component)> Components(ResolvedManifest manifest)
    {
        yield return (string.Empty, manifest.Scenario);
        if (manifest.Data is not null)
        {
            yield return (string.Empty, manifest.Data);
        }

        foreach (ResolvedParty party in manifest.Parties)
        {
            yield return (party.Role.Name, party.Architecture);
            yield return (party.Role.Name, party.Loss);
            if (party.Adversary is not null)
            {
                yield return (party.Role.Name, party.Adversary);
            }
        }
    }
}
