using Newtonsoft.Json.Linq;

namespace Anc.Sweeps;

/// <summary>One run of a sweep: a setting trained with one seed, in its own run directory.</summary>
/// <param name="Id"><c>&lt;setting id&gt;-s&lt;seed&gt;</c>: the same setting and seed always get the same id.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Seed">The seed.</param>
public sealed record SweepTrial(string Id, SweepSetting Setting, int Seed)
{
    /// <summary>The trial's manifest: the setting's, with this one seed.</summary>
    public JObject Manifest()
    {
        JObject manifest = Setting.Manifest.ToJson();
        manifest["seeds"] = new JArray(Seed);
        return manifest;
    }
}
