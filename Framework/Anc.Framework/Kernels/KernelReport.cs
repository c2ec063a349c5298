using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Anc.Kernels;

/// <summary>
/// What this process found of torch's float32 kernels and what it did about it; a run records
/// it in <c>environment.json</c> under <c>kernels</c>.
/// </summary>
/// <param name="Setting">The <see cref="KernelGuard.SettingVariable"/> in force: <c>auto</c>, <c>on</c> or <c>off</c>.</param>
/// <param name="OneDnnConvolutions">Whether convolutions now use oneDNN; <see langword="null"/> where that cannot be told or changed.</param>
/// <param name="RoutedAround">Why convolutions were moved off oneDNN, when they were because a check failed.</param>
/// <param name="SelfTest">The self-test as first found in this process.</param>
/// <param name="SelfTestAfterRouting">The self-test again after convolutions were moved off oneDNN; <see langword="null"/> when they were not.</param>
/// <param name="Networks">The run's own networks against float64, as trained (empty where the scenario does not tell its networks).</param>
public sealed record KernelReport(
    string Setting,
    bool? OneDnnConvolutions,
    string? RoutedAround,
    IReadOnlyList<KernelCheck> SelfTest,
    IReadOnlyList<KernelCheck>? SelfTestAfterRouting,
    IReadOnlyList<KernelCheck> Networks)
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        FloatFormatHandling = FloatFormatHandling.String,
    });

    /// <summary>The self-test as it holds now: after routing where there was routing.</summary>
    [JsonIgnore]
    public IReadOnlyList<KernelCheck> Current => SelfTestAfterRouting ?? SelfTest;

    /// <summary>Whether every check as it holds now passed.</summary>
    public bool Correct => Current.All(c => c.Passed) && Networks.All(c => c.Passed);

    /// <summary>The report as <c>environment.json</c> keeps it.</summary>
    public JToken ToJson() => JToken.FromObject(this, Serializer);
}
