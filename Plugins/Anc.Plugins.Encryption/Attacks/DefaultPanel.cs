namespace Anc.Plugins.Encryption.Attacks;

/// <summary>The encryption scenarios' default attack panel, <c>panels/default.json</c>, embedded in the plugin.</summary>
internal static class DefaultPanel
{
    /// <summary>The panel file's text.</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        using Stream stream = typeof(DefaultPanel).Assembly.GetManifestResourceStream("Anc.Plugins.Encryption.default-panel.json")
            ?? throw new InvalidOperationException("The plugin was built without its default attack panel.");
        using StreamReader reader = new(stream);
        return reader.ReadToEnd();
    }
}
