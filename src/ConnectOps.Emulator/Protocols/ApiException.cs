using System.Text.Json.Nodes;
using ConnectOps.Emulator.Models;

namespace ConnectOps.Emulator.Protocols;

/// <summary>
/// An error the emulated service returns. <see cref="ShapeName"/> names the model's exception shape
/// (e.g. ResourceNotFoundException, NoSuchEntityException); the wire code and HTTP status come from the model.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(string shapeName, string message, JsonObject? extra = null, int? status = null)
        : base(message)
    {
        ShapeName = shapeName;
        Extra = extra;
        ExplicitStatus = status;
    }

    public string ShapeName { get; }

    public JsonObject? Extra { get; }

    public int? ExplicitStatus { get; }

    /// <summary>The code the client sees (x-amzn-ErrorType, __type, or the query protocol's Code element).</summary>
    public string CodeFor(ServiceModel? model) =>
        model is not null && model.TryGetShape(ShapeName, out var shape) && shape.ErrorCode is { } code ? code : ShapeName;

    public int StatusFor(ServiceModel? model)
    {
        if (ExplicitStatus is { } status)
        {
            return status;
        }

        if (model is not null && model.TryGetShape(ShapeName, out var shape) && shape.ErrorStatus is { } modelled)
        {
            return modelled;
        }

        return ShapeName switch
        {
            "ThrottlingException" or "Throttling" or "LimitExceededException" => 429,
            "ResourceNotFoundException" => model?.Protocol == "json" ? 400 : 404,
            "InternalServiceException" or "InternalFailure" or "ServiceFailure" => 500,
            "UnknownOperationException" => 404,
            "NotImplementedException" => 501,
            _ => 400,
        };
    }

    public static ApiException NotFound(string what) => new("ResourceNotFoundException", what);

    public static ApiException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static ApiException InvalidRequest(string message) => new("InvalidRequestException", message);

    public static ApiException Duplicate(string message) => new("DuplicateResourceException", message);

    public static ApiException InUse(string message, string resourceType, string resourceId) =>
        new("ResourceInUseException", message, new JsonObject { ["ResourceType"] = resourceType, ["ResourceId"] = resourceId });

    public static ApiException QuotaExceeded(string message) => new("ServiceQuotaExceededException", message);

    /// <summary>
    /// The validation error the operation itself declares: InvalidParameterException, else InvalidRequestException,
    /// else the protocol's generic validation code. Real services use these, and SDKs map them to modelled exceptions.
    /// </summary>
    public static ApiException Validation(Operation operation, string message)
    {
        foreach (var candidate in new[] { "InvalidParameterException", "InvalidRequestException", "ValidationException", "InvalidInputException", "InvalidParameterValueException" })
        {
            if (operation.DeclaresError(candidate))
            {
                return new ApiException(candidate, message);
            }
        }

        return operation.Service.Protocol switch
        {
            "query" => new ApiException("ValidationError", message, status: 400),
            "rest-json" => new ApiException("InvalidRequestException", message, status: 400),
            _ => new ApiException("ValidationException", message, status: 400),
        };
    }
}
