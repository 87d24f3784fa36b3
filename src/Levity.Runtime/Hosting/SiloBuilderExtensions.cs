using System.Text.Json.Serialization.Metadata;
using Levity.Runtime.Filters;
using Levity.Runtime.Invocation;
using Levity.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Runtime.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TGrain"/> as the grain class behind <typeparamref name="TGrainInterface"/>.
    /// The interface and class are checked now; a class may implement several grain interfaces
    /// (register each), and all of them then reach the same activation for a key.
    /// </summary>
    /// <exception cref="ArgumentException">The interface or class cannot be used by the runtime (the message says why).</exception>
    public static ISiloBuilder AddGrain<TGrainInterface, TGrain>(this ISiloBuilder builder)
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface
    {
        ArgumentNullException.ThrowIfNull(builder);
        InterfaceMethods.GetCallableMethods(typeof(TGrainInterface));
        builder.Services.AddSingleton(new GrainRegistration(typeof(TGrainInterface), new GrainClassInfo(typeof(TGrain))));
        return builder;
    }

    /// <summary>Adds a silo-wide incoming call filter (a DI singleton); filters run in the order added.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    /// <inheritdoc cref="AddIncomingGrainCallFilter{TFilter}(ISiloBuilder)"/>
    public static ISiloBuilder AddIncomingGrainCallFilter(this ISiloBuilder builder, IIncomingGrainCallFilter filter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(filter);
        builder.Services.AddSingleton(filter);
        return builder;
    }

    /// <inheritdoc cref="AddIncomingGrainCallFilter{TFilter}(ISiloBuilder)"/>
    public static ISiloBuilder AddIncomingGrainCallFilter(this ISiloBuilder builder, IncomingGrainCallFilterDelegate filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return builder.AddIncomingGrainCallFilter(new DelegateIncomingGrainCallFilter(filter));
    }

    /// <summary>Configures runtime options (<c>GrainCollectionOptions</c>, <c>SiloMessagingOptions</c>, ...).</summary>
    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds a source-generated JSON resolver (a <c>JsonSerializerContext</c>) holding contracts of
    /// grain state types. Every <see cref="PersistentStateAttribute"/> state type must be covered;
    /// the silo checks at start.
    /// </summary>
    public static ISiloBuilder AddJsonTypeInfoResolver(this ISiloBuilder builder, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolver);
        builder.Services.Configure<JsonGrainStorageSerializerOptions>(options => options.TypeInfoResolvers.Add(resolver));
        return builder;
    }

    /// <summary>Registers a grain storage under <paramref name="name"/> (a keyed DI singleton).</summary>
    public static ISiloBuilder AddGrainStorage(this ISiloBuilder builder, string name, Func<IServiceProvider, string, IGrainStorage> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddKeyedSingleton(name, (provider, _) => factory(provider, name));
        return builder;
    }
}
