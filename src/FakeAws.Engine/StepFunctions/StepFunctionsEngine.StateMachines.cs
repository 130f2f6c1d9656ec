using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Asl;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions;

// State machines: create, describe, update, delete, list, and validate a definition.
internal sealed partial class StepFunctionsEngine
{
    public CreateStateMachineOutput CreateStateMachine(RequestScope scope, CreateStateMachineInput input)
    {
        var name = input.Name!;
        if (!StepFunctionsArns.IsValidName(name))
        {
            throw StepFunctionsErrors.InvalidName(name);
        }
        var type = input.Type ?? "STANDARD";
        var revision = NewRevision(input.Definition!, type, input.RoleArn!, input.LoggingConfiguration, input.TracingConfiguration, input.EncryptionConfiguration);
        var arn = StepFunctionsArns.StateMachine(scope, name);
        var region = _regions[scope];
        lock (region.Gate)
        {
            if (region.Machines.TryGetValue(arn, out var existing))
            {
                // Creating the same machine again is idempotent; anything else is a conflict.
                if (existing.Type == type && existing.Current.SameAs(revision) && input.Publish != true)
                {
                    return new CreateStateMachineOutput { StateMachineArn = arn, CreationDate = existing.CreationDate };
                }
                throw StepFunctionsErrors.StateMachineAlreadyExists(arn);
            }
            var machine = new StateMachineRecord
            {
                Arn = arn,
                Name = name,
                Type = type,
                Current = revision,
                CreationDate = _cloud.Now,
            };
            SetTags(machine.Tags, input.Tags, arn);
            region.Machines[arn] = machine;
            var version = input.Publish == true ? Publish(machine, input.VersionDescription) : null;
            return new CreateStateMachineOutput { StateMachineArn = arn, CreationDate = machine.CreationDate, StateMachineVersionArn = version?.Arn };
        }
    }

    public DescribeStateMachineOutput DescribeStateMachine(RequestScope scope, DescribeStateMachineInput input)
    {
        var (machine, version, alias) = ResolveMachine(scope, input.StateMachineArn!);
        if (alias is not null)
        {
            throw StepFunctionsErrors.InvalidArnResourceType(input.StateMachineArn!);
        }
        lock (machine.Gate)
        {
            var revision = version?.Revision ?? machine.Current;
            return new DescribeStateMachineOutput
            {
                StateMachineArn = version?.Arn ?? machine.Arn,
                Name = machine.Name,
                Status = "ACTIVE",
                Definition = revision.Definition,
                RoleArn = revision.RoleArn,
                Type = machine.Type,
                CreationDate = version?.CreationDate ?? machine.CreationDate,
                LoggingConfiguration = revision.Logging,
                TracingConfiguration = revision.Tracing,
                EncryptionConfiguration = revision.Encryption,
                RevisionId = version is null && machine.UpdateDate is null ? null : revision.RevisionId,
                Description = version?.Description,
            };
        }
    }

    public UpdateStateMachineOutput UpdateStateMachine(RequestScope scope, UpdateStateMachineInput input)
    {
        var machine = GetMachine(scope, input.StateMachineArn!);
        if (input.Definition is null && input.RoleArn is null && input.LoggingConfiguration is null && input.TracingConfiguration is null
            && input.EncryptionConfiguration is null && input.Publish != true)
        {
            throw new AwsServiceException("MissingRequiredParameter", "Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified");
        }
        lock (machine.Gate)
        {
            var current = machine.Current;
            var revision = NewRevision(
                input.Definition ?? current.Definition,
                machine.Type,
                input.RoleArn ?? current.RoleArn,
                input.LoggingConfiguration ?? current.Logging,
                input.TracingConfiguration ?? current.Tracing,
                input.EncryptionConfiguration ?? current.Encryption);
            if (!revision.SameAs(current))
            {
                machine.Current = revision;
            }
            machine.UpdateDate = _cloud.Now;
            var version = input.Publish == true ? Publish(machine, input.VersionDescription) : null;
            return new UpdateStateMachineOutput
            {
                UpdateDate = machine.UpdateDate,
                RevisionId = machine.Current.RevisionId,
                StateMachineVersionArn = version?.Arn,
            };
        }
    }

    public DeleteStateMachineOutput DeleteStateMachine(RequestScope scope, DeleteStateMachineInput input)
    {
        var arn = input.StateMachineArn!;
        if (!StepFunctionsArns.TryParse(arn, out var kind, out var names, out _) || kind != "stateMachine")
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        if (names.Length > 1)
        {
            throw StepFunctionsErrors.Validation("Service does not support deleting a version or an alias with DeleteStateMachine; use DeleteStateMachineVersion or DeleteStateMachineAlias");
        }
        var region = _regions[scope];
        lock (region.Gate)
        {
            // Deleting a machine that does not exist succeeds, as on AWS. Running executions go on.
            region.Machines.TryRemove(arn, out _);
        }
        return new DeleteStateMachineOutput();
    }

    public ListStateMachinesOutput ListStateMachines(RequestScope scope, ListStateMachinesInput input)
    {
        var machines = _regions[scope].Machines.Values
            .OrderBy(m => m.CreationDate)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new StateMachineListItem { StateMachineArn = m.Arn, Name = m.Name, Type = m.Type, CreationDate = m.CreationDate })
            .ToList();
        var (page, next) = Paging.Page(machines, input.MaxResults, input.NextToken);
        return new ListStateMachinesOutput { StateMachines = page, NextToken = next };
    }

    public ValidateStateMachineDefinitionOutput ValidateStateMachineDefinition(RequestScope scope, ValidateStateMachineDefinitionInput input)
    {
        var validator = AslValidator.Validate(input.Definition!, input.Type ?? "STANDARD");
        var max = input.MaxResults is > 0 ? input.MaxResults.Value : 100;
        // Every diagnostic is an ERROR; a WARNING threshold still reports them all.
        var diagnostics = validator.Diagnostics
            .Select(d => new ValidateStateMachineDefinitionDiagnostic { Severity = "ERROR", Code = d.Code, Message = d.Message, Location = d.Location })
            .ToList();
        return new ValidateStateMachineDefinitionOutput
        {
            Result = diagnostics.Count == 0 ? "OK" : "FAIL",
            Diagnostics = diagnostics.Take(max).ToList(),
            Truncated = diagnostics.Count > max,
        };
    }

    public DescribeStateMachineForExecutionOutput DescribeStateMachineForExecution(RequestScope scope, DescribeStateMachineForExecutionInput input)
    {
        var execution = GetExecution(scope, input.ExecutionArn!);
        var revision = execution.Revision;
        return new DescribeStateMachineForExecutionOutput
        {
            StateMachineArn = execution.StateMachineArn,
            Name = execution.StateMachineName,
            Definition = revision.Definition,
            RoleArn = revision.RoleArn,
            UpdateDate = execution.StartDate,
            LoggingConfiguration = revision.Logging,
            TracingConfiguration = revision.Tracing,
            EncryptionConfiguration = revision.Encryption,
            MapRunArn = execution.MapRunArn,
            RevisionId = revision.RevisionId,
        };
    }

    /// <summary>Validates and parses a definition into a revision, or throws AWS's error for it.</summary>
    private StateMachineRevision NewRevision(
        string definition, string type, string roleArn, LoggingConfiguration? logging, TracingConfiguration? tracing, EncryptionConfiguration? encryption)
    {
        if (!roleArn.StartsWith("arn:", StringComparison.Ordinal) || roleArn.Split(':').Length < 6)
        {
            throw StepFunctionsErrors.InvalidArn(roleArn);
        }
        var validator = AslValidator.Validate(definition, type);
        if (validator.Diagnostics.Count > 0)
        {
            throw StepFunctionsErrors.InvalidDefinition($"Invalid State Machine Definition: '{string.Join(", ", validator.Diagnostics)}'");
        }
        if (validator.Unsupported.Count > 0)
        {
            throw StepFunctionsErrors.InvalidDefinition(
                $"FakeAws cannot run this definition yet: it uses {string.Join(" and ", validator.Unsupported.Distinct())}.");
        }
        return new StateMachineRevision
        {
            Definition = definition,
            Parsed = AslParser.Parse(definition, validator.Root!),
            RoleArn = roleArn,
            Logging = logging ?? new LoggingConfiguration { Level = "OFF", IncludeExecutionData = false },
            Tracing = tracing ?? new TracingConfiguration { Enabled = false },
            Encryption = encryption,
            RevisionId = _cloud.Ids.NewGuid().ToString(),
        };
    }

    /// <summary>The machine a state machine ARN names, or AWS's error.</summary>
    private StateMachineRecord GetMachine(RequestScope scope, string arn)
    {
        var (machine, version, alias) = ResolveMachine(scope, arn);
        if (version is not null || alias is not null)
        {
            throw StepFunctionsErrors.InvalidArnResourceType(arn);
        }
        return machine;
    }

    /// <summary>The machine an ARN names, with the version or alias it qualifies.</summary>
    private (StateMachineRecord Machine, StateMachineVersionRecord? Version, StateMachineAliasRecord? Alias) ResolveMachine(RequestScope scope, string arn)
    {
        if (!StepFunctionsArns.TryParse(arn, out var kind, out var names, out _) || kind != "stateMachine" || names.Length > 2)
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        var baseArn = StepFunctionsArns.StateMachine(scope, names[0]);
        if (!_regions[scope].Machines.TryGetValue(baseArn, out var machine) || !arn.StartsWith(baseArn, StringComparison.Ordinal))
        {
            throw StepFunctionsErrors.StateMachineDoesNotExist(arn);
        }
        if (names.Length == 1)
        {
            return (machine, null, null);
        }
        lock (machine.Gate)
        {
            if (long.TryParse(names[1], out var number))
            {
                return machine.Versions.TryGetValue(number, out var version)
                    ? (machine, version, null)
                    : throw StepFunctionsErrors.StateMachineDoesNotExist(arn);
            }
            return machine.Aliases.TryGetValue(names[1], out var alias)
                ? (machine, null, alias)
                : throw StepFunctionsErrors.ResourceNotFound(arn);
        }
    }
}
