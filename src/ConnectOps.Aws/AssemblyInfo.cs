// The wire layer: generated request/response classes, one protocol implementation per AWS protocol,
// and the service clients on AWSSDK.Core's pipeline.
