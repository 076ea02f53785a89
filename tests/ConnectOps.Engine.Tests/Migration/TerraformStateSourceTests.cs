using ConnectOps.Engine.Migration.Terraform;
using ConnectOps.Engine.Tests.State;
using ConnectOps.Engine.Tests.State.S3;

namespace ConnectOps.Engine.Tests.Migration;

/// <summary>A Terraform state read where the S3 backend keeps it (moto_server), or from a file.</summary>
public sealed class TerraformStateSourceTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private readonly MotoAdmin _admin = new(moto);
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        _admin.Dispose();
        _temp.Dispose();
    }

    private TerraformStateConnection Connection => new() { Region = "eu-west-2", S3Endpoint = moto.Endpoint, Credentials = MotoServer.Credentials };

    [MotoFact]
    public async Task AStateInItsS3BackendMigratesLikeTheFile()
    {
        var bucket = await _admin.CreateBucketAsync();
        var fixture = TerraformMigrationTests.Fixture("root-module.tfstate");
        await _admin.PutTextAsync(bucket, "connect/terraform.tfstate", await File.ReadAllTextAsync(fixture));
        var location = $"s3://{bucket}/connect/terraform.tfstate";

        var bytes = await TerraformStateSource.ReadAsync(location, Connection, CancellationToken.None);
        var migration = TerraformMigrator.Build(TerraformStateReader.Parse(bytes, location), location);

        Assert.Equal(await File.ReadAllBytesAsync(fixture), bytes);
        Assert.Equal(18, migration.Adopted.Count);
        Assert.Equal(location, migration.Source);
    }

    [MotoFact]
    public async Task AMissingObjectIsNotFoundNamingTheLocation()
    {
        var bucket = await _admin.CreateBucketAsync();
        var location = $"s3://{bucket}/nope/terraform.tfstate";

        var ex = await Assert.ThrowsAsync<TerraformMigrationException>(() => TerraformStateSource.ReadAsync(location, Connection, CancellationToken.None));

        Assert.Equal("ConnectOps.Terraform.NotFound", ex.ErrorId);
        Assert.Contains(location, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3://bucket-only")]
    [InlineData("s3://bucket/")]
    public async Task AnS3LocationWithoutAKeyIsRefused(string location)
    {
        var ex = await Assert.ThrowsAsync<TerraformMigrationException>(() => TerraformStateSource.ReadAsync(location, new TerraformStateConnection(), CancellationToken.None));

        Assert.Equal("ConnectOps.Terraform.BadLocation", ex.ErrorId);
    }

    [Fact]
    public async Task AMissingFileIsNotFoundNamingIt()
    {
        var path = _temp.File("terraform.tfstate");

        var ex = await Assert.ThrowsAsync<TerraformMigrationException>(() => TerraformStateSource.ReadAsync(path, new TerraformStateConnection(), CancellationToken.None));

        Assert.Equal("ConnectOps.Terraform.NotFound", ex.ErrorId);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
