"""What the DynamoDB scripts share: a table keyed by one string attribute, on demand unless told otherwise."""


def create(ddb, name, **extra):
    """Creates table `name` with partition key `pk` (S); `extra` replaces the on-demand billing mode."""
    request = {
        "TableName": name,
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
    }
    request.update(extra or {"BillingMode": "PAY_PER_REQUEST"})
    return ddb.create_table(**request)["TableDescription"]
