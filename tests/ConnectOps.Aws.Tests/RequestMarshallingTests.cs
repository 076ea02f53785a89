using System.Collections;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using ConnectOps.Aws.Connect;
using ConnectOps.Aws.Connect.Model;
using ConnectOps.Aws.Protocols;
using ConnectOps.Aws.Runtime;
using ConnectOps.Aws.Tests.TestSupport;

namespace ConnectOps.Aws.Tests;

/// <summary>Every generated request, built from the model's own types, enums and ranges, goes on the wire as the model says.</summary>
public class RequestMarshallingTests
{
    public static IEnumerable<object[]> OperationIds() => Samples.OperationIds();

    private static (OperationMetadata Op, object Request, IRequest Wire) Marshall(string id, bool withOptional = true)
    {
        var op = Samples.Operations[id];
        var request = Samples.Request(op, withOptional);
        var wire = ProtocolFactory.Marshall(op, (AmazonWebServiceRequest)request);
        wire.Endpoint = new Uri("https://example.amazonaws.com");
        return (op, request, wire);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Request_with_required_and_optional_members_matches_the_model(string id)
    {
        var (op, request, wire) = Marshall(id);
        Assert.Equal(op.HttpMethod, wire.HttpMethod);
        switch (op.Service.Protocol)
        {
            case WireProtocol.RestJson:
                CheckRestJson(op, request, wire);
                break;
            case WireProtocol.Json:
                CheckJsonRpc(op, request, wire);
                break;
            case WireProtocol.Query:
                CheckQuery(op, request, wire);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Request_with_only_required_members_matches_the_model(string id)
    {
        var (op, request, wire) = Marshall(id, withOptional: false);
        Assert.Equal(op.HttpMethod, wire.HttpMethod);
        if (op.Service.Protocol == WireProtocol.RestJson)
            CheckRestJson(op, request, wire);
        else if (op.Service.Protocol == WireProtocol.Json)
            CheckJsonRpc(op, request, wire);
        else
            CheckQuery(op, request, wire);
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Request_missing_a_required_member_is_rejected_naming_the_member(string id)
    {
        var op = Samples.Operations[id];
        var required = op.Input.Members.Where(m => m.Required && !m.IdempotencyToken).ToList();
        foreach (var member in required)
        {
            var request = Samples.Request(op);
            member.Setter(request, null);
            var e = Assert.Throws<RequestValidationException>(() => ProtocolFactory.Marshall(op, (AmazonWebServiceRequest)request));
            Assert.Equal($"{op.Input.Name}.{member.PropertyName}", e.MemberPath);
            Assert.Contains(member.PropertyName, e.Message);
            Assert.Contains(op.Name, e.Message);
        }
        // Operations with no required members marshal an empty request.
        if (required.Count == 0)
            ProtocolFactory.Marshall(op, (AmazonWebServiceRequest)op.Input.Factory!());
    }

    [Fact]
    public void Nested_required_member_missing_is_rejected_with_its_path()
    {
        var request = new CreateRoutingProfileRequest
        {
            InstanceId = "i", Name = "n", Description = "d", DefaultOutboundQueueId = "q",
            MediaConcurrencies = new() { new MediaConcurrency { Channel = Channel.VOICE, Concurrency = 1 }, new MediaConcurrency { Concurrency = 1 } },
        };
        var e = Assert.Throws<RequestValidationException>(() => ProtocolFactory.Marshall(ConnectOperations.CreateRoutingProfile, request));
        Assert.Equal("CreateRoutingProfileRequest.MediaConcurrencies[1].Channel", e.MemberPath);
    }

    [Fact]
    public void Empty_uri_label_is_rejected()
    {
        var e = Assert.Throws<RequestValidationException>(() =>
            ProtocolFactory.Marshall(ConnectOperations.DescribeQueue, new DescribeQueueRequest { InstanceId = "", QueueId = "q" }));
        Assert.Equal("DescribeQueueRequest.InstanceId", e.MemberPath);
    }

    [Fact]
    public void Arn_uri_label_is_percent_encoded_including_colon_and_slash_and_round_trips()
    {
        var wire = ProtocolFactory.Marshall(ConnectOperations.TagResource,
            new TagResourceRequest { ResourceArn = Samples.ArnLabel, Tags = new() { ["k"] = "v" } });
        wire.Endpoint = new Uri("https://connect.eu-west-2.amazonaws.com");
        var url = AmazonServiceClient.ComposeUrl(wire);
        var raw = url.OriginalString;
        Assert.Equal("https://connect.eu-west-2.amazonaws.com/tags/arn%3Aaws%3Aconnect%3Aeu-west-2%3A123456789012%3Ainstance%2Fabc%2Fcontact-flow%2Fdef%3A%24SAVED", raw);
        var segment = raw["https://connect.eu-west-2.amazonaws.com/tags/".Length..];
        Assert.DoesNotContain("/", segment);
        Assert.Equal(Samples.ArnLabel, Uri.UnescapeDataString(segment));
    }

    [Fact]
    public async Task Arn_uri_label_reaches_the_server_as_one_encoded_segment()
    {
        using var server = new StubServer(StubResponse.Json("{\"tags\":{\"a\":\"b\"}}"));
        using var client = Clients.Connect(server);
        var response = await client.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = Samples.ArnLabel });
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.StartsWith("/tags/arn%3Aaws%3Aconnect%3A", request.RawUrl);
        Assert.Equal(Samples.ArnLabel, Uri.UnescapeDataString(request.RawUrl["/tags/".Length..]));
        Assert.Equal("b", response.Tags!["a"]);
    }

    [Fact]
    public void Query_list_members_are_repeated_keys()
    {
        var wire = ProtocolFactory.Marshall(ConnectOperations.ListQueues, new ListQueuesRequest
        {
            InstanceId = "inst",
            QueueTypes = new() { QueueType.STANDARD, QueueType.AGENT },
            MaxResults = 100,
        });
        wire.Endpoint = new Uri("https://connect.eu-west-2.amazonaws.com");
        var url = AmazonServiceClient.ComposeUrl(wire).OriginalString;
        // AWSSDK.Core writes the query in canonical (sorted) order, as it signs it.
        Assert.Equal("https://connect.eu-west-2.amazonaws.com/queues-summary/inst?maxResults=100&queueTypes=AGENT&queueTypes=STANDARD", url);
        Assert.Null(wire.Content);
    }

    [Fact]
    public void Idempotency_token_is_filled_with_a_guid_when_null_and_kept_when_set()
    {
        var request = new ClaimPhoneNumberRequest { PhoneNumber = "+441234567890", InstanceId = "i" };
        var wire = ProtocolFactory.Marshall(ConnectOperations.ClaimPhoneNumber, request);
        Assert.True(Guid.TryParse(request.ClientToken, out _));
        using var body = JsonDocument.Parse(wire.Content);
        Assert.Equal(request.ClientToken, body.RootElement.GetProperty("ClientToken").GetString());

        var token = request.ClientToken;
        ProtocolFactory.Marshall(ConnectOperations.ClaimPhoneNumber, request);
        Assert.Equal(token, request.ClientToken);

        var release = new ReleasePhoneNumberRequest { PhoneNumberId = "p" };
        var releaseWire = ProtocolFactory.Marshall(ConnectOperations.ReleasePhoneNumber, release);
        Assert.True(Guid.TryParse(release.ClientToken, out _));
        Assert.Equal(release.ClientToken, releaseWire.Parameters["clientToken"]);
    }

    [Fact]
    public void Recursive_search_criteria_nest_on_the_wire()
    {
        var request = new SearchQueuesRequest
        {
            InstanceId = "i",
            SearchCriteria = new QueueSearchCriteria
            {
                OrConditions = new()
                {
                    new QueueSearchCriteria { StringCondition = new StringCondition { FieldName = "name", Value = "Sales", ComparisonType = StringComparisonType.EXACT } },
                    new QueueSearchCriteria
                    {
                        AndConditions = new()
                        {
                            new QueueSearchCriteria { QueueTypeCondition = SearchableQueueType.STANDARD },
                            new QueueSearchCriteria { StringCondition = new StringCondition { FieldName = "description", Value = "vip", ComparisonType = StringComparisonType.CONTAINS } },
                        },
                    },
                },
            },
        };
        var wire = ProtocolFactory.Marshall(ConnectOperations.SearchQueues, request);
        Assert.Equal("/search-queues", wire.ResourcePath);
        var json = JsonDocument.Parse(wire.Content).RootElement;
        Assert.Empty(Conformance.CheckJson(json, ConnectOperations.SearchQueues.Input));
        var or = json.GetProperty("SearchCriteria").GetProperty("OrConditions");
        Assert.Equal("Sales", or[0].GetProperty("StringCondition").GetProperty("Value").GetString());
        Assert.Equal("CONTAINS", or[1].GetProperty("AndConditions")[1].GetProperty("StringCondition").GetProperty("ComparisonType").GetString());
    }

    [Fact]
    public void Timestamps_in_a_json_body_are_epoch_seconds()
    {
        var value = new DateTime(2024, 1, 2, 3, 4, 5, 250, DateTimeKind.Utc);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            JsonCodec.WriteValue(writer, value, new ShapeMetadata("T", ShapeType.Timestamp), 0);
        Assert.Equal("1704164645.25", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void Document_values_pass_through_json_unchanged()
    {
        var shape = new ShapeMetadata("Doc", ShapeType.Document);
        var doc = JsonDocument.Parse("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}").RootElement;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            JsonCodec.WriteValue(writer, doc, shape, 0);
        Assert.Equal("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}", Encoding.UTF8.GetString(buffer.ToArray()));
        var read = (JsonElement)JsonCodec.ReadValue(JsonDocument.Parse(buffer.ToArray()).RootElement, shape, 0)!;
        Assert.Equal("d", read.GetProperty("c").GetString());
    }

    // ------------------------------------------------------------------ protocol checks

    private static void CheckRestJson(OperationMetadata op, object request, IRequest wire)
    {
        var template = op.RequestUri.Split('?')[0];
        Assert.Equal(template, wire.ResourcePath);

        // Path: every label replaced by its percent-encoded value ('/' kept only in greedy labels).
        var expectedPath = template;
        foreach (var member in op.Input.Members.Where(m => m.Location == MemberLocation.Uri))
        {
            var value = (string)member.Getter(request)!;
            var greedy = "{" + member.WireName + "+}";
            expectedPath = expectedPath.Contains(greedy)
                ? expectedPath.Replace(greedy, string.Join("/", value.Split('/').Select(Uri.EscapeDataString)))
                : expectedPath.Replace("{" + member.WireName + "}", Uri.EscapeDataString(value));
        }
        var url = AmazonServiceClient.ComposeUrl(wire).OriginalString;
        var pathAndQuery = url["https://example.amazonaws.com".Length..];
        var queryStart = pathAndQuery.IndexOf('?');
        var path = queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart];
        Assert.Equal(expectedPath, path);
        Assert.DoesNotContain("{", path);

        // Query string: each set member under its location name; lists as repeated keys.
        var query = ParseQuery(queryStart < 0 ? "" : pathAndQuery[(queryStart + 1)..]);
        var expectedQuery = new List<(string, string)>();
        foreach (var member in op.Input.Members.Where(m => m.Location == MemberLocation.QueryString))
        {
            var value = member.Getter(request);
            if (value is null)
                continue;
            if (member.Shape.Type == ShapeType.List)
                expectedQuery.AddRange(Samples.Items(value).Select(i => (member.WireName, Format(i))));
            else
                expectedQuery.Add((member.WireName, Format(value)));
            if (member.Shape.Type == ShapeType.List)
                Assert.True(query.Count(q => q.Key == member.WireName) == ((IList)value).Count, $"{member.WireName} must repeat once per item");
            if (member.Shape.Enum is not null || member.Shape.ListMember?.Enum is not null)
                foreach (var q in query.Where(q => q.Key == member.WireName))
                    Assert.Contains(q.Value, (member.Shape.Enum ?? member.Shape.ListMember!.Enum)!);
        }
        Assert.Equal(expectedQuery.OrderBy(q => q.Item1).ThenBy(q => q.Item2), query.Select(q => (q.Key, q.Value)).OrderBy(q => q.Key).ThenBy(q => q.Value));

        // Headers.
        foreach (var member in op.Input.Members.Where(m => m.Location == MemberLocation.Header))
            if (member.Getter(request) is { } value)
                Assert.Equal(Format(value), wire.Headers[member.WireName]);

        // Body: exactly the set body members, conforming to the model; no body without body members.
        var bodyMembers = op.Input.Members.Where(m => m.Location == MemberLocation.Body).ToList();
        if (bodyMembers.Count == 0)
        {
            Assert.Null(wire.Content);
            return;
        }
        Assert.Equal("application/json", wire.Headers["Content-Type"]);
        var json = JsonDocument.Parse(wire.Content).RootElement;
        Assert.Empty(Conformance.CheckJson(json, op.Input, m => m.Location == MemberLocation.Body));
        var expectedKeys = bodyMembers.Where(m => m.Getter(request) is not null).Select(m => m.WireName).OrderBy(k => k);
        Assert.Equal(expectedKeys, json.EnumerateObject().Select(p => p.Name).OrderBy(k => k));
    }

    private static void CheckJsonRpc(OperationMetadata op, object request, IRequest wire)
    {
        Assert.Equal("POST", wire.HttpMethod);
        Assert.Equal("/", wire.ResourcePath);
        Assert.Equal(op.Service.TargetPrefix + "." + op.Name, wire.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", wire.Headers["Content-Type"]);
        var json = JsonDocument.Parse(wire.Content).RootElement;
        Assert.Empty(Conformance.CheckJson(json, op.Input));
        Assert.Equal(
            Samples.SetMembers(request, op.Input).Select(p => p.Member.WireName).OrderBy(k => k),
            json.EnumerateObject().Select(p => p.Name).OrderBy(k => k));
    }

    private static void CheckQuery(OperationMetadata op, object request, IRequest wire)
    {
        Assert.Equal("POST", wire.HttpMethod);
        Assert.Equal("/", wire.ResourcePath);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", wire.Headers["Content-Type"]);
        var form = ParseQuery(Encoding.UTF8.GetString(wire.Content));
        Assert.Contains(new KeyValuePair<string, string>("Action", op.Name), form);
        Assert.Contains(new KeyValuePair<string, string>("Version", op.Service.ApiVersion), form);
        var topLevel = form.Select(f => f.Key.Split('.')[0]).Where(k => k is not "Action" and not "Version").Distinct().OrderBy(k => k);
        Assert.Equal(Samples.SetMembers(request, op.Input).Select(p => p.Member.WireName).OrderBy(k => k), topLevel);
        foreach (var (member, value) in Samples.SetMembers(request, op.Input))
        {
            switch (member.Shape.Type)
            {
                case ShapeType.List:
                    var items = Samples.Items(value).ToList();
                    for (var i = 0; i < items.Count; i++)
                        Assert.Contains(form, f => f.Key.StartsWith($"{member.WireName}.member.{i + 1}", StringComparison.Ordinal));
                    break;
                case ShapeType.Structure:
                    Assert.Contains(form, f => f.Key.StartsWith(member.WireName + ".", StringComparison.Ordinal));
                    break;
                default:
                    Assert.Contains(new KeyValuePair<string, string>(member.WireName, Format(value)), form);
                    var problems = new List<string>();
                    if (value is string s)
                        Conformance.CheckString(s, member.Shape, member.Name, problems);
                    Assert.Empty(problems);
                    break;
            }
        }
    }

    private static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateTime => "2024-01-02T03:04:05Z",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private static List<KeyValuePair<string, string>> ParseQuery(string query) => query
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
        .ToList();
}
