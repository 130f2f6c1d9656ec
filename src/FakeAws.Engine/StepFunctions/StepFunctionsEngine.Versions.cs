using FakeAws.Engine.Core;
using FakeAws.Engine.StepFunctions.Model;

namespace FakeAws.Engine.StepFunctions;

// Versions and aliases of state machines.
internal sealed partial class StepFunctionsEngine
{
    /// <summary>The most versions one state machine may have.</summary>
    private const int MaxVersions = 1000;

    public PublishStateMachineVersionOutput PublishStateMachineVersion(RequestScope scope, PublishStateMachineVersionInput input)
    {
        var machine = GetMachine(scope, input.StateMachineArn!);
        lock (machine.Gate)
        {
            if (input.RevisionId is { } revisionId && revisionId != machine.Current.RevisionId)
            {
                throw StepFunctionsErrors.Conflict(
                    $"Failed to publish the state machine version: the revision id '{revisionId}' does not match the current revision id '{machine.Current.RevisionId}'");
            }
            var version = Publish(machine, input.Description);
            return new PublishStateMachineVersionOutput { StateMachineVersionArn = version.Arn, CreationDate = version.CreationDate };
        }
    }

    public ListStateMachineVersionsOutput ListStateMachineVersions(RequestScope scope, ListStateMachineVersionsInput input)
    {
        var machine = GetMachine(scope, input.StateMachineArn!);
        List<StateMachineVersionListItem> versions;
        lock (machine.Gate)
        {
            // Newest first, as AWS lists them.
            versions = machine.Versions.Values.Reverse()
                .Select(v => new StateMachineVersionListItem { StateMachineVersionArn = v.Arn, CreationDate = v.CreationDate })
                .ToList();
        }
        var (page, next) = Paging.Page(versions, input.MaxResults, input.NextToken);
        return new ListStateMachineVersionsOutput { StateMachineVersions = page, NextToken = next };
    }

    public DeleteStateMachineVersionOutput DeleteStateMachineVersion(RequestScope scope, DeleteStateMachineVersionInput input)
    {
        var arn = input.StateMachineVersionArn!;
        if (!StepFunctionsArns.TryParse(arn, out var kind, out var names, out _) || kind != "stateMachine" || names.Length != 2
            || !long.TryParse(names[1], out var number))
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        if (!_regions[scope].Machines.TryGetValue(StepFunctionsArns.StateMachine(scope, names[0]), out var machine))
        {
            return new DeleteStateMachineVersionOutput();
        }
        lock (machine.Gate)
        {
            if (machine.Aliases.Values.Any(a => a.Routing.Any(r => r.StateMachineVersionArn == arn)))
            {
                throw StepFunctionsErrors.Conflict($"Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [{string.Join(", ", machine.Aliases.Values.Where(a => a.Routing.Any(r => r.StateMachineVersionArn == arn)).Select(a => a.Name))}]");
            }
            machine.Versions.Remove(number);
        }
        return new DeleteStateMachineVersionOutput();
    }

    public CreateStateMachineAliasOutput CreateStateMachineAlias(RequestScope scope, CreateStateMachineAliasInput input)
    {
        var name = input.Name!;
        if (!StepFunctionsArns.IsValidName(name) || long.TryParse(name, out _))
        {
            throw StepFunctionsErrors.InvalidName(name);
        }
        var routing = input.RoutingConfiguration!;
        var machine = RoutingMachine(scope, routing);
        lock (machine.Gate)
        {
            var arn = $"{machine.Arn}:{name}";
            if (machine.Aliases.TryGetValue(name, out var existing))
            {
                if (existing.Description == input.Description && SameRouting(existing.Routing, routing))
                {
                    return new CreateStateMachineAliasOutput { StateMachineAliasArn = arn, CreationDate = existing.CreationDate };
                }
                throw StepFunctionsErrors.Conflict($"Failed to create alias because an alias with the same name and a different routing configuration already exists.");
            }
            var alias = new StateMachineAliasRecord
            {
                Arn = arn,
                Name = name,
                Description = input.Description,
                Routing = routing.Select(r => new RoutingConfigurationListItem { StateMachineVersionArn = r.StateMachineVersionArn, Weight = r.Weight }).ToList(),
                CreationDate = _cloud.Now,
            };
            machine.Aliases[name] = alias;
            return new CreateStateMachineAliasOutput { StateMachineAliasArn = arn, CreationDate = alias.CreationDate };
        }
    }

    public DescribeStateMachineAliasOutput DescribeStateMachineAlias(RequestScope scope, DescribeStateMachineAliasInput input)
    {
        var (machine, alias) = GetAlias(scope, input.StateMachineAliasArn!);
        lock (machine.Gate)
        {
            return new DescribeStateMachineAliasOutput
            {
                StateMachineAliasArn = alias.Arn,
                Name = alias.Name,
                Description = alias.Description,
                RoutingConfiguration = alias.Routing,
                CreationDate = alias.CreationDate,
                UpdateDate = alias.UpdateDate,
            };
        }
    }

    public UpdateStateMachineAliasOutput UpdateStateMachineAlias(RequestScope scope, UpdateStateMachineAliasInput input)
    {
        var (machine, alias) = GetAlias(scope, input.StateMachineAliasArn!);
        if (input.Description is null && input.RoutingConfiguration is null)
        {
            throw StepFunctionsErrors.Validation("Either the description or the routing configuration must be specified");
        }
        if (input.RoutingConfiguration is { } routing && RoutingMachine(scope, routing) != machine)
        {
            throw StepFunctionsErrors.Validation("The routing configuration must name versions of the alias's state machine");
        }
        lock (machine.Gate)
        {
            alias.Description = input.Description ?? alias.Description;
            if (input.RoutingConfiguration is { } newRouting)
            {
                alias.Routing = newRouting.Select(r => new RoutingConfigurationListItem { StateMachineVersionArn = r.StateMachineVersionArn, Weight = r.Weight }).ToList();
            }
            alias.UpdateDate = _cloud.Now;
            return new UpdateStateMachineAliasOutput { UpdateDate = alias.UpdateDate };
        }
    }

    public DeleteStateMachineAliasOutput DeleteStateMachineAlias(RequestScope scope, DeleteStateMachineAliasInput input)
    {
        var (machine, alias) = GetAlias(scope, input.StateMachineAliasArn!);
        lock (machine.Gate)
        {
            machine.Aliases.Remove(alias.Name);
        }
        return new DeleteStateMachineAliasOutput();
    }

    public ListStateMachineAliasesOutput ListStateMachineAliases(RequestScope scope, ListStateMachineAliasesInput input)
    {
        var machine = GetMachine(scope, input.StateMachineArn!);
        List<StateMachineAliasListItem> aliases;
        lock (machine.Gate)
        {
            aliases = machine.Aliases.Values.OrderBy(a => a.CreationDate).ThenBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => new StateMachineAliasListItem { StateMachineAliasArn = a.Arn, CreationDate = a.CreationDate })
                .ToList();
        }
        var (page, next) = Paging.Page(aliases, input.MaxResults, input.NextToken);
        return new ListStateMachineAliasesOutput { StateMachineAliases = page, NextToken = next };
    }

    /// <summary>Publishes the machine's current revision, or returns its latest version when that already is it.</summary>
    private StateMachineVersionRecord Publish(StateMachineRecord machine, string? description)
    {
        if (machine.Versions.Count > 0 && machine.Versions.Values.Last().Revision.RevisionId == machine.Current.RevisionId)
        {
            return machine.Versions.Values.Last();
        }
        if (machine.Versions.Count >= MaxVersions)
        {
            throw new AwsServiceException("ServiceQuotaExceededException", $"The state machine has reached the maximum of {MaxVersions} versions");
        }
        var number = ++machine.LastVersion;
        var version = new StateMachineVersionRecord
        {
            Arn = $"{machine.Arn}:{number}",
            Number = number,
            Revision = machine.Current,
            Description = description,
            CreationDate = _cloud.Now,
        };
        machine.Versions[number] = version;
        return version;
    }

    /// <summary>The machine whose versions a routing configuration names: one or two versions, weights 0 to 100 adding up to 100.</summary>
    private StateMachineRecord RoutingMachine(RequestScope scope, List<RoutingConfigurationListItem> routing)
    {
        if (routing.Count is < 1 or > 2 || routing.Sum(r => r.Weight ?? 0) != 100
            || routing.Select(r => r.StateMachineVersionArn).Distinct().Count() != routing.Count)
        {
            throw StepFunctionsErrors.Validation("The routing configuration must name one or two distinct versions whose weights add up to 100");
        }
        StateMachineRecord? machine = null;
        foreach (var route in routing)
        {
            var (owner, version, _) = ResolveMachine(scope, route.StateMachineVersionArn!);
            if (version is null || (machine is not null && owner != machine))
            {
                throw StepFunctionsErrors.Validation($"Invalid version ARN in the routing configuration: '{route.StateMachineVersionArn}'");
            }
            machine = owner;
        }
        return machine!;
    }

    private (StateMachineRecord Machine, StateMachineAliasRecord Alias) GetAlias(RequestScope scope, string arn)
    {
        var (machine, _, alias) = ResolveMachine(scope, arn);
        return alias is null ? throw StepFunctionsErrors.InvalidArn(arn) : (machine, alias);
    }

    private static bool SameRouting(List<RoutingConfigurationListItem> a, List<RoutingConfigurationListItem> b) =>
        a.Count == b.Count && a.All(x => b.Any(y => y.StateMachineVersionArn == x.StateMachineVersionArn && y.Weight == x.Weight));
}
