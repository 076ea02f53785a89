using Amazon.Runtime;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State;

namespace ConnectOps.Engine.Execution;

/// <summary>What kind of failure an exception is, in host-neutral terms (the host maps it to its categories).</summary>
public enum EngineErrorKind { NotSpecified, ResourceBusy, InvalidOperation, InvalidData, PermissionDenied, ConnectionError, OperationStopped, AuthenticationError, ObjectNotFound }

/// <summary>A classified failure: stable id, kind, and a message that says what to do.</summary>
public sealed record EngineError(string Id, EngineErrorKind Kind, string Message);

/// <summary>
/// Classifies the exceptions the engine and the AWS SDK throw, so hosts never need to reference the
/// SDK's types (the cmdlet assembly must not: AWSSDK lives in the module's own load context).
/// </summary>
public static class EngineErrors
{
    /// <summary>Null when the exception is not one the engine expects (a bug: let it surface as is).</summary>
    public static EngineError? Classify(Exception ex) => ex switch
    {
        AggregateException { InnerExceptions.Count: 1 } agg => Classify(agg.InnerExceptions[0]),
        StateLockedException sl => new(sl.ErrorId, EngineErrorKind.ResourceBusy, ex.Message),
        StateBackendException sb => new(sb.ErrorId, sb.Failure switch
        {
            StateBackendFailure.NotFound => EngineErrorKind.ObjectNotFound,
            StateBackendFailure.AccessDenied => EngineErrorKind.PermissionDenied,
            StateBackendFailure.Unavailable => EngineErrorKind.ConnectionError,
            _ => EngineErrorKind.InvalidOperation,
        }, ex.Message),
        StateVersionNotFoundException sv => new(sv.ErrorId, EngineErrorKind.ObjectNotFound, ex.Message),
        ImperativeException ie => new(ie.ErrorId, ie.Kind, ex.Message),
        StateOperationException so => new(so.ErrorId, so.ErrorId is "ConnectOps.AddressNotInState" or "ConnectOps.ImportNotFound" or "ConnectOps.StateEmpty"
            ? EngineErrorKind.ObjectNotFound : EngineErrorKind.InvalidOperation, ex.Message),
        StateConflictException sc => new(sc.ErrorId, EngineErrorKind.ResourceBusy, ex.Message),
        StalePlanException sp => new(sp.ErrorId, EngineErrorKind.InvalidOperation, ex.Message),
        StateException se => new(se.ErrorId, EngineErrorKind.InvalidData, ex.Message),
        PlanFileException pf => new(pf.ErrorId, EngineErrorKind.InvalidData, ex.Message),
        Migration.Terraform.TerraformMigrationException tm => new(tm.ErrorId, tm.ErrorId switch
        {
            "ConnectOps.Terraform.NotFound" => EngineErrorKind.ObjectNotFound,
            "ConnectOps.Terraform.OutputExists" => EngineErrorKind.InvalidOperation,
            _ => EngineErrorKind.InvalidData,
        }, ex.Message),
        ReconcileException => new("ConnectOps.ApplyFailed", EngineErrorKind.InvalidOperation, ex.Message),
        AmazonServiceException ase when ase.StatusCode is System.Net.HttpStatusCode.Forbidden || ase.ErrorCode is "AccessDeniedException" or "AccessDenied" =>
            new("ConnectOps.AccessDenied", EngineErrorKind.PermissionDenied, $"{ase.ErrorCode}: {ase.Message} Check the credentials' IAM permissions (Get-ConnectIamPolicy lists what ConnectOps needs)."),
        AmazonServiceException ase when ase.ErrorCode is "UnrecognizedClientException" or "InvalidClientTokenId" or "ExpiredTokenException" or "SignatureDoesNotMatch" =>
            new("ConnectOps.AwsCredentials", EngineErrorKind.AuthenticationError, $"{ase.ErrorCode}: {ase.Message} Refresh the credentials (-ProfileName, AWS_PROFILE, aws sso login)."),
        AmazonServiceException ase => new("ConnectOps.AwsError", EngineErrorKind.InvalidOperation, $"{ase.ErrorCode}: {ase.Message}"),
        AmazonClientException => new("ConnectOps.AwsClient", EngineErrorKind.AuthenticationError, $"{ex.Message} Set -Region and credentials (-ProfileName, AWS_PROFILE or AWS_ACCESS_KEY_ID), or -EndpointUrl for the emulator."),
        HttpRequestException => new("ConnectOps.Network", EngineErrorKind.ConnectionError, $"Could not reach AWS: {ex.Message} Check -EndpointUrl and the network."),
        TimeoutException => new("ConnectOps.Timeout", EngineErrorKind.ConnectionError, ex.Message),
        OperationCanceledException => new("ConnectOps.Cancelled", EngineErrorKind.OperationStopped, "Stopped. Changes that had finished are saved in state; run Invoke-ConnectApply again to continue."),
        NotSupportedException => new("ConnectOps.NotSupported", EngineErrorKind.InvalidOperation, ex.Message),
        FileNotFoundException => new("ConnectOps.FileNotFound", EngineErrorKind.ObjectNotFound, ex.Message),
        _ => null,
    };
}
