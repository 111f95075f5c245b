namespace SfnResume.Engine.Tasks.JavaScript;

/// <summary>The JavaScript half of the local Node.js-style runtime, compiled once per handler engine.</summary>
internal static class JavaScriptRuntimeScripts
{
    /// <summary>Installs <c>console</c>, timers, <c>process</c> and <c>require</c>, and returns the runtime object the
    /// host drives. Error documents follow the Node.js runtime interface client (errorType = the error's <c>name</c>,
    /// trace = its <c>stack</c> lines; other thrown values report <c>typeof</c> and <c>toString()</c>).</summary>
    public const string Prelude = """
        (function (host, env, info) {
          'use strict';
          const g = globalThis;
          const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

          function inspect(value) {
            if (typeof value === 'string') return "'" + value + "'";
            if (typeof value === 'function') return '[Function: ' + (value.name || 'anonymous') + ']';
            if (value instanceof Error) return value.stack || (value.name + ': ' + value.message);
            if (typeof value === 'object' && value !== null) {
              try { const s = JSON.stringify(value); if (s !== undefined) return s; } catch (e) { return '[object]'; }
            }
            return String(value);
          }

          function format(...args) {
            if (args.length === 0) return '';
            let first = args[0];
            let rest = 1;
            let out;
            if (typeof first === 'string') {
              out = first.replace(/%[sdifjoOc%]/g, (m) => {
                if (m === '%%') return '%';
                if (rest >= args.length) return m;
                const a = args[rest++];
                switch (m) {
                  case '%s': return typeof a === 'string' ? a : inspect(a);
                  case '%d': case '%i': return String(m === '%i' ? parseInt(a, 10) : Number(a));
                  case '%f': return String(parseFloat(a));
                  case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
                  case '%c': return '';
                  default: return inspect(a);
                }
              });
            } else {
              out = inspect(first);
            }
            for (; rest < args.length; rest++) {
              const a = args[rest];
              out += ' ' + (typeof a === 'string' ? a : inspect(a));
            }
            return out;
          }

          const log = (level) => (...args) => host.log(level, format(...args));
          g.console = { log: log('INFO'), info: log('INFO'), warn: log('WARN'), error: log('ERROR'), debug: log('DEBUG'), trace: log('TRACE') };

          const timer = (repeat) => (fn, ms, ...args) => {
            if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
            return host.setTimer(() => fn(...args), Number(ms) || 0, repeat);
          };
          const clear = (id) => { if (typeof id === 'number') host.clearTimer(id); };
          g.setTimeout = timer(false);
          g.setInterval = timer(true);
          g.setImmediate = (fn, ...args) => host.setTimer(() => fn(...args), 0, false);
          g.clearTimeout = clear;
          g.clearInterval = clear;
          g.clearImmediate = clear;
          if (typeof g.queueMicrotask !== 'function') {
            g.queueMicrotask = (fn) => { Promise.resolve().then(fn); };
          }

          g.process = {
            env, argv: [], platform: 'linux', version: 'v20.0.0', versions: { node: '20.0.0' },
            cwd: () => info.taskRoot,
            nextTick: (fn, ...args) => { Promise.resolve().then(() => fn(...args)); },
          };

          function promisify(fn) {
            return (...args) => new Promise((resolve, reject) =>
              fn(...args, (err, value) => (err === null || err === undefined) ? resolve(value) : reject(err)));
          }

          const timers = { setTimeout: g.setTimeout, setInterval: g.setInterval, setImmediate: g.setImmediate,
            clearTimeout: clear, clearInterval: clear, clearImmediate: clear };
          const builtins = {
            util: { format, inspect, promisify },
            crypto: { randomUUID: () => host.uuid() },
            timers,
            'timers/promises': {
              setTimeout: (ms, value) => new Promise((resolve) => g.setTimeout(() => resolve(value), ms)),
              setImmediate: (value) => new Promise((resolve) => g.setImmediate(() => resolve(value))),
            },
          };

          const cache = Object.create(null);
          function notFound(id, stack) {
            const e = new Error("Cannot find module '" + id + "'\nRequire stack:\n- " + stack.join('\n- '));
            e.code = 'MODULE_NOT_FOUND';
            return e;
          }

          function makeRequire(filename, dirname, stack) {
            const require = function (id) {
              id = String(id);
              const bare = id.startsWith('node:') ? id.slice(5) : id;
              if (hasOwn(builtins, bare)) return builtins[bare];
              const found = host.resolve(id, dirname);
              if (found === null) throw notFound(id, stack);
              if (cache[found]) return cache[found].exports;
              const module = { id: found, filename: found, exports: {}, loaded: false };
              cache[found] = module;
              const dir = host.dirname(found);
              if (found.endsWith('.json')) {
                module.exports = JSON.parse(host.read(found));
              } else {
                const body = host.compile(found);
                if (typeof body === 'string') throw new SyntaxError(body);
                body.call(module.exports, module.exports, makeRequire(found, dir, [found, ...stack]), module, found, dir);
              }
              module.loaded = true;
              return module.exports;
            };
            require.cache = cache;
            return require;
          }

          function loadMain(body, filename, dirname) {
            const module = { id: '.', filename, exports: {}, loaded: false };
            cache[filename] = module;
            body.call(module.exports, module.exports, makeRequire(filename, dirname, [filename]), module, filename, dirname);
            module.loaded = true;
            return module.exports;
          }

          // Node's stack: a header written when the error was made (the prototype's name, so an error renamed later
          // still reads "Error: ..."), then the frames; this runtime's own frames are left out.
          function trace(error, message) {
            const lines = (typeof error.stack === 'string' ? error.stack : '').split('\n')
              .filter((line) => line.length > 0 && !line.includes('lambda-runtime.js'));
            if (lines.length === 0 || lines[0].startsWith('    at ')) {
              const proto = Object.getPrototypeOf(error);
              const header = proto && typeof proto.name === 'string' ? proto.name : String(error.name);
              lines.unshift(message ? header + ': ' + message : header);
            }
            return lines;
          }

          function fail(id, error) {
            try {
              if (error instanceof Error || (error && typeof error.name === 'string' && typeof error.message === 'string'
                  && typeof error.stack === 'string')) {
                const name = String(error.name);
                const message = String(error.message);
                if (Array.isArray(error.stackTrace)) {
                  // An error written as the Python runtime reports it (used by stand-ins for Python functions).
                  host.settle(id, 3, name, message, error.stackTrace.map(String));
                  return;
                }
                host.settle(id, 1, name, JSON.stringify({ errorType: name, errorMessage: message, trace: trace(error, message) }));
                return;
              }
              const type = typeof error;
              host.settle(id, 1, type, JSON.stringify({ errorType: type, errorMessage: error.toString(), trace: [] }));
            } catch (e) {
              host.settle(id, 1, 'handled', JSON.stringify({ errorType: 'handled', errorMessage:
                'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack' }));
            }
          }

          // One context object per warm engine, updated per invocation by the host: building it (and its closures) per
          // call costs more than the identity handler itself. Its succeed/fail/done settle the current invocation
          // (id -1 stands for it).
          const context = {
            callbackWaitsForEmptyEventLoop: true,
            functionName: info.functionName,
            functionVersion: info.functionVersion,
            invokedFunctionArn: info.invokedFunctionArn,
            memoryLimitInMB: info.memoryLimitInMB,
            awsRequestId: '',
            logGroupName: info.logGroupName,
            logStreamName: info.logStreamName,
            getRemainingTimeInMillis: () => host.remaining(),
            succeed: (value) => host.settle(-1, 0, value),
            // Old runtimes reported context.fail() without an error as an error without a type (seed history).
            fail: (err) => (err === null || err === undefined) ? host.settle(-1, 2) : fail(-1, err),
            done: (err, value) => (err === null || err === undefined) ? host.settle(-1, 0, value) : fail(-1, err),
          };
          const sharedCallback = (err, value) => (err === null || err === undefined) ? host.settle(-1, 0, value) : fail(-1, err);

          // A handler that declares the callback may keep it past its invocation: it gets one bound to its call.
          const callbackFor = (id) => (err, value) => (err === null || err === undefined) ? host.settle(id, 0, value) : fail(id, err);

          // Settles invocation id when a returned thenable settles (the host uses its own reactions for a native
          // promise when it can tell whose promise it is).
          function settleWhen(result, id) {
            result.then((value) => host.settle(id, 0, value), (e) => fail(id, e));
          }

          // What a native promise's then reads before it builds its reaction (ECMA-262 SpeciesConstructor), as loaded: while
          // they are unchanged, then runs no code of the handler's, and the host may read a settled promise directly.
          const species = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
          return { loadMain, fail, context, sharedCallback, callbackFor, settleWhen, promiseThen: Promise.prototype.then,
            promisePrototype: Promise.prototype, promiseConstructor: Promise, speciesSymbol: Symbol.species,
            speciesGetter: species && species.get };
        })
        """;
}
