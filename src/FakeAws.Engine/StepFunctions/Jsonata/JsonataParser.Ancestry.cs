namespace FakeAws.Engine.StepFunctions.Jsonata;

internal sealed partial class JsonataParser
{
    /// <summary>
    /// jsonata's check that each parent operator (<c>%</c>) can be resolved: it walks the tree as
    /// its post-parse stage does, each <c>%</c> seeking one step back along its path (a name or a
    /// wildcard), and answers S0217 where a <c>%</c> meets a step that is neither or reaches the top
    /// of the expression unresolved.
    /// </summary>
    private static class Ancestry
    {
        /// <summary>A <c>%</c> still seeking its parent: how many steps back it has left to go.</summary>
        private sealed class Slot
        {
            public int Level { get; set; } = 1;
        }

        /// <summary>A node as jsonata's post-parse stage leaves it, as far as the parent operator needs.</summary>
        private sealed class Processed(string kind)
        {
            public string Kind { get; } = kind;

            public List<Processed> Steps { get; } = [];

            /// <summary>A block's last expression.</summary>
            public Processed? Last { get; set; }

            public Slot? Slot { get; init; }

            /// <summary>The parent operators below this node not yet resolved.</summary>
            public List<Slot>? Seeking { get; set; }

            /// <summary>The step binds the focus (<c>@$v</c>).</summary>
            public bool Focus { get; set; }
        }

        public static void Check(Syntax tree)
        {
            var result = Process(tree);
            if (result.Kind == "parent" || result.Seeking is not null)
            {
                throw JsonataSyntaxException.Create("S0217");
            }
        }

        private static Processed Process(Syntax s)
        {
            switch (s)
            {
                case { Type: "binary", Id: "." }:
                    var left = Process(s.Lhs!);
                    var path = left.Kind == "path" ? left : Path(left);
                    if (left.Kind == "parent")
                    {
                        path.Seeking = [left.Slot!];
                    }
                    var rest = Process(s.Rhs!);
                    path.Steps.AddRange(rest.Kind == "path" ? rest.Steps : [rest]);
                    Resolve(path);
                    return path;
                case { Type: "binary", Id: "[" }:
                    var filtered = Process(s.Lhs!);
                    var step = filtered.Kind == "path" ? filtered.Steps[^1] : filtered;
                    var predicate = Process(s.Rhs!);
                    foreach (var slot in predicate.Seeking ?? [])
                    {
                        if (slot.Level == 1)
                        {
                            Seek(step, slot);
                        }
                        else
                        {
                            slot.Level--;
                        }
                    }
                    Push(step, predicate);
                    return filtered;
                case { Type: "binary", Id: "{" }:
                    var grouped = Process(s.Lhs!);
                    foreach (var (key, value) in s.Pairs)
                    {
                        Process(key);
                        Process(value);
                    }
                    return grouped;
                case { Type: "binary", Id: "^" }:
                    var sorted = Process(s.Lhs!);
                    sorted = sorted.Kind == "path" ? sorted : Path(sorted);
                    var sort = new Processed("sort");
                    s.Terms.ForEach(t => Push(sort, Process(t.Term)));
                    sorted.Steps.Add(sort);
                    Resolve(sorted);
                    return sorted;
                case { Type: "binary", Id: "@" }:
                    var focused = Process(s.Lhs!);
                    (focused.Kind == "path" ? focused.Steps[^1] : focused).Focus = true;
                    return focused;
                case { Type: "binary", Id: "#" }:
                    var indexed = Process(s.Lhs!);
                    return indexed.Kind == "path" ? indexed : Path(indexed);
                case { Type: "binary", Id: "~>" }:
                    Process(s.Lhs!);
                    Process(s.Rhs!);
                    return new Processed("apply");
                case { Type: "binary", Id: ":=" }:
                    return Pushing(new Processed("bind"), Process(s.Rhs!));
                case { Type: "binary" }:
                    return Pushing(new Processed("binary"), Process(s.Lhs!), Process(s.Rhs!));
                case { Type: "unary", Id: "[" }:
                    return Pushing(new Processed("array"), [.. s.Items.Select(Process)]);
                case { Type: "unary", Id: "{" }:
                    return Pushing(new Processed("object"), [.. s.Pairs.SelectMany(p => new[] { Process(p.Key), Process(p.Value) })]);
                case { Type: "unary" }:
                    var inner = s.Expression!;
                    while (inner is { Type: "unary", Id: "-" })
                    {
                        inner = inner.Expression!;
                    }
                    var operand = Process(inner);
                    return operand.Kind == "number" ? operand : Pushing(new Processed("unary"), operand);
                case { Type: "function" or "partial" }:
                    var call = Pushing(new Processed("function"), [.. s.Items.Where(a => a is not { Type: "operator", Id: "?" }).Select(Process)]);
                    Process(s.Expression!);
                    return call;
                case { Type: "lambda" }:
                    Process(s.Body!);
                    return new Processed("lambda");
                case { Type: "condition" }:
                    var branches = new List<Processed> { Process(s.Lhs!), Process(s.Rhs!) };
                    if (s.Else is not null)
                    {
                        branches.Add(Process(s.Else));
                    }
                    return Pushing(new Processed("condition"), [.. branches]);
                case { Type: "transform" }:
                    Process(s.Expression!);
                    Process(s.Rhs!);
                    if (s.Delete is not null)
                    {
                        Process(s.Delete);
                    }
                    return new Processed("transform");
                case { Type: "block" }:
                    var expressions = s.Items.Select(Process).ToArray();
                    var block = Pushing(new Processed("block"), expressions);
                    block.Last = expressions.LastOrDefault();
                    return block;
                case { Type: "name" } or { Type: "operator", Id: "and" or "or" or "in" }:
                    return Path(new Processed("name"));
                case { Type: "parent" }:
                    return new Processed("parent") { Slot = new Slot() };
                default:
                    return new Processed(s.Type ?? "end");
            }
        }

        private static Processed Path(Processed first)
        {
            var path = new Processed("path");
            path.Steps.Add(first);
            return path;
        }

        /// <summary>Carries the unresolved parent operators of <paramref name="values"/> up to <paramref name="result"/>.</summary>
        private static Processed Pushing(Processed result, params Processed[] values)
        {
            foreach (var value in values)
            {
                Push(result, value);
            }
            return result;
        }

        private static void Push(Processed result, Processed value)
        {
            if (value.Seeking is null && value.Kind != "parent")
            {
                return;
            }
            var slots = value.Seeking ?? [];
            if (value.Kind == "parent")
            {
                slots.Add(value.Slot!);
            }
            if (result.Seeking is null)
            {
                result.Seeking = slots;
            }
            else
            {
                result.Seeking.AddRange(slots);
            }
        }

        /// <summary>Resolves the parent operators of a path's last step against the steps before it; what is left seeks further up.</summary>
        private static void Resolve(Processed path)
        {
            var last = path.Steps[^1];
            var slots = last.Seeking ?? [];
            if (last.Kind == "parent")
            {
                slots.Add(last.Slot!);
            }
            foreach (var start in slots.ToList())
            {
                var slot = start;
                var index = path.Steps.Count - 2;
                while (slot.Level > 0)
                {
                    if (index < 0)
                    {
                        (path.Seeking ??= []).Add(slot);
                        break;
                    }
                    var step = path.Steps[index--];
                    while (index >= 0 && step.Focus && path.Steps[index].Focus)
                    {
                        step = path.Steps[index--];
                    }
                    slot = Seek(step, slot);
                }
            }
        }

        private static Slot Seek(Processed node, Slot slot)
        {
            switch (node.Kind)
            {
                case "name" or "wildcard":
                    slot.Level--;
                    return slot;
                case "parent":
                    slot.Level++;
                    return slot;
                case "block":
                    return node.Last is null ? slot : Seek(node.Last, slot);
                case "path":
                    var index = node.Steps.Count - 1;
                    slot = Seek(node.Steps[index--], slot);
                    while (slot.Level > 0 && index >= 0)
                    {
                        slot = Seek(node.Steps[index--], slot);
                    }
                    return slot;
                default:
                    throw JsonataSyntaxException.Create("S0217");
            }
        }
    }
}
