"""DAX's control plane through boto3: clusters, parameter groups, subnet groups, tags, events and
AWS's fault codes, against FakeAws.Server, and the parts moto implements against moto as well.

    dotnet run --project src/FakeAws.Server -- --port 4571 &
    moto_server -H 127.0.0.1 -p 5005 &
    FAKEAWS_ENDPOINT=http://127.0.0.1:4571 MOTO_ENDPOINT=http://127.0.0.1:5005 python3 tests/conformance/dax_control_plane.py
"""
import json
import os
import urllib.request

from harness import ENDPOINT, Checks, client

MOTO = os.environ.get("MOTO_ENDPOINT")
ROLE = "arn:aws:iam::123456789012:role/dax-access"


def reset(endpoint, is_moto):
    request = urllib.request.Request(endpoint + ("/moto-api/reset" if is_moto else "/_fakeaws/reset"), data=b"{}", method="POST")
    urllib.request.urlopen(request).read()


def run(checks, endpoint, is_moto):
    reset(endpoint, is_moto)
    dax = client("dax", endpoint=endpoint)
    account = "123456789012"

    # Clusters: names, ARN, discovery endpoint, nodes.
    # AWS stores the name lower-case; moto 5.2.1 refuses upper-case letters instead, so it is given the stored name.
    created = dax.create_cluster(ClusterName="orders-cache" if is_moto else "Orders-Cache", NodeType="dax.t3.small", ReplicationFactor=3, IamRoleArn=ROLE)["Cluster"]
    checks.equal("name is stored lower-case", created["ClusterName"], "orders-cache")
    checks.equal("ARN", created["ClusterArn"], f"arn:aws:dax:us-east-1:{account}:cache/orders-cache")
    checks.equal("a new cluster is creating", created["Status"], "creating")
    checks.equal("total nodes", created["TotalNodes"], 3)
    checks.equal("discovery port", created["ClusterDiscoveryEndpoint"]["Port"], 8111)
    checks.equal("default parameter group", created["ParameterGroup"]["ParameterGroupName"], "default.dax1.0")
    # moto 5.2.1 differs from AWS here: it accepts a second cluster of the same name, names over 20
    # characters, and gives TLS clusters port 8111; those checks run against FakeAws only.
    if not is_moto:
        checks.error("same name again", lambda: dax.create_cluster(ClusterName="orders-cache", NodeType="dax.t3.small", ReplicationFactor=1, IamRoleArn=ROLE),
                     "ClusterAlreadyExistsFault")
    for bad in ["1cache", "a--b", "cache-"] + ([] if is_moto else ["a" * 21]):
        checks.error(f"name {bad!r} is refused", lambda: dax.create_cluster(ClusterName=bad, NodeType="dax.t3.small", ReplicationFactor=1, IamRoleArn=ROLE),
                     "InvalidParameterValueException")
    checks.error("unknown cluster", lambda: dax.describe_clusters(ClusterNames=["nope"]), "ClusterNotFoundFault")
    tls = dax.create_cluster(ClusterName="secure", NodeType="dax.t3.small", ReplicationFactor=1, IamRoleArn=ROLE,
                             ClusterEndpointEncryptionType="TLS")["Cluster"]
    checks.equal("TLS discovery port", tls["ClusterDiscoveryEndpoint"]["Port"], 8111 if is_moto else 9111)

    # Tags, on the cluster's ARN.
    arn = created["ClusterArn"]
    dax.tag_resource(ResourceName=arn, Tags=[{"Key": "team", "Value": "orders"}])
    checks.equal("tags listed", dax.list_tags(ResourceName=arn)["Tags"], [{"Key": "team", "Value": "orders"}])
    dax.untag_resource(ResourceName=arn, TagKeys=["team"])
    checks.equal("tags removed", dax.list_tags(ResourceName=arn)["Tags"], [])

    if not is_moto:
        # FakeAws answers the status change at the next request (options.Dax.ClusterStatusDelay is zero).
        described = dax.describe_clusters(ClusterNames=["orders-cache"])["Clusters"][0]
        checks.equal("available on the clock", described["Status"], "available")
        checks.equal("node ids", [n["NodeId"] for n in described["Nodes"]], ["orders-cache-a", "orders-cache-b", "orders-cache-c"])
        checks.equal("node endpoints share the discovery id",
                     described["Nodes"][0]["Endpoint"]["Address"].split(".")[1], described["ClusterDiscoveryEndpoint"]["Address"].split(".")[1])
        checks.error("twelve nodes", lambda: dax.create_cluster(ClusterName="big", NodeType="dax.t3.small", ReplicationFactor=12, IamRoleArn=ROLE),
                     "NodeQuotaForClusterExceededFault")
        checks.error("unknown parameter group", lambda: dax.create_cluster(ClusterName="other", NodeType="dax.t3.small", ReplicationFactor=1,
                                                                           IamRoleArn=ROLE, ParameterGroupName="nope"), "ParameterGroupNotFoundFault")

        # Resizing: modifying, then the new node count.
        resized = dax.increase_replication_factor(ClusterName="orders-cache", NewReplicationFactor=4)["Cluster"]
        checks.equal("resizing is modifying", resized["Status"], "modifying")
        checks.equal("resized", dax.describe_clusters(ClusterNames=["orders-cache"])["Clusters"][0]["TotalNodes"], 4)
        checks.error("decrease to more nodes", lambda: dax.decrease_replication_factor(ClusterName="orders-cache", NewReplicationFactor=5),
                     "InvalidParameterValueException")
        dax.decrease_replication_factor(ClusterName="orders-cache", NewReplicationFactor=2, NodeIdsToRemove=["orders-cache-b", "orders-cache-c"])
        checks.equal("named nodes removed", [n["NodeId"] for n in dax.describe_clusters(ClusterNames=["orders-cache"])["Clusters"][0]["Nodes"]],
                     ["orders-cache-a", "orders-cache-d"])
        rebooted = dax.reboot_node(ClusterName="orders-cache", NodeId="orders-cache-a")["Cluster"]
        checks.equal("rebooting node", rebooted["Nodes"][0]["NodeStatus"], "rebooting")
        checks.error("unknown node", lambda: dax.reboot_node(ClusterName="orders-cache", NodeId="orders-cache-z"), "NodeNotFoundFault")

        # Parameter groups.
        defaults = {p["ParameterName"]: p["ParameterValue"] for p in dax.describe_default_parameters()["Parameters"]}
        checks.equal("default TTLs", defaults, {"query-ttl-millis": "300000", "record-ttl-millis": "300000"})
        dax.create_parameter_group(ParameterGroupName="short-ttl", Description="one minute")
        dax.update_parameter_group(ParameterGroupName="short-ttl", ParameterNameValues=[{"ParameterName": "record-ttl-millis", "ParameterValue": "60000"}])
        values = {p["ParameterName"]: p["ParameterValue"] for p in dax.describe_parameters(ParameterGroupName="short-ttl")["Parameters"]}
        checks.equal("updated TTL", values["record-ttl-millis"], "60000")
        checks.error("the default group cannot change",
                     lambda: dax.update_parameter_group(ParameterGroupName="default.dax1.0",
                                                        ParameterNameValues=[{"ParameterName": "query-ttl-millis", "ParameterValue": "1"}]),
                     "InvalidParameterGroupStateFault")
        checks.error("duplicate parameter group", lambda: dax.create_parameter_group(ParameterGroupName="short-ttl"), "ParameterGroupAlreadyExistsFault")
        checks.equal("parameter groups", [g["ParameterGroupName"] for g in dax.describe_parameter_groups()["ParameterGroups"]],
                     ["default.dax1.0", "short-ttl"])

        # Subnet groups.
        group = dax.create_subnet_group(SubnetGroupName="private", SubnetIds=["subnet-1", "subnet-2"])["SubnetGroup"]
        checks.equal("subnets", [s["SubnetIdentifier"] for s in group["Subnets"]], ["subnet-1", "subnet-2"])
        checks.error("duplicate subnet group", lambda: dax.create_subnet_group(SubnetGroupName="private", SubnetIds=["subnet-1"]),
                     "SubnetGroupAlreadyExistsFault")
        dax.create_cluster(ClusterName="placed", NodeType="dax.t3.small", ReplicationFactor=1, IamRoleArn=ROLE,
                           SubnetGroupName="private", ParameterGroupName="short-ttl")
        checks.error("a subnet group in use", lambda: dax.delete_subnet_group(SubnetGroupName="private"), "SubnetGroupInUseFault")
        checks.error("unknown subnet group", lambda: dax.describe_subnet_groups(SubnetGroupNames=["nope"]), "SubnetGroupNotFoundFault")

        # Events.
        messages = [e["Message"] for e in dax.describe_events(SourceName="orders-cache")["Events"]]
        checks.equal("events, newest first", messages[-1], "Cluster created")

    # Deleting: deleting, then gone.
    deleted = dax.delete_cluster(ClusterName="orders-cache")["Cluster"]
    checks.equal("deleting", deleted["Status"], "deleting")
    if not is_moto:
        checks.error("gone", lambda: dax.describe_clusters(ClusterNames=["orders-cache"]), "ClusterNotFoundFault")
    checks.error("delete unknown", lambda: dax.delete_cluster(ClusterName="nope"), "ClusterNotFoundFault")


if __name__ == "__main__":
    checks = Checks("dax_control_plane")
    run(checks, ENDPOINT, is_moto=False)
    if MOTO:
        # The checks moto implements, against moto: a failure there is reported, but it is moto's difference, not FakeAws's.
        moto = Checks("dax_control_plane (moto)")
        run(moto, MOTO, is_moto=True)
        print(f"{moto.suite}: {moto.passed} passed, {len(moto.failed)} differ from AWS's documented behaviour")
    checks.finish()
