namespace Levity.Runtime.Filters;

/// <summary>A silo-wide incoming call filter written as a delegate (see <see cref="IIncomingGrainCallFilter"/>).</summary>
public delegate Task IncomingGrainCallFilterDelegate(IIncomingGrainCallContext context);
