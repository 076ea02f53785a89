"""Secrets Manager (seeding and reading secrets) and STS GetCallerIdentity through boto3."""
from emu import *

sm = client("secretsmanager")
created = sm.create_secret(Name="connect/users/admin", SecretString="s3cret!", Description="admin password")
record("arn", created["ARN"])
record("value", sm.get_secret_value(SecretId="connect/users/admin")["SecretString"])
record("duplicate", error(sm.create_secret, Name="connect/users/admin", SecretString="x")["Code"])
sm.put_secret_value(SecretId=created["ARN"], SecretString="rotated")
current = sm.get_secret_value(SecretId=created["ARN"])
record("rotated", {"value": current["SecretString"], "stages": current["VersionStages"]})
sm.delete_secret(SecretId="connect/users/admin", ForceDeleteWithoutRecovery=True)
record("afterDelete", error(sm.get_secret_value, SecretId="connect/users/admin")["Code"])
record("missing", error(sm.get_secret_value, SecretId="nope"))
record("account", client("sts").get_caller_identity()["Account"])
finish()
