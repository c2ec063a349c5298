using System.Runtime.Loader;
using Anc.Components;
using Anc.Diagnostics;
using Anc.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using TorchSharp;

namespace Anc.Framework.Tests;

public sealed class PluginLoadingTests
{
    [Fact]
    public void The_built_in_plugin_loads_in_its_own_context_and_contributes_every_symmetric_component()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        PluginCatalog catalog = services.GetRequiredService<PluginCatalog>();

        LoadedPlugin plugin = Assert.Single(catalog.Plugins);
        Assert.Equal("Anc.Plugins.Symmetric", plugin.Name);
        Assert.Equal(Path.Combine(BuiltInPlugins.Folder, "Anc.Plugins.Symmetric"), plugin.Folder);
        Assert.Equal(
            ["architecture:mix-transform", "adversary:eve", "loss:l1-bits", "scenario:symmetric"],
            plugin.Components.Select(c => $"{PluginCatalog.KindName(c.Kind)}:{c.Name}"));

        Type scenario = plugin.Components.Single(c => c.Kind == ComponentKind.Scenario).ImplementationType;
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(scenario.Assembly));
    }

    [Fact]
    public void The_contract_and_TorchSharp_are_shared_between_host_and_plugin()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        PluginCatalog catalog = services.GetRequiredService<PluginCatalog>();
        Assert.True(catalog.TryGet(ComponentKind.Architecture, "mix-transform", out ComponentDescriptor architecture, out _));

        Assert.True(typeof(IArchitecture).IsAssignableFrom(architecture.ImplementationType));
        Assert.Contains(
            architecture.ImplementationType.Assembly.GetReferencedAssemblies(),
            name => name.Name == "TorchSharp");
        Assert.Same(typeof(torch).Assembly, AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "TorchSharp"));
    }

    [Fact]
    public void The_plugin_folder_describes_its_plugin_in_anc_plugin_json()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        LoadedPlugin plugin = Assert.Single(services.GetRequiredService<PluginCatalog>().Plugins);

        JObject metadata = JObject.Parse(File.ReadAllText(Path.Combine(plugin.Folder, "anc-plugin.json")));

        Assert.Equal("Anc.Plugins.Symmetric", (string)metadata["id"]!);
        Assert.Equal(plugin.Version, (string)metadata["version"]!);
        Assert.Equal(typeof(IAncPlugin).Assembly.GetName().Version!.ToString(), (string)metadata["abstractionsVersion"]!);
    }

    [Fact]
    public void A_missing_plugin_folder_is_one_clear_error()
    {
        string missing = Path.Combine(Path.GetTempPath(), "anc-no-such-folder-" + Guid.NewGuid());

        AncInputException error = Assert.Throws<AncInputException>(() => new ServiceCollection().AddAnc(o => o.AddPluginFolder(missing)));

        InputDiagnostic diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal($"plugin folder '{missing}' does not exist; pass an existing folder to --plugins.", diagnostic.ToString());
    }

    [Fact]
    public void A_folder_without_plugins_is_an_error()
    {
        string empty = Directory.CreateTempSubdirectory("anc-empty-").FullName;

        AncInputException error = Assert.Throws<AncInputException>(() => new ServiceCollection().AddAnc(o => o.AddPluginFolder(empty)));

        Assert.Contains("holds no plugin", Assert.Single(error.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_plugins_registering_one_name_are_refused_naming_both()
    {
        AncInputException error = Assert.Throws<AncInputException>(() =>
            new ServiceCollection().AddAnc(o => o.AddPluginFolder(BuiltInPlugins.Folder).AddPlugin(new ClashingPlugin())));

        string message = Assert.Single(error.Diagnostics).Message;
        Assert.Contains("architecture 'mix-transform'", message, StringComparison.Ordinal);
        Assert.Contains("plugin 'Anc.Plugins.Symmetric'", message, StringComparison.Ordinal);
        Assert.Contains("plugin 'Anc.Framework.Tests'", message, StringComparison.Ordinal);
    }

    private sealed class ClashingPlugin : IAncPlugin
    {
        public void ConfigureServices(IServiceCollection services) =>
            services.AddAncArchitecture<ClashingArchitecture, NoOptions>("mix-transform", "Another network with a taken name.");
    }

    private sealed class ClashingArchitecture : IArchitecture
    {
        public TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Build(NetworkShape shape) =>
            TorchSharp.torch.nn.Linear(shape.InputWidth, shape.OutputWidth);
    }
}
