using Anc.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds the ANC runtime to an application builder, such as the one of <c>Host.CreateApplicationBuilder</c>.</summary>
public static class AncHostApplicationBuilderExtensions
{
    /// <summary>
    /// Loads the plugins <paramref name="configure"/> names and adds the ANC runtime, with
    /// <see cref="Anc.Training.IExperimentRunner"/>, to the builder's services; the same as
    /// <c>builder.Services.AddAnc(configure)</c>.
    /// </summary>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="Anc.Diagnostics.AncInputException">A plugin folder named with <see cref="AncOptions.AddPluginFolder"/> is missing or empty, or two plugins register one name.</exception>
    public static TBuilder AddAnc<TBuilder>(this TBuilder builder, Action<AncOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAnc(configure);
        return builder;
    }
}
