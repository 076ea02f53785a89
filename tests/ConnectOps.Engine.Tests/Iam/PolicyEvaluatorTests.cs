using ConnectOps.Engine.Permissions;

namespace ConnectOps.Engine.Tests.Iam;

public sealed class PolicyEvaluatorTests
{
    private static PolicyDocument Policy(params PolicyStatement[] statements) => new() { Statements = statements };

    [Theory]
    [InlineData("arn:aws:connect:eu-west-2:111122223333:instance/abc/*", "arn:aws:connect:eu-west-2:111122223333:instance/abc/queue/q1", true)]
    [InlineData("arn:aws:connect:eu-west-2:111122223333:instance/abc/*", "arn:aws:connect:eu-west-2:111122223333:instance/abc", false)]
    [InlineData("arn:aws:connect:eu-west-2:111122223333:instance/abc/*", "arn:aws:connect:eu-west-2:111122223333:instance/abd/queue/q1", false)]
    [InlineData("arn:aws:secretsmanager:eu-west-2:1:secret:pw-??????", "arn:aws:secretsmanager:eu-west-2:1:secret:pw-AbC123", true)]
    [InlineData("arn:aws:secretsmanager:eu-west-2:1:secret:pw-??????", "arn:aws:secretsmanager:eu-west-2:1:secret:pw-extra-AbC123", false)]
    [InlineData("*", "anything:at:all", true)]
    [InlineData("arn:aws:iam::1:role/Name", "arn:aws:iam::1:role/name", false)]
    public void Resources_match_with_IAM_wildcards_and_case(string pattern, string resource, bool allowed) =>
        Assert.Equal(allowed, PolicyEvaluator.IsAllowed(Policy(new PolicyStatement("S", ["connect:CreateQueue"], [pattern])), new PolicyRequest("connect:CreateQueue", resource)));

    [Fact]
    public void Actions_match_case_insensitively_and_with_wildcards_but_never_another_operation()
    {
        var policy = Policy(new PolicyStatement("S", ["connect:Describe*", "iam:GetRole"], ["*"]));
        Assert.True(PolicyEvaluator.IsAllowed(policy, new("connect:DescribeQueue", "x")));
        Assert.True(PolicyEvaluator.IsAllowed(policy, new("IAM:getrole", "x")));
        Assert.False(PolicyEvaluator.IsAllowed(policy, new("connect:DeleteQueue", "x")));
        Assert.False(PolicyEvaluator.IsAllowed(policy, new("iam:GetRolePolicy", "x")));
    }

    [Fact]
    public void An_action_allowed_on_one_resource_is_denied_on_another_statements_resource()
    {
        var policy = Policy(
            new PolicyStatement("A", ["connect:CreateQueue"], ["arn:a"]),
            new PolicyStatement("B", ["connect:DeleteQueue"], ["arn:b"]));
        Assert.Equal([new PolicyRequest("connect:CreateQueue", "arn:b")],
            PolicyEvaluator.Denied(policy, [new("connect:CreateQueue", "arn:a"), new("connect:CreateQueue", "arn:b"), new("connect:DeleteQueue", "arn:b")]));
    }
}
