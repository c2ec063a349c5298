using Anc.Scenarios;
using Newtonsoft.Json.Linq;

namespace Anc.Manifests;

/// <summary>
/// A manifest that has been read and checked against the loaded plugins, every default
/// filled in: everything one run needs besides the plugins themselves.
/// </summary>
public sealed class ResolvedManifest
{
    internal ResolvedManifest(string sourcePath, string experiment, string? description, ResolvedComponent scenario, ResolvedComponent? data, DeviceRequest device, int threads, IReadOnlyList<int> seeds, TrainingOptions training, IReadOnlyList<ResolvedParty> parties)
    {
        SourcePath = sourcePath;
        Experiment = experiment;
        Description = description;
        Scenario = scenario;
        Data = data;
        Device = device;
        Threads = threads;
        Seeds = seeds;
        Training = training;
        Parties = parties;
    }

    /// <summary>The file it was read from, as the user named it.</summary>
    public string SourcePath { get; }

    /// <summary>The experiment's name; runs are stored under it.</summary>
    public string Experiment { get; }

    /// <summary>Free text from the manifest.</summary>
    public string? Description { get; }

    /// <summary>The scenario and its options.</summary>
    public ResolvedComponent Scenario { get; }

    /// <summary>
    /// The data generator and its options, for a scenario that takes one (the manifest's
    /// <c>data</c>, or the scenario's default); <see langword="null"/> for one that makes its own data.
    /// </summary>
    public ResolvedComponent? Data { get; }

    /// <summary>Where to train.</summary>
    public DeviceRequest Device { get; }

    /// <summary>Torch's intra-op threads; 0 leaves torch's default.</summary>
    public int Threads { get; }

    /// <summary>The seeds, one training each, in order.</summary>
    public IReadOnlyList<int> Seeds { get; }

    /// <summary>The training section.</summary>
    public TrainingOptions Training { get; }

    /// <summary>Every party of the scenario, in the scenario's order.</summary>
    public IReadOnlyList<ResolvedParty> Parties { get; }

    /// <summary>The manifest with every default filled in; reading it back gives the same manifest.</summary>
    public JObject ToJson()
    {
        JObject json = new()
        {
            ["experiment"] = Experiment,
        };
        if (Description is not null)
        {
            json["description"] = Description;
        }

        json["scenario"] = Scenario.ToJson();
        if (Data is not null)
        {
            json["data"] = Data.ToJson();
        }

        json["device"] = Device.ToString().ToLowerInvariant();
        json["threads"] = Threads;
        json["seeds"] = new JArray(Seeds);
        json["training"] = OptionsBinder.ToJson(Training);
        json["parties"] = new JObject(Parties.Select(p => new JProperty(p.Role.Name, p.ToJson())));
        return json;
    }
}
