using Microsoft.Extensions.DependencyInjection;

namespace Anc;

/// <summary>
/// The entry point of a plugin assembly. The host creates it with its parameterless
/// constructor and calls <see cref="ConfigureServices"/> once, before the service provider
/// is built; the plugin registers its components with the <c>AddAnc…</c> methods of
/// <see cref="AncComponentServiceCollectionExtensions"/>.
/// </summary>
public interface IAncPlugin
{
    /// <summary>Registers the plugin's components and the services they need.</summary>
    /// <param name="services">The host's service collection.</param>
    void ConfigureServices(IServiceCollection services);
}
