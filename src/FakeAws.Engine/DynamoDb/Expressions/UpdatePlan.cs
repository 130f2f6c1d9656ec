namespace FakeAws.Engine.DynamoDb.Expressions;

/// <summary>What an update action does at its path.</summary>
internal enum UpdateActionKind
{
    /// <summary>SET, and the legacy PUT: replace with a value.</summary>
    Set,

    /// <summary>REMOVE, and the legacy DELETE without a value.</summary>
    Remove,

    /// <summary>ADD: add a number, or union a set.</summary>
    Add,

    /// <summary>DELETE: take members out of a set.</summary>
    Delete,

    /// <summary>The legacy ADD, which also appends lists and words its type error differently.</summary>
    LegacyAdd,

    /// <summary>The legacy DELETE with a value.</summary>
    LegacyDelete,
}

/// <summary>One compiled action: SET carries a <see cref="Value"/> to compute, ADD and DELETE an <see cref="Operand"/>.</summary>
internal sealed record UpdateAction(UpdateActionKind Kind, DocumentPath Path, UpdateValue? Value = null, AttributeValue? Operand = null);

/// <summary>
/// A compiled, validated UpdateExpression or AttributeUpdates. Applying it never changes the item
/// it is given: it builds a new one, so a failure leaves nothing half-done.
/// </summary>
/// <remarks>
/// As in AWS, every SET value is computed from the item as it was before the update, and list
/// indexes refer to positions before the update: <c>REMOVE a[1] SET a[3] = :v</c> replaces the
/// original fourth element. Setting an index past the end appends, in index order.
/// </remarks>
internal sealed class UpdatePlan
{
    private readonly UpdateAction[] _actions;
    private readonly Node _root = new();
    private readonly Projection _updatedPaths;

    /// <param name="actions">Actions whose paths neither overlap nor conflict.</param>
    /// <param name="readPaths">Every path the update reads or writes, for the key-attribute checks.</param>
    public UpdatePlan(IReadOnlyList<UpdateAction> actions, IReadOnlyList<DocumentPath> readPaths)
    {
        _actions = actions.ToArray();
        ReadPaths = readPaths;
        for (var i = 0; i < _actions.Length; i++)
        {
            _root.Add(_actions[i].Path, 0, i, _actions[i].Kind == UpdateActionKind.Remove);
        }
        _updatedPaths = new Projection(_actions.Select(a => a.Path).ToList());
    }

    /// <summary>The actions, in the order written.</summary>
    public IReadOnlyList<UpdateAction> Actions => _actions;

    /// <summary>Every document path the update reads or writes.</summary>
    public IReadOnlyList<DocumentPath> ReadPaths { get; }

    /// <summary>
    /// Fails with AWS's message when an action targets a key attribute ("Cannot update attribute pk.
    /// This attribute is part of the key"), partition key first.
    /// </summary>
    public void CheckKeyAttributes(KeySchema key)
    {
        foreach (var attribute in key.Attributes)
        {
            foreach (var action in _actions)
            {
                if (action.Path.Root == attribute.Name)
                {
                    throw DynamoDbErrors.Validation(
                        $"One or more parameter values were invalid: Cannot update attribute {attribute.Name}. This attribute is part of the key");
                }
            }
        }
    }

    /// <summary>
    /// Applies the update. <paramref name="existing"/> is the stored item, or null when there is none,
    /// in which case the new item starts from <paramref name="key"/> (the request's Key).
    /// </summary>
    public UpdateResult Apply(IReadOnlyDictionary<string, AttributeValue>? existing, IReadOnlyDictionary<string, AttributeValue> key)
    {
        var original = existing ?? key;
        var values = new AttributeValue?[_actions.Length];
        for (var i = 0; i < _actions.Length; i++)
        {
            values[i] = _actions[i].Value?.Evaluate(original);
        }
        var context = new ApplyContext(_actions, values, ItemExisted: existing is not null);
        var item = context.ApplyMembers(original, _root.Members ?? []);
        return new UpdateResult(item, _updatedPaths);
    }

    private sealed record ApplyContext(UpdateAction[] Actions, AttributeValue?[] Values, bool ItemExisted)
    {
        public Dictionary<string, AttributeValue> ApplyMembers(IReadOnlyDictionary<string, AttributeValue> map, Dictionary<string, Node> members)
        {
            var result = new Dictionary<string, AttributeValue>(map, StringComparer.Ordinal);
            foreach (var (name, node) in members)
            {
                map.TryGetValue(name, out var current);
                if (Apply(current, node) is { } next)
                {
                    result[name] = next;
                }
                else
                {
                    result.Remove(name);
                }
            }
            return result;
        }

        private AttributeValue? Apply(AttributeValue? current, Node node)
        {
            if (node.Action >= 0)
            {
                return ApplyAction(current, node.Action);
            }
            var fits = node.Members is not null ? current?.Type == AttributeType.M : current?.Type == AttributeType.L;
            if (!fits)
            {
                // AWS lets REMOVE of a nested path pass when the whole item is missing.
                if (!ItemExisted && node.OnlyRemoves)
                {
                    return current;
                }
                throw ExpressionErrors.InvalidPathForUpdate();
            }
            return node.Members is not null
                ? AttributeValue.FromM(ApplyMembers(current!.M, node.Members))
                : AttributeValue.FromL(ApplyElements(current!.L, node.Elements!));
        }

        private List<AttributeValue> ApplyElements(IReadOnlyList<AttributeValue> list, SortedDictionary<int, Node> elements)
        {
            var result = new List<AttributeValue?>(list);
            var appended = new List<AttributeValue>();
            foreach (var (index, node) in elements)
            {
                if (index < list.Count)
                {
                    result[index] = Apply(list[index], node);
                }
                else if (node.Action >= 0)
                {
                    if (ApplyAction(null, node.Action) is { } added)
                    {
                        appended.Add(added);
                    }
                }
                else if (ItemExisted || !node.OnlyRemoves)
                {
                    throw ExpressionErrors.InvalidPathForUpdate();
                }
            }
            var updated = new List<AttributeValue>(result.Count + appended.Count);
            foreach (var element in result)
            {
                if (element is not null)
                {
                    updated.Add(element);
                }
            }
            updated.AddRange(appended);
            return updated;
        }

        private AttributeValue? ApplyAction(AttributeValue? current, int index)
        {
            var action = Actions[index];
            var operand = action.Operand;
            switch (action.Kind)
            {
                case UpdateActionKind.Set:
                    return Values[index];
                case UpdateActionKind.Remove:
                    return null;
                case UpdateActionKind.Add:
                    if (current is null)
                    {
                        return operand;
                    }
                    if (current.Type != operand!.Type)
                    {
                        throw ExpressionErrors.IncorrectDataType();
                    }
                    return operand.Type == AttributeType.N
                        ? AttributeValue.FromNumber(current.Number + operand.Number)
                        : SetOperations.Union(current, operand);
                case UpdateActionKind.Delete:
                    if (current is null)
                    {
                        return null;
                    }
                    return current.Type == operand!.Type ? SetOperations.Difference(current, operand) : throw ExpressionErrors.IncorrectDataType();
                case UpdateActionKind.LegacyAdd:
                    if (current is null)
                    {
                        return operand;
                    }
                    if (current.Type != operand!.Type)
                    {
                        throw TypeMismatch();
                    }
                    return operand.Type switch
                    {
                        AttributeType.N => AttributeValue.FromNumber(current.Number + operand.Number),
                        AttributeType.L => AttributeValue.FromL([.. current.L, .. operand.L]),
                        _ => SetOperations.Union(current, operand),
                    };
                default:
                    if (current is null)
                    {
                        return null;
                    }
                    return current.Type == operand!.Type ? SetOperations.Difference(current, operand) : throw TypeMismatch();
            }
        }

        private static Exception TypeMismatch() => DynamoDbErrors.Validation("Type mismatch for attribute to update");
    }

    // The actions arranged by path. A node is either an action's target (Action >= 0) or has
    // members or elements below it, never both: overlapping and conflicting paths were refused.
    private sealed class Node : PathNode<Node>
    {
        public int Action { get; private set; } = -1;

        /// <summary>Whether every action at or below this node is a REMOVE.</summary>
        public bool OnlyRemoves { get; private set; } = true;

        public void Add(DocumentPath path, int depth, int action, bool isRemove)
        {
            OnlyRemoves &= isRemove;
            if (depth == path.Length)
            {
                Action = action;
                return;
            }
            Child(path.Elements[depth]).Add(path, depth + 1, action, isRemove);
        }
    }
}

/// <summary>
/// The outcome of an update: the new item and what ReturnValues needs. UPDATED_OLD and UPDATED_NEW
/// return only the updated paths, nested as in the item (as AWS does for <c>SET a.b = :v</c>).
/// </summary>
internal sealed class UpdateResult
{
    private readonly Projection _updatedPaths;

    public UpdateResult(Dictionary<string, AttributeValue> item, Projection updatedPaths)
    {
        Item = item;
        _updatedPaths = updatedPaths;
    }

    /// <summary>The item after the update, a new dictionary.</summary>
    public Dictionary<string, AttributeValue> Item { get; }

    /// <summary>The top-level attributes the update touched.</summary>
    public IEnumerable<string> UpdatedAttributes => _updatedPaths.TopLevelAttributes;

    /// <summary>ReturnValues UPDATED_OLD: the updated paths as they were in <paramref name="oldItem"/>.</summary>
    public Dictionary<string, AttributeValue> UpdatedOld(IReadOnlyDictionary<string, AttributeValue>? oldItem) =>
        oldItem is null ? [] : _updatedPaths.Apply(oldItem);

    /// <summary>ReturnValues UPDATED_NEW: the updated paths as they are in <see cref="Item"/>.</summary>
    public Dictionary<string, AttributeValue> UpdatedNew() => _updatedPaths.Apply(Item);
}
