using Anc.PluginHosting;

namespace Anc.Framework.Tests;

public sealed class AbstractionsCompatibilityTests
{
    [Theory]
    [InlineData("1.0.0.0", "1.0.0.0")]
    [InlineData("1.0.0.0", "1.4.2.0")]
    [InlineData("1.4.2.0", "1.0.0.0")]
    [InlineData("0.1.0.0", "0.9.0.0")]
    public void A_plugin_built_against_the_same_major_version_is_accepted(string referenced, string host)
    {
        Assert.Null(AbstractionsCompatibility.Refusal("P", "/plugins/P", Version.Parse(referenced), Version.Parse(host)));
    }

    [Fact]
    public void A_plugin_built_against_another_major_version_is_refused_naming_both_versions_and_the_fix()
    {
        string? refusal = AbstractionsCompatibility.Refusal("Old.Plugin", "/plugins/Old.Plugin", new Version(1, 0, 0, 0), new Version(2, 3, 0, 0));

        Assert.Equal(
            "plugin 'Old.Plugin' (/plugins/Old.Plugin) was built against Anc.Abstractions 1.0.0.0 but this host has 2.3.0.0; rebuild it against Anc.Abstractions 2.3.0.0.",
            refusal);
    }

    [Fact]
    public void A_plugin_that_does_not_reference_the_contract_is_refused()
    {
        string? refusal = AbstractionsCompatibility.Refusal("Lib", "/plugins/Lib", referenced: null, new Version(0, 1, 0, 0));

        Assert.Equal(
            "plugin 'Lib' (/plugins/Lib) does not reference Anc.Abstractions, so it cannot be an ANC plugin; " +
            "build it against Anc.Abstractions 0.1.0.0 with one public class implementing Anc.IAncPlugin.",
            refusal);
    }

    [Fact]
    public void The_referenced_version_is_read_from_the_assembly_metadata()
    {
        string plugin = Path.Combine(BuiltInPlugins.Folder, "Anc.Plugins.Encryption", "Anc.Plugins.Encryption.dll");

        Assert.Equal(typeof(IAncPlugin).Assembly.GetName().Version, AbstractionsCompatibility.HostVersion);
        Assert.Equal(AbstractionsCompatibility.HostVersion, AbstractionsCompatibility.ReferencedVersion(plugin));
        Assert.Null(AbstractionsCompatibility.ReferencedVersion(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_has_no_readable_reference()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("anc-not-assembly-").FullName, "Fake.dll");
        File.WriteAllText(file, "not an assembly");

        Assert.Throws<BadImageFormatException>(() => AbstractionsCompatibility.ReferencedVersion(file));
    }
}
