namespace FakeAws.Engine.Lambda.Code;

/// <summary>
/// The code of a function: what runs in its execution environments. FakeAws binds it from
/// in-process .NET delegates or from a handler string; the engine only starts it and calls it.
/// </summary>
internal interface ILambdaCode
{
    /// <summary>A short, stable description of the code, hashed into the function's <c>CodeSha256</c>.</summary>
    string Identity { get; }

    /// <summary>
    /// Starts one execution environment: runs the function's init code (a handler type's constructor,
    /// an init delegate) and returns the handler the environment invokes. An exception is an init error.
    /// </summary>
    Task<ILambdaHandler> InitializeAsync(LambdaInit init);
}

/// <summary>The handler of one started execution environment.</summary>
internal interface ILambdaHandler
{
    /// <summary>Runs one invocation: the event JSON in, the response payload out. An exception is the function's error.</summary>
    Task<byte[]> InvokeAsync(byte[] payload, LambdaInvocation invocation);

    /// <summary>
    /// Whether the environment can run several invocations at once, as a Lambda Managed Instances
    /// environment does when its runtime shares one handler object between concurrent requests (.NET
    /// Tasks). An environment that serves one request at a time (a local process polling the Runtime
    /// API) says no, and each concurrent request gets an environment of its own.
    /// </summary>
    bool TakesConcurrentInvocations => false;
}

/// <summary>Finds the code of a function created over the wire from its <c>Handler</c> string and runtime.</summary>
internal interface ILambdaCodeResolver
{
    /// <summary>The code for <paramref name="handler"/>; code that cannot be found fails when its environment starts.</summary>
    ILambdaCode Resolve(string? handler, string? runtime);
}
