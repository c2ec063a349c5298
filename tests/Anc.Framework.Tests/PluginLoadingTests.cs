using System.Runtime.Loader;
using Anc.Components;
using Anc.Diagnostics;
using Anc.Manifests;
using Anc.PluginHosting;
using Anc.Scenarios;
using Anc.Training.Engine;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using TorchSharp;

namespace Anc.Framework.Tests;

public sealed class PluginLoadingTests
{
    [Fact]
    public void The_encryption_plugin_loads_in_its_own_context_and_contributes_every_component_of_both_scenarios()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        PluginCatalog catalog = services.GetRequiredService<PluginCatalog>();

        Assert.Equal(BuiltInPlugins.Names, catalog.Plugins.Select(p => p.Name));
        LoadedPlugin plugin = catalog.Plugins[0];
        Assert.Equal(Path.Combine(BuiltInPlugins.Folder, "Anc.Plugins.Encryption"), plugin.Folder);
        Assert.Equal(
            [
                "architecture:mix-transform", "architecture:identity-cipher", "architecture:fixed-key-xor", "architecture:one-time-pad",
                "adversary:eve", "adversary:public-key-eve", "loss:l1-bits", "scenario:symmetric", "scenario:public-key",
                "attack:fresh-eve", "attack:linear-probe", "attack:chosen-plaintext",
            ],
            plugin.Components.Select(c => $"{PluginCatalog.KindName(c.Kind)}:{c.Name}"));

        Type scenario = plugin.Components.First(c => c.Kind == ComponentKind.Scenario).ImplementationType;
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(scenario.Assembly));
    }

    [Fact]
    public void The_selective_protection_plugin_contributes_a_data_generator_besides_its_other_components()
    {
        using ServiceProvider services = BuiltInPlugins.Services();
        PluginCatalog catalog = services.GetRequiredService<PluginCatalog>();

        LoadedPlugin plugin = catalog.Plugins.Single(p => p.Name == "Anc.Plugins.SelectiveProtection");
        Assert.Equal(
            ["data generator:correlated-gaussian", "data generator:csv", "architecture:dense", "adversary:c-eve", "loss:squared-error", "scenario:selective-protection"],
            plugin.Components.Select(c => $"{PluginCatalog.KindName(c.Kind)}:{c.Name}"));
        Assert.True(catalog.TryGet(ComponentKind.DataGenerator, "correlated-gaussian", out ComponentDescriptor generator, out _));
        Assert.True(typeof(IDataGenerator).IsAssignableFrom(generator.ImplementationType));
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(generator.ImplementationType.Assembly));
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
        LoadedPlugin plugin = services.GetRequiredService<PluginCatalog>().Plugins[0];

        JObject metadata = JObject.Parse(File.ReadAllText(Path.Combine(plugin.Folder, "anc-plugin.json")));

        Assert.Equal("Anc.Plugins.Encryption", (string)metadata["id"]!);
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
        Assert.Contains("plugin 'Anc.Plugins.Encryption'", message, StringComparison.Ordinal);
        Assert.Contains("plugin 'Anc.Framework.Tests'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_whose_ConfigureServices_throws_is_refused_and_the_built_in_plugin_stays_usable()
    {
        using ServiceProvider services = BuiltInPlugins.Services(o => o.AddPlugin(new ThrowingPlugin()));
        PluginCatalog catalog = services.GetRequiredService<PluginCatalog>();

        PluginFault fault = Assert.Single(catalog.Faults);
        Assert.Equal("Anc.Framework.Tests", fault.Name);
        Assert.Equal("(in process)", fault.Folder);
        Assert.Equal(
            "plugin 'Anc.Framework.Tests' (in process) failed in ConfigureServices: InvalidOperationException: " +
            "its settings are broken; it was left out: fix the plugin, or remove it.",
            fault.Message);
        Assert.Equal(BuiltInPlugins.Names, catalog.Plugins.Select(p => p.Name));
        Assert.False(catalog.TryGet(ComponentKind.Architecture, "half-registered", out _, out _));
        Assert.DoesNotContain(services.GetServices<ComponentDescriptor>(), c => c.Name == "half-registered");
        Assert.Empty(services.GetServices<ThrowingPlugin>());

        ResolvedManifest manifest = services.Reader().Parse(ExperimentRunnerTests.TinyManifest, "tiny.json");
        (IScenario scenario, IReadOnlyDictionary<string, Party> parties, IDataGenerator? data) = services.GetRequiredService<ExperimentComposer>().Compose(manifest);
        Assert.Equal("symmetric", manifest.Scenario.Descriptor.Name);
        Assert.Equal(scenario.Parties.Select(r => r.Name), parties.Keys);
        Assert.Null(data);
    }

    [Fact]
    public void An_assembly_that_does_not_reference_the_contract_is_refused_and_the_other_plugins_load()
    {
        string folder = Directory.CreateTempSubdirectory("anc-not-a-plugin-").FullName;
        string plugin = Path.Combine(folder, "Newtonsoft.Json");
        Directory.CreateDirectory(plugin);
        File.Copy(typeof(JObject).Assembly.Location, Path.Combine(plugin, "Newtonsoft.Json.dll"));

        using ServiceProvider services = BuiltInPlugins.Services(o => o.AddPluginFolder(folder));
        PluginCatalog catalog = services.GetRequiredService<PluginCatalog>();

        Assert.Equal(BuiltInPlugins.Names, catalog.Plugins.Select(p => p.Name));
        PluginFault fault = Assert.Single(catalog.Faults);
        Assert.Equal(plugin, fault.Folder);
        Assert.StartsWith($"plugin 'Newtonsoft.Json' ({plugin}) does not reference Anc.Abstractions, so it cannot be an ANC plugin;", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plugin_is_named_by_anc_plugin_json_but_judged_by_its_assembly()
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("anc-renamed-").FullName, "Anc.Plugins.Encryption");
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(Path.Combine(BuiltInPlugins.Folder, "Anc.Plugins.Encryption")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        // A stale or edited file claims another contract version; the assembly's own reference decides.
        File.WriteAllText(Path.Combine(folder, "anc-plugin.json"), """{ "id": "symmetric-renamed", "version": "7.7.7", "abstractionsVersion": "9.0.0.0" }""");

        ServiceCollection collection = new();
        collection.AddAnc(o => o.AddPluginFolder(folder));
        using ServiceProvider services = collection.BuildServiceProvider();
        PluginCatalog catalog = services.GetRequiredService<PluginCatalog>();

        Assert.Empty(catalog.Faults);
        LoadedPlugin plugin = Assert.Single(catalog.Plugins);
        Assert.Equal(("symmetric-renamed", "7.7.7", folder), (plugin.Name, plugin.Version, plugin.Folder));
        Assert.Equal(12, plugin.Components.Count);
    }

    private sealed class ThrowingPlugin : IAncPlugin
    {
        public void ConfigureServices(IServiceCollection services)
        {
            services.AddAncArchitecture<ClashingArchitecture, NoOptions>("half-registered", "Registered before the plugin throws.");
            services.AddSingleton(this);
            throw new InvalidOperationException("its settings are broken.");
        }
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
