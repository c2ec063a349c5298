using System.CommandLine;
using Anc.Host.Commands;
using Anc.Host.Console;
using Anc.Manifests;
using Anc.Observers;
using Anc.PluginHosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Anc.Host;

/// <summary>Builds the generic host that every verb runs in: logging, configuration and the ANC runtime with its plugins.</summary>
internal static class AncHostBuilder
{
    /// <summary>The host for a parsed command line: its <c>--plugins</c> folders and how to show progress.</summary>
    public static IHost Build(ParseResult parse, ProgressMode progress)
    {
        string[] pluginFolders = parse.GetValue(AncHostCommand.Plugins) ?? [];
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "anc-host",
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAnc(options => options.AddProgramPlugins(typeof(AncHostBuilder).Assembly, pluginFolders));
        if (progress != ProgressMode.None)
        {
            builder.Services.AddSingleton(_ => ProgressObserver(progress));
        }

        return builder.Build();
    }

    /// <summary>
    /// The observer that shows progress on standard output. A terminal that cannot move the
    /// cursor (no ANSI support, such as TERM=dumb) gets the lines a log gets.
    /// </summary>
    private static IRunObserver ProgressObserver(ProgressMode progress)
    {
        if (progress == ProgressMode.Live)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) });
            if (console.Profile.Capabilities.Ansi && console.Profile.Capabilities.Interactive)
            {
                return new LiveProgress(System.Console.Out, console, TimeProvider.System);
            }
        }

        return new LineProgress(System.Console.Out, TimeProvider.System);
    }

    /// <summary>
    /// For a verb that reads a manifest without training it: warns about refused plugins, then
    /// reads and checks the manifest at <paramref name="path"/> with <paramref name="overrides"/>.
    /// </summary>
    public static ResolvedManifest ReadManifest(IHost host, string path, IReadOnlyList<ManifestOverride> overrides)
    {
        WarnAboutRefusedPlugins(host);
        return host.Services.GetRequiredService<ManifestReader>().Read(path, overrides);
    }

    /// <summary>Prints each refused plugin as one warning line on standard error; the verb goes on with the plugins that loaded.</summary>
    public static void WarnAboutRefusedPlugins(IHost host)
    {
        foreach (PluginFault fault in host.Services.GetRequiredService<PluginCatalog>().Faults)
        {
            System.Console.Error.WriteLine($"warning: {fault.Message}");
        }
    }
}
