using Anc.Observers;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.TestPlugins.Faulty;

/// <summary>Registers the <c>faulty</c> architecture, and an observer that throws in runs of the experiment <c>observer-fault</c>.</summary>
public sealed class FaultyPlugin : IAncPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddAncArchitecture<FaultyArchitecture, FaultyOptions>("faulty", "One linear layer that fails on purpose after some forward passes: NaN outputs, or an exception.");
        services.AddSingleton<IRunObserver, FaultyObserver>();
    }
}
