using Levity.Runtime.Filters;
using Levity.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Levity.Runtime.Activation;

/// <summary>The grain instance: construction in the activation's DI scope, and disposal.</summary>
internal sealed partial class GrainActivation
{
    [ThreadStatic]
    private static GrainActivation? _constructing;

    private Grain? _grain;
    private AsyncServiceScope? _scope;

    /// <summary>The activation whose grain is being constructed on this thread (read by <see cref="Grain"/>'s constructor).</summary>
    public static GrainActivation? Constructing => _constructing;

    private async Task DisposeGrainAsync()
    {
        try
        {
            switch (_grain)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }

            if (_scope is { } scope)
            {
                await scope.DisposeAsync();
            }
        }
        catch (Exception exception)
        {
            Log.DisposeFailed(_logger, GrainId, exception);
        }
    }

    private IGrainStateLoader[] CreateGrain()
    {
        var scope = Silo.Services.CreateAsyncScope();
        _scope = scope;
        _constructing = this;
        try
        {
            _grain = GrainClass.CreateInstance(GrainId, scope.ServiceProvider, out var states);
            GrainFilter = _grain as IIncomingGrainCallFilter;
            return states;
        }
        finally
        {
            _constructing = null;
        }
    }
}
