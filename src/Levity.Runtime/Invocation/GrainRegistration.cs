namespace Levity.Runtime.Invocation;

/// <summary>One <c>silo.AddGrain&lt;TInterface, TGrain&gt;()</c>, checked when it was made.</summary>
internal sealed record GrainRegistration(Type Interface, GrainClassInfo GrainClass);
