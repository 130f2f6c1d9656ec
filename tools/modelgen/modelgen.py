#!/usr/bin/env python3
"""Generates FakeAws's model classes and operation dispatch for the services in services.json.

AWS publishes every service's shapes, members, locations and constraints; botocore ships them
under data/<service>/<API version>/service-2.json.gz. services.json names, per service, the model
(botocore name and API version), the C# namespace and output file, the shapes mapped onto
hand-written engine types (for example DynamoDB's AttributeValue), and the operations FakeAws
implements with their shape: "sync" (returns the output), "async" (a task of it) or "async+token"
(a task, and the request's cancellation token as the last parameter). From one model this writes:

  * a C# class per structure shape (properties named as AWS names them, JSON names exact),
  * constraint validation per structure that words violations as AWS does
    ("1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint: ..."),
  * the service's operation list (name, HTTP binding, input and output types, constraint check),
  * the operations interface its engine implements, so a missing or misspelt operation does not compile,
  * the dispatch that binds every operation of the model to that interface, or to nothing where
    FakeAws does not implement it (the operation tables and docs/COVERAGE.md are built from it).

Usage: python3 tools/modelgen/modelgen.py [botocore service ...]   (all of services.json when none)
tools/modelgen/regenerate.sh runs it for every service after checking botocore's version.
"""
import gzip
import json
import os
import re
import sys

import botocore

CS_KEYWORDS = {"abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
               "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
               "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
               "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
               "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly",
               "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct",
               "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe",
               "ushort", "using", "virtual", "void", "volatile", "while"}


HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# How an implemented operation's engine method is called, by its shape in services.json.
METHOD_SHAPES = {"sync": (False, False), "async": (True, False), "async+token": (True, True)}


def load_model(service, api_version):
    path = os.path.join(os.path.dirname(botocore.__file__), "data", service, api_version, "service-2.json.gz")
    with gzip.open(path) as f:
        return json.load(f)


def pascal(name):
    name = re.sub(r"[^A-Za-z0-9_]", "_", name)
    name = name[0].upper() + name[1:]
    return "_" + name if name[0].isdigit() else name


def lower_camel(name):
    return name[0].lower() + name[1:]


def cs_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class Generator:
    def __init__(self, service, model, enum_order):
        self.enum_order = enum_order
        self.service = service
        self.model = model
        self.shapes = model["shapes"]
        self.namespace = service["namespace"]
        self.overrides = service["overrides"]
        self.implemented = service["implemented"]
        unknown = sorted(set(self.implemented) - set(model["operations"]))
        if unknown:
            raise SystemExit(f"{service['botocore']}: services.json lists operations its model lacks: {', '.join(unknown)}")
        shapes = sorted(set(self.implemented.values()) - set(METHOD_SHAPES))
        if shapes:
            raise SystemExit(f"{service['botocore']}: unknown operation shapes {shapes}; use one of {sorted(METHOD_SHAPES)}")
        self.protocol = model["metadata"]["protocol"]
        self.reachable = self.find_reachable(("input", "output", "errors"))
        self.inputs = self.find_reachable(("input",))

    def find_reachable(self, roots):
        seen = set()
        stack = []
        for op in self.model["operations"].values():
            for key in roots:
                if key == "errors":
                    stack.extend(err["shape"] for err in op.get("errors", []))
                elif key in op:
                    stack.append(op[key]["shape"])
        while stack:
            name = stack.pop()
            if name in seen or name in self.overrides:
                continue
            seen.add(name)
            shape = self.shapes[name]
            if shape["type"] == "structure":
                stack.extend(m["shape"] for m in shape["members"].values())
            elif shape["type"] == "list":
                stack.append(shape["member"]["shape"])
            elif shape["type"] == "map":
                stack.extend([shape["key"]["shape"], shape["value"]["shape"]])
        return seen

    def cs_type(self, shape_name):
        if shape_name in self.overrides:
            return self.overrides[shape_name]
        shape = self.shapes[shape_name]
        t = shape["type"]
        if t == "structure":
            return pascal(shape_name)
        if t == "list":
            return f"List<{self.cs_type(shape['member']['shape'])}>"
        if t == "map":
            return f"Dictionary<string, {self.cs_type(shape['value']['shape'])}>"
        return {
            "string": "string",
            "integer": "int?",
            "long": "long?",
            "boolean": "bool?",
            "double": "double?",
            "float": "double?",
            "timestamp": "DateTimeOffset?",
            "blob": "byte[]",
            "document": "System.Text.Json.JsonElement?",
        }[t]

    def nullable(self, cs):
        return cs if cs.endswith("?") else cs + "?"

    def generate(self):
        out = []
        w = out.append
        w("// <auto-generated>")
        w(f"// Generated by `python3 tools/modelgen/modelgen.py {self.service['botocore']}` from botocore {botocore.__version__}'s")
        w(f"// {self.service['botocore']} model, API version {self.model['metadata']['apiVersion']}, as tools/modelgen/services.json describes it.")
        w("// Do not edit: change the generator or services.json and run tools/modelgen/regenerate.sh.")
        w("// </auto-generated>")
        w("#nullable enable")
        w("#pragma warning disable CS1591")
        w("using System.Text.Json.Serialization;")
        w("using FakeAws.Engine.Core;")
        w("")
        w(f"namespace {self.namespace};")
        w("")
        for name in sorted(self.reachable):
            shape = self.shapes[name]
            if shape["type"] == "structure":
                self.write_structure(w, name, shape)
        self.write_operations(w)
        return "\n".join(out) + "\n"

    def write_structure(self, w, name, shape):
        cls = pascal(name)
        kind = "error" if shape.get("exception") else "structure"
        w(f"/// <summary>The {name} {kind} shape.</summary>")
        w(f"internal sealed partial class {cls}")
        w("{")
        payload = shape.get("payload")
        members = shape["members"]
        for mname, member in members.items():
            prop = prop_name(cls, mname)
            cs = self.nullable(self.cs_type(member["shape"]))
            location = member.get("location")
            if location:
                w(f"    [JsonIgnore, WireLocation({cs_string(location)}, {cs_string(member.get('locationName', mname))})]")
            elif mname == payload:
                w("    [JsonIgnore, WirePayload]")
            else:
                json_name = member.get("locationName", mname) if self.protocol == "rest-json" else mname
                w(f"    [JsonPropertyName({cs_string(json_name)})]")
            w(f"    public {cs} {prop} {{ get; set; }}")
        if name in self.inputs:
            self.write_validate(w, cls, shape)
        w("}")
        w("")

    # Validation allocates nothing for a valid request: a member's path is only put together
    # (parent + member) when a constraint fails, and list elements use static lambdas.
    def write_validate(self, w, cls, shape):
        lines = []
        required = set(shape.get("required", []))
        for mname, member in shape["members"].items():
            prop = prop_name(cls, mname)
            member_path = cs_string(lower_camel(mname))
            target = self.shapes[member["shape"]] if member["shape"] not in self.overrides else None
            if mname in required:
                lines.append(f"v.Required({prop}, path, {member_path}, {cs_string(mname)});")
            if target is None:
                continue
            lines.extend(self.constraint_calls(prop, target, "path", member_path))
            nested = self.nested_validation(prop, member["shape"], member_path)
            if nested:
                lines.append(nested)
        w("")
        w("    /// <summary>Checks AWS's declared constraints on this shape and its members.</summary>")
        w("    public void Validate(ModelValidation v, string path = \"\")")
        w("    {")
        for line in lines:
            w("        " + line)
        w("    }")

    def constraint_calls(self, prop, target, parent, member):
        calls = []
        t = target["type"]
        args = f"{prop}, {parent}, {member}"
        if t in ("string", "blob", "list", "map"):
            if "enum" in target:
                ordered = self.enum_order.get(target_name(self.shapes, target), target["enum"])
                values = ", ".join(cs_string(v) for v in ordered)
                calls.append(f"v.Enum({args}, [{values}]);")
            if "min" in target and target["min"] > 0:
                calls.append(f"v.MinLength({args}, {target['min']});")
            if "max" in target:
                calls.append(f"v.MaxLength({args}, {target['max']});")
            if t == "string" and "pattern" in target:
                calls.append(f"v.Pattern({args}, {cs_string(target['pattern'])});")
        elif t in ("integer", "long", "double", "float"):
            if "min" in target:
                calls.append(f"v.Min({args}, {target['min']});")
            if "max" in target:
                calls.append(f"v.Max({args}, {target['max']});")
        return calls

    def nested_validation(self, prop, shape_name, member):
        if shape_name in self.overrides:
            return None
        target = self.shapes[shape_name]
        if target["type"] == "structure":
            return f"{prop}?.Validate(v, path + {member} + \".\");"
        if target["type"] in ("list", "map"):
            inner_name = target["member"]["shape"] if target["type"] == "list" else target["value"]["shape"]
            if inner_name in self.overrides:
                return None
            inner = self.shapes[inner_name]
            checks = self.constraint_calls("e", inner, "p", '""')
            if inner["type"] == "structure":
                checks.append("e?.Validate(v, p + \".\");")
            if not checks:
                return None
            each = "Each" if target["type"] == "list" else "EachValue"
            return f"v.{each}({prop}, path, {member}, static (v, e, p) => {{ {' '.join(checks)} }});"
        return None

    def write_operations(self, w):
        w("/// <summary>Every operation of the service as AWS's model lists it.</summary>")
        w("internal static partial class ServiceModel")
        w("{")
        w(f"    /// <summary>The service's name as FakeAws's errors and docs/COVERAGE.md show it.</summary>")
        w(f"    public const string Name = {cs_string(self.service['name'])};")
        w(f"    public const string ServiceId = {cs_string(self.model['metadata']['serviceId'])};")
        w(f"    public const string EndpointPrefix = {cs_string(self.model['metadata']['endpointPrefix'])};")
        w(f"    public const string Protocol = {cs_string(self.protocol)};")
        target = self.model["metadata"].get("targetPrefix")
        w(f"    public const string? TargetPrefix = {cs_string(target) if target else 'null'};")
        w("")
        w("    public static readonly IReadOnlyList<OperationModel> Operations =")
        w("    [")
        operations = sorted(self.model["operations"].items())
        for name, op in operations:
            http = op.get("http", {})
            input_type = f"typeof({pascal(op['input']['shape'])})" if "input" in op else "null"
            output_type = f"typeof({pascal(op['output']['shape'])})" if "output" in op else "null"
            validate = f"static (input, v) => (({pascal(op['input']['shape'])})input).Validate(v)" if "input" in op else "null"
            w(f"        new({cs_string(name)}, {cs_string(http.get('method', 'POST'))}, {cs_string(http.get('requestUri', '/'))}, "
              f"{http.get('responseCode', 200)}, {input_type}, {output_type}, {validate}),")
        w("    ];")
        w("")
        w(f"    /// <summary>Every operation of the model bound to the engine's method, or to none where FakeAws does not implement it.</summary>")
        w(f"    public static IReadOnlyList<OperationBinding> Bind({self.service['interface']} engine) =>")
        w("    [")
        for index, (name, op) in enumerate(operations):
            w(f"        new(Operations[{index}], {self.invoker(name, op)}),")
        w("    ];")
        w("}")
        w("")
        self.write_interface(w, operations)

    def write_interface(self, w, operations):
        w(f"/// <summary>")
        w(f"/// The operations of {self.service['name']} that FakeAws implements, as tools/modelgen/services.json lists them.")
        w(f"/// The engine implements this interface, and <see cref=\"ServiceModel.Bind\"/> dispatches to it.")
        w(f"/// </summary>")
        w(f"internal interface {self.service['interface']}")
        w("{")
        for name, op in operations:
            if name in self.implemented:
                w(f"    {self.signature(name, op)};")
        w("}")

    def method_shape(self, name, op):
        is_async, takes_token = METHOD_SHAPES[self.implemented[name]]
        if "input" not in op:
            raise SystemExit(f"{self.service['botocore']}: {name} has no input shape; FakeAws's operations take one")
        output = pascal(op["output"]["shape"]) if "output" in op else None
        return is_async, takes_token, pascal(op["input"]["shape"]), output

    def signature(self, name, op):
        is_async, takes_token, input_type, output = self.method_shape(name, op)
        returns = (f"Task<{output}>" if output else "Task") if is_async else (output or "void")
        token = ", CancellationToken cancellationToken" if takes_token else ""
        return f"{returns} {name}(RequestScope scope, {input_type} input{token})"

    # A synchronous method's result passes straight through a ValueTask: no async state machine
    # on the fast path's hot loop. An operation without an output shape answers null.
    def invoker(self, name, op):
        if name not in self.implemented:
            return "null"
        is_async, takes_token, input_type, output = self.method_shape(name, op)
        token_name = "token" if takes_token else "_"
        call = f"engine.{name}(scope, ({input_type})input{', token' if takes_token else ''})"
        if not is_async:
            body = f"new({call})" if output else f"{{ {call}; return default; }}"
            return f"(scope, input, {token_name}) => {body}"
        body = f"await {call}.ConfigureAwait(false)" if output else f"{{ await {call}.ConfigureAwait(false); return null; }}"
        return f"async (scope, input, {token_name}) => {body}"


def target_name(shapes, target):
    return next(name for name, shape in shapes.items() if shape is target)


def prop_name(cls, member_name):
    prop = pascal(member_name)
    # A member may not share its class's name in C#.
    return prop + "Value" if prop == cls or prop in CS_KEYWORDS else prop


def main():
    with open(os.path.join(HERE, "services.json")) as f:
        services = json.load(f)["services"]
    with open(os.path.join(HERE, "enum_order.json")) as f:
        enum_orders = json.load(f)
    wanted = sys.argv[1:] or [s["botocore"] for s in services]
    for name in wanted:
        service = next((s for s in services if s["botocore"] == name), None)
        if service is None:
            raise SystemExit(f"{name} is not in tools/modelgen/services.json")
        model = load_model(service["botocore"], service["apiVersion"])
        text = Generator(service, model, enum_orders.get(service["botocore"], {})).generate()
        output = os.path.join(ROOT, service["output"])
        os.makedirs(os.path.dirname(output), exist_ok=True)
        with open(output, "w") as f:
            f.write(text)
        print(f"wrote {service['output']}")


if __name__ == "__main__":
    main()
