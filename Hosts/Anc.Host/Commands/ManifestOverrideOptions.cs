using System.CommandLine;
using Anc.Manifests;

namespace Anc.Host.Commands;

/// <summary>The options that change a manifest without editing it: <c>--set path=value</c> (repeatable) and <c>--seeds 0-19</c>.</summary>
internal sealed class ManifestOverrideOptions
{
    private readonly Option<string[]> _set = new("--set")
    {
        Description = "Change a manifest value without editing the file, as <path>=<value> (repeatable): --set training.batchSize=512 --set parties.eve.architecture=mix-transform.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _seeds = new("--seeds")
    {
        Description = "The seeds to run instead of the manifest's: numbers and ranges, such as 0-19 or 0-4,7,9.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_set);
        command.Options.Add(_seeds);
    }

    /// <summary>The overrides in the order given, the seeds last so that they win over a <c>--set seeds=...</c>.</summary>
    /// <exception cref="Anc.Diagnostics.AncInputException">One of them is malformed.</exception>
    public IReadOnlyList<ManifestOverride> From(ParseResult parse)
    {
        List<ManifestOverride> overrides = (parse.GetValue(_set) ?? []).Select(s => ManifestOverride.Parse(s)).ToList();
        if (parse.GetValue(_seeds) is { } seeds)
        {
            overrides.Add(ManifestOverride.Seeds(seeds));
        }

        return overrides;
    }
}
