using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SfnResume.Api;

namespace SfnResume.Server;

/// <summary>
/// One request: framing checks, optional SigV4, dispatch by <c>X-Amz-Target</c>, and every failure written in AWS's
/// error shape (api-protocol.md section 2). Nothing a client sends should reach the InternalFailure branch.
/// </summary>
internal sealed partial class SfnRequestHandler(IStepFunctionsApi api, SfnServerOptions options, ILogger logger)
{
    internal const string ContentType = "application/x-amz-json-1.0";

    private readonly SigV4Verifier? _verifier = options.RequireAuth
        ? new SigV4Verifier(options.AccessKeys, options.MaxClockSkew, options.TimeProvider)
        : null;

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        byte[] body;
        int status;
        try
        {
            body = await DispatchAsync(context).ConfigureAwait(false);
            status = StatusCodes.Status200OK;
        }
        catch (SfnServiceException error)
        {
            body = ApiOperations.WriteError(error);
            status = error.StatusCode;
            response.Headers["x-amzn-ErrorType"] = error.ErrorType;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // The detail goes to the log, not to the caller.
            LogInternalFailure(logger, ex);
            var error = SfnServiceException.InternalFailure("An internal error occurred");
            body = ApiOperations.WriteError(error);
            status = error.StatusCode;
            response.Headers["x-amzn-ErrorType"] = error.ErrorType;
        }

        response.StatusCode = status;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<byte[]> DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        var target = request.Headers["X-Amz-Target"].ToString();
        if (!HttpMethods.IsPost(request.Method) || request.Path.Value is not ("/" or "" or null))
        {
            throw SfnServiceException.UnknownOperation($"{request.Method} {request.Path}");
        }

        if (!IsJsonContentType(request.ContentType))
        {
            // The JSON protocol routes on content type; coral answers an unsupported one as an unknown operation.
            throw SfnServiceException.UnknownOperation(string.IsNullOrEmpty(target) ? "(no X-Amz-Target)" : target);
        }

        var operation = ApiOperations.OperationFromTarget(string.IsNullOrEmpty(target) ? null : target);
        var bytes = await RequestBody.ReadAsync(request, options.MaxRequestBytes, context.RequestAborted).ConfigureAwait(false);
        _verifier?.Verify(request, bytes);
        return await ApiOperations.InvokeAsync(api, operation, bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/x-amz-json-1.1", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with an unexpected error")]
    private static partial void LogInternalFailure(ILogger logger, Exception exception);
}
