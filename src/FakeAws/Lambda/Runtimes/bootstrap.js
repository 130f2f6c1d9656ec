// FakeAws's runtime interface client for nodejs*.x functions: what AWS's runtime does, with Node's
// standard library only. It loads the handler from LAMBDA_TASK_ROOT (CommonJS or an ES module; the
// layers' modules on NODE_PATH), then polls the Runtime API at AWS_LAMBDA_RUNTIME_API for events.
// A handler wrapped in awslambda.streamifyResponse posts its response as AWS's runtime does, in the
// streaming response mode with chunked transfer encoding: one HTTP chunk per write, which FakeAws
// turns into one PayloadChunk event each.
"use strict";
const http = require("http");
const { Writable } = require("stream");
const path = require("path");
const fs = require("fs");
const { pathToFileURL } = require("url");

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const API = "/2018-06-01/runtime";
// FakeAws reads stdout and stderr as they come. This line, never logged, tells it that everything the
// handler printed for a request has been read, so LogResult holds the handler's last lines.
const LOG_END = "__FAKEAWS_LOG_END__ ";

// Written on both streams, each after what the handler wrote there; resolves once both are flushed.
function endOutput(requestId) {
  const line = LOG_END + requestId + "\n";
  return Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write(line, resolve))));
}

function request(method, route, body, headers) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(body);
    const req = http.request({ host, port, method, path: API + route, headers: { ...(headers || {}), ...(data ? { "Content-Length": data.length } : {}) } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (data) req.write(data);
    req.end();
  });
}

const STREAMING = Symbol("fakeaws.streaming");
// What AWS's runtime puts before a function URL's streamed body: the HTTP metadata as JSON, then eight zero bytes.
const HTTP_INTEGRATION = "application/vnd.awslambda.http-integration-response";

// The response stream a streaming handler writes to: each write goes out at once as one chunk.
class ResponseStream extends Writable {
  constructor(request) {
    super();
    this.request = request;
    this.prelude = undefined;
  }
  setContentType(type) {
    this.request.setHeader("Content-Type", type);
  }
  _write(chunk, encoding, done) {
    // A function URL's prelude and its eight zero bytes travel with the first write, in its chunk.
    const data = this.prelude === undefined ? chunk : Buffer.concat([Buffer.from(this.prelude), Buffer.alloc(8), Buffer.from(chunk)]);
    this.prelude = undefined;
    this.request.write(data, done);
  }
}

globalThis.awslambda = {
  streamifyResponse(handler) {
    const streaming = (event, responseStream, context) => handler(event, responseStream, context);
    streaming[STREAMING] = true;
    return streaming;
  },
  HttpResponseStream: {
    // The prelude goes out with the first write, as AWS's runtime sends it just before.
    from(stream, prelude) {
      stream.setContentType(HTTP_INTEGRATION);
      stream.prelude = JSON.stringify(prelude);
      return stream;
    },
  },
};

// Runs a streaming handler with a response stream on one chunked POST; a failure ends the request
// with the error in its trailers, as the Runtime API's streaming mode reports one.
function runStreaming(fn, event, context, requestId) {
  return new Promise((resolve, reject) => {
    const error = (e) => {
      const document = errorDocument(e);
      request.addTrailers({ "Lambda-Runtime-Function-Error-Type": "Unhandled", "Lambda-Runtime-Function-Error-Body": Buffer.from(document).toString("base64") });
      request.end();
    };
    const request = http.request({
      host, port, method: "POST", path: `${API}/invocation/${requestId}/response`,
      headers: { "Lambda-Runtime-Function-Response-Mode": "streaming", "Transfer-Encoding": "chunked", "Content-Type": "application/octet-stream", Trailer: "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body" },
    }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    request.on("error", reject);
    const stream = new ResponseStream(request);
    let finished = false;
    stream.on("finish", () => { finished = true; });
    Promise.resolve()
      .then(() => fn(event, stream, context))
      .then(() => finished || stream.writableEnded ? undefined : new Promise((done) => stream.end(done)))
      .then(() => (finished ? undefined : new Promise((done) => stream.on("finish", done))))
      .then(() => endOutput(requestId))
      .then(() => request.end(), (e) => endOutput(requestId).then(() => error(e)));
  });
}

function errorDocument(error) {
  const e = error instanceof Error ? error : new Error(String(error));
  return JSON.stringify({ errorType: e.name || "Error", errorMessage: e.message, trace: (e.stack || "").split("\n") });
}

async function loadHandler() {
  const handler = process.env._HANDLER;
  const dot = handler.lastIndexOf(".");
  const moduleName = handler.slice(0, dot);
  const functionName = handler.slice(dot + 1);
  const root = process.env.LAMBDA_TASK_ROOT;
  let module;
  try {
    const base = path.resolve(root, moduleName);
    const file = [".js", ".mjs", ".cjs"].map((ext) => base + ext).find((f) => fs.existsSync(f));
    if (!file) {
      const error = new Error(`Cannot find module '${moduleName}'`);
      error.name = "Runtime.ImportModuleError";
      throw error;
    }
    module = file.endsWith(".mjs") ? await import(pathToFileURL(file).href) : require(file);
  } catch (error) {
    const name = error.name === "Runtime.ImportModuleError" ? error.name : "Runtime.ImportModuleError";
    const body = JSON.stringify({ errorType: name, errorMessage: `Error: ${error.message}`, trace: (error.stack || "").split("\n") });
    await request("POST", "/init/error", body, { "Lambda-Runtime-Function-Error-Type": name, "Content-Type": "application/json" });
    process.exit(1);
  }
  const fn = module[functionName] || (module.default && module.default[functionName]);
  if (typeof fn !== "function") {
    const body = JSON.stringify({ errorType: "Runtime.HandlerNotFound", errorMessage: `${moduleName}.${functionName} is undefined or not exported`, trace: [] });
    await request("POST", "/init/error", body, { "Lambda-Runtime-Function-Error-Type": "Runtime.HandlerNotFound", "Content-Type": "application/json" });
    process.exit(1);
  }
  return fn;
}

function run(fn, event, context) {
  // Handlers are async (a promise) or take a callback as their third argument.
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (error, result) => {
      if (settled) return;
      settled = true;
      error ? reject(error) : resolve(result);
    };
    try {
      const returned = fn(event, context, callback);
      if (returned && typeof returned.then === "function") {
        returned.then((r) => callback(null, r), (e) => callback(e));
      } else if (fn.length < 3) {
        callback(null, returned);
      }
    } catch (error) {
      callback(error);
    }
  });
}

async function main() {
  const fn = await loadHandler();
  for (;;) {
    const next = await request("GET", "/invocation/next");
    const headers = next.headers;
    const requestId = headers["lambda-runtime-aws-request-id"];
    const deadline = Number(headers["lambda-runtime-deadline-ms"]);
    // The deadline is on FakeAws's clock; what is left is measured from now on this process's clock.
    const endsAt = Date.now() + (deadline - Number(headers["x-fakeaws-now-ms"] || deadline));
    const context = {
      awsRequestId: requestId,
      invokedFunctionArn: headers["lambda-runtime-invoked-function-arn"],
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      clientContext: headers["lambda-runtime-client-context"] ? JSON.parse(headers["lambda-runtime-client-context"]) : undefined,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()),
    };
    const event = next.body.length ? JSON.parse(next.body.toString("utf8")) : null;
    if (fn[STREAMING]) {
      await runStreaming(fn, event, context, requestId);
      continue;
    }
    try {
      const result = await run(fn, event, context);
      await endOutput(requestId);
      await request("POST", `/invocation/${requestId}/response`, JSON.stringify(result === undefined ? null : result), { "Content-Type": "application/json" });
    } catch (error) {
      await endOutput(requestId);
      await request("POST", `/invocation/${requestId}/error`, errorDocument(error), { "Lambda-Runtime-Function-Error-Type": "Unhandled", "Content-Type": "application/json" });
    }
  }
}

main();
