using FakeAws.Tour;

// A tour of FakeAws, one stop per capability. Each stop is a small file in this folder; read them
// alongside the output.
Console.WriteLine("FakeAws tour: the official AWS SDK clients, talking to an in-memory cloud on a virtual clock.");
Console.WriteLine();

await Stop.Run("1. A cloud and a DynamoDB client", DynamoDbBasics.RunAsync);
await Stop.Run("2. AWS's errors, typed by the SDK", DynamoDbErrors.RunAsync);
await Stop.Run("3. A query on a global secondary index, and a transaction", DynamoDbQueries.RunAsync);
await Stop.Run("4. Virtual time", VirtualTime.RunAsync);
await Stop.Run("5. Dependency injection", DependencyInjectionStop.RunAsync);
await Stop.Run("6. Lambda functions backed by in-process code", LambdaStop.RunAsync);
await Stop.Run("7. Step Functions: orchestration on the virtual clock", StepFunctionsStop.RunAsync);
await Stop.Run("8. Cognito: sign-up, codes and tokens", CognitoStop.RunAsync);
await Stop.Run("9. API Gateway: HTTP requests routed to Lambda", ApiGatewayStop.RunAsync);
await Stop.Run("10. DynamoDB over time: a stream, its trigger, a point-in-time restore and TTL", DynamoDbOverTime.RunAsync);

Console.WriteLine("End of the tour.");
