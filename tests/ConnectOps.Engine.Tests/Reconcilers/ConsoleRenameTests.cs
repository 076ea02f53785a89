using ConnectOps.Aws.Connect.Model;
using ConnectOps.Engine.Addressing;
using ConnectOps.Engine.Planning;
using ConnectOps.Engine.Reconcilers.Framework;
using ConnectOps.Engine.State.Operations;

namespace ConnectOps.Engine.Tests.Reconcilers;

/// <summary>
/// A resource renamed in the console keeps its id, so state still finds it: the plan must still see that its name is
/// not the config's, drift must report it, and apply must rename it back in place with the component's name call.
/// </summary>
public sealed class ConsoleRenameTests(EmulatorFixture emulator) : ComponentTestBase(emulator)
{
    [Fact]
    public async Task AQueueAndHoursRenamedOutsideConnectOpsAreDriftAndApplyRenamesThemBackInPlace()
    {
        using var h = new Harness(Emulator, Harness.BasicConfig("console-rename"));
        await ApplyOkAsync(h);
        var state = await h.StateAsync();
        var instance = state.Instance!.Id;
        var queueId = state.Resources[ResourceAddress.Parse("Queues/CustomerService")].Id;
        var hoursId = state.Resources[ResourceAddress.Parse("HoursOfOperation/UK Business Hours")].Id;
        using (var ws = await h.OpenAsync())
        {
            await ws.Aws.Connect.UpdateQueueNameAsync(new UpdateQueueNameRequest { InstanceId = instance, QueueId = queueId, Name = "Customer Service (old)" });
            var hours = (await ws.Aws.Connect.DescribeHoursOfOperationAsync(new DescribeHoursOfOperationRequest { InstanceId = instance, HoursOfOperationId = hoursId })).HoursOfOperation!;
            await ws.Aws.Connect.UpdateHoursOfOperationAsync(new UpdateHoursOfOperationRequest
            {
                InstanceId = instance, HoursOfOperationId = hoursId, Name = "uk business hours", TimeZone = hours.TimeZone, Config = hours.Config, Description = hours.Description,
            });
            var drift = await new LiveStateOperations(ws.Config, ws.Store, ws.Aws, h.Host).DetectDriftAsync(new PlanScope(), CancellationToken.None);
            Assert.True(drift.HasDrift);
        }

        var plan = await h.PlanAsync();

        var queue = Single(plan, "Queues/CustomerService");
        Assert.Equal(ChangeAction.Update, queue.Action);
        var name = Assert.Single(queue.Diffs);
        Assert.Equal(("Name", "Customer Service (old)", "CustomerService"), (name.Path, name.Before!.GetValue<string>(), name.After!.GetValue<string>()));
        Assert.Equal(ChangeAction.Update, Single(plan, "HoursOfOperation/UK Business Hours").Action);
        Assert.Contains("~ Name", PlanRenderer.Render(plan), StringComparison.Ordinal);

        await Emulator.ResetCallsAsync();
        await ApplyOkAsync(h);

        Assert.Equal(Calls(("UpdateQueueName", 1), ("UpdateHoursOfOperation", 1)), await WritesAsync());
        Assert.Equal(queueId, (await ResourceAsync(h, "Queues/CustomerService")).Id);
        await AssertPlanEmptyAsync(h);
    }
}
