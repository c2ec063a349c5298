namespace Anc.Plugin.Sdk.Tests;

/// <summary>The tests that share one <see cref="OutsideAuthor"/>'s packages and plugins.</summary>
[CollectionDefinition(Name)]
public sealed class OutsideAuthorCollection : ICollectionFixture<OutsideAuthor>
{
    public const string Name = "outside author";
}
