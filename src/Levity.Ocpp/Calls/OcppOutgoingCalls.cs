using System.Buffers;
using Levity.Ocpp.Actions;
using Levity.Ocpp.Framing;
using Levity.Ocpp.Messages;
using Levity.Ocpp.Serialization;
using Levity.Ocpp.Validation;

namespace Levity.Ocpp.Calls;

/// <summary>
/// The server-initiated CALLs of one connection. OCPP-J allows one outstanding CALL per
/// direction, so calls are sent one at a time; the others wait, first in first out, in a queue
/// of at most <see cref="OcppProtocolOptions.MaxQueuedCalls"/>. Each sent call waits
/// <see cref="OcppProtocolOptions.ResponseTimeout"/> for its answer, which the gateway hands in
/// through <see cref="TryComplete(OcppCallResult)"/> or <see cref="TryComplete(OcppCallError)"/>.
/// </summary>
/// <remarks>
/// A caller that cancels gets a cancelled task at once, but a call already sent keeps the
/// connection's one slot until its answer or timeout: sending the next CALL earlier would break
/// the one-outstanding-call rule for the charge point. The caller's token never cancels the
/// send itself (that would abort the WebSocket); <see cref="Close"/> does, and fails everything at once.
/// </remarks>
public sealed class OcppOutgoingCalls : IDisposable
{
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> _send;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly int _maxQueued;
    private readonly OcppValidationMode _mode;
    private readonly Action<OcppActionInfo, OcppTolerance>? _tolerancesUsed;
    private readonly OcppMessageIdGenerator _ids = new();
    private readonly LinkedList<PendingCall> _queue = new();
    private readonly Lock _lock = new();

    // Cancels sends in flight when the connection closes; a caller's token never reaches the
    // socket, because cancelling a WebSocket send aborts the whole connection.
    private readonly CancellationTokenSource _closing = new();
    private PendingCall? _current;
    private bool _closed;

    /// <param name="send">Sends one frame on the connection.</param>
    /// <param name="timeProvider">The clock for response timeouts.</param>
    /// <param name="options">Timeout, queue bound and validation mode.</param>
    /// <param name="tolerancesUsed">Told which tolerances a typed response needed (to log and count them).</param>
    public OcppOutgoingCalls(
        Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask> send,
        TimeProvider timeProvider,
        OcppProtocolOptions options,
        Action<OcppActionInfo, OcppTolerance>? tolerancesUsed = null)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        _send = send;
        _timeProvider = timeProvider;
        _timeout = options.ResponseTimeout;
        _maxQueued = options.MaxQueuedCalls;
        _mode = options.ValidationMode;
        _tolerancesUsed = tolerancesUsed;
    }

    /// <summary>Calls waiting behind the outstanding one.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>The message id of the outstanding call, if any.</summary>
    public string? OutstandingMessageId
    {
        get
        {
            lock (_lock)
            {
                return _current?.MessageId;
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the charge point's typed, validated response.
    /// Fails with <see cref="OcppCallErrorException"/>, <see cref="OcppCallTimeoutException"/>,
    /// <see cref="OcppInvalidPayloadException"/>, <see cref="OcppConnectionClosedException"/> or
    /// <see cref="OcppCallQueueFullException"/>.
    /// </summary>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = OcppActions.Get(request.Action);
        EnsureServerInitiated(action);
        var messageId = _ids.Next();
        var frame = new ArrayBufferWriter<byte>(256);
        OcppFrameWriter.WriteCall(frame, messageId, request);
        var result = await Start(new PendingCall(action, messageId, frame.WrittenSpan.ToArray(), raw: false, cancellationToken));
        return (TResponse)result;
    }

    /// <summary>
    /// <see cref="CallAsync{TResponse}"/> for callers that hold the request as <see cref="IOcppRequest"/>
    /// (the response is the action's response record).
    /// </summary>
    public Task<IOcppResponse> CallAsync(IOcppRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = OcppActions.Get(request.Action);
        EnsureServerInitiated(action);
        var messageId = _ids.Next();
        var frame = new ArrayBufferWriter<byte>(256);
        OcppFrameWriter.WriteCall(frame, messageId, request);
        return CastAsync(Start(new PendingCall(action, messageId, frame.WrittenSpan.ToArray(), raw: false, cancellationToken)));

        static async Task<IOcppResponse> CastAsync(Task<object> result) => (IOcppResponse)await result;
    }

    /// <summary>
    /// Pass-through for the operator API: sends <paramref name="payloadJson"/> as the payload of
    /// <paramref name="action"/> after checking it strictly against the official schema, and
    /// returns the CALLRESULT payload verbatim (unvalidated).
    /// </summary>
    public async Task<ReadOnlyMemory<byte>> CallRawAsync(string action, ReadOnlyMemory<byte> payloadJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!OcppActions.TryGet(action, out var info))
        {
            throw new ArgumentException($"'{action}' is not an OCPP 1.6 action.", nameof(action));
        }

        EnsureServerInitiated(info);
        if (info.RequestSchema.Validate(payloadJson.Span, OcppValidationMode.Strict, out _) is { } error)
        {
            throw new OcppInvalidPayloadException(info.Name, messageId: null, error, isResponse: false);
        }

        var messageId = _ids.Next();
        var frame = new ArrayBufferWriter<byte>(payloadJson.Length + 64);
        OcppFrameWriter.WriteCall(frame, messageId, info.Name, payloadJson.Span);
        var result = await Start(new PendingCall(info, messageId, frame.WrittenSpan.ToArray(), raw: true, cancellationToken));
        return (byte[])result;
    }

    /// <summary>
    /// Completes the outstanding call with this CALLRESULT. False when the message id is not
    /// the outstanding call's (late, duplicate or unknown): the caller logs and drops it.
    /// </summary>
    /// <summary>The action of the outstanding call with <paramref name="messageId"/>, for logs of its answer.</summary>
    public OcppActionInfo? ActionOf(string messageId)
    {
        lock (_lock)
        {
            return _current is { } call && call.MessageId == messageId ? call.Action : null;
        }
    }

    public bool TryComplete(OcppCallResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Take(result.MessageId) is not { } call)
        {
            return false;
        }

        if (call.Raw)
        {
            call.Completion.TrySetResult(result.Payload.ToArray());
            return true;
        }

        var read = OcppPayloadReader.ReadResponse(call.Action, result.Payload.Span, _mode);
        if (!read.IsSuccess)
        {
            call.Completion.TrySetException(new OcppInvalidPayloadException(call.Action.Name, call.MessageId, read.Error, isResponse: true));
            return true;
        }

        if (read.Tolerances != OcppTolerance.None)
        {
            _tolerancesUsed?.Invoke(call.Action, read.Tolerances);
        }

        call.Completion.TrySetResult(read.Value);
        return true;
    }

    /// <summary>Fails the outstanding call with this CALLERROR; false when the id is not outstanding.</summary>
    public bool TryComplete(OcppCallError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Take(error.MessageId) is not { } call)
        {
            return false;
        }

        var details = System.Text.Encoding.UTF8.GetString(error.ErrorDetails.Span);
        call.Completion.TrySetException(new OcppCallErrorException(call.Action.Name, call.MessageId, error.ErrorCode, error.ErrorCodeText, error.ErrorDescription, details));
        return true;
    }

    /// <summary>
    /// Fails the outstanding call whose response arrived broken (a truncated CALLRESULT whose
    /// id could be recovered), rather than letting it wait for the timeout.
    /// </summary>
    public bool TryFail(string messageId, OcppError error)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(error);
        if (Take(messageId) is not { } call)
        {
            return false;
        }

        call.Completion.TrySetException(new OcppInvalidPayloadException(call.Action.Name, call.MessageId, error, isResponse: true));
        return true;
    }

    /// <summary>The connection closed: fails the outstanding and every queued call now, and any later call at once.</summary>
    public void Close()
    {
        List<PendingCall> failed;
        PendingCall? sent;
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            failed = [.. _queue];
            sent = _current;
            _queue.Clear();
            _current = null;
        }

        _closing.Cancel();

        // The outstanding call went to the socket (or was going); the queued ones never left.
        if (sent is not null)
        {
            sent.Release();
            sent.Completion.TrySetException(new OcppConnectionClosedException(sent.Action.Name, sent.MessageId, wasSent: true));
        }

        foreach (var call in failed)
        {
            call.Release();
            call.Completion.TrySetException(new OcppConnectionClosedException(call.Action.Name, call.MessageId));
        }
    }

    public void Dispose()
    {
        Close();
        _closing.Dispose();
    }

    private static void EnsureServerInitiated(OcppActionInfo action)
    {
        if (!action.CanBeSentBy(OcppRole.CentralSystem))
        {
            throw new ArgumentException($"{action.Name} is sent by charge points, not by the central system.", nameof(action));
        }
    }

    private Task<object> Start(PendingCall call)
    {
        if (call.CancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<object>(call.CancellationToken);
        }

        // Registered before the call is visible, so Release always disposes the registration.
        call.Registration = call.CancellationToken.Register(static state =>
        {
            var (owner, cancelled) = ((OcppOutgoingCalls, PendingCall))state!;
            owner.Withdraw(cancelled);
        }, (this, call));

        bool sendNow;
        lock (_lock)
        {
            if (_closed)
            {
                call.Release();
                throw new OcppConnectionClosedException(call.Action.Name, messageId: null);
            }

            sendNow = _current is null;
            if (sendNow)
            {
                _current = call;
            }
            else if (_queue.Count >= _maxQueued)
            {
                call.Release();
                throw new OcppCallQueueFullException(call.Action.Name, _maxQueued);
            }
            else
            {
                call.QueueNode = _queue.AddLast(call);
            }
        }

        if (sendNow)
        {
            _ = SendAsync(call);
        }

        return call.Completion.Task;
    }

    /// <summary>
    /// The caller cancelled: its task ends now and a queued call leaves the queue; a call
    /// already sent keeps the connection's slot until its answer or timeout.
    /// </summary>
    private void Withdraw(PendingCall call)
    {
        lock (_lock)
        {
            if (call.QueueNode is { List: not null } node)
            {
                _queue.Remove(node);
                call.QueueNode = null;
            }
        }

        call.Completion.TrySetCanceled(call.CancellationToken);
    }

    private async Task SendAsync(PendingCall call)
    {
        if (call.Completion.Task.IsCompleted)
        {
            // Cancelled before its turn came.
            Take(call.MessageId);
            return;
        }

        try
        {
            await _send(call.Frame, _closing.Token);
        }
        catch (Exception exception)
        {
            // Not sent, or not known to be: free the slot so the next call can go.
            call.Completion.TrySetException(new OcppConnectionClosedException(call.Action.Name, call.MessageId, exception));
            Take(call.MessageId);
            return;
        }

        lock (_lock)
        {
            if (_current == call)
            {
                call.Timer = _timeProvider.CreateTimer(static state =>
                {
                    var (owner, timedOut) = ((OcppOutgoingCalls, PendingCall))state!;
                    owner.OnTimeout(timedOut);
                }, (this, call), _timeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnTimeout(PendingCall call)
    {
        if (Take(call.MessageId) is not null)
        {
            call.Completion.TrySetException(new OcppCallTimeoutException(call.Action.Name, call.MessageId, _timeout));
        }
    }

    /// <summary>
    /// Removes the outstanding call if it has <paramref name="messageId"/>, promotes the next
    /// queued call and starts sending it. Returns the removed call, released.
    /// </summary>
    private PendingCall? Take(string messageId)
    {
        PendingCall? taken;
        PendingCall? next = null;
        lock (_lock)
        {
            if (_current is null || !string.Equals(_current.MessageId, messageId, StringComparison.Ordinal))
            {
                return null;
            }

            taken = _current;
            _current = null;
            while (_queue.First?.Value is { } first)
            {
                _queue.RemoveFirst();
                first.QueueNode = null;
                if (!first.Completion.Task.IsCompleted)
                {
                    next = first;
                    break;
                }
            }

            _current = next;
        }

        taken.Release();
        if (next is not null)
        {
            _ = SendAsync(next);
        }

        return taken;
    }
}
