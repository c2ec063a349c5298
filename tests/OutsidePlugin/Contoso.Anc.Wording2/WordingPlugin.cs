using Anc;
using Anc.Components;
using Humanizer;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Anc.Wording2;

/// <summary>Registers a loss whose description Humanizer 2 writes, so loading it runs the plugin's own Humanizer.</summary>
public sealed class WordingPlugin : IAncPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services)
    {
        Version humanizer = typeof(InflectorExtensions).Assembly.GetName().Version!;
        services.AddAncLoss<AbsoluteErrorLoss, NoOptions>(
            "absolute-error-v2",
            $"{"MeanAbsoluteError".Humanize()} (described by Humanizer {humanizer.Major}.{humanizer.Minor}).");
    }
}
